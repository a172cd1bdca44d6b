import GRDB

extension Schema {
    /// Notifications for people other than the one writing, until a channel delivers them.
    static func registerOutbox(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v1-outbox") { db in
            try db.execute(sql: """
                CREATE TABLE outbox (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    recipient TEXT NOT NULL,
                    text TEXT NOT NULL,
                    seq INTEGER NOT NULL UNIQUE,
                    kind TEXT,
                    case_number TEXT,
                    created_at DATETIME NOT NULL,
                    delivered_at DATETIME
                );
                CREATE INDEX outbox_pending ON outbox (recipient, delivered_at, seq);
                """)
        }
    }
}
