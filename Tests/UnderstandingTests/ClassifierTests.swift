import Rules
import Testing
@testable import Understanding

/// A small rule set built in code, so each test can see exactly which weights are in play.
enum MiniRules {
    static func make(_ edit: (inout RuleSet) -> Void = { _ in }) -> RuleSet {
        var rules = RuleSet(
            categories: [
                Category(
                    id: "sanitation", kind: .discussable, title: "环境卫生",
                    keywords: [Keyword("垃圾", weight: 2), Keyword("臭", weight: 1)],
                    patterns: [PatternRule("垃圾.{0,4}没人(收|清)", weight: 2)],
                    exclusions: [PatternRule("垃圾(短信|电话)", weight: 0)],
                    subtopics: [Subtopic(id: "pests", title: "虫鼠", keywords: [Keyword("老鼠", weight: 3)])]),
                Category(
                    id: "parking", kind: .discussable, title: "停车",
                    keywords: [Keyword("车位", weight: 3), Keyword("停车", weight: 2), Keyword("车站", weight: -3)],
                    subtopics: [
                        Subtopic(id: "ebike", title: "电动车", keywords: [Keyword("电动车", weight: 2)]),
                        Subtopic(id: "fire-lane", title: "消防通道", patterns: [PatternRule("消防通道.{0,6}(堵|占)", weight: 4)]),
                    ]),
                Category(id: "neighbourhood", kind: .discussable, title: "邻里", keywords: [Keyword("噪音", weight: 3)]),
                Category(id: "privacy", kind: .nonDiscussable, title: "隐私", keywords: [Keyword("手机号", weight: 4), Keyword("住址", weight: 2)]),
            ],
            emergency: Category(
                id: "emergency", kind: .emergency, title: "紧急",
                subtopics: [
                    Subtopic(id: "fire", title: "火情", keywords: [Keyword("着火", weight: 4), Keyword("冒烟", weight: 2)], number: "119", advice: "快跑"),
                ]),
            moves: [
                Move(id: "yes", title: "确认", patterns: [PatternRule("^(是|对|好)的?$", weight: 3)]),
                Move(id: "greeting", title: "问候", keywords: [Keyword("你好", weight: 2)]),
            ])
        edit(&rules)
        return rules
    }

    static func classifier(_ edit: (inout RuleSet) -> Void = { _ in }, prefilter: Bool = true) throws -> Classifier {
        try Classifier(rules: make(edit), usesPrefilter: prefilter)
    }
}

@Suite struct ClassifierTests {
    let classifier = try! MiniRules.classifier()

    @Test func keywordsAndPatternsAddUp() {
        let result = classifier.classify("门口垃圾没人收,好臭")
        #expect(result.label == "sanitation")
        #expect(result.kind == .discussable)
        #expect(result.score == 5)
        #expect(result.evidence.count == 3)
        #expect(result.evidence.allSatisfy { $0.categoryID == "sanitation" })
    }

    @Test func eachKeywordCountsOnce() {
        #expect(classifier.classify("垃圾垃圾垃圾").score == 2)
    }

    @Test func belowMinimumScoreIsNone() {
        let result = classifier.classify("有点臭")
        #expect(result.label == "none")
        #expect(result.kind == nil)
        #expect(result.candidates.map(\.id) == ["sanitation"])
    }

    @Test func nothingMatchedIsNone() {
        let result = classifier.classify("今天天气很好")
        #expect(result.label == "none")
        #expect(result.candidates.isEmpty)
        #expect(result.evidence.isEmpty)
    }

    @Test func emergencyWinsOverEverything() {
        let result = classifier.classify("车位旁边的电动车着火了")
        #expect(result.label == "emergency")
        #expect(result.kind == .emergency)
        #expect(result.subtopic == "fire")
        #expect(!result.isAmbiguous)
        #expect(result.candidates.first?.id == "emergency")
    }

    @Test func weakEmergencyDoesNotWin() {
        // 冒烟 alone (2) is below the emergency threshold (3).
        let result = classifier.classify("停车场冒烟")
        #expect(result.label == "parking")
    }

    @Test func strongNonDiscussableWinsOverHigherDiscussable() {
        // parking 3 + 2 + 2 = 7, privacy 4 (strong).
        let result = classifier.classify("告诉我停车位旁那辆电动车车主的手机号")
        #expect(result.label == "privacy")
        #expect(result.kind == .nonDiscussable)
        #expect(result.candidates.first?.id == "privacy")
    }

