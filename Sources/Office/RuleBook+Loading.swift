import Conversation
public import Foundation
public import Rules
public import Understanding

extension Classifier: MessageClassifying {
    /// Office keeps the evidence: it stores which rules fired with each message, for staff.
    public func classify(_ text: String) -> Classification { classify(text, explain: true) }
}

extension RuleBook {
    /// Loads a complete rule book from a rules directory: the rule set, compiled (every pattern),
    /// the reply templates (`replies.yaml`), default routing; then `customize` may replace the
    /// router and add interceptors (casework plugs in there). Nothing is returned unless all of it
    /// is valid, so a reload never swaps in half a rule book.
    /// - Parameters:
    ///   - directory: the rules directory.
    ///   - displayRoot: how the directory is shown in diagnostics (default: as given).
    ///   - customize: called last with the book and the rule set.
    /// - Throws: `DiagnosticError` with every error found.
    public static func load(
        directory: URL, displayRoot: String? = nil,
        customize: (inout RuleBook, RuleSet) throws -> Void = { _, _ in }
    ) throws -> RuleBook {
        let root = displayRoot ?? directory.relativePath
        let (ruleSet, ruleDiagnostics) = RuleSetLoader(directory: directory, displayRoot: root).load()
        var errors = ruleDiagnostics.filter { $0.severity == .error }
        var replies = ReplyTemplates([:])
        do {
            replies = try ReplyTemplates.load(contentsOf: directory.appendingPathComponent("replies.yaml").path).templates
        } catch let error as DiagnosticError {
            errors += error.diagnostics
                .filter { $0.severity == .error }
                .map { diagnostic in
                    var shown = diagnostic
                    if let location = diagnostic.location {
                        shown.location = SourceLocation(file: root + "/replies.yaml", line: location.line, column: location.column)
                    }
                    return shown
                }
        }
        guard errors.isEmpty else { throw DiagnosticError(errors) }
        let classifier = try Classifier(rules: ruleSet)
        var book = RuleBook(classifier: classifier, catalog: DialogueCatalog(ruleSet), replies: replies, hash: ruleSet.hash)
        try customize(&book, ruleSet)
        return book
    }
}
