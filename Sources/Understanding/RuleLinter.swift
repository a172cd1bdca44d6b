import Foundation
public import Rules

/// `shangliang rules lint`: every problem of a rules directory at once (rules/README.md,
/// "What lint checks"): YAML syntax and shape, unknown keys, ids, duplicates, patterns that do
/// not compile (PCRE2's message, at the column of the error inside the pattern), the 7 + 5
/// invariant, owner roles, examples, explanations, emergency numbers; and, as warnings,
/// keywords of one file that normalise to the same text.
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
            + keywordTwinDiagnostics(ruleSet, sourceLine: loader.sourceLine(at:))
    }

    /// A warning at each keyword that, once normalised (NFKC, Traditional to Simplified,
    /// lower-case, folded spaces), equals an earlier, differently written keyword of the same
    /// file: a Traditional twin
    /// such as 電梯 beside 电梯 is not needed, since messages are normalised too (within one list
    /// only the first counts).
    public static func keywordTwinDiagnostics(
        _ ruleSet: RuleSet, normalizer: TextNormalizer = TextNormalizer(), sourceLine: (SourceLocation) -> String? = { _ in nil }
    ) -> [Diagnostic] {
        var keywords: [(file: String, keyword: Keyword)] = []
        for category in ruleSet.allCategories {
            for keyword in category.keywords { keywords.append((keyword.location?.file ?? category.file, keyword)) }
            for subtopic in category.subtopics {
                for keyword in subtopic.keywords { keywords.append((keyword.location?.file ?? category.file, keyword)) }
            }
        }
        for move in ruleSet.moves {
            for keyword in move.keywords { keywords.append((keyword.location?.file ?? "moves", keyword)) }
        }
        struct Key: Hashable {
            var file: String
            var text: String
        }
        var first: [Key: Keyword] = [:]
        var diagnostics: [Diagnostic] = []
        for (file, keyword) in keywords {
            let text = normalizer.normalize(keyword.text).text
            guard !text.isEmpty else { continue }
            let key = Key(file: file, text: text)
            guard let earlier = first[key] else {
                first[key] = keyword
                continue
            }
            // The same text written twice (a category keyword repeated in a sub-topic to steer it)
            // is deliberate; a twin only differs before normalisation.
            guard earlier.text != keyword.text else { continue }
            var message = "keyword '\(keyword.text)' becomes '\(text)' once normalised, the same as keyword '\(earlier.text)'"
            if let location = earlier.location { message += " at line \(location.line):\(location.column)" }
            message += "; one of them is enough"
            diagnostics.append(Diagnostic(.warning, message, at: keyword.location, sourceLine: keyword.location.flatMap(sourceLine)))
        }
        return diagnostics
    }
}
