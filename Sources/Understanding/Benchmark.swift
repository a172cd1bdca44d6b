import Foundation
public import Rules

/// Speed figures for `shangliang bench`: classification throughput on one thread, and rule
/// load + compile time.
public enum Benchmark {
    /// Messages per second classifying `messages` (cycled) on the calling thread for at least
    /// `duration`; `explain` also collects the evidence (as `classify --explain` does).
    public static func throughput(of classifier: Classifier, on messages: [String], for duration: Duration = .seconds(1), explain: Bool = false) -> Double {
        measureThroughput(of: classifier, on: messages, for: duration, explain: explain).wall
    }

    /// Messages per second of wall time and per second of the thread's CPU time (the second
    /// does not count the time the thread waited for a core, on a shared machine).
    public static func measureThroughput(of classifier: Classifier, on messages: [String], for duration: Duration = .seconds(1), explain: Bool = false) -> (wall: Double, cpu: Double) {
        precondition(!messages.isEmpty)
        let clock = ContinuousClock()
        var count = 0
        var checksum = 0
        let start = clock.now
        let cpuStart = threadCPUSeconds()
        var elapsed = Duration.zero
        while elapsed < duration {
            for message in messages {
                let result = classifier.classify(message, explain: explain)
                checksum &+= result.candidates.count &+ result.evidence.count
            }
            count += messages.count
            elapsed = clock.now - start
        }
        let cpu = threadCPUSeconds() - cpuStart
        if checksum == -1 { print("") }  // keep the work observable
        return (Double(count) / elapsed.seconds, Double(count) / max(cpu, 1e-9))
    }

    /// CPU time of the calling thread, in seconds.
    static func threadCPUSeconds() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    /// Messages per second through normalisation alone.
    public static func normalizationThroughput(_ normalizer: TextNormalizer, on messages: [String], for duration: Duration = .milliseconds(500)) -> Double {
        let clock = ContinuousClock()
        var count = 0
        var checksum = 0
        let start = clock.now
        var elapsed = Duration.zero
        while elapsed < duration {
            for message in messages { checksum &+= normalizer.normalize(message).text.utf8.count }
            count += messages.count
            elapsed = clock.now - start
        }
        if checksum == -1 { print("") }
        return Double(count) / elapsed.seconds
    }

    /// Per message on average: literal hits, prefilter clause entries visited, candidate patterns
    /// run by PCRE2, rules fired.
    public static func prefilterStatistics(of classifier: Classifier, on messages: [String]) -> (hits: Double, clauseRefs: Double, candidates: Double, fired: Double) {
        var hits = 0, refs = 0, candidates = 0, fired = 0
        let c = classifier.compiled
        for message in messages {
            var text = classifier.normalizer.normalize(message).text
            text.withUTF8 { bytes in
                let stats = classifier.matchStatistics(bytes)
                hits += stats.hits
                for literal in c.matcher.matches(in: bytes) { refs += c.clausesByLiteral[literal].count }
                candidates += stats.candidates
                fired += stats.fired
            }
        }
        let n = Double(max(messages.count, 1))
        return (Double(hits) / n, Double(refs) / n, Double(candidates) / n, Double(fired) / n)
    }

    /// Nanoseconds per message spent in each stage (normalise, literal scan, rules fired,
    /// decision, places), each measured on its own over `messages`.
    public static func stageTimes(of classifier: Classifier, on messages: [String], rounds: Int = 50) -> [(stage: String, nanoseconds: Double)] {
        let clock = ContinuousClock()
        let normalized = messages.map { classifier.normalizer.normalize($0).text }
        var checksum = 0
        func time(_ body: () -> Void) -> Double {
            let start = clock.now
            for _ in 0..<rounds { body() }
            return (clock.now - start).seconds * 1e9 / Double(rounds * messages.count)
        }
        let normalize = time { for m in messages { checksum &+= classifier.normalizer.normalize(m).text.utf8.count } }
        // The literal matcher's pass as `classify` runs it (keyword rules found and patterns to
        // run, in one pass over the text), with buffers kept between messages.
        let matcher = classifier.compiled.matcher
        var firedBuffer: [Int] = []
        var candidateBuffer: [Int32] = []
        let scan = time {
            for var t in normalized {
                t.withUTF8 { classifier.scanText($0, fired: &firedBuffer, candidates: &candidateBuffer) }
                checksum &+= candidateBuffer.count
            }
        }
        let hits = normalized.map { var t = $0; return t.withUTF8 { matcher.matches(in: $0) } }
        let candidateLists = hits.map { classifier.candidatePatterns($0).filter { !classifier.compiled.exactPatterns[Int($0)] } }
        let matchData = PCREMatchData()
        let regexes = time {
            for (t, list) in zip(normalized, candidateLists) {
                var t = t
                t.withUTF8 { bytes in for p in list where classifier.compiled.patterns[Int(p)].regex.matches(bytes, using: matchData) { checksum &+= 1 } }
            }
        }
        var excluded = 0
        for (t, list) in zip(normalized, candidateLists) {
            var t = t
            t.withUTF8 { bytes in
                if list.contains(where: { p in classifier.compiled.patterns[Int(p)].owners.contains { $0.rule == nil } && classifier.compiled.patterns[Int(p)].regex.matches(bytes, using: matchData) }) { excluded += 1 }
            }
        }
        let fire = time { for var t in normalized { checksum &+= t.withUTF8 { classifier.firedRules(in: $0).count } } }
        let fired = normalized.map { var t = $0; return t.withUTF8 { classifier.firedRules(in: $0) } }
        let decide = time { for f in fired { checksum &+= classifier.decide(f).candidates.count } }
        let places = time { for t in normalized { checksum &+= PlaceExtractor.extract(from: t).place.building ?? 0 } }
        let whole = time { for m in messages { checksum &+= classifier.classify(m, explain: false).candidates.count } }
        if checksum == -1 { print("") }
        return [("normalise", normalize), ("literal scan with keyword rules and prefilter clauses", scan), ("PCRE2", regexes),
                ("rest of matching (exclusions hit \(excluded) of \(messages.count) messages)", fire - scan - regexes), ("rules fired (all of matching)", fire), ("decide", decide), ("places", places), ("whole classify", whole)]
    }

