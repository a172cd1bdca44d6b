import Foundation
import GRDB
internal import GRDBSQLite

/// Runs one of GRDB's cached statements through the SQLite C API: values bound in place with
/// `sqlite3_bind_*`, one `sqlite3_step` loop, no `StatementArguments`.
///
/// For the few statements every message runs (store a message, find its dedupe key, save the
/// conversation): GRDB's argument arrays of existentials cost more than SQLite's own work.
/// Writes only inside a transaction the caller opened through GRDB (checked: a write never
/// runs in autocommit mode, so a transaction SQLite has already rolled back cannot be written
/// on). Errors are GRDB `DatabaseError`s, as with GRDB. What is skipped is GRDB's statement
/// bookkeeping for transaction observers and region tracking, which this store does not use.
struct DirectStatement {
    private let connection: OpaquePointer
    private let handle: OpaquePointer
    private let query: DirectQuery
    private var index: Int32 = 1

    /// Takes `statement` (GRDB's cached statement for `query`), reset, bindings cleared.
    init(_ db: Database, statement: Statement, query: DirectQuery) throws {
        guard let connection = db.sqliteConnection else {
            throw DatabaseError(resultCode: .SQLITE_MISUSE, message: "closed connection", sql: query.sql)
        }
        self.connection = connection
        self.handle = statement.sqliteStatement
        self.query = query
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
    }

    /// SQLite copies the bytes (SQLITE_TRANSIENT): the string need not outlive the call.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    mutating func bind(_ value: String?) {
        defer { index += 1 }
        guard var value else { return }  // cleared bindings are NULL
        value.withUTF8 { utf8 in
            _ = sqlite3_bind_text(handle, index, UnsafeRawPointer(utf8.baseAddress!).assumingMemoryBound(to: CChar.self), Int32(utf8.count), Self.transient)
        }
    }

    mutating func bind(_ value: Int64?) {
        defer { index += 1 }
        guard let value else { return }
        sqlite3_bind_int64(handle, index, value)
    }

    mutating func bind(_ value: Double?) {
        defer { index += 1 }
        guard let value else { return }
        sqlite3_bind_double(handle, index, value)
    }

    mutating func bind(_ value: DatabaseValue) {
        switch value.storage {
        case .null: index += 1
        case .int64(let number): bind(number)
        case .double(let number): bind(number)
        case .string(let text): bind(text)
        case .blob(let data):
            data.withUnsafeBytes { bytes in
                _ = sqlite3_bind_blob(handle, index, bytes.baseAddress, Int32(bytes.count), Self.transient)
            }
            index += 1
        }
    }

    /// Runs the statement to its end; only inside a transaction.
    func execute() throws {
        guard sqlite3_get_autocommit(connection) == 0 else {
            throw DatabaseError(resultCode: .SQLITE_ERROR, message: "not inside a transaction", sql: query.sql)
        }
        while true {
            let code = sqlite3_step(handle)
            if code == SQLITE_DONE { break }
            if code != SQLITE_ROW { try fail(code) }
        }
        sqlite3_reset(handle)
    }

    /// The first column of the first row as an integer; nil for no row or NULL.
    func fetchInt64() throws -> Int64? {
        let code = sqlite3_step(handle)
        defer { sqlite3_reset(handle) }
        switch code {
        case SQLITE_DONE: return nil
        case SQLITE_ROW: return sqlite3_column_type(handle, 0) == SQLITE_NULL ? nil : sqlite3_column_int64(handle, 0)
        default: try fail(code)
        }
    }

    /// The number of rows the last statement changed.
    var changes: Int { Int(sqlite3_changes(connection)) }

    private func fail(_ code: Int32) throws -> Never {
        let message = String(cString: sqlite3_errmsg(connection))
        sqlite3_reset(handle)
        throw DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: query.sql)
    }
}

/// The statements run through `DirectStatement`, each looked up in GRDB's cache once per
/// transaction (hashing the SQL text for every message showed in the profile).
enum DirectQuery: Int, CaseIterable {
    case insertMessage
    case processedSeq
    case updateConversation
    case anyCaseInvolving

    var sql: String {
        switch self {
        case .insertMessage: """
            INSERT INTO messages (seq, id, conversation_id, user_id, direction, text, at, sent_at, channel, label,
                                  subtopic, score, explanation, meta, in_reply_to)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """
        case .processedSeq: "SELECT max(seq) FROM messages WHERE id = ? AND direction = 'in'"
        case .updateConversation: "UPDATE conversations SET state = ?, updated_at = ? WHERE id = ?"
        case .anyCaseInvolving:
            "SELECT 1 FROM cases WHERE filed_by = ? OR number IN (SELECT case_number FROM cosigners WHERE user_id = ?) LIMIT 1"
        }
    }
}
