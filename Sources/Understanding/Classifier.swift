public import Rules

/// Understands one message against a compiled rule set: normalisation, place, keywords and
/// patterns, precedence (rules/README.md, "How a message is matched").
///
/// Immutable and `Sendable`: one classifier serves every thread.
public struct Classifier: Sendable {
    /// Longest message classified, in UTF-8 bytes; a longer one gets `InputIssue.tooLong` and
    /// is not classified (a resident's message is never this long; it is most likely a paste).
    public static let maximumInputBytes = 8 * 1024

    let compiled: CompiledRules
    public let normalizer: TextNormalizer
    public let ruleSet: RuleSet

    /// Compiles `ruleSet`.
    /// - Parameters:
    ///   - usesPrefilter: false runs every pattern on every message (for tests and figures).
    /// - Throws: `DiagnosticError` listing every pattern that does not compile.
    public init(rules ruleSet: RuleSet, normalizer: TextNormalizer = TextNormalizer(), usesPrefilter: Bool = true) throws(DiagnosticError) {
        self.ruleSet = ruleSet
        self.normalizer = normalizer
        compiled = try CompiledRules(ruleSet, normalizer: normalizer, usesPrefilter: usesPrefilter)
    }

    /// Classifies raw bytes, as they come from a terminal or a gateway.
    public func classify(bytes: some Collection<UInt8>) -> Classification {
        guard let text = String(validating: bytes, as: UTF8.self) else {
            return Classification(label: Classification.none, inputIssue: .invalidUTF8)
        }
        return classify(text)
    }

    /// Classifies one message.
    public func classify(_ text: String) -> Classification {
        if text.utf8.count > Self.maximumInputBytes {
            return Classification(label: Classification.none, inputIssue: .tooLong)
        }
        let normalized = normalizer.normalize(text).text
        if normalized.isEmpty {
            return Classification(label: Classification.none, normalizedText: normalized, inputIssue: .empty)
        }
        return classify(normalized: normalized)
    }

    /// Classifies text that is already normalised.
    public func classify(normalized: String) -> Classification {
        var text = normalized
        let fired = text.withUTF8 { firedRules(in: $0) }
        var result = decide(fired)
        result.normalizedText = normalized
        let places = PlaceExtractor.extract(from: normalized)
        result.place = places.place
        result.caseNumbers = places.caseNumbers
        return result
    }

    // MARK: - Matching

    /// Indices of the rules that fire on `bytes`, ascending.
    func firedRules(in bytes: UnsafeBufferPointer<UInt8>) -> [Int] {
        let c = compiled
        let hits = c.matcher.matches(in: bytes)
        var fired: [Int] = []
        var candidates: [Int32] = c.alwaysRunPatterns
        for literal in hits {
            for r in c.keywordRulesByLiteral[literal] { fired.append(Int(r)) }
            candidates += c.patternsByLiteral[literal]
        }
        if candidates.count > 1 { candidates.sort() }
        let matchData = PCREMatchData()
        var excludedGroups: [Int] = []
        var previous: Int32 = -1
        for p in candidates where p != previous {
            previous = p
            let pattern = c.patterns[Int(p)]
            guard pattern.regex.matches(bytes, using: matchData) else { continue }
            if let rule = pattern.rule {
                fired.append(rule)
            } else if excludedGroups.last != pattern.group {
                excludedGroups.append(pattern.group)
            }
        }
        if !excludedGroups.isEmpty {
            let excluded = Set(excludedGroups)
            fired.removeAll { excluded.contains(c.rules[$0].group) }
            for g in excluded { fired += firedRules(ofGroup: g, in: bytes, matchData: matchData) }
        }
        fired.sort()
        return fired
    }

    /// The rules of group `g` that fire once its exclusions' spans are blanked out.
    private func firedRules(ofGroup g: Int, in bytes: UnsafeBufferPointer<UInt8>, matchData: PCREMatchData) -> [Int] {
        let c = compiled
        var blank = [Bool](repeating: false, count: bytes.count)
        for p in c.groups[g].exclusions {
            let regex = c.patterns[p].regex
            var start = 0
            while start <= bytes.count, let span = regex.firstMatch(in: bytes, from: start, using: matchData) {
                for i in span { blank[i] = true }
                start = span.isEmpty ? Self.nextScalar(after: span.lowerBound, in: bytes) : span.upperBound
            }
        }
        var blanked: [UInt8] = []
        blanked.reserveCapacity(bytes.count)
        for (i, b) in bytes.enumerated() {
            if !blank[i] { blanked.append(b) } else if b & 0xC0 != 0x80 { blanked.append(0x20) }
        }
        return blanked.withUnsafeBufferPointer { text in
            c.groups[g].rules.filter { r in
                switch c.rules[r].matcher {
                case .keyword(let literal): Self.contains(text, literal)
                case .pattern(let p): c.patterns[p].regex.matches(text, using: matchData)
                }
            }
        }
    }

