public import Foundation
public import GRDB

/// Reading and writing the records inside one transaction. Created by `Store.write` / `read`;
/// never kept beyond the closure.
public final class StoreTransaction {
    /// The GRDB connection, for extensions (casework) that need their own SQL.
    public let db: Database
    private var nextSeqValue: Int64?
    private var seqDirty = false

    init(_ db: Database) { self.db = db }

    /// The next value of the sequence shared by inbound messages, replies and notifications:
    /// persisted, strictly increasing across restarts.
    public func nextSeq() throws -> Int64 {
        if nextSeqValue == nil {
            let last = try Int64.fetchOne(db, sql: "SELECT value FROM sequence WHERE name = 'seq'") ?? 0
            nextSeqValue = last + 1
        }
        let value = nextSeqValue!
        nextSeqValue = value + 1
        seqDirty = true
        return value
    }

    /// The last seq handed out (0 when none).
    public func lastSeq() throws -> Int64 {
        if let nextSeqValue { return nextSeqValue - 1 }
        return try Int64.fetchOne(db, sql: "SELECT value FROM sequence WHERE name = 'seq'") ?? 0
    }

    /// Writes the sequence back; called once at the end of the transaction.
    func finish() throws {
        guard seqDirty, let nextSeqValue else { return }
        try db.execute(sql: "UPDATE sequence SET value = ? WHERE name = 'seq'", arguments: [nextSeqValue - 1])
        seqDirty = false
    }
}
