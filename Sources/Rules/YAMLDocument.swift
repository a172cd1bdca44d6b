import Foundation
public import Yams

/// One parsed YAML file, kept with its text so that any node can be turned into a
/// compiler-style position (`file:line:column`) with the source line for a caret.
///
/// Reusable by every loader of rule files (categories, replies, routing, community).
public struct YAMLDocument {
    /// The path as it is shown in diagnostics (usually relative to the rules directory's parent).
    public let path: String
    /// The file's text.
    public let text: String
    /// The root node; nil for an empty document.
    public let root: Node?
    private let lines: [Substring]

    /// Parses `text`. YAML syntax errors come back as diagnostics, never thrown.
    /// - Parameters:
    ///   - text: the file's contents.
    ///   - path: the path shown in diagnostics.
    /// - Returns: the document (nil when the YAML does not parse) and the syntax errors.
    public static func parse(_ text: String, path: String) -> (document: YAMLDocument?, diagnostics: [Diagnostic]) {
        do {
            let root = try Yams.compose(yaml: text)
            return (YAMLDocument(path: path, text: text, root: root), [])
        } catch let error as YamlError {
            return (nil, [Self.diagnostic(for: error, path: path, text: text)])
        } catch {
            return (nil, [Diagnostic(.error, "cannot parse YAML", at: SourceLocation(file: path, line: 1, column: 1))])
        }
    }

    /// Reads and parses the file at `url`.
    /// - Parameters:
    ///   - url: the file.
    ///   - path: the path shown in diagnostics; defaults to `url.path`.
    public static func load(contentsOf url: URL, path: String? = nil) -> (document: YAMLDocument?, diagnostics: [Diagnostic]) {
        let shownPath = path ?? url.path
        guard let data = FileManager.default.contents(atPath: url.path) else {
            return (nil, [Diagnostic(.error, "cannot read file", at: SourceLocation(file: shownPath, line: 1, column: 1))])
        }
        guard let text = String(data: data, encoding: .utf8) else {
            return (nil, [Diagnostic(.error, "file is not valid UTF-8", at: SourceLocation(file: shownPath, line: 1, column: 1))])
        }
        return parse(text, path: shownPath)
    }

    init(path: String, text: String, root: Node?) {
        self.path = path
        self.text = text
        self.root = root
        self.lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    }

    /// The text of 1-based line `line`, without its line break.
    public func sourceLine(_ line: Int) -> String? {
        guard line >= 1, line <= lines.count else { return nil }
        var s = String(lines[line - 1])
        if s.hasSuffix("\r") { s.removeLast() }
        return s
    }

    /// Where `node` starts, optionally moved right by `columnOffset` characters.
    public func location(of node: Node?, columnOffset: Int = 0) -> SourceLocation {
        guard let mark = node?.mark else { return SourceLocation(file: path, line: 1, column: 1) }
        return SourceLocation(file: path, line: mark.line, column: mark.column + columnOffset)
    }

    /// A diagnostic pointing at `node` (or at the top of the file), with the source line.
    public func diagnostic(_ severity: Diagnostic.Severity = .error, _ message: String, at node: Node?, columnOffset: Int = 0) -> Diagnostic {
        let location = location(of: node, columnOffset: columnOffset)
        return Diagnostic(severity, message, at: location, sourceLine: sourceLine(location.line))
    }

    /// A diagnostic at an explicit location in this file.
    public func diagnostic(_ severity: Diagnostic.Severity = .error, _ message: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(severity, message, at: location, sourceLine: sourceLine(location.line))
    }

    private static func diagnostic(for error: YamlError, path: String, text: String) -> Diagnostic {
        let doc = YAMLDocument(path: path, text: text, root: nil)
        func at(_ mark: Mark, _ message: String) -> Diagnostic {
            doc.diagnostic(.error, message, at: SourceLocation(file: path, line: mark.line, column: mark.column))
        }
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _), let .composer(context, problem, mark, _):
            let message = "YAML syntax: " + problem + (context.map { " (\($0.text))" } ?? "")
            return at(mark, message)
        case let .duplicatedKeysInMapping(duplicates, context):
            return at(context.mark, "duplicate key\(duplicates.count == 1 ? "" : "s") \(duplicates.joined(separator: ", ")) in mapping")
        case let .reader(problem, _, _, _):
            return doc.diagnostic(.error, "YAML reader: " + problem, at: SourceLocation(file: path, line: 1, column: 1))
        default:
            return doc.diagnostic(.error, "YAML: \(error)", at: SourceLocation(file: path, line: 1, column: 1))
        }
    }
}
