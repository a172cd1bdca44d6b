import Foundation
public import GRDB

/// The database: SQLite through GRDB in WAL mode, schema by versioned migrations.
/// Every write runs in one transaction (`write(_:)`); the channels show replies only after it
/// returns, so a reply a resident saw is always on disk.
public final class Store: Sendable {
    /// The GRDB writer (a `DatabasePool` for files).
    public let writer: any DatabaseWriter
    /// Conversation states as committed (a turn's read of its state, saved).
    let states = ConversationStateCache()

    /// Opens (creating if needed) the database at `path` and migrates it. Creates the directory.
    /// - Parameters:
    ///   - path: the SQLite file.
    ///   - durableCommits: `PRAGMA synchronous = FULL`: every commit is synced to disk, so a
    ///     committed transaction survives a power cut too. Otherwise WAL's `NORMAL`: it survives
    ///     a crash of the process (SIGKILL), not necessarily of the machine.
    /// - Throws: `StoreError` or a GRDB `DatabaseError`.
    public convenience init(path: String, durableCommits: Bool = false) throws {
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty {
            do {
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            } catch {
                throw StoreError.cannotCreateDirectory(directory)
            }
        }
        var configuration = Configuration()
        configuration.busyMode = .timeout(5)
        configuration.label = "shangliang"
        let pool = try DatabasePool(path: path, configuration: configuration)
        try pool.writeWithoutTransaction { db in
            // After GRDB's WAL setup (which sets NORMAL); the writer connection keeps it.
            if durableCommits { try db.execute(sql: "PRAGMA synchronous = FULL") }
            // Room for a whole group-committed batch of dirty pages (SQLite's default 2 MiB
            // spills them to the WAL mid-transaction, and rewrites them at the commit).
            try db.execute(sql: "PRAGMA cache_size = -\(Self.writerCacheKiB)")
            // Each message runs in a savepoint: keep its undo journal in memory, not in a
            // temporary file written with every message.
            try db.execute(sql: "PRAGMA temp_store = MEMORY")
            // Checkpoint the WAL every ~16 MiB instead of SQLite's 4 MiB: the pages a busy
            // gateway rewrites with every batch (index and table tails, the sequence row) are
            // copied to the database file, and synced, four times less often. Durability is the
            // WAL's, unchanged.
            try db.execute(sql: "PRAGMA wal_autocheckpoint = \(Self.walAutocheckpointPages)")
        }
        try self.init(pool)
    }

    /// WAL frames (pages) after which a commit checkpoints.
    static let walAutocheckpointPages = 4096

    /// The writer connection's page cache, in KiB (it grows only as pages are used).
    static let writerCacheKiB = 16 * 1024

    /// Wraps an open writer (a pool, or a queue for in-memory tests) and migrates it.
    public init(_ writer: any DatabaseWriter) throws {
        self.writer = writer
        try Schema.migrator.migrate(writer)
    }

    /// An in-memory database (tests; no WAL).
    public static func inMemory() throws -> Store {
        try Store(DatabaseQueue())
    }

    /// Runs `body` in one write transaction; everything it does commits together or not at all.
    /// - Throws: what `body` throws, or a database error; nothing is committed then.
    public func write<T>(_ body: (StoreTransaction) throws -> T) throws -> T {
        let states = self.states
        // `writer.write`, with the states merged in once committed, before any other write.
        return try writer.writeWithoutTransaction { db in
            var result: T?
            var written: [String: String] = [:]
            try db.inTransaction {
                // Another connection (another process) may have changed conversations.
                states.validate(dataVersion: try Int64.fetchOne(db.cachedStatement(sql: "PRAGMA data_version")))
                let tx = StoreTransaction(db, states: states)
                result = try body(tx)
                try tx.finish()
                written = tx.statesRead
                return .commit
            }
            states.merge(written)
            return result!
        }
    }

    /// Runs `body` with read access (a consistent snapshot).
    public func read<T>(_ body: (StoreTransaction) throws -> T) throws -> T {
        try writer.read { db in try body(StoreTransaction(db)) }
    }
}

/// What can go wrong in the store beyond SQLite's own errors.
public enum StoreError: Error, CustomStringConvertible, Equatable {
    case cannotCreateDirectory(String)
    case unknownCase(String)
    case corruptRecord(table: String, key: String)

    public var description: String {
        switch self {
        case .cannotCreateDirectory(let path): "cannot create the database directory \(path)"
        case .unknownCase(let number): "no case numbered \(number)"
        case .corruptRecord(let table, let key): "unreadable row \(key) in \(table)"
        }
    }
}
