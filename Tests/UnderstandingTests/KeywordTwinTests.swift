import Rules
import Testing
@testable import Understanding

/// Keywords that normalise to the same text in one list (著火 beside 着火, 電梯 beside 电梯)
/// count once, and the explain flag changes nothing but the evidence.
@Suite struct KeywordTwinTests {
    @Test func twinsCountOnce() throws {
        let classifier = try MiniRules.classifier { rules in
            rules.categories[0].keywords += [Keyword("垃圾", weight: 5), Keyword("垃圾 ", weight: 5)]
            rules.emergency!.subtopics[0].keywords.append(Keyword("著火", weight: 4))
        }
        #expect(classifier.classify("垃圾").score == 2)
        let fire = classifier.classify("著火了")
        #expect(fire.label == "emergency")
        #expect(fire.score == 4)
        #expect(fire.evidence.count == 1)
    }

    @Test func explainOnlyAddsEvidence() throws {
        let classifier = try MiniRules.classifier()
        for text in ["门口垃圾没人收,好臭", "车位旁边的电动车着火了", "楼上噪音大,车位也被占", "你好", "天天收到垃圾短信", "3栋501老鼠"] {
            var fast = classifier.classify(text, explain: false)
            let full = classifier.classify(text)
            #expect(fast.evidence.isEmpty)
            #expect(!full.evidence.isEmpty || full.label == Classification.none)
            fast.evidence = full.evidence
            #expect(fast == full, "\(text)")
        }
    }
}
