import Rules
import Testing
import TestSupport
@testable import Understanding

/// The literal prefilter must never change a result: every message is classified with and
/// without it and the two results compared whole.
@Suite struct PrefilterEquivalenceTests {
    static let patterns = [
        "消防(通道|车道).{0,8}(堵|占|停)", "(楼道|家里).{0,6}充电", "(别人|外来|陌生).{0,4}车", "漏水+管?",
        "^(是|对|好)的?$", "(?<!不)漏水", "停车(?!场)", "[车位]{2}被占", "\\d+号楼", "电梯|扶梯.?坏",
        "(?:垃圾桶)满", "(?<w>噪音)(太|很)大", "楼?道堵", "x{2,3}yz", "\\p{Han}{2}着火", "(?i)ab", "a.b|c",
        "车{2,}", "(充电)+桩", "^$", "\\s停", "好+的", "[^车]位", "[车位]被占", "\\d号楼?", "[0-9]{2}",
        "消防(通道|车道).{0,8}(堵|占|停)", "(?:垃圾桶)满",  // the same text in two categories
    ]

    static func ruleSet() -> RuleSet {
        var categories: [Category] = []
        for (i, chunk) in stride(from: 0, to: patterns.count, by: 4).map({ Array(patterns[$0..<min($0 + 4, patterns.count)]) }).enumerated() {
            categories.append(Category(
                id: "c\(i)", kind: i % 3 == 2 ? .nonDiscussable : .discussable, title: "c\(i)",
                keywords: [Keyword(["车位", "漏水", "噪音", "楼道", "着火", "充电"][i % 6], weight: Double(i % 3 + 1))],
                patterns: chunk.enumerated().map { PatternRule($0.element, weight: Double($0.offset + 1)) },
                exclusions: i == 1 ? [PatternRule("垃圾(短信|电话)", weight: 0), PatternRule("不漏水", weight: 0)] : []))
        }
        return RuleSet(
            categories: categories,
            emergency: Category(id: "emergency", kind: .emergency, title: "e", patterns: [PatternRule("着火|冒烟{1,}", weight: 3)]),
            moves: [Move(id: "yes", title: "y", patterns: [PatternRule("^(是|对|好)的?$", weight: 2)])])
    }

    @Test func prefilterNeverChangesResults() throws {
        let rules = Self.ruleSet()
        let with = try Classifier(rules: rules, usesPrefilter: true)
        let without = try Classifier(rules: rules, usesPrefilter: false)
        #expect(with.compiled.alwaysRunPatterns.count < without.compiled.alwaysRunPatterns.count)
        let pieces = ["消防", "通道", "车道", "堵", "楼道", "家里", "充电", "桩", "外来", "车", "漏", "水", "管", "是", "对", "好", "的",
                      "不", "停车", "场", "位", "被占", "3", "号楼", "电梯", "扶梯", "坏", "垃圾", "桶", "满", "噪音", "太", "大",
                      "x", "y", "z", "着火", "冒烟", "ab", "AB", "a", "b", "c", " ", "短信", "!", "了", "1", "2", "٣"]
        var generator = SplitMix64(seed: 2026)
        var fired = 0
        for _ in 0..<3000 {
            let count = 1 + Int(generator.next() % 8)
            let text = (0..<count).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined()
            let a = with.classify(text), b = without.classify(text)
            #expect(a == b, "\(text)")
            if !a.evidence.isEmpty { fired += 1 }
        }
        #expect(fired > 1000)  // the generated messages do exercise the rules
    }
}

/// Patterns that are finite sets of literals are decided by the literal matcher alone.
@Suite struct LiteralExpansionTests {
    @Test func expandsLiteralSets() {
        #expect(LiteralExpansion.strings(of: "(鸽子|鸟)(屎|粪)") == ["鸽子屎", "鸽子粪", "鸟屎", "鸟粪"])
        #expect(LiteralExpansion.strings(of: "开(个|一个)?小店") == ["开个小店", "开一个小店", "开小店"])
        #expect(LiteralExpansion.strings(of: "(?:垃圾桶)满|溢出") == ["垃圾桶满", "溢出"])
        #expect(LiteralExpansion.strings(of: "双11") == ["双11"])
    }

    @Test func refusesAnythingElse() {
        for regex in ["a.b", "^好$", "漏水+", "\\d号楼", "[车位]被占", "(?<w>噪音)大", "(?i)ab", "a??", "x{2}", "(a|)", "a?", "(a", "a)", "", "停车(?!场)"] {
            #expect(LiteralExpansion.strings(of: regex) == nil, "\(regex)")
        }
        #expect(LiteralExpansion.strings(of: "(a|b)(c|d)(e|f)(g|h)(i|j)(k|l)(m|n)", limit: 64) == nil)
    }

    /// Literal-set patterns, mixed with others, give the same results with and without the prefilter.
    @Test func literalSetPatternsKeepResults() throws {
        let patterns = ["(鸽子|鸟|狗)(屎|粪)", "开(个|一个)?小店", "(?:垃圾桶)满|溢出", "楼道(里)?(堆|放)", "车位被占", "狗(屎|粪)?", "a(b|c)?", "狗.{0,2}屎"]
        let rules = RuleSet(categories: patterns.enumerated().map { i, regex in
            Category(id: "c\(i)", kind: i == 3 ? .nonDiscussable : .discussable, title: "c",
                     patterns: [PatternRule(regex, weight: Double(i % 3 + 2))],
                     exclusions: i == 0 ? [PatternRule("鸟粪肥", weight: 0)] : [])
        })
        let with = try Classifier(rules: rules), without = try Classifier(rules: rules, usesPrefilter: false)
        #expect(with.compiled.exactPatterns.filter { $0 }.count == 8)  // all but the last, and the exclusion
        let pieces = ["鸽子", "鸟", "狗", "屎", "粪", "肥", "开", "个", "一个", "小店", "垃圾桶", "满", "溢出", "楼道", "里", "堆", "放", "车位", "被占", "a", "b", "c", " "]
        var generator = SplitMix64(seed: 7)
        var fired = 0
        for _ in 0..<2000 {
            let text = (0..<(1 + Int(generator.next() % 6))).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined()
            let a = with.classify(text), b = without.classify(text)
            #expect(a == b, "\(text)")
            if !a.evidence.isEmpty { fired += 1 }
        }
        #expect(fired > 500)
    }
}
