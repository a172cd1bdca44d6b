import Rules

/// A rule set compiled for matching: keywords and prefilter literals in one `LiteralMatcher`,
/// every pattern compiled once with PCRE2 (JIT). Immutable and shared between threads.
final class CompiledRules: Sendable {
    enum GroupKind: Sendable {
        case category(CategoryKind)
        case move
    }

    struct Group: Sendable {
        var id: String
        var kind: GroupKind
        var subtopicIDs: [String]
        /// Indices into `rules`.
        var rules: [Int]
        /// Indices into `patterns` of this group's exclusions.
        var exclusions: [Int]
    }

    struct Rule: Sendable {
        enum Matcher: Sendable {
            case keyword([UInt8])
            case pattern(Int)
        }
        var group: Int
        var subtopic: Int?
        var weight: Double
        var matcher: Matcher
        var description: String
        var location: SourceLocation?
    }

    struct Pattern: Sendable {
        var regex: PCREPattern
        var group: Int
        /// The rule it belongs to; nil for an exclusion.
        var rule: Int?
    }

    let settings: ClassifierSettings
    let groups: [Group]
    let rules: [Rule]
    let patterns: [Pattern]
    let matcher: LiteralMatcher
    /// For each literal of `matcher`: the keyword rules it fires.
    let keywordRulesByLiteral: [[Int32]]
    /// For each literal of `matcher`: the patterns it makes candidates.
    let patternsByLiteral: [[Int32]]
    /// Patterns with no usable literal: run on every message.
    let alwaysRunPatterns: [Int32]
    let emergencyGroup: Int?
    let usesPrefilter: Bool

    /// Compiles `ruleSet`; every pattern that does not compile becomes a diagnostic.
    init(_ ruleSet: RuleSet, normalizer: TextNormalizer, usesPrefilter: Bool = true) throws(DiagnosticError) {
        var builder = Builder(normalizer: normalizer, usesPrefilter: usesPrefilter)
        for category in ruleSet.allCategories { builder.add(category) }
        if !ruleSet.moves.isEmpty { for move in ruleSet.moves { builder.add(move) } }
        if !builder.diagnostics.isEmpty { throw DiagnosticError(builder.diagnostics) }
        settings = ruleSet.settings
        groups = builder.groups
        rules = builder.rules
        patterns = builder.patterns
        matcher = LiteralMatcher(builder.literals)
        keywordRulesByLiteral = builder.keywordRulesByLiteral
        patternsByLiteral = builder.patternsByLiteral
        alwaysRunPatterns = builder.alwaysRunPatterns
        emergencyGroup = builder.groups.firstIndex { if case .category(.emergency) = $0.kind { true } else { false } }
        self.usesPrefilter = usesPrefilter
    }

    /// Collects the compile errors of every pattern and exclusion, positioned in their files.
    static func compileDiagnostics(_ ruleSet: RuleSet, sourceLine: @escaping (SourceLocation) -> String?) -> [Diagnostic] {
        var builder = Builder(normalizer: TextNormalizer(converter: nil), usesPrefilter: false)
        builder.sourceLine = sourceLine
        for category in ruleSet.allCategories { builder.add(category) }
        for move in ruleSet.moves { builder.add(move) }
        return builder.diagnostics
    }

    /// Accumulates groups, rules, patterns and literals.
    struct Builder {
        let normalizer: TextNormalizer
        let usesPrefilter: Bool
        var sourceLine: (SourceLocation) -> String? = { _ in nil }
        var groups: [Group] = []
        var rules: [Rule] = []
        var patterns: [Pattern] = []
        var literals: [String] = []
        var literalIndex: [String: Int] = [:]
        var keywordRulesByLiteral: [[Int32]] = []
        var patternsByLiteral: [[Int32]] = []
        var alwaysRunPatterns: [Int32] = []
        var diagnostics: [Diagnostic] = []

        init(normalizer: TextNormalizer, usesPrefilter: Bool) {
            self.normalizer = normalizer
            self.usesPrefilter = usesPrefilter
        }

        mutating func add(_ category: Category) {
            let g = groups.count
            groups.append(Group(id: category.id, kind: .category(category.kind), subtopicIDs: category.subtopics.map(\.id), rules: [], exclusions: []))
            addTerms(group: g, subtopic: nil, keywords: category.keywords, patterns: category.patterns)
            for (s, subtopic) in category.subtopics.enumerated() {
                addTerms(group: g, subtopic: s, keywords: subtopic.keywords, patterns: subtopic.patterns)
            }
            for exclusion in category.exclusions {
                if let p = addPattern(exclusion, group: g, rule: nil) { groups[g].exclusions.append(p) }
            }
        }

        mutating func add(_ move: Move) {
            let g = groups.count
            groups.append(Group(id: move.id, kind: .move, subtopicIDs: [], rules: [], exclusions: []))
            addTerms(group: g, subtopic: nil, keywords: move.keywords, patterns: move.patterns)
        }

        private mutating func addTerms(group g: Int, subtopic s: Int?, keywords: [Keyword], patterns rulePatterns: [PatternRule]) {
            for keyword in keywords {
                let text = normalizer.normalize(keyword.text).text
                guard !text.isEmpty else { continue }
                let r = rules.count
                rules.append(Rule(group: g, subtopic: s, weight: keyword.weight, matcher: .keyword(Array(text.utf8)), description: "keyword \(keyword.text)", location: keyword.location))
                groups[g].rules.append(r)
                keywordRulesByLiteral[literal(text)].append(Int32(r))
            }
            for rulePattern in rulePatterns {
                let r = rules.count
                let description = "pattern \(rulePattern.regex)" + (rulePattern.why.map { " (\($0))" } ?? "")
                guard let p = addPattern(rulePattern, group: g, rule: r) else { continue }
                rules.append(Rule(group: g, subtopic: s, weight: rulePattern.weight, matcher: .pattern(p), description: description, location: rulePattern.location))
                groups[g].rules.append(r)
            }
        }

        private mutating func addPattern(_ rule: PatternRule, group g: Int, rule r: Int?) -> Int? {
            let regex: PCREPattern
            do {
                regex = try PCREPattern(rule.regex)
            } catch {
                var location = rule.location
                location?.column += rule.valueColumnOffset + error.offset
                let message = "pattern does not compile: \(error.message) (at character \(error.offset) of the pattern)"
                diagnostics.append(Diagnostic(.error, message, at: location, sourceLine: location.flatMap(sourceLine)))
                return nil
            }
            let p = patterns.count
            patterns.append(Pattern(regex: regex, group: g, rule: r))
            if usesPrefilter, let required = RequiredLiterals.derive(from: rule.regex) {
                for text in Set(required) { patternsByLiteral[literal(text)].append(Int32(p)) }
            } else {
                alwaysRunPatterns.append(Int32(p))
            }
            return p
        }

        private mutating func literal(_ text: String) -> Int {
            if let i = literalIndex[text] { return i }
            let i = literals.count
            literals.append(text)
            literalIndex[text] = i
            keywordRulesByLiteral.append([])
            patternsByLiteral.append([])
            return i
        }
    }
}
