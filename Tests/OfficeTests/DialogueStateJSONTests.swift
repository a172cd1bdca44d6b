import Casework
import Conversation
import Office
import Foundation
import Rules
import Testing

@Suite struct DialogueStateJSONTests {
    static var states: [DialogueState] {
        var draft = Draft(
            categoryID: "facilities", subtopicID: "lift", place: CasePlace(area: "东区", building: 3, unit: 2, room: "501", spot: "电\"梯\\"),
            opening: "3栋电梯坏了\n真的", detail: "门关不上\t", since: "昨天", households: "整栋", urgency: .urgent)
        draft.pending = .since
        draft.attempts = ["place": 1, "since": 2]
        draft.skipped = [.households, .detail]
        var choosing = draft
        choosing.candidateSubtopics = ["facilities": "lift", "parking": "garage"]
        choosing.subtopicID = nil
        choosing.place = CasePlace()
        let phases: [DialogueState.Phase] = [
            .idle, .collecting, .confirming, .editing, .filing, .offeringCosign(caseNumber: "2026-0001"),
            .cosigning(caseNumber: "2026-0002"), .proposing(caseNumber: "2026-0003"), .choosing(categoryIDs: ["facilities", "parking"]),
        ]
        var states = phases.map { phase in
            var state = DialogueState(phase: phase, draft: draft)
            state.updatedAt = Date(timeIntervalSinceReferenceDate: 817_862_400.123456)
            return state
        }
        states.append(DialogueState())
        states.append(DialogueState(phase: .choosing(categoryIDs: []), draft: choosing))
        return states
    }

    @Test(arguments: states)
    func handWrittenJSONDecodesToTheSameState(_ state: DialogueState) throws {
        let decoded = try JSONDecoder().decode(DialogueState.self, from: Data(state.jsonString().utf8))
        #expect(decoded == state)
    }
}
