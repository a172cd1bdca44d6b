import Synchronization

/// Working memory for classifying one message: PCRE2 match data, prefilter clause
/// masks, candidate patterns, fired rules and score arrays. Kept between messages so that the
/// per-message path allocates (almost) nothing; taken from and given back to a `ScratchPool`.
///
/// Between uses every mask and score is zero again: the code that sets them resets what it set.
final class MatchScratch: @unchecked Sendable {
    // @unchecked Sendable: one thread at a time uses a scratch, between `ScratchPool.take()` and
    // `ScratchPool.give(_:)`; the pool's lock orders the hand-over.
    let matchData = PCREMatchData()
    /// Per pattern: the prefilter clause bits satisfied so far (all zero between messages).
    var masks: [UInt8]
    /// Patterns whose mask is non-zero, to reset them.
    var touched: [Int32] = []
    var candidates: [Int32] = []
    var fired: [Int] = []
    var excludedGroups: [Int] = []
    /// Exclusion patterns that matched the message (empty between messages).
    var matchedExclusions: [Int32] = []
    /// Groups being ranked by `decide` (empty between messages).
    var groupBuffer: [Int] = []
    /// Per group and per sub-topic (flat): the score (all zero between messages).
    var scores: [Double]
    var subtopicScores: [Double]

    init(patterns: Int, groups: Int, subtopics: Int) {
        masks = [UInt8](repeating: 0, count: patterns)
        scores = [Double](repeating: 0, count: groups)
        subtopicScores = [Double](repeating: 0, count: subtopics)
        touched.reserveCapacity(64)
        candidates.reserveCapacity(64)
        fired.reserveCapacity(32)
    }
}

/// Scratch spaces shared by the threads that classify with one rule set: a thread takes one (or a
/// new one when all are in use) and gives it back; at most as many exist as threads ever
/// classified at once.
final class ScratchPool: Sendable {
    private let free = Mutex<[MatchScratch]>([])
    private let patterns: Int, groups: Int, subtopics: Int

    init(patterns: Int, groups: Int, subtopics: Int) {
        self.patterns = patterns
        self.groups = groups
        self.subtopics = subtopics
    }

    func take() -> MatchScratch {
        free.withLock { $0.popLast() } ?? MatchScratch(patterns: patterns, groups: groups, subtopics: subtopics)
    }

    func give(_ scratch: MatchScratch) {
        free.withLock { $0.append(scratch) }
    }

    /// Runs `body` with a scratch space.
    @inline(__always)
    func with<R>(_ body: (MatchScratch) -> R) -> R {
        let scratch = take()
        defer { give(scratch) }
        return body(scratch)
    }
}
