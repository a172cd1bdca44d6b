public import Foundation

/// A golden conversation as people read it (`transcripts/*.txt`):
///
/// ```
/// # user: u1
/// # name: 张阿姨
/// # clock: 2026-11-26T08:00:00+08:00
/// > 居民: 3栋电梯坏了
/// < 助手: 收到，这是"设施维修"方面的事……
/// < 这种情况从什么时候开始的？        (a reply's further lines)
/// ! 通知[wang]: 新诉求 2026-0001 ……  (notifications a turn produced)
/// > 居民[u2]: 我也要反映              (another resident for one line)
/// # user: u2                          (or switch the resident from here on)
/// # advance: 2h                       (move the clock: 30m, 2h, 3d)
/// ```
/// Other `#` lines and blank lines are comments, kept as written.
public struct TerminalTranscript: Sendable, Hashable {
    /// One line of the file, as understood.
    public enum Line: Sendable, Hashable {
        /// A comment, blank line or directive kept as written; `directive` when it is one.
        case verbatim(String, directive: Directive?)
        /// A resident's message; `user` when given as `居民[u2]`.
        case resident(text: String, user: String?, raw: String)
        /// An assistant reply line (first line of a reply, or a continuation) or a notification:
        /// expected output, replaced by the actual output when replaying.
        case output(String)
    }

    /// A header or mid-file setting.
    public enum Directive: Sendable, Hashable {
        case user(String)
        case name(String)
        case clock(Date)
        case advance(TimeInterval)
    }

    public var lines: [Line]

    /// Parses a transcript.
    /// - Throws: `TranscriptError` with the line number of a malformed directive.
    public init(parsing text: String) throws {
        var lines: [Line] = []
        for (index, raw) in text.components(separatedBy: "\n").enumerated() {
            var line = raw
            if line.hasSuffix("\r") { line.removeLast() }
            if line.hasPrefix("> ") {
                let body = String(line.dropFirst(2))
                // The colon after `]` when a user is given: user ids may hold colons (`staff:li-na`).
                let bracketed = body.range(of: "]:").flatMap { end in body.firstIndex(of: "[").map { $0 < end.lowerBound } } == true
                    ? body.range(of: "]:").map { body.index(before: $0.upperBound) } : nil
                guard let colon = bracketed ?? body.firstIndex(of: ":") else { throw TranscriptError.malformed(line: index + 1, "expected `> 居民: text`") }
                let who = body[..<colon]
                var text = String(body[body.index(after: colon)...])
                if text.hasPrefix(" ") { text.removeFirst() }
                var user: String?
                if let open = who.firstIndex(of: "["), let close = who.lastIndex(of: "]"), open < close {
                    user = String(who[who.index(after: open)..<close])
                }
                lines.append(.resident(text: text, user: user, raw: line))
            } else if line.hasPrefix("<") || line.hasPrefix("! ") {
                lines.append(.output(line))
            } else if line.hasPrefix("#") {
                lines.append(.verbatim(line, directive: try Self.directive(line, lineNumber: index + 1)))
            } else {
                lines.append(.verbatim(line, directive: nil))
            }
        }
        // A file ends with a line break: no empty last line of its own.
        if case .verbatim("", nil)? = lines.last { lines.removeLast() }
        self.lines = lines
    }

    /// Reads and parses a transcript file.
    public init(contentsOf path: String) throws {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw TranscriptError.unreadable(path)
        }
        try self.init(parsing: text)
    }

    static func directive(_ line: String, lineNumber: Int) throws -> Directive? {
        let body = line.dropFirst().trimmingCharacters(in: .whitespaces)
        guard let colon = body.firstIndex(of: ":") else { return nil }
        let key = body[..<colon].trimmingCharacters(in: .whitespaces)
        let value = body[body.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        switch key {
        case "user": return .user(value)
        case "name": return .name(value)
        case "clock":
            guard let date = ISO8601DateFormatter().date(from: value) else {
                throw TranscriptError.malformed(line: lineNumber, "`# clock:` needs an ISO 8601 time like 2026-11-26T08:00:00+08:00")
            }
            return .clock(date)
        case "advance":
            guard let seconds = Self.duration(value) else {
                throw TranscriptError.malformed(line: lineNumber, "`# advance:` needs a duration like 30m, 2h or 3d")
            }
            return .advance(seconds)
        default: return nil
        }
    }

    static func duration(_ text: String) -> TimeInterval? {
        guard let unit = text.last, let amount = Double(text.dropLast()) else { return nil }
        switch unit {
        case "s": return amount
        case "m": return amount * 60
        case "h": return amount * 3600
        case "d": return amount * 86400
        default: return nil
        }
    }
}

/// A transcript that cannot be read.
public enum TranscriptError: Error, CustomStringConvertible, Equatable {
    case unreadable(String)
    case malformed(line: Int, String)

    public var description: String {
        switch self {
        case .unreadable(let path): "cannot read transcript \(path)"
        case .malformed(let line, let message): "line \(line): \(message)"
        }
    }
}
