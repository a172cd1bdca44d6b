import GRDB

extension Schema {
    /// Residents, conversations, every message in and out, the shared sequence, dedupe keys.
    static func registerMessages(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v1-messages") { db in
            try db.execute(sql: """
                CREATE TABLE sequence (name TEXT PRIMARY KEY NOT NULL, value INTEGER NOT NULL);
                INSERT INTO sequence (name, value) VALUES ('seq', 0);

                CREATE TABLE residents (
                    user_id TEXT PRIMARY KEY NOT NULL,
                    name TEXT,
                    first_seen DATETIME NOT NULL,
                    last_seen DATETIME NOT NULL
                );

                CREATE TABLE conversations (
                    id TEXT PRIMARY KEY NOT NULL,
                    user_id TEXT NOT NULL,
                    state TEXT NOT NULL,
                    updated_at DATETIME NOT NULL
                );

                -- Every message in and out. seq is the shared sequence (also the rowid).
                CREATE TABLE messages (
                    seq INTEGER PRIMARY KEY,
                    id TEXT NOT NULL,
                    conversation_id TEXT NOT NULL,
                    user_id TEXT NOT NULL,
                    direction TEXT NOT NULL CHECK (direction IN ('in', 'out')),
                    text TEXT NOT NULL,
                    at DATETIME NOT NULL,
                    sent_at DATETIME,
                    channel TEXT,
                    label TEXT,
                    subtopic TEXT,
                    score REAL,
                    explanation TEXT,
                    meta TEXT,
                    in_reply_to TEXT
                );
                CREATE INDEX messages_by_conversation ON messages (conversation_id, seq);
                CREATE INDEX messages_by_reply ON messages (in_reply_to);

                -- Dedupe keys: the gateway's message ids already processed (kept >= 7 days).
                CREATE TABLE processed_messages (
                    message_id TEXT PRIMARY KEY NOT NULL,
                    conversation_id TEXT NOT NULL,
                    seq INTEGER NOT NULL,
                    processed_at DATETIME NOT NULL
                );
                CREATE INDEX processed_by_time ON processed_messages (processed_at);
                """)
        }
    }
}
