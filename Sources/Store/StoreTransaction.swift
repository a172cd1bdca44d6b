import Foundation
public import GRDB

/// Reading and writing the records inside one transaction. Created by `Store.write` / `read`;
/// never kept beyond the closure.
public final class StoreTransaction {
    /// The GRDB connection, for extensions (casework) that need their own SQL.
    public let db: Database
    private var nextSeqValue: Int64?
    private var seqDirty = false
    /// The last date converted to its database form: a batch's rows all carry the same clock
    /// time, and GRDB's date formatting is costly.
    private var lastDate: (date: Date, value: DatabaseValue)?
    /// How many notifications `enqueue` has written in this transaction: a turn that wrote none
    /// need not read the outbox back.
    public internal(set) var enqueuedCount = 0

    /// The committed states (write transactions only).
    private let states: ConversationStateCache?
    /// Conversation states read or written by this transaction: valid once it commits.
    private(set) var statesRead: [String: String] = [:]
    /// The earlier values of `statesRead` changed inside savepoints, to undo a rolled-back one
    /// (a copy of the dictionary per savepoint would cost more than the query saved).
    private var statesUndo: [(conversationID: String, state: String?)] = []
    private var savepointDepth = 0

    /// GRDB's cached statements for `DirectQuery`, by raw value, once looked up.
    private var directStatements = [Statement?](repeating: nil, count: DirectQuery.allCases.count)

    /// The statement for `query`, ready to bind.
    func direct(_ query: DirectQuery) throws -> DirectStatement {
        if let statement = directStatements[query.rawValue] { return try DirectStatement(db, statement: statement, query: query) }
        let statement = try db.cachedStatement(sql: query.sql)
        directStatements[query.rawValue] = statement
        return try DirectStatement(db, statement: statement, query: query)
    }

    /// Records a conversation's state as this transaction leaves it.
    func noteState(_ state: String, of conversationID: String) {
        let old = statesRead.updateValue(state, forKey: conversationID)
        if savepointDepth > 0 { statesUndo.append((conversationID, old)) }
    }

    init(_ db: Database, states: ConversationStateCache? = nil) {
        self.db = db
        self.states = states
    }

    /// A conversation's state as this transaction sees it, without a query when known.
    func cachedState(_ conversationID: String) -> String? {
        statesRead[conversationID] ?? states?.state(of: conversationID)
    }

    /// The next value of the sequence shared by inbound messages, replies and notifications:
    /// persisted, strictly increasing across restarts.
    public func nextSeq() throws -> Int64 {
        if nextSeqValue == nil {
            let last = try Int64.fetchOne(db.cachedStatement(sql: "SELECT value FROM sequence WHERE name = 'seq'")) ?? 0
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
        return try Int64.fetchOne(db.cachedStatement(sql: "SELECT value FROM sequence WHERE name = 'seq'")) ?? 0
    }

    /// `date` as stored (GRDB's text format), memoised for the last date seen.
    func value(_ date: Date) -> DatabaseValue {
        if let lastDate, lastDate.date == date { return lastDate.value }
        let value = date.databaseValue
        lastDate = (date, value)
        return value
    }

    /// `date` as stored, or NULL.
    func value(_ date: Date?) -> DatabaseValue {
        date.map { value($0) } ?? .null
    }

    /// Writes the sequence back; called once at the end of the transaction.
    func finish() throws {
        guard seqDirty, let nextSeqValue else { return }
        try db.cachedStatement(sql: "UPDATE sequence SET value = ? WHERE name = 'seq'").execute(arguments: [nextSeqValue - 1])
        seqDirty = false
    }
}

extension StoreTransaction {
    /// Runs `body` in a savepoint: if it throws, only its own writes are undone and the
    /// transaction goes on (one bad message must not sink a whole batch).
    /// - Throws: what `body` throws, after rolling its writes back.
    public func savepoint<T>(_ body: () throws -> T) throws -> T {
        // Cached statements rather than `db.inSavepoint`, which parses its SQL every time (one
        // savepoint per message: it showed in the gateway's profile). GRDB still tracks them.
        try db.cachedStatement(sql: "SAVEPOINT turn").execute()
        let undoMark = statesUndo.count
        savepointDepth += 1
        defer {
            savepointDepth -= 1
            if savepointDepth == 0 { statesUndo.removeAll(keepingCapacity: true) }
        }
        let result: T
        do {
            result = try body()
        } catch {
            while statesUndo.count > undoMark {
                let (conversationID, state) = statesUndo.removeLast()
                statesRead[conversationID] = state
            }
            // When SQLite has already rolled the whole transaction back (disk full, I/O), there
            // is no savepoint left: the error goes up and the transaction ends anyway.
            if db.isInsideTransaction {
                try? db.cachedStatement(sql: "ROLLBACK TO SAVEPOINT turn").execute()
                try? db.cachedStatement(sql: "RELEASE SAVEPOINT turn").execute()
            }
            throw error
        }
        try db.cachedStatement(sql: "RELEASE SAVEPOINT turn").execute()
        return result
    }

    /// Whether an error came from SQLite itself (disk full, I/O, busy ...): the transaction
    /// cannot be trusted to go on, unlike an error of the program's own logic.
    public static func isDatabaseFailure(_ error: any Error) -> Bool {
        error is DatabaseError
    }
}