    /// The patterns most often run in vain (candidates that do not match), for rule authors and
    /// for tuning the prefilter: (pattern, times run, times matched).
    public static func wastedPatterns(of classifier: Classifier, on messages: [String], limit: Int = 10) -> [(pattern: String, runs: Int, matches: Int, nanoseconds: Double)] {
        let c = classifier.compiled
        let clock = ContinuousClock()
        var runs = [Int](repeating: 0, count: c.patterns.count)
        var matches = [Int](repeating: 0, count: c.patterns.count)
        var time = [Duration](repeating: .zero, count: c.patterns.count)
        let matchData = PCREMatchData()
        for message in messages {
            var text = classifier.normalizer.normalize(message).text
            text.withUTF8 { bytes in
                for p in classifier.candidatePatterns(c.matcher.matches(in: bytes)) where !c.exactPatterns[Int(p)] {
                    runs[Int(p)] += 1
                    let start = clock.now
                    var matched = false
                    for _ in 0..<20 { matched = c.patterns[Int(p)].regex.matches(bytes, using: matchData) }
                    time[Int(p)] += (clock.now - start) / 20
                    if matched { matches[Int(p)] += 1 }
                }
            }
        }
        return c.patterns.indices.sorted { time[$0] > time[$1] }.prefix(limit)
            .map { (c.patterns[$0].regex.source, runs[$0], matches[$0], time[$0].seconds * 1e9 / Double(messages.count)) }
    }

    /// Median wall time of `runs` executions of `body`.
    public static func medianTime(runs: Int, _ body: () throws -> Void) rethrows -> Duration {
        let clock = ContinuousClock()
        var times: [Duration] = []
        for _ in 0..<runs {
            let start = clock.now
            try body()
            times.append(clock.now - start)
        }
        times.sort()
        return times[times.count / 2]
    }

    /// `ruleSet` with `factor - 1` times as many extra keywords and patterns, generated from rare
    /// characters so that they (almost) never match: the cost of more rules, not of more matches.
    public static func scaled(_ ruleSet: RuleSet, by factor: Int, seed: UInt64 = 1) -> RuleSet {
        guard factor > 1 else { return ruleSet }
        // Rare but valid CJK characters (CJK Extension A), never produced by t2s.
        let rare = (0x3400...0x3500).compactMap(Unicode.Scalar.init).map(Character.init)
        var state = seed
        func next() -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(truncatingIfNeeded: state >> 33)
        }
        func word(_ n: Int) -> String { String((0..<n).map { _ in rare[next() % rare.count] }) }
        var out = ruleSet
        for index in out.categories.indices {
            let category = out.categories[index]
            let keywords = category.keywords.count + category.subtopics.reduce(0) { $0 + $1.keywords.count }
            let patterns = category.patterns.count + category.subtopics.reduce(0) { $0 + $1.patterns.count }
            for _ in 0..<(factor - 1) * max(keywords, 1) {
                out.categories[index].keywords.append(Keyword(word(2 + next() % 2), weight: 1))
            }
            for i in 0..<(factor - 1) * max(patterns, 1) {
                let regex = i % 2 == 0 ? "\(word(2)).{0,6}(\(word(1))|\(word(1)))" : "(\(word(2))|\(word(2)))\(word(1))?.{0,4}\(word(1))"
                out.categories[index].patterns.append(PatternRule(regex, weight: 1))
            }
        }
        return out
    }

    /// A handful of messages written for the benchmark, used when no corpus is at hand.
    public static let sampleMessages = [
        "5号楼下面的垃圾桶满了好几天没人清", "我家车位老是被外面的车占着", "电梯又坏了,老人上下楼太难了",
        "楼上每天半夜拖椅子,吵得睡不着", "小区能不能多办点老年人的活动", "物业的保安晚上都不在岗",
        "楼道里堆满了纸箱子,着火了怎么办", "帮我查一下隔壁的手机号", "我要跟老公离婚,财产怎么分",
        "厨房有很重的煤气味", "你好", "好的", "謝謝你們,辛苦了", "３栋２单元５０１的水管爆了",
        "广场舞音响太大声了[捂脸]", "能不能在东区7幢旁边装个充电桩", "我的诉求2026-0012怎么样了",
        "房价什么时候能涨回来", "有人在小区门口打架", "绿化带被人种了菜",
    ]
}

extension Duration {
    /// The duration in seconds.
    public var seconds: Double {
        let (s, attoseconds) = components
        return Double(s) + Double(attoseconds) / 1e18
    }
}
