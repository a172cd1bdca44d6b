public import Foundation
public import Logging
import Store

extension Office {
    /// Opens the database (creating it and its directory) and loads the standard rule book;
    /// `reloadRules()` reloads from the same directory.
    /// - Parameters:
    ///   - databasePath: the SQLite file, e.g. `var/shangliang.sqlite`.
    ///   - rulesDirectory: the rules directory, e.g. `rules`.
    ///   - clock: the time source.
    ///   - logger: where to log.
    ///   - durableCommits: sync every commit to disk (`synchronous=FULL`; the gateway's setting).
    /// - Throws: `DiagnosticError` for broken rules, `StoreError` / GRDB errors for the database.
    public static func open(
        databasePath: String, rulesDirectory: String, clock: @escaping @Sendable () -> Date = { Date() },
        logger: Logger = Logger(label: "shangliang.office", factory: { _ in SwiftLogNoOpLogHandler() }),
        durableCommits: Bool = false
    ) throws -> Office {
        let directory = URL(fileURLWithPath: rulesDirectory)
        let book = try RuleBook.standard(directory: directory, displayRoot: rulesDirectory)
        let store = try Store(path: databasePath, durableCommits: durableCommits)
        let first = LoadOnce(book)
        return try Office(store: store, clock: clock, logger: logger) {
            try first.take() ?? RuleBook.standard(directory: directory, displayRoot: rulesDirectory)
        }
    }
}

import Synchronization

/// Hands out a value once (the rule book loaded before the database opened), then nil.
final class LoadOnce: Sendable {
    private let value: Mutex<RuleBook?>
    init(_ book: RuleBook) { value = Mutex(book) }
    func take() -> RuleBook? { value.withLock { book in defer { book = nil }; return book } }
}
