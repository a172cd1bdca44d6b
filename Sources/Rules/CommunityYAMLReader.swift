import Foundation
import Yams

/// Typed reading of the community directory and the routing table, over the shared
/// `YAMLDocument` (parsing, positions, source lines): every problem becomes a `Diagnostic` with
/// the node's position instead of stopping at the first. Adds what those two files need
/// (required keys, identifiers, whole numbers, durations, one-or-many lists).
/// (Shared by `CommunityLoader` and `RoutingLoader`.)
struct CommunityYAMLReader {
    /// One key of a mapping, with the nodes for positions.
    struct Entry {
        var key: String
        var keyNode: Node
        var value: Node
    }

    let file: String
    private let text: String
    private var document: YAMLDocument?
    private(set) var diagnostics: [Diagnostic] = []

    init(text: String, file: String) {
        self.file = file
        self.text = text
    }

    var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    /// Parses the text into a node tree, recording a syntax error (with its position) on failure.
    mutating func compose(_ text: String) -> Node? {
        let (document, problems) = YAMLDocument.parse(text, path: file)
        diagnostics += problems
        self.document = document
        guard let document else { return nil }
        guard let root = document.root else {
            error("the file is empty", line: 1, column: 1)
            return nil
        }
        return root
    }

    // MARK: Diagnostics

    /// The location of a node in the file.
    func location(of node: Node?) -> SourceLocation? {
        guard let node, node.mark != nil else { return nil }
        return document?.location(of: node)
    }

    mutating func report(_ severity: Diagnostic.Severity, _ message: String, at location: SourceLocation?) {
        let location = location ?? SourceLocation(file: file, line: 1, column: 1)
        diagnostics.append(
            document?.diagnostic(severity, message, at: location) ?? Diagnostic(severity, message, at: location))
    }

    mutating func error(_ message: String, at node: Node?) {
        report(.error, message, at: location(of: node))
    }

    mutating func warning(_ message: String, at node: Node?) {
        report(.warning, message, at: location(of: node))
    }

    mutating func error(_ message: String, line: Int, column: Int) {
        report(.error, message, at: SourceLocation(file: file, line: line, column: column))
    }

    // MARK: Shapes

    /// The entries of a mapping in file order; reports a non-mapping, non-string keys and
    /// duplicate keys (the first one wins).
    mutating func mapping(_ node: Node, _ what: String) -> [Entry]? {
        guard let map = node.mapping else {
            error("\(what) must be a mapping (key: value)", at: node)
            return nil
        }
        var seen = Set<String>()
        var entries: [Entry] = []
        for (keyNode, value) in map {
            guard let key = keyNode.scalar?.string else {
                error("keys of \(what) must be plain words", at: keyNode)
                continue
            }
            guard seen.insert(key).inserted else {
                error("duplicate key '\(key)' in \(what)", at: keyNode)
                continue
            }
            entries.append(Entry(key: key, keyNode: keyNode, value: value))
        }
        return entries
    }

    /// Like `mapping`, then reports keys outside `allowed` and missing `required` keys.
    mutating func object(_ node: Node, _ what: String, allowed: Set<String>, required: [String] = []) -> [String: Entry]? {
        guard let entries = mapping(node, what) else { return nil }
        var result: [String: Entry] = [:]
        for entry in entries {
            if allowed.contains(entry.key) {
                result[entry.key] = entry
            } else {
                let known = allowed.sorted().joined(separator: ", ")
                error("unknown key '\(entry.key)' in \(what) (known keys: \(known))", at: entry.keyNode)
            }
        }
        for key in required where result[key] == nil {
            error("\(what) needs '\(key)'", at: node)
        }
        return result
    }

    /// The items of a sequence; reports anything else.
    mutating func sequence(_ node: Node, _ what: String) -> [Node]? {
        guard let seq = node.sequence else {
            error("\(what) must be a list", at: node)
            return nil
        }
        return Array(seq)
    }

    /// A non-empty scalar string.
    mutating func string(_ node: Node, _ what: String) -> String? {
        guard let scalar = node.scalar, !scalar.string.trimmingCharacters(in: .whitespaces).isEmpty else {
            error("\(what) must be a non-empty text", at: node)
            return nil
        }
        return scalar.string
    }

    /// An identifier: lower-case letters, digits, `-`, `_`, `:`, `.`.
    mutating func identifier(_ node: Node, _ what: String) -> String? {
        guard let text = string(node, what) else { return nil }
        let allowed = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyz0123456789-_:.")
        guard text.unicodeScalars.allSatisfy({ allowed.contains($0) }) else {
            error("\(what) '\(text)' may only use lower-case letters, digits, '-', '_', ':' and '.'", at: node)
            return nil
        }
        return text
    }

    /// A whole number, at least `minimum`.
    mutating func int(_ node: Node, _ what: String, minimum: Int = 0) -> Int? {
        guard let text = node.scalar?.string, let value = Int(text.trimmingCharacters(in: .whitespaces)) else {
            error("\(what) must be a whole number", at: node)
            return nil
        }
        guard value >= minimum else {
            error("\(what) must be at least \(minimum)", at: node)
            return nil
        }
        return value
    }

    /// A boolean (`true`/`false`, `yes`/`no`).
    mutating func bool(_ node: Node, _ what: String) -> Bool? {
        switch node.scalar?.string.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default:
            error("\(what) must be true or false", at: node)
            return nil
        }
    }

    /// A duration: a number followed by `m` (minutes), `h` (hours) or `d` (days), e.g. `24h`, `7d`.
    /// A bare number means hours.
    mutating func duration(_ node: Node, _ what: String) -> TimeInterval? {
        guard let text = node.scalar?.string.trimmingCharacters(in: .whitespaces).lowercased(), !text.isEmpty else {
            error("\(what) must be a duration such as 2h, 24h or 7d", at: node)
            return nil
        }
        let units: [Character: TimeInterval] = ["m": 60, "h": 3600, "d": 86400]
        var number = Substring(text)
        var unit: TimeInterval = 3600
        if let last = text.last, let seconds = units[last] {
            number = text.dropLast()
            unit = seconds
        }
        guard let value = Double(number), value > 0, value.isFinite else {
            error("\(what) must be a positive duration such as 2h, 24h or 7d (got '\(text)')", at: node)
            return nil
        }
        return value * unit
    }

    /// A list of scalars (a single scalar counts as a one-item list).
    mutating func scalarList(_ node: Node, _ what: String) -> [(String, Node)] {
        if let scalar = node.scalar { return [(scalar.string, node)] }
        guard let items = sequence(node, what) else { return [] }
        var out: [(String, Node)] = []
        for item in items {
            if let text = string(item, "an item of \(what)") { out.append((text, item)) }
        }
        return out
    }
}
