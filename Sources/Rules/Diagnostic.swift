/// Where something is in a rule file: 1-based line and column (columns count characters).
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    public var description: String { "\(file):\(line):\(column)" }
}

/// One problem found in a rule file, reported like a compiler does:
/// `rules/discussable/parking.yaml:12:7: error: ...`, then the source line and a caret.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable {
        case error, warning, note
    }

    public var severity: Severity
    public var message: String
    public var location: SourceLocation?
    /// The text of the offending line, for the caret display (rule-file text, never a resident's).
    public var sourceLine: String?

    public init(_ severity: Severity, _ message: String, at location: SourceLocation? = nil, sourceLine: String? = nil) {
        self.severity = severity
        self.message = message
        self.location = location
        self.sourceLine = sourceLine
    }

    public var description: String {
        var out = location.map { "\($0): " } ?? ""
        out += "\(severity.rawValue): \(message)"
        if let sourceLine, let location {
            out += "\n" + sourceLine + "\n" + Diagnostic.caretPadding(sourceLine, column: location.column) + "^"
        }
        return out
    }

    /// Spaces up to `column`, counting East Asian wide characters as two cells and keeping tabs,
    /// so the caret lands under the right character in a terminal.
    static func caretPadding(_ line: String, column: Int) -> String {
        var pad = ""
        for (index, ch) in line.enumerated() where index < column - 1 {
            if ch == "\t" { pad += "\t"; continue }
            let wide = ch.unicodeScalars.first.map { s in
                (0x1100...0x115F).contains(s.value) || (0x2E80...0xA4CF).contains(s.value)
                    || (0xAC00...0xD7A3).contains(s.value) || (0xF900...0xFAFF).contains(s.value)
                    || (0xFE30...0xFE4F).contains(s.value) || (0xFF00...0xFF60).contains(s.value)
                    || (0xFFE0...0xFFE6).contains(s.value) || (0x20000...0x3FFFD).contains(s.value)
            } ?? false
            pad += wide ? "  " : " "
        }
        return pad
    }
}

/// Every diagnostic collected while loading or linting; thrown once, at the end.
public struct DiagnosticError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }

    public var errorCount: Int { diagnostics.filter { $0.severity == .error }.count }

    public var description: String {
        diagnostics.map(\.description).joined(separator: "\n")
            + "\n\(errorCount) error\(errorCount == 1 ? "" : "s") generated."
    }
}
