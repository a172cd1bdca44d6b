import GRDB

extension Schema {
    /// Dedupe keys folded into `messages`: the inbound row is the key (found by a partial index
    /// on inbound ids), instead of one more row and two more index entries in
    /// `processed_messages` for every message. Keys are then kept as long as the messages
    /// (more than the 7 days promised). `processed_messages` stays as a view for readers.
    static func registerDedupe(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v2-dedupe-in-messages") { db in
            // A database whose keys were pruned (after 30 days) may hold an id processed twice:
            // the index cannot be unique there; lookups take the latest row either way.
            let reprocessed = try Bool.fetchOne(db, sql: """
                SELECT EXISTS (SELECT 1 FROM messages WHERE direction = 'in' GROUP BY id HAVING count(*) > 1)
                """) ?? false
            try db.execute(sql: """
                CREATE \(reprocessed ? "" : "UNIQUE ")INDEX messages_inbound_id ON messages (id) WHERE direction = 'in';
                -- Only replies have in_reply_to: inbound rows need no entry.
                DROP INDEX messages_by_reply;
                CREATE INDEX messages_by_reply ON messages (in_reply_to) WHERE in_reply_to IS NOT NULL;
                DROP TABLE processed_messages;
                CREATE VIEW processed_messages AS
                    SELECT id AS message_id, conversation_id, seq, at AS processed_at FROM messages WHERE direction = 'in';
                """)
        }
    }
}
