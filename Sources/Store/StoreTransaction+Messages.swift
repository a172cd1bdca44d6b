public import Foundation
import GRDB

extension StoreTransaction {
    /// Creates the resident on first sight; updates the name (when given) and last-seen time.
    /// - Returns: the name now stored (the one given, or the one kept), if any.
    @discardableResult
    public func touchResident(userID: String, name: String?, at: Date) throws -> String? {
        try String.fetchOne(db.cachedStatement(sql: """
            INSERT INTO residents (user_id, name, first_seen, last_seen) VALUES (?, ?, ?, ?)
            ON CONFLICT (user_id) DO UPDATE SET name = coalesce(excluded.name, residents.name), last_seen = excluded.last_seen
            RETURNING name
            """), arguments: [userID, name, value(at), value(at)])
    }

    /// The resident's name, if known.
    public func residentName(userID: String) throws -> String? {
        try String.fetchOne(db.cachedStatement(sql: "SELECT name FROM residents WHERE user_id = ?"), arguments: [userID])
    }

    /// The stored dialogue state of a conversation (JSON), or nil for a new conversation.
    public func conversationState(_ conversationID: String) throws -> String? {
        if let state = cachedState(conversationID) { return state }
        let state = try String.fetchOne(db.cachedStatement(sql: "SELECT state FROM conversations WHERE id = ?"), arguments: [conversationID])
        if let state { noteState(state, of: conversationID) }
        return state
    }

    /// Saves a conversation's dialogue state (JSON).
    public func saveConversationState(_ state: String, conversationID: String, userID: String, at: Date) throws {
        // A state known to this transaction (read, cached or saved) is a row that exists: a plain
        // UPDATE, without the INSERT attempt and its conflict.
        if cachedState(conversationID) != nil {
            var update = try direct(.updateConversation)
            update.bind(state)
            update.bind(value(at))
            update.bind(conversationID)
            try update.execute()
            if update.changes == 1 {
                noteState(state, of: conversationID)
                return
            }
        }
        try db.cachedStatement(sql: """
            INSERT INTO conversations (id, user_id, state, updated_at) VALUES (?, ?, ?, ?)
            ON CONFLICT (id) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at
            """).execute(arguments: [conversationID, userID, state, value(at)])
        noteState(state, of: conversationID)
    }

    /// Stores one message in or out.
    public func insertMessage(_ message: StoredMessage) throws {
        var statement = try direct(.insertMessage)
        statement.bind(message.seq)
        statement.bind(message.id)
        statement.bind(message.conversationID)
        statement.bind(message.userID)
        statement.bind(message.direction.rawValue)
        statement.bind(message.text)
        statement.bind(value(message.at))
        statement.bind(value(message.sentAt))
        statement.bind(message.channel)
        statement.bind(message.label)
        statement.bind(message.subtopic)
        statement.bind(message.score)
        statement.bind(message.explanation)
        statement.bind(message.meta)
        statement.bind(message.inReplyTo)
        try statement.execute()
    }

    /// The seq of the inbound message stored for a dedupe key (the gateway's message id), or
    /// nil when it was never processed. The stored inbound message is the key: kept as long as
    /// the messages are.
    public func processedSeq(messageID: String) throws -> Int64? {
        var statement = try direct(.processedSeq)
        statement.bind(messageID)
        return try statement.fetchInt64()
    }

    /// The replies stored for an inbound message id, in order.
    public func replies(to messageID: String) throws -> [StoredMessage] {
        try StoredMessage.fetch(db, "WHERE in_reply_to = ? AND direction = 'out' ORDER BY seq", [messageID])
    }

    /// Every message of a conversation, in order.
    public func messages(conversationID: String) throws -> [StoredMessage] {
        try StoredMessage.fetch(db, "WHERE conversation_id = ? ORDER BY seq", [conversationID])
    }

    /// Every message, in order (exports, tests).
    public func allMessages() throws -> [StoredMessage] {
        try StoredMessage.fetch(db, "ORDER BY seq", [])
    }
}

extension StoredMessage {
    static func fetch(_ db: Database, _ clause: String, _ arguments: StatementArguments) throws -> [StoredMessage] {
        try Row.fetchAll(db.cachedStatement(sql: "SELECT * FROM messages " + clause), arguments: arguments).map { row in
            StoredMessage(
                seq: row["seq"], id: row["id"], conversationID: row["conversation_id"], userID: row["user_id"],
                direction: Direction(rawValue: row["direction"]) ?? .inbound, text: row["text"], at: row["at"],
                sentAt: row["sent_at"], channel: row["channel"], label: row["label"], subtopic: row["subtopic"],
                score: row["score"], explanation: row["explanation"], meta: row["meta"], inReplyTo: row["in_reply_to"])
        }
    }
}
