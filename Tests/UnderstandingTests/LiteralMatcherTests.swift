import Testing
@testable import Understanding

@Suite struct LiteralMatcherTests {
    @Test func findsOverlappingAndNestedLiterals() {
        let matcher = LiteralMatcher(["垃圾", "垃圾桶", "圾桶", "桶", "he", "she", "hers"])
        #expect(matcher.matches(in: "门口垃圾桶满了") == [0, 1, 2, 3])
        #expect(matcher.matches(in: "ushers") == [4, 5, 6])
        #expect(matcher.matches(in: "没有").isEmpty)
    }

    @Test func agreesWithNaiveSearch() {
        let alphabet = Array("垃圾桶楼道电梯坏了abc")
        var generator = SplitMix64(seed: 7)
        let literals = (0..<60).map { _ in String((0..<(1 + Int(generator.next() % 3))).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }) }
        let matcher = LiteralMatcher(literals)
        for _ in 0..<300 {
            let text = String((0..<Int(generator.next() % 20)).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] })
            let expected = literals.indices.filter { text.contains(literals[$0]) }
            #expect(matcher.matches(in: text) == expected, "\(text)")
        }
    }

    @Test func noLiterals() {
        #expect(LiteralMatcher([]).matches(in: "anything").isEmpty)
        #expect(LiteralMatcher([""]).matches(in: "anything").isEmpty)
    }
}

/// A small deterministic generator for test data.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E3779B97F4A7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
        z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
        return z ^ (z >> 31)
    }
}
