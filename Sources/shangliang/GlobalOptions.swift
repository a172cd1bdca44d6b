import ArgumentParser
import Foundation
import Logging
import Office
import Rules

/// Options shared by the commands that open the office: the database and the rules.
struct GlobalOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The SQLite database, created with its directory if missing (env SHANGLIANG_DB).", valueName: "path"))
    var db: String = ProcessInfo.processInfo.environment["SHANGLIANG_DB"] ?? "var/shangliang.sqlite"

    @Option(help: ArgumentHelp("The rules directory (env SHANGLIANG_RULES).", valueName: "dir"))
    var rules: String = ProcessInfo.processInfo.environment["SHANGLIANG_RULES"] ?? "rules"

    /// A fixed time instead of the system clock (tests, demonstrations), ISO 8601 with an offset:
    /// `2026-11-26T10:00:00+08:00`.
    @Option(help: .hidden)
    var now: String = ProcessInfo.processInfo.environment["SHANGLIANG_NOW"] ?? ""

    func validate() throws {
        if !now.isEmpty, Self.parseDate(now) == nil {
            throw ValidationError("--now (or SHANGLIANG_NOW) must be ISO 8601 with an offset, e.g. 2026-11-26T10:00:00+08:00")
        }
    }

    /// The office's clock: the system's, or the fixed `--now`.
    var clock: @Sendable () -> Date {
        if let fixed = Self.parseDate(now) { return { fixed } }
        return { Date() }
    }

    static func parseDate(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        if let date = formatter.date(from: text) { return date }
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.date(from: text)
    }

    /// Opens the office; broken rules print their diagnostics on stderr and exit 1.
    /// `durableCommits`: sync every commit to disk (see `Store.init(path:durableCommits:)`).
    func makeOffice(logger: Logger, durableCommits: Bool = false) throws -> Office {
        do {
            return try Office.open(
                databasePath: db, rulesDirectory: rules, clock: clock, logger: logger, durableCommits: durableCommits)
        } catch let error as DiagnosticError {
            FileHandle.standardError.write(Data((error.description + "\n").utf8))
            throw ExitCode.failure
        }
    }

    /// A logger on stderr.
    static func stderrLogger(_ label: String, level: Logger.Level = .warning) -> Logger {
        var logger = Logger(label: label, factory: { StreamLogHandler.standardError(label: $0) })
        logger.logLevel = level
        return logger
    }
}
