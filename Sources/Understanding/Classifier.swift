public import Rules
import Dispatch
import Synchronization

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
    /// The learned layer, when the rules name examples to train it on.
    public let learned: LearnedModel?

    /// Compiles `ruleSet`.
    /// - Parameters:
    ///   - usesPrefilter: false runs every pattern on every message (for tests and figures).
    /// - Throws: `DiagnosticError` listing every pattern that does not compile.
    public init(rules ruleSet: RuleSet, normalizer: TextNormalizer = TextNormalizer(), usesPrefilter: Bool = true) throws(DiagnosticError) {
        self.ruleSet = ruleSet
        self.normalizer = normalizer
        // The learned layer trains on another thread while the patterns compile.
        let model = Mutex<LearnedModel?>(nil)
        let training = DispatchGroup()
        if !ruleSet.learnedExamples.isEmpty {
            let examples = ruleSet.trainingExamples
            DispatchQueue.global().async(group: training) {
                let trained = LearnedModel(examples: examples, normalizer: normalizer)
                model.withLock { $0 = trained }
            }
        }
        do {
            compiled = try CompiledRules(ruleSet, normalizer: normalizer, usesPrefilter: usesPrefilter)
        } catch {
            training.wait()
            throw error
        }
        training.wait()
        learned = model.withLock { $0 }
    }

    /// Sizes for figures: `12 categories, 340 keywords, 80 patterns (12 always run), 900 automaton states`.
    public var figures: String {
        let keywords = compiled.rules.filter { if case .keyword = $0.matcher { true } else { false } }.count
        return "\(compiled.groups.count) rule groups, \(keywords) keywords, \(compiled.patterns.count) patterns "
            + "(\(compiled.alwaysRunPatterns.count) always run, \(compiled.exactPatterns.filter { $0 }.count) decided by literals alone), \(compiled.matcher.stateCount) automaton states over \(compiled.matcher.alphabetSize) characters"
    }

    /// Classifies raw bytes, as they come from a terminal or a gateway.
    /// - Parameter explain: false leaves `evidence` empty (faster); everything else is the same.
    public func classify(bytes: some Collection<UInt8>, explain: Bool = true) -> Classification {
        guard let text = String(validating: bytes, as: UTF8.self) else {
            return Classification(label: Classification.none, inputIssue: .invalidUTF8)
        }
        return classify(text, explain: explain)
    }

    /// Classifies one message.
    /// - Parameter explain: false leaves `evidence` empty (faster); everything else is the same.
    public func classify(_ text: String, explain: Bool = true) -> Classification {
        if text.utf8.count > Self.maximumInputBytes {
            return Classification(label: Classification.none, inputIssue: .tooLong)
        }
        let normalized = normalizer.normalize(text)
        if normalized.text.isEmpty {
            var result = Classification(label: Classification.none, normalizedText: normalized.text, inputIssue: .empty)
            result.stickers = normalized.stickers
            return result
        }
        var result = classify(normalized: normalized.text, explain: explain)
        result.stickers = normalized.stickers
        return result
    }

    /// Classifies text that is already normalised.
    /// - Parameter explain: false leaves `evidence` empty (faster); everything else is the same.
    public func classify(normalized: String, explain: Bool = true) -> Classification {
        var text = normalized
        var result = compiled.scratchPool.with { scratch in
            text.withUTF8 { fireRules(in: $0, scratch) }
            return decide(scratch.fired, scratch, explain: explain)
        }
        result.normalizedText = normalized
        if let learned { learned.blend(&result, ruleSet: ruleSet, explain: explain) }
        let places = PlaceExtractor.extract(from: normalized)
        result.place = places.place
        result.caseNumbers = places.caseNumbers
        return result
    }

    // MARK: - Matching

    /// Indices of the rules that fire on `bytes`, ascending.
    func firedRules(in bytes: UnsafeBufferPointer<UInt8>) -> [Int] {
        compiled.scratchPool.with { scratch in
            fireRules(in: bytes, scratch)
            return scratch.fired
        }
    }

    /// Puts into `s.fired` the indices of the rules that fire on `bytes`, ascending.
    private func fireRules(in bytes: UnsafeBufferPointer<UInt8>, _ s: MatchScratch) {
        let c = compiled
        // The buffers are moved out of the scratch while in use (no copy, no exclusivity checks).
        var fired = s.fired, candidates = s.candidates, excludedGroups = s.excludedGroups, matchedExclusions = s.matchedExclusions
        s.fired = []; s.candidates = []; s.excludedGroups = []; s.matchedExclusions = []
        defer { s.fired = fired; s.candidates = candidates; s.excludedGroups = excludedGroups; s.matchedExclusions = matchedExclusions }

        fired.removeAll(keepingCapacity: true)
        scanText(bytes, s, fired: &fired, candidates: &candidates)
        let matchData = s.matchData
        excludedGroups.removeAll(keepingCapacity: true)
        matchedExclusions.removeAll(keepingCapacity: true)
        c.regexCodes.withUnsafeBufferPointer { codes in
        c.exactPatterns.withUnsafeBufferPointer { exact in
        c.ownersByPattern.start.withUnsafeBufferPointer { ownerStart in
        c.ownersByPattern.elements.withUnsafeBufferPointer { owners in
            for p in candidates {
                let p = Int(p)
                guard exact[p] || codes[p].matches(bytes, using: matchData) else { continue }
                for k in Int(ownerStart[p])..<Int(ownerStart[p &+ 1]) {
                    let owner = owners[k]
                    if owner.rule >= 0 {
                        fired.append(Int(owner.rule))
                    } else {
                        if !excludedGroups.contains(Int(owner.group)) { excludedGroups.append(Int(owner.group)) }
                        if matchedExclusions.last != Int32(p) { matchedExclusions.append(Int32(p)) }
                    }
                }
            }
        }
        }
        }
        }
        if !excludedGroups.isEmpty {
            // Blanking only removes text: the rules to check again are those that fired and the
            // patterns that were candidates.
            var recheck: [Int] = []
            fired.removeAll { r in
                guard excludedGroups.contains(c.rules[r].group) else { return false }
                recheck.append(r)
                return true
            }
            for p in candidates {
                for owner in c.patterns[Int(p)].owners {
                    if let rule = owner.rule, excludedGroups.contains(owner.group), !recheck.contains(rule) { recheck.append(rule) }
                }
            }
            for g in excludedGroups {
                fired += firedRules(ofGroup: g, among: recheck.filter { c.rules[$0].group == g }, in: bytes,
                                    matched: matchedExclusions, matchData: matchData)
            }
        }
        fired.sort()
        // A keyword found twice was put in twice.
        if fired.count > 1 {
            var unique = 1
            for i in 1..<fired.count where fired[i] != fired[unique &- 1] {
                fired[unique] = fired[i]
                unique &+= 1
            }
            fired.removeLast(fired.count &- unique)
        }
    }

    /// Literal hits, patterns run by PCRE2 and fired rules for one normalised text (for figures).
    func matchStatistics(_ bytes: UnsafeBufferPointer<UInt8>) -> (hits: Int, candidates: Int, fired: Int) {
        let hits = compiled.matcher.matches(in: bytes)
        let run = candidatePatterns(hits).filter { !compiled.exactPatterns[Int($0)] }
        return (hits.count, run.count, firedRules(in: bytes).count)
    }

    /// The patterns to run: those that always run, and those whose every prefilter clause has a
    /// literal among `hits`. Each at most once.
    func candidatePatterns(_ hits: [Int]) -> [Int32] {
        compiled.scratchPool.with { scratch in
            var candidates: [Int32] = []
            collectCandidates(hits.map { Int32($0) }, scratch, into: &candidates)
            return candidates
        }
    }

    /// One pass of the literal matcher over `bytes`: appends to `fired` the keyword rules found
    /// (a keyword found twice, twice), and replaces the contents of `candidates` with the patterns
    /// to run, as `collectCandidates` does, from the actions of every automaton state reached.
    /// Uses and resets `s.masks`.
    func scanText(_ bytes: UnsafeBufferPointer<UInt8>, _ s: MatchScratch, fired: inout [Int], candidates: inout [Int32]) {
        let c = compiled
        candidates.removeAll(keepingCapacity: true)
        candidates.append(contentsOf: c.alwaysRunPatterns)
        var masks = s.masks, touched = s.touched
        s.masks = []; s.touched = []
        defer { s.masks = masks; s.touched = touched }
        c.matcher.withStates { states in
        c.ownActions.withUnsafeBufferPointer { actions in
        c.fullClauseMasks.withUnsafeBufferPointer { full in
        masks.withUnsafeMutableBufferPointer { masks in
            c.matcher.walk(bytes) { state in
                // The actions of the literals ending here, then of each shorter one along the links.
                var st = state
                repeat {
                    var k = Int(states[st].firstPayload)
                    let end = Int(states[st &+ 1].firstPayload)
                    st = Int(states[st].link)
                    while k < end {
                        let action = actions[k]
                        k &+= 1
                        if action.bit == 0 {
                            fired.append(Int(action.target))
                            continue
                        }
                        let p = Int(action.target)
                        let before = masks[p]
                        let after = before | action.bit
                        if after != before {
                            if before == 0 { touched.append(action.target) }
                            masks[p] = after
                            if after == full[p] { candidates.append(action.target) }
                        }
                    }
                } while st != 0
            }
            for p in touched { masks[Int(p)] = 0 }
        }
        }
        }
        }
        touched.removeAll(keepingCapacity: true)
    }

    /// The pass of the literal matcher as `classify` runs it (keyword rules found, patterns to
    /// run), into the caller's buffers (for figures).
    func scanText(_ bytes: UnsafeBufferPointer<UInt8>, fired: inout [Int], candidates: inout [Int32]) {
        fired.removeAll(keepingCapacity: true)
        compiled.scratchPool.with { scanText(bytes, $0, fired: &fired, candidates: &candidates) }
    }

    /// Replaces the contents of `candidates` with the patterns to run for literal `hits`: those
    /// that always run, then those whose every prefilter clause has a literal among `hits`, in
    /// the order their last clause is met. Uses and resets `s.masks`.
    private func collectCandidates(_ hits: [Int32], _ s: MatchScratch, into candidates: inout [Int32]) {
        let c = compiled
        candidates.removeAll(keepingCapacity: true)
        candidates.append(contentsOf: c.alwaysRunPatterns)
        guard !hits.isEmpty else { return }
        var masks = s.masks, touched = s.touched
        s.masks = []; s.touched = []
        defer { s.masks = masks; s.touched = touched }
        let refStart = c.clausesByLiteral.start, refs = c.clausesByLiteral.elements
        c.fullClauseMasks.withUnsafeBufferPointer { full in
            masks.withUnsafeMutableBufferPointer { masks in
                for literal in hits {
                    for k in Int(refStart[Int(literal)])..<Int(refStart[Int(literal) + 1]) {
                        let ref = refs[k]
                        let p = Int(ref.pattern)
                        let before = masks[p]
                        let after = before | ref.bit
                        if after != before {
                            if before == 0 { touched.append(ref.pattern) }
                            masks[p] = after
                            if after == full[p] { candidates.append(ref.pattern) }
                        }
                    }
                }
                for p in touched { masks[Int(p)] = 0 }
            }
        }
        touched.removeAll(keepingCapacity: true)
    }

    /// Those of `rules` (of group `g`) that fire once the group's exclusions' spans are blanked out.
    /// `matched`: the exclusion patterns found in `bytes` (the others have no span to blank).
    private func firedRules(ofGroup g: Int, among rules: [Int], in bytes: UnsafeBufferPointer<UInt8>, matched: [Int32], matchData: PCREMatchData) -> [Int] {
        let c = compiled
        var blank = [Bool](repeating: false, count: bytes.count)
        for p in c.groups[g].exclusions where matched.contains(Int32(p)) {
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
            rules.filter { r in
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

    /// The decision for `fired` rules (indices, ascending), with evidence.
    func decide(_ fired: [Int]) -> Classification {
        compiled.scratchPool.with { decide(fired, $0, explain: true) }
    }

    private func decide(_ fired: [Int], _ s: MatchScratch, explain: Bool) -> Classification {
        let c = compiled
        let settings = c.settings
        // Array-indexed scores, moved out of the scratch and zeroed again before they go back.
        var scores = s.scores, subtopicScores = s.subtopicScores
        s.scores = []; s.subtopicScores = []
        defer {
            for r in fired {
                scores[c.ruleGroups[r]] = 0
                let slot = c.ruleSubtopicSlots[r]
                if slot >= 0 { subtopicScores[slot] = 0 }
            }
            s.scores = scores; s.subtopicScores = subtopicScores
        }
        for r in fired {
            let weight = c.ruleWeights[r]
            scores[c.ruleGroups[r]] += weight
            let slot = c.ruleSubtopicSlots[r]
            if slot >= 0 { subtopicScores[slot] += weight }
        }
        var evidence: [Evidence] = []
        if explain {
            evidence.reserveCapacity(fired.count)
            for r in fired {
                let rule = c.rules[r]
                let g = rule.group
                if c.moveGroupFlags[g] {
                    evidence.append(Evidence(categoryID: Classification.movesEvidenceID, subtopicID: c.groups[g].id, rule: rule.description, weight: rule.weight, location: rule.location))
                } else {
                    evidence.append(Evidence(categoryID: c.groups[g].id, subtopicID: rule.subtopic.map { c.groups[g].subtopicIDs[$0] }, rule: rule.description, weight: rule.weight, location: rule.location))
                }
            }
        }
        func bestSubtopic(_ g: Int) -> String? {
            let offset = c.subtopicOffsets[g]
            let count = c.subtopicOffsets[g + 1] - offset
            var best = -1
            var bestScore = 0.0
            for s in 0..<count where subtopicScores[offset + s] > bestScore {
                best = s
                bestScore = subtopicScores[offset + s]
            }
            return best >= 0 ? c.groups[g].subtopicIDs[best] : nil
        }
        func score(_ g: Int) -> CategoryScore {
            CategoryScore(id: c.groups[g].id, kind: c.categoryKinds[g]!, subtopic: bestSubtopic(g), score: scores[g])
        }

        // Moves above their threshold, best first, on a tie in file order.
        var moveIDs: [String] = []
        var moveCount = 0, firstMove = -1
        for g in c.moveGroups where scores[g] >= settings.moveThreshold && scores[g] > 0 {
            moveCount += 1
            if firstMove < 0 { firstMove = g }
        }
        if moveCount == 1 {
            moveIDs = [c.groups[firstMove].id]
        } else if moveCount > 1 {
            var moves: [Int] = []
            moves.reserveCapacity(moveCount)
            for g in c.moveGroups where scores[g] >= settings.moveThreshold && scores[g] > 0 { moves.append(g) }
            moves.sort { a, b in scores[a] != scores[b] ? scores[a] > scores[b] : a < b }
            moveIDs = moves.map { c.groups[$0].id }
        }
        // Categories that scored, best first; on a tie a discussable category before a
        // non-discussable one, then file order. Built in the scratch's buffer.
        var categoryGroups = s.groupBuffer
        s.groupBuffer = []
        defer { categoryGroups.removeAll(keepingCapacity: true); s.groupBuffer = categoryGroups }
        for g in c.categoryGroups where scores[g] > 0 { categoryGroups.append(g) }
        if categoryGroups.count > 1 {
            categoryGroups.sort { a, b in
                if scores[a] != scores[b] { return scores[a] > scores[b] }
                let da = c.categoryKinds[a] == .discussable, db = c.categoryKinds[b] == .discussable
                if da != db { return da }
                return a < b
            }
        }
        let emergency = c.emergencyGroup.flatMap { e in scores[e] >= settings.emergencyThreshold && scores[e] > 0 ? e : nil }
        // The winner among the categories: the first strong non-discussable one, else the best
        // when it reaches the minimum score.
        var winnerIndex: Int?
        if emergency == nil {
            winnerIndex = categoryGroups.firstIndex { c.categoryKinds[$0] == .nonDiscussable && scores[$0] >= settings.strongThreshold }
            if winnerIndex == nil, let first = categoryGroups.first, scores[first] >= settings.minScore { winnerIndex = 0 }
        }
        var candidates: [CategoryScore] = []
        candidates.reserveCapacity(categoryGroups.count + (emergency == nil ? 0 : 1))
        if let e = emergency { candidates.append(score(e)) }
        if let w = winnerIndex { candidates.append(score(categoryGroups[w])) }
        for (k, g) in categoryGroups.enumerated() where k != winnerIndex { candidates.append(score(g)) }

        var result = Classification(label: Classification.none, candidates: candidates, moves: moveIDs, evidence: evidence)
        if emergency != nil {
            let winner = candidates[0]
            result.label = winner.id
            result.kind = .emergency
            result.subtopic = winner.subtopic
            result.score = winner.score
            return result
        }
        guard winnerIndex != nil else { return result }
        let winner = candidates[0]
        result.label = winner.id
        result.kind = winner.kind
        result.subtopic = winner.subtopic
        result.score = winner.score
        if candidates.count > 1, winner.score > 0, candidates[1].score >= settings.ambiguityRatio * winner.score {
            result.isAmbiguous = true
        }
        return result
    }
}

extension Classification {
    /// The label of a message that matched nothing.
    public static let none = "none"
    /// The `categoryID` of evidence that belongs to a conversation move (the move id is its `subtopicID`).
    public static let movesEvidenceID = "moves"
}
