import Testing
import TestSupport
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

    @Test func charactersBeyondTheBMPAndMixedWidths() {
        let matcher = LiteralMatcher(["😀好", "é", "a😀", "𠀀𠀁"])
        #expect(matcher.matches(in: "xa😀好é 𠀀𠀁") == [0, 1, 2, 3])
        #expect(matcher.matches(in: "😀😀").isEmpty)
    }

    @Test func deepFailureChains() {
        // After "aaab" fails, the automaton must fall back through every shorter prefix of a's.
        let matcher = LiteralMatcher(["aaaa", "aab", "b", "ab"])
        #expect(matcher.matches(in: "aaab") == [1, 2, 3])
        #expect(matcher.matches(in: "aaaaa") == [0])
    }

    @Test func noLiterals() {
        #expect(LiteralMatcher([]).matches(in: "anything").isEmpty)
        #expect(LiteralMatcher([""]).matches(in: "anything").isEmpty)
    }

    @Test func startMarkerAnchorsALiteralAtTheStart() {
        let m = String(LiteralMatcher.startMarker)
        let matcher = LiteralMatcher([m + "好", "好", m + "好的", "的"])
        #expect(matcher.matches(in: "好的") == [0, 1, 2, 3])
        #expect(matcher.matches(in: "很好的") == [1, 3])
        #expect(matcher.matches(in: "").isEmpty)
        #expect(LiteralMatcher([m]).matches(in: "") == [0])  // the marker alone: every text
    }

    @Test func statesWithManyTransitionsAndLongTexts() {
        // One state with 300 transitions (searched by halves), literals sharing their last characters.
        let tails = (0..<300).map { String(Unicode.Scalar(0x4E00 + 7 * $0)!) }
        let literals = tails.map { "前" + $0 } + tails.map { $0 + "后" } + ["𠀀" + tails[299]]
        let matcher = LiteralMatcher(literals)
        for k in [0, 1, 7, 8, 9, 150, 298, 299] {
            #expect(matcher.matches(in: "x前" + tails[k] + "后y") == [k, 300 + k], "\(k)")
        }
        #expect(matcher.matches(in: "前丁后").isEmpty)  // 丁 (U+4E01) is in no literal
        #expect(matcher.matches(in: "𠀀" + tails[299]) == [600])
        // A mebibyte of text in no literal, then one hit at the very end.
        let long = String(repeating: "啊", count: 1 << 18) + "前" + tails[3]
        #expect(matcher.matches(in: long) == [3])
    }
}
