import Foundation
public import Office
import Store

/// Checks (or re-records) transcript files against a rule book, each on a fresh in-memory
/// database with the transcript's clock. Shared by `shangliang replay` and the test suite.
public struct TranscriptReplayer {
    public var book: RuleBook

    /// What became of one file.
    public enum Result: Sendable, Equatable {
        case passed
        case recorded
        /// The readable diff (`-` expected, `+` actual).
        case failed(String)
    }

    /// Creates a replayer over a rule book.
    public init(book: RuleBook) { self.book = book }

    /// Plays one file; compares, or rewrites it when `record` is true.
    /// - Throws: `TranscriptError` for an unreadable file, database errors.
    public func check(file: String, record: Bool) throws -> Result {
        guard let data = FileManager.default.contents(atPath: file), let expected = String(data: data, encoding: .utf8) else {
            throw TranscriptError.unreadable(file)
        }
        let actual = try play(expected)
        if record {
            if actual != expected { try Data(actual.utf8).write(to: URL(fileURLWithPath: file)) }
            return .recorded
        }
        return TerminalTranscriptDiff.diff(expected: expected, actual: actual).map(Result.failed) ?? .passed
    }

    /// Plays a transcript's text and returns what actually happens.
    public func play(_ text: String) throws -> String {
        let transcript = try TerminalTranscript(parsing: text)
        let book = self.book
        let player = TerminalTranscriptPlayer { clock in
            try Office(store: try Store.inMemory(), clock: clock.closure, loadRules: { book })
        }
        return try player.play(transcript)
    }
}
