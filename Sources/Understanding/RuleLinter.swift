import Foundation
public import Rules

/// `shangliang rules lint`: every problem of a rules directory at once (rules/README.md,
/// "What lint checks"): YAML syntax and shape, unknown keys, ids, duplicates, patterns that do
/// not compile (PCRE2's message, at the column of the error inside the pattern), the 7 + 5
/// invariant, owner roles, examples, explanations, emergency numbers.
public enum RuleLinter {
    /// Every problem found in `directory`, in the order found.
    /// - Parameter displayRoot: how the directory is shown in diagnostics (default: as given).
    public static func lint(directory: URL, displayRoot: String? = nil) -> [Diagnostic] {
        let loader = RuleSetLoader(directory: directory, displayRoot: displayRoot)
        let (ruleSet, diagnostics) = loader.load()
        if diagnostics.contains(where: { $0.message == "rules directory not found" }) { return diagnostics }
        return diagnostics
            + loader.structuralDiagnostics(of: ruleSet)
            + loader.exampleDiagnostics(of: ruleSet)
            + CompiledRules.compileDiagnostics(ruleSet, sourceLine: loader.sourceLine(at:))
    }
}
