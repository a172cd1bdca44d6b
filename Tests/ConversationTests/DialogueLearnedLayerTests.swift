import Conversation
import Rules
import Testing
import TestSupport
import Understanding

/// The learned layer judges what a fresh message is about; while the dialogue waits for an
/// answer, the answer is read as the rules read it.
@Suite struct DialogueLearnedLayerTests {
    /// `classification` as the learned layer leaves it after overruling the rules' `ruled`.
    static func overruled(_ ruled: Classification, by label: String) -> Classification {
        var result = ruled
        result.byRules = Classification.RulesOutcome(
            label: ruled.label, kind: ruled.kind, subtopic: ruled.subtopic, score: ruled.score,
            isAmbiguous: ruled.isAmbiguous, candidates: ruled.candidates)
        result.label = label
        result.kind = label == "emergency" ? .emergency : .discussable
        result.subtopic = nil
        result.score = 2
        return result
    }

    @Test func anAnswerIsReadByTheRulesNotTheModel() {
        var h = DialogueHarness()
        h.say("3栋电梯坏了", .category("facilities", subtopic: "lift", building: 3, text: "3栋电梯坏了"))
        #expect(h.state.draft?.pending == .since)
        // The model takes "昨天开始的" for an emergency; the pending question wins.
        let replies = h.say("昨天开始的", Self.overruled(.nothing("昨天开始的"), by: "emergency"))
        #expect(!replies.joined().contains("【紧急】"))
        #expect(h.state.draft?.since == "昨天开始的")
    }

    @Test func aFreshMessageFollowsTheModel() {
        var h = DialogueHarness()
        let replies = h.say("楼上天天半夜弹琴", Self.overruled(.nothing("楼上天天半夜弹琴"), by: "neighbourhood"))
        #expect(replies.joined().contains("邻里"))
        #expect(!h.state.isIdle)
    }
}