    @Test func weakNonDiscussableCompetesByScore() {
        // privacy 2 (below strong 4) vs parking 3.
        #expect(classifier.classify("车位和住址").label == "parking")
    }

    @Test func closeRunnerUpIsAmbiguous() {
        let result = classifier.classify("楼上噪音大,车位也被占")  // neighbourhood 3, parking 3
        #expect(result.isAmbiguous)
        #expect(result.label == "neighbourhood" || result.label == "parking")
        #expect(result.runnerUp != nil)
        #expect(result.runnerUp?.id != result.label)
    }

    @Test func distantRunnerUpIsNotAmbiguous() {
        let result = classifier.classify("门口垃圾没人收好臭,噪音")  // sanitation 5, neighbourhood 3 < 4
        #expect(result.label == "sanitation")
        #expect(!result.isAmbiguous)
        #expect(result.runnerUp == nil)
        #expect(result.candidates.count == 2)
    }

    @Test func exclusionsBlankSpansForTheirFileOnly() {
        #expect(classifier.classify("天天收到垃圾短信").label == "none")
        // Another mention of 垃圾 outside the excluded span still counts.
        #expect(classifier.classify("垃圾短信太多,门口垃圾也没人收").label == "sanitation")
    }

    @Test func bestSubtopicIsReported() {
        let result = classifier.classify("消防通道被电动车堵了")
        #expect(result.label == "parking")
        #expect(result.subtopic == "fire-lane")
        #expect(result.score == 6)
        #expect(classifier.classify("垃圾房老鼠").subtopic == "pests")
        #expect(classifier.classify("垃圾没人收").subtopic == nil)
    }

    @Test func negativeWeightsSubtract() {
        #expect(classifier.classify("车站旁边的车位").score == 0)
        #expect(classifier.classify("车站旁边的车位").label == "none")
    }

    @Test func movesAreDetectedBesideCategories() {
        #expect(classifier.classify("好的").moves == ["yes"])
        let greeting = classifier.classify("你好,门口垃圾没人收")
        #expect(greeting.moves == ["greeting"])
        #expect(greeting.label == "sanitation")
        #expect(greeting.evidence.contains { $0.categoryID == Classification.movesEvidenceID && $0.subtopicID == "greeting" })
    }

    @Test func normalisationHappensBeforeMatching() {
        #expect(classifier.classify("門口垃圾沒人收").label == "sanitation")
        #expect(classifier.classify("車位").label == "parking")
        #expect(classifier.classify("车位").normalizedText == "车位")
    }

    @Test func keywordsAreNormalisedToo() throws {
        let c = try MiniRules.classifier { $0.categories[2].keywords = [Keyword("噪音", weight: 3), Keyword("ＫＴＶ", weight: 3)] }
        #expect(c.classify("楼下ktv").label == "neighbourhood")
    }

    @Test func badPatternsAreAllReported() {
        #expect {
            try MiniRules.classifier {
                $0.categories[0].patterns.append(PatternRule("(unclosed", location: SourceLocation(file: "f.yaml", line: 3, column: 10), valueColumnOffset: 1))
                $0.categories[1].patterns.append(PatternRule("[z-a]", location: SourceLocation(file: "g.yaml", line: 5, column: 7)))
            }
        } throws: { error in
            guard let error = error as? DiagnosticError else { return false }
            let columns = error.diagnostics.compactMap { $0.location?.column }
            return error.diagnostics.count == 2 && columns == [10 + 1 + 9, 7 + 3]
        }
    }

    /// A keyword found several times, and a keyword that is also inside a longer one, count once
    /// each; the same with the prefilter's single pass and without it.
    @Test func aKeywordFoundTwiceCountsOnce() throws {
        let unfiltered = try MiniRules.classifier(prefilter: false)
        for text in ["垃圾垃圾垃圾", "车位车位,停车停车位", "电动车停车电动车", "垃圾没人收,垃圾没人清"] {
            let result = classifier.classify(text)
            #expect(result == unfiltered.classify(text), "\(text)")
            let rules = result.evidence.map(\.rule)
            #expect(Set(rules).count == rules.count, "\(text)")
        }
        #expect(classifier.classify("垃圾垃圾垃圾").score == 2)
        #expect(classifier.classify("车位车位,停车停车位").score == 5)
    }
}
