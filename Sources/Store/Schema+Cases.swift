import GRDB

extension Schema {
    /// Cases (诉求单), their per-year number counter, co-signers and history of events.
    static func registerCases(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v1-cases") { db in
            try db.execute(sql: """
                CREATE TABLE case_counters (year INTEGER PRIMARY KEY NOT NULL, last INTEGER NOT NULL);

                CREATE TABLE cases (
                    number TEXT PRIMARY KEY NOT NULL,
                    category_id TEXT NOT NULL,
                    subtopic_id TEXT,
                    area TEXT,
                    building INTEGER,
                    unit INTEGER,
                    room TEXT,
                    spot TEXT,
                    summary TEXT NOT NULL,
                    detail TEXT,
                    since TEXT,
                    households TEXT,
                    proposal TEXT,
                    urgency TEXT NOT NULL,
                    state TEXT NOT NULL,
                    filed_by TEXT NOT NULL,
                    filed_at DATETIME NOT NULL,
                    owner_role TEXT,
                    owner_user_id TEXT,
                    follower_user_id TEXT,
                    informed_user_ids TEXT NOT NULL DEFAULT '[]',
                    routing_reason TEXT,
                    needs_triage BOOLEAN NOT NULL DEFAULT 0,
                    accept_by DATETIME,
                    resolve_by DATETIME,
                    is_overdue BOOLEAN NOT NULL DEFAULT 0,
                    rating TEXT,
                    rating_comment TEXT,
                    related_case_number TEXT,
                    updated_at DATETIME NOT NULL
                );
                CREATE INDEX cases_by_place ON cases (category_id, building, state);
                CREATE INDEX cases_by_filer ON cases (filed_by);
                CREATE INDEX cases_by_owner ON cases (owner_role, owner_user_id, state);

                CREATE TABLE cosigners (
                    case_number TEXT NOT NULL REFERENCES cases (number),
                    user_id TEXT NOT NULL,
                    at DATETIME NOT NULL,
                    PRIMARY KEY (case_number, user_id)
                );
                CREATE INDEX cosigners_by_user ON cosigners (user_id);

                CREATE TABLE case_events (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    case_number TEXT NOT NULL REFERENCES cases (number),
                    kind TEXT NOT NULL,
                    actor TEXT NOT NULL,
                    at DATETIME NOT NULL,
                    note TEXT,
                    from_state TEXT,
                    to_state TEXT
                );
                CREATE INDEX case_events_by_case ON case_events (case_number, id);
                """)
        }
    }
}
