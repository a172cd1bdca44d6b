import Rules
import Testing
@testable import Understanding

/// The learned layer: what it learns from examples, and when it may overrule the rules.
@Suite struct LearnedModelTests {
    static let normalizer = TextNormalizer()

    /// A toy model: lifts and leaks are facilities, barking and noise neighbourhood, greetings none.
    static let model = LearnedModel(
        examples: [
            LearnedExample(text: "电梯坏了", label: "facilities"),
            LearnedExample(text: "电梯又停了没人修", label: "facilities"),
            LearnedExample(text: "楼道灯不亮了", label: "facilities"),
            LearnedExample(text: "楼上狗叫一晚上", label: "neighbourhood"),
            LearnedExample(text: "邻居家狗天天叫", label: "neighbourhood"),
            LearnedExample(text: "隔壁半夜吵", label: "neighbourhood"),
            LearnedExample(text: "你好", label: "none"),
            LearnedExample(text: "早上好呀", label: "none"),
        ],
        normalizer: normalizer)

    @Test func itLearnsFromCharactersAndPairs() throws {
        let lift = try #require(Self.model.verdict(normalized: "电梯停了"))
        #expect(lift.label == "facilities")
        #expect(lift.margin > 0)
        #expect(try #require(Self.model.verdict(normalized: "狗叫得厉害")).label == "neighbourhood")
        // Traditional input reaches the model normalised, as the classifier gives it.
        let traditional = Self.normalizer.normalize("電梯壞了").text
        #expect(try #require(Self.model.verdict(normalized: traditional)).label == "facilities")
        #expect(Self.model.verdict(normalized: "") == nil)
        #expect(Self.model.exampleCount == 8)
    }

    @Test func unknownWordsLeanToTheLabelWithTheLeastText() throws {
        // Every unseen character or pair costs each label in proportion to how much text it
        // learned from: gibberish goes to `none` (short greetings), not to a complaint.
        let verdict = try #require(Self.model.verdict(normalized: "魑魅魍魉"))
        #expect(verdict.label == "none")
    }

    /// A rule set whose thresholds the blend reads; the categories are looked up by id.
    static func ruleSet(minMargin: Double = 0) -> RuleSet {
        var settings = ClassifierSettings()
        settings.learnedMinMargin = minMargin
        settings.learnedEmergencyMinMargin = minMargin
        return RuleSet(
            categories: [
                Category(id: "facilities", kind: .discussable, title: "设施维修", summary: ""),
                Category(id: "neighbourhood", kind: .discussable, title: "邻里关系", summary: ""),
            ],
            settings: settings)
    }

    static func ruled(_ label: String, score: Double, ambiguous: Bool = false, text: String) -> Classification {
        var result = Classification(
            label: label, kind: label == "none" ? nil : .discussable, score: score, isAmbiguous: ambiguous,
            candidates: label == "none" ? [] : [CategoryScore(id: label, kind: .discussable, score: score)],
            normalizedText: text)
        if label == "none" { result.kind = nil }
        return result
    }

    @Test func itDecidesWhereTheRulesFoundNothingOrLittle() {
        var nothing = Self.ruled("none", score: 0, text: "楼上的狗叫个不停")
        Self.model.blend(&nothing, ruleSet: Self.ruleSet(), explain: true)
        #expect(nothing.label == "neighbourhood")
        #expect(nothing.decidedByLearnedLayer)
        #expect(nothing.score >= ClassifierSettings().minScore)  // the dialogue treats it as understood
        #expect(nothing.evidence.contains { $0.rule.hasPrefix("learned layer: neighbourhood") })
        #expect(nothing.rulesOnly.label == "none")
        #expect(nothing.report().hasPrefix("label: neighbourhood (discussable)"))
        #expect(nothing.report().contains("decided by the learned layer (rules: none)"))

        var weak = Self.ruled("facilities", score: 3, text: "楼上的狗叫个不停")
        Self.model.blend(&weak, ruleSet: Self.ruleSet(), explain: false)
        #expect(weak.label == "neighbourhood")
        #expect(weak.evidence.isEmpty)
    }

    @Test func itCanSayAWeakMatchWasAboutNothing() {
        var greeting = Self.ruled("facilities", score: 3, text: "你好呀早上好")
        Self.model.blend(&greeting, ruleSet: Self.ruleSet(), explain: false)
        #expect(greeting.label == "none")
        #expect(greeting.kind == nil)
        #expect(greeting.score == 0)
        #expect(greeting.learned?.label == "none")
        #expect(greeting.rulesOnly.label == "facilities")
        #expect(greeting.rulesOnly.score == 3)
    }

    @Test func aClearRulesWinnerStands() {
        var clear = Self.ruled("facilities", score: 9, text: "楼上的狗叫个不停")
        Self.model.blend(&clear, ruleSet: Self.ruleSet(), explain: true)
        #expect(clear.label == "facilities")
        #expect(!clear.decidedByLearnedLayer)
        // Ambiguous, it gives way even when high.
        var ambiguous = Self.ruled("facilities", score: 9, ambiguous: true, text: "楼上的狗叫个不停")
        Self.model.blend(&ambiguous, ruleSet: Self.ruleSet(), explain: true)
        #expect(ambiguous.label == "neighbourhood")
        #expect(!ambiguous.isAmbiguous)
    }

    @Test func aWeakMarginOrAShortMessageOrAMoveLeavesTheRulesAlone() {
        var unsure = Self.ruled("none", score: 0, text: "楼上的狗叫个不停")
        Self.model.blend(&unsure, ruleSet: Self.ruleSet(minMargin: 1_000), explain: true)
        #expect(unsure.label == "none")
        var short = Self.ruled("none", score: 0, text: "狗叫")
        Self.model.blend(&short, ruleSet: Self.ruleSet(), explain: true)
        #expect(short.label == "none")
        var move = Self.ruled("none", score: 0, text: "楼上的狗叫个不停")
        move.moves = ["thanks"]
        Self.model.blend(&move, ruleSet: Self.ruleSet(), explain: true)
        #expect(move.label == "none")
    }

    @Test func theFeatureTableFindsEveryKeyAndNoOther() {
        let keys: [UInt64] = (0..<5_000).map { UInt64($0) &* 2_654_435_761 % (1 << 43) }
        let table = FeatureTable(keys: keys)
        for (row, key) in keys.enumerated() { #expect(table.row(of: key) == row) }
        #expect(table.row(of: 1 << 43 + 7) == nil)
        #expect(FeatureTable(keys: []).row(of: 42) == nil)
    }
}
