import GRDB

extension Schema {
    /// What staff must see besides cases: handoffs (转人工) and incidents (emergencies at top
    /// priority, non-discussable requests explained and redirected).
    static func registerStaffRecords(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v1-staff-records") { db in
            try db.execute(sql: """
                CREATE TABLE handoffs (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    user_id TEXT NOT NULL,
                    conversation_id TEXT NOT NULL,
                    message_seq INTEGER,
                    reason TEXT NOT NULL,
                    created_at DATETIME NOT NULL,
                    answered_at DATETIME,
                    answered_by TEXT
                );
                CREATE INDEX handoffs_open ON handoffs (answered_at, created_at);

                CREATE TABLE incidents (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    kind TEXT NOT NULL,
                    category_id TEXT NOT NULL,
                    subtopic_id TEXT,
                    priority INTEGER NOT NULL,
                    user_id TEXT NOT NULL,
                    conversation_id TEXT NOT NULL,
                    message_seq INTEGER,
                    area TEXT,
                    building INTEGER,
                    unit INTEGER,
                    room TEXT,
                    spot TEXT,
                    number TEXT,
                    created_at DATETIME NOT NULL,
                    handled_at DATETIME
                );
                CREATE INDEX incidents_open ON incidents (handled_at, priority, created_at);
                """)
        }
    }
}