    private static func nextScalar(after i: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var j = i + 1
        while j < bytes.count, bytes[j] & 0xC0 == 0x80 { j += 1 }
        return j
    }

    private static func contains(_ text: UnsafeBufferPointer<UInt8>, _ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty, needle.count <= text.count else { return needle.isEmpty }
        let first = needle[0]
        for i in 0...(text.count - needle.count) where text[i] == first {
            var k = 1
            while k < needle.count, text[i + k] == needle[k] { k += 1 }
            if k == needle.count { return true }
        }
        return false
    }

    // MARK: - Deciding

    func decide(_ fired: [Int]) -> Classification {
        let c = compiled
        let settings = c.settings
        var scores = [Double](repeating: 0, count: c.groups.count)
        var subtopicScores: [Int: [Double]] = [:]
        var evidence: [Evidence] = []
        for r in fired {
            let rule = c.rules[r]
            let group = c.groups[rule.group]
            scores[rule.group] += rule.weight
            if let s = rule.subtopic {
                subtopicScores[rule.group, default: [Double](repeating: 0, count: group.subtopicIDs.count)][s] += rule.weight
            }
            switch group.kind {
            case .category:
                evidence.append(Evidence(categoryID: group.id, subtopicID: rule.subtopic.map { group.subtopicIDs[$0] }, rule: rule.description, weight: rule.weight, location: rule.location))
            case .move:
                evidence.append(Evidence(categoryID: Classification.movesEvidenceID, subtopicID: group.id, rule: rule.description, weight: rule.weight, location: rule.location))
            }
        }
        func bestSubtopic(_ g: Int) -> String? {
            guard let s = subtopicScores[g], let best = s.indices.max(by: { s[$0] < s[$1] || (s[$0] == s[$1] && $0 > $1) }), s[best] > 0 else { return nil }
            return c.groups[g].subtopicIDs[best]
        }
        func score(_ g: Int) -> CategoryScore {
            guard case .category(let kind) = c.groups[g].kind else { preconditionFailure("not a category") }
            return CategoryScore(id: c.groups[g].id, kind: kind, subtopic: bestSubtopic(g), score: scores[g])
        }

        var moves: [(String, Double)] = []
        var categoryGroups: [Int] = []
        for (g, group) in c.groups.enumerated() {
            switch group.kind {
            case .move:
                if scores[g] >= settings.moveThreshold, scores[g] > 0 { moves.append((group.id, scores[g])) }
            case .category(.emergency):
                break
            case .category:
                if scores[g] > 0 { categoryGroups.append(g) }
            }
        }
        // Best first; on a tie a discussable category before a non-discussable one, then file order.
        categoryGroups.sort { a, b in
            if scores[a] != scores[b] { return scores[a] > scores[b] }
            let da = c.groups[a].kind.isDiscussable, db = c.groups[b].kind.isDiscussable
            if da != db { return da }
            return a < b
        }
        var candidates = categoryGroups.map(score)
        let moveIDs = moves.enumerated().sorted { $0.element.1 != $1.element.1 ? $0.element.1 > $1.element.1 : $0.offset < $1.offset }.map(\.element.0)

        var result = Classification(label: Classification.none, candidates: candidates, moves: moveIDs, evidence: evidence)
        if let e = c.emergencyGroup, scores[e] >= settings.emergencyThreshold, scores[e] > 0 {
            let winner = score(e)
            result.label = winner.id
            result.kind = .emergency
            result.subtopic = winner.subtopic
            result.score = winner.score
            result.candidates = [winner] + candidates
            return result
        }
        let strong = candidates.firstIndex { $0.kind == .nonDiscussable && $0.score >= settings.strongThreshold }
        let winnerIndex: Int? = strong ?? (candidates.first.map { $0.score >= settings.minScore } == true ? 0 : nil)
        guard let winnerIndex else { return result }
        let winner = candidates.remove(at: winnerIndex)
        candidates.insert(winner, at: 0)
        result.label = winner.id
        result.kind = winner.kind
        result.subtopic = winner.subtopic
        result.score = winner.score
        result.candidates = candidates
        if candidates.count > 1, winner.score > 0, candidates[1].score >= settings.ambiguityRatio * winner.score {
            result.isAmbiguous = true
        }
        return result
    }
}

extension CompiledRules.GroupKind {
    var isDiscussable: Bool { if case .category(.discussable) = self { true } else { false } }
}

extension Classification {
    /// The label of a message that matched nothing.
    public static let none = "none"
    /// The `categoryID` of evidence that belongs to a conversation move (the move id is its `subtopicID`).
    public static let movesEvidenceID = "moves"
}
