public import Foundation
import GRDB

extension StoreTransaction {
    /// Puts a notification in the outbox with the next seq.
    /// - Returns: the stored entry (its id and seq).
    @discardableResult
    public func enqueue(recipient: String, text: String, kind: String? = nil, caseNumber: String? = nil, at: Date) throws -> OutboxEntry {
        let seq = try nextSeq()
        enqueuedCount += 1
        try db.cachedStatement(sql: "INSERT INTO outbox (recipient, text, seq, kind, case_number, created_at) VALUES (?, ?, ?, ?, ?, ?)")
            .execute(arguments: [recipient, text, seq, kind, caseNumber, value(at)])
        return OutboxEntry(id: db.lastInsertedRowID, recipient: recipient, text: text, seq: seq, kind: kind, caseNumber: caseNumber, createdAt: at)
    }

    /// Gives the notifications enqueued after `seq` fresh seqs from the shared counter, keeping
    /// their order: a turn calls this once its replies are stored, so that every channel writes
    /// the turn's output (ack, replies, notifications) in strictly increasing seq order.
    public func resequenceOutbox(after seq: Int64) throws {
        for entry in try outbox(after: seq) {
            try db.cachedStatement(sql: "UPDATE outbox SET seq = ? WHERE id = ?").execute(arguments: [try nextSeq(), entry.id])
        }
    }

    /// Notifications not yet delivered, for one recipient or everyone, in seq order.
    public func pendingOutbox(for recipient: String?) throws -> [OutboxEntry] {
        if let recipient {
            return try OutboxEntry.fetch(db, "WHERE delivered_at IS NULL AND recipient = ? ORDER BY seq", [recipient])
        }
        return try OutboxEntry.fetch(db, "WHERE delivered_at IS NULL ORDER BY seq", [])
    }

    /// Notifications enqueued after `seq` (those of the current turn), in seq order.
    public func outbox(after seq: Int64) throws -> [OutboxEntry] {
        try OutboxEntry.fetch(db, "WHERE seq > ? ORDER BY seq", [seq])
    }

    /// Every notification, delivered or not, in seq order (tests, exports).
    public func allOutbox() throws -> [OutboxEntry] {
        try OutboxEntry.fetch(db, "ORDER BY seq", [])
    }

    /// Marks entries delivered. Unknown or already delivered ids are ignored.
    public func markDelivered(outboxIDs: [Int64], at: Date) throws {
        for id in outboxIDs {
            try db.execute(sql: "UPDATE outbox SET delivered_at = ? WHERE id = ? AND delivered_at IS NULL", arguments: [at, id])
        }
    }
}

extension OutboxEntry {
    static func fetch(_ db: Database, _ clause: String, _ arguments: StatementArguments) throws -> [OutboxEntry] {
        try Row.fetchAll(db.cachedStatement(sql: "SELECT * FROM outbox " + clause), arguments: arguments).map { row in
            OutboxEntry(
                id: row["id"], recipient: row["recipient"], text: row["text"], seq: row["seq"], kind: row["kind"],
                caseNumber: row["case_number"], createdAt: row["created_at"], deliveredAt: row["delivered_at"])
        }
    }
}
