import GRDB

extension Schema {
    /// The lifecycle's timestamps and flags on `cases` (dispatch, accept, resolve, close,
    /// escalations, rating reminder, effective urgency, meeting), and the verdict on `rated` events.
    static func registerCaseLifecycle(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v2-case-lifecycle") { db in
            try db.execute(sql: """
                ALTER TABLE cases ADD COLUMN dispatched_at DATETIME;
                ALTER TABLE cases ADD COLUMN accepted_at DATETIME;
                ALTER TABLE cases ADD COLUMN resolved_at DATETIME;
                ALTER TABLE cases ADD COLUMN closed_at DATETIME;
                ALTER TABLE cases ADD COLUMN accept_escalated_at DATETIME;
                ALTER TABLE cases ADD COLUMN resolve_escalated_at DATETIME;
                ALTER TABLE cases ADD COLUMN rating_reminded_at DATETIME;
                ALTER TABLE cases ADD COLUMN effective_urgency TEXT;
                ALTER TABLE cases ADD COLUMN needs_meeting BOOLEAN NOT NULL DEFAULT 0;
                ALTER TABLE case_events ADD COLUMN rating TEXT;
                CREATE INDEX cases_by_state ON cases (state);
                """)
        }
    }
}
