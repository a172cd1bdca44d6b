import Dispatch
import Foundation
import Rules
import Synchronization

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

    /// One prefilter clause of one pattern.
    struct ClauseRef: Sendable {
        var pattern: Int32
        var bit: UInt8
    }

    /// A compiled regex, run once per message however many rules share its text.
    struct Pattern: Sendable {
        struct Owner: Sendable {
            var group: Int
            /// The rule; nil for an exclusion of `group`.
            var rule: Int?
        }
        var regex: PCREPattern
        var owners: [Owner]
    }

    let settings: ClassifierSettings
    let groups: [Group]
    let rules: [Rule]
    let patterns: [Pattern]
    let matcher: LiteralMatcher
    /// For each literal of `matcher`: the keyword rules it fires.
    let keywordRulesByLiteral: FlatLists<Int32>
    /// For each literal of `matcher`: the (pattern, clause bit) pairs it satisfies.
    let clausesByLiteral: FlatLists<ClauseRef>
    /// A pattern's owner, flat: `rule` is -1 for an exclusion of `group`.
    struct FlatOwner: Sendable {
        var group: Int32
        var rule: Int32
    }

    /// For each pattern: its owners, as `patterns[p].owners` (no array per pattern to reach).
    let ownersByPattern: FlatLists<FlatOwner>
    /// For each pattern: its compiled code, for matching without reference counting (the
    /// `PCREPattern`s in `patterns` keep the code alive).
    let regexCodes: [PCREPattern.Code]

    /// What a literal hit does: fire keyword rule `target` (`bit` 0), or satisfy clause `bit` of
    /// pattern `target`. Four bytes (the target in the low 24 bits, the bit above), so that the
    /// per-message pass reads as few cache lines as possible.
    struct LiteralAction: Sendable {
        private let code: UInt32

        init(target: Int32, bit: UInt8) {
            precondition(target >= 0 && target < 1 << 24, "more than 16 million rules or patterns")
            code = UInt32(target) | UInt32(bit) << 24
        }

        var target: Int32 { Int32(bitPattern: code & 0xFF_FFFF) }
        var bit: UInt8 { UInt8(truncatingIfNeeded: code >> 24) }
    }

    /// For each literal of `matcher`: its keyword rules, then its clauses, in one list (one
    /// look-up per hit on the per-message path).
    let actionsByLiteral: FlatLists<LiteralAction>
    /// The actions of the literals that end exactly at each automaton state, state after
    /// state: `LiteralMatcher.State.firstPayload` says where a state's begin.
    let ownActions: [LiteralAction]
    /// For each pattern: the bits of all its clauses (0 for a pattern that always runs).
    let fullClauseMasks: [UInt8]
    /// Per pattern: true when it is a finite set of literal strings (`LiteralExpansion`), all in
    /// the literal matcher, so that being a candidate means matching.
    let exactPatterns: [Bool]
    /// Patterns with no usable literal: run on every message.
    let alwaysRunPatterns: [Int32]
    let emergencyGroup: Int?
    /// Groups that are discussable or non-discussable categories, and the move groups.
    let categoryGroups: [Int]
    let moveGroups: [Int]
    let moveGroupFlags: [Bool]
    /// The category kind of each group (nil for moves).
    let categoryKinds: [CategoryKind?]
    /// Where each group's sub-topic scores start in one flat array; one more entry at the end.
    let subtopicOffsets: [Int]
    var subtopicCount: Int { subtopicOffsets.last ?? 0 }
    let usesPrefilter: Bool
    /// Per rule: its group, weight, and slot in the flat sub-topic score array (-1 for none);
    /// `rules` flattened for scoring without touching the rules' strings.
    let ruleGroups: [Int]
    let ruleWeights: [Double]
    let ruleSubtopicSlots: [Int]
    /// Per-message working memory, reused.
    let scratchPool: ScratchPool

    /// Compiles `ruleSet`; every pattern that does not compile becomes a diagnostic.
    init(_ ruleSet: RuleSet, normalizer: TextNormalizer, usesPrefilter: Bool = true) throws(DiagnosticError) {
        var builder = Builder(normalizer: normalizer, usesPrefilter: usesPrefilter)
        builder.precompiled = Self.compileInParallel(Self.regexSources(of: ruleSet), usesPrefilter: usesPrefilter)
        for category in ruleSet.allCategories { builder.add(category) }
        if !ruleSet.moves.isEmpty { for move in ruleSet.moves { builder.add(move) } }
        if !builder.diagnostics.isEmpty { throw DiagnosticError(builder.diagnostics) }
        settings = ruleSet.settings
        groups = builder.groups
        rules = builder.rules
        patterns = builder.patterns
        matcher = LiteralMatcher(builder.literals, payloadCounts: builder.keywordRulesByLiteral.indices.map {
            builder.keywordRulesByLiteral[$0].count + builder.clausesByLiteral[$0].count
        })
        keywordRulesByLiteral = FlatLists(builder.keywordRulesByLiteral)
        clausesByLiteral = FlatLists(builder.clausesByLiteral)
        ownersByPattern = FlatLists(builder.patterns.map { pattern in
            pattern.owners.map { FlatOwner(group: Int32($0.group), rule: Int32($0.rule ?? -1)) }
        })
        regexCodes = builder.patterns.map(\.regex.rawCode)
        let literalActions = FlatLists(builder.keywordRulesByLiteral.indices.map { l in
            builder.keywordRulesByLiteral[l].map { LiteralAction(target: $0, bit: 0) }
                + builder.clausesByLiteral[l].map { LiteralAction(target: $0.pattern, bit: $0.bit) }
        })
        actionsByLiteral = literalActions
        let byState = matcher.ownOutputsByState
        var own: [LiteralAction] = []
        own.reserveCapacity(literalActions.elements.count)
        for id in byState.ids { own += literalActions[Int(id)] }
        ownActions = own
        fullClauseMasks = builder.fullClauseMasks
        exactPatterns = builder.exactPatterns
        alwaysRunPatterns = builder.alwaysRunPatterns
        emergencyGroup = builder.groups.firstIndex { if case .category(.emergency) = $0.kind { true } else { false } }
        let kinds: [CategoryKind?] = builder.groups.map { if case .category(let kind) = $0.kind { kind } else { nil } }
        categoryKinds = kinds
        categoryGroups = kinds.indices.filter { kinds[$0] == .discussable || kinds[$0] == .nonDiscussable }
        moveGroups = kinds.indices.filter { kinds[$0] == nil }
        moveGroupFlags = kinds.map { $0 == nil }
        var offsets = [0]
        for group in builder.groups { offsets.append(offsets.last! + group.subtopicIDs.count) }
        subtopicOffsets = offsets
        self.usesPrefilter = usesPrefilter
        ruleGroups = builder.rules.map(\.group)
        ruleWeights = builder.rules.map(\.weight)
        ruleSubtopicSlots = builder.rules.map { rule in rule.subtopic.map { offsets[rule.group] + $0 } ?? -1 }
        scratchPool = ScratchPool(patterns: builder.patterns.count, groups: builder.groups.count, subtopics: offsets.last ?? 0)
    }

    /// Every distinct regex of the rule set, in order of appearance.
    static func regexSources(of ruleSet: RuleSet) -> [String] {
        var seen: Set<[UInt8]> = []  // by bytes: hashing Chinese `String`s (NFC) is slow
        var out: [String] = []
        func add(_ rules: [PatternRule]) { for rule in rules where seen.insert(Array(rule.regex.utf8)).inserted { out.append(rule.regex) } }
        for category in ruleSet.allCategories {
            add(category.patterns)
            for subtopic in category.subtopics { add(subtopic.patterns) }
            add(category.exclusions)
        }
        for move in ruleSet.moves { add(move.patterns) }
        return out
    }

    /// A regex compiled, with what the prefilter needs of it.
    struct Prepared: Sendable {
        var regex: Result<PCREPattern, PatternCompileError>
        /// `LiteralExpansion.strings(of:)`, when the prefilter is used.
        var strings: [String]?
        /// `RequiredLiterals.clauses(of:)`, when the prefilter is used and `strings` is nil.
        var clauses: [[String]]?

        init(_ source: String, usesPrefilter: Bool) {
            do throws(PatternCompileError) {
                regex = .success(try PCREPattern(source))
            } catch {
                regex = .failure(error)
            }
            strings = usesPrefilter ? LiteralExpansion.strings(of: source) : nil
            clauses = usesPrefilter && strings == nil ? RequiredLiterals.clauses(of: source) : nil
        }
    }

    /// Compiles (and JIT-compiles) `sources`, and derives their prefilter literals, on every
    /// core: this is independent per pattern, and it is most of the time spent loading rules.
    static func compileInParallel(_ sources: [String], usesPrefilter: Bool) -> [[UInt8]: Prepared] {
        let results = Mutex([Prepared?](repeating: nil, count: sources.count))
        let chunks = max(1, min(ProcessInfo.processInfo.activeProcessorCount, 8))
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            var local: [(Int, Prepared)] = []
            for i in stride(from: chunk, to: sources.count, by: chunks) {
                local.append((i, Prepared(sources[i], usesPrefilter: usesPrefilter)))
            }
            results.withLock { all in for (i, result) in local { all[i] = result } }
        }
        let compiled = results.withLock { $0 }
        var out: [[UInt8]: Prepared] = [:]
        for (i, source) in sources.enumerated() { out[Array(source.utf8)] = compiled[i] }
        return out
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
        /// By UTF-8 bytes: hashing bytes is much cheaper than hashing Chinese `String`s (NFC).
        var literalIndex: [[UInt8]: Int] = [:]
        var keywordRulesByLiteral: [[Int32]] = []
        var clausesByLiteral: [[ClauseRef]] = []
        /// By UTF-8 bytes, as `literalIndex`.
        var patternIndex: [[UInt8]: Int] = [:]
        /// Regexes compiled ahead (in parallel); others are compiled when met.
        var precompiled: [[UInt8]: Prepared] = [:]
        var fullClauseMasks: [UInt8] = []
        var exactPatterns: [Bool] = []
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
            // A keyword that normalises to an earlier one of the same list (a Traditional twin
            // such as 著火 beside 着火) would count its match twice: only the first counts
            // (`rules lint` warns about the twin).
            var seen: Set<[UInt8]> = []
            for keyword in keywords {
                let text = normalizer.normalize(keyword.text).text
                guard !text.isEmpty, seen.insert(Array(text.utf8)).inserted else { continue }
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
            let key = Array(rule.regex.utf8)
            if let p = patternIndex[key] {
                patterns[p].owners.append(Pattern.Owner(group: g, rule: r))
                return p
            }
            let prepared = precompiled[key] ?? Prepared(rule.regex, usesPrefilter: usesPrefilter)
            let regex: PCREPattern
            do {
                regex = try prepared.regex.get()
            } catch {
                var location = rule.location
                location?.column += rule.valueColumnOffset + error.offset
                let message = "pattern does not compile: \(error.message) (at character \(error.offset) of the pattern)"
                diagnostics.append(Diagnostic(.error, message, at: location, sourceLine: location.flatMap(sourceLine)))
                return nil
            }
            let p = patterns.count
            patterns.append(Pattern(regex: regex, owners: [Pattern.Owner(group: g, rule: r)]))
            patternIndex[key] = p
            if usesPrefilter, let strings = prepared.strings {
                // One clause, the pattern's every string: a hit on any is a match.
                for text in strings { clausesByLiteral[literal(text)].append(ClauseRef(pattern: Int32(p), bit: 1)) }
                fullClauseMasks.append(1)
                exactPatterns.append(true)
                return p
            }
            exactPatterns.append(false)
            if usesPrefilter, let clauses = prepared.clauses {
                for (k, clause) in clauses.enumerated() {
                    for text in clause { clausesByLiteral[literal(text)].append(ClauseRef(pattern: Int32(p), bit: 1 << UInt8(k))) }
                }
                fullClauseMasks.append(UInt8((1 << clauses.count) - 1))
            } else {
                alwaysRunPatterns.append(Int32(p))
                fullClauseMasks.append(0)
            }
            return p
        }

        private mutating func literal(_ text: String) -> Int {
            let key = Array(text.utf8)
            if let i = literalIndex[key] { return i }
            let i = literals.count
            literals.append(text)
            literalIndex[key] = i
            keywordRulesByLiteral.append([])
            clausesByLiteral.append([])
            return i
        }
    }
}
