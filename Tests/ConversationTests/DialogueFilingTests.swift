import Casework
import Foundation
import Rules
import Conversation
import Testing
import TestSupport
import Understanding

@Suite struct DialogueFilingTests {
    @Test func filesALiftCaseAfterAskingWhatIsMissing() throws {
        var h = DialogueHarness()
        let first = h.say("3栋电梯坏了", .category("facilities", subtopic: "lift", building: 3, text: "3栋电梯坏了"))
        // Place and detail are known; since is the first thing missing.
        #expect(first.joined().contains("什么时候"))
        #expect(h.state.draft?.pending == .since)

        let second = h.say("昨天开始的", .nothing("昨天开始的"))
        #expect(second.joined().contains("多少户"))
        #expect(h.state.draft?.since == "昨天开始的")

        let third = h.say("整栋楼", .nothing("整栋楼"))
        #expect(h.state.phase == .confirming)
        let readBack = third.joined()
        #expect(readBack.contains("3栋"))
        #expect(readBack.contains("设施维修·电梯"))
        #expect(readBack.contains("整栋楼"))
        #expect(readBack.contains("是"))

        let filed = h.say("是的", .moves(["yes"], text: "是的"))
        let draft = try #require(h.filed.first)
        #expect(draft.categoryID == "facilities")
        #expect(draft.subtopicID == "lift")
        #expect(draft.place.building == 3)
        #expect(draft.since == "昨天开始的")
        #expect(draft.households == "整栋楼")
        #expect(filed.joined().contains("2026-0001"))
        #expect(filed.joined().contains("物业服务企业"))
        #expect(filed.joined().contains("24小时"))
        #expect(h.state.phase == .proposing(caseNumber: "2026-0001"))

        let proposal = h.say("建议尽快换新电梯", .category("facilities", subtopic: "lift", text: "建议尽快换新电梯"))
        #expect(h.effects.contains(.addProposal(caseNumber: "2026-0001", text: "建议尽快换新电梯")))
        #expect(proposal.joined().contains("2026-0001"))
        #expect(h.state.isIdle)
    }

    @Test func acceptsAnswersInAnyOrder() {
        var h = DialogueHarness()
        h.say("楼道里好多垃圾没人清理", .category("sanitation", text: "楼道里好多垃圾没人清理"))
        // The opening names a spot inside a building (楼道) but no building: the place is asked.
        #expect(h.state.draft?.pending == .place)
        #expect(h.state.draft?.place.spot == "楼道")
        // Answer with the since AND a building at once.
        h.say("5栋，三天了", .nothing("5栋,三天了", building: 5))
        #expect(h.state.phase == .confirming)
        #expect(h.state.draft?.place.building == 5)
        #expect(h.state.draft?.place.spot == "楼道")
        #expect(h.state.draft?.since == "三天")
    }

    @Test func answersAQuestionNotYetAsked() {
        var h = DialogueHarness()
        h.say("电梯坏了", .category("facilities", subtopic: "lift", text: "电梯坏了"))
        #expect(h.state.draft?.pending == .place)
        // Asked where; the resident says since when first, then where.
        h.say("从上周开始就这样", .nothing("从上周开始就这样"))
        #expect(h.state.draft?.since == "上周")
        #expect(h.state.draft?.pending == .place)
        h.say("7栋2单元", .nothing("7栋2单元", building: 7, unit: 2))
        #expect(h.state.draft?.place.building == 7)
        #expect(h.state.draft?.place.unit == 2)
        #expect(h.state.draft?.pending == .households)
    }

    @Test func saysBackABuildingCorrectedWhileAnotherQuestionIsPending() {
        var h = DialogueHarness()
        h.say("3栋电梯坏了", .category("facilities", subtopic: "lift", building: 3, text: "3栋电梯坏了"))
        #expect(h.state.draft?.pending == .since)
        let reply = h.say("不对，是5栋", .moves(["no"], text: "不对,是5栋", building: 5)).joined(separator: "\n")
        #expect(h.state.draft?.place.building == 5)
        #expect(h.state.draft?.pending == .since)
        #expect(reply.contains("5栋") && reply.contains("改记为"), "\(reply)")
        // Answering the pending question itself says nothing about the place.
        let next = h.say("昨天开始的", .nothing("昨天开始的")).joined(separator: "\n")
        #expect(!next.contains("改记为"))
    }

    @Test func correctsTheBuildingWhenConfirming() throws {
        var h = DialogueHarness()
        h.say("3栋楼道堆满了杂物", .category("public-space", building: 3, text: "3栋楼道堆满了杂物"))
        #expect(h.state.phase == .confirming)
        let again = h.say("不对，是5栋", .moves(["no"], text: "不对,是5栋", building: 5))
        #expect(h.state.phase == .confirming)
        #expect(h.state.draft?.place.building == 5)
        #expect(again.joined().contains("5栋"))
        // The resident's words (3栋…) stay; the read-back says they were corrected.
        #expect(again.joined().contains("已更正为5栋"), "\(again)")
        h.say("对", .moves(["yes"], text: "对"))
        #expect(try #require(h.filed.first).place.building == 5)
    }

    @Test func editAsksWhatToChangeThenReadsBack() {
        var h = DialogueHarness()
        h.say("3栋楼道堆满了杂物", .category("public-space", building: 3, text: "3栋楼道堆满了杂物"))
        let prompt = h.say("修改", .moves(["edit"], text: "修改"))
        #expect(h.state.phase == .editing)
        #expect(prompt.joined().contains("改"))
        let readBack = h.say("是楼道里堆了旧沙发和纸箱", .nothing("是楼道里堆了旧沙发和纸箱"))
        #expect(h.state.phase == .confirming)
        #expect(readBack.joined().contains("旧沙发"))
    }

    @Test func reAsksAtMostTwiceThenFilesWithWhatIsKnown() throws {
        var h = DialogueHarness()
        h.say("垃圾太臭了没人管", .category("sanitation", text: "垃圾太臭了没人管"))
        #expect(h.state.draft?.pending == .place)
        h.say("嗯嗯", .nothing("嗯嗯"))
        #expect(h.state.draft?.attempts["place"] == 2)
        h.say("哎", .nothing("哎"))
        #expect(h.state.draft?.attempts["place"] == 3)
        let gaveUp = h.say("啊", .nothing("啊")).joined()
        // Third miss: the place is skipped, the next question (since) is asked.
        #expect(h.state.draft?.skipped == [.place])
        #expect(h.state.draft?.pending == .since)
        #expect(gaveUp.contains("具体位置"))
        let readBack = h.say("昨天", .nothing("昨天")).joined()
        #expect(readBack.contains("位置待确认"))
        #expect(readBack.contains("转人工"))
        h.say("是", .moves(["yes"], text: "是"))
        #expect(try #require(h.filed.first).place.building == nil)
    }

    @Test func dontKnowSkipsAtOnce() {
        var h = DialogueHarness()
        h.say("电梯坏了", .category("facilities", subtopic: "lift", building: 2, text: "电梯坏了"))
        #expect(h.state.draft?.pending == .since)
        h.say("不记得了", .nothing("不记得了"))
        #expect(h.state.draft?.skipped == [.since])
        #expect(h.state.draft?.pending == .households)
    }

    @Test func noMissingQuestionsGoesStraightToReadBack() {
        var h = DialogueHarness()
        let replies = h.say("希望社区多办些老年人活动", .category("community-life", text: "希望社区多办些老年人活动"))
        #expect(h.state.phase == .confirming)
        #expect(replies.count == 1)
        #expect(replies[0].contains("文体活动与便民服务"))
    }

    @Test func offersCosignInsteadOfADuplicate() throws {
        var h = DialogueHarness()
        let existing = CaseSummary(
            number: "2026-0007", categoryID: "facilities", summary: "设施维修·电梯｜3栋｜电梯坏了", state: .dispatched,
            ownerRole: .property, filedBy: "u9", cosigners: ["u8"], place: CasePlace(building: 3), filedAt: h.now)
        h.cases = FakeCases([existing])
        h.say("3栋电梯又坏了", .category("facilities", subtopic: "lift", building: 3, text: "3栋电梯又坏了"))
        h.say("今天早上", .nothing("今天早上"))
        h.say("整栋", .nothing("整栋"))
        let offer = h.say("是", .moves(["yes"], text: "是")).joined()
        #expect(offer.contains("2026-0007"))
        #expect(offer.contains("附议"))
        #expect(h.state.phase == .offeringCosign(caseNumber: "2026-0007"))
        #expect(h.filed.isEmpty)
        let done = h.say("附议", .moves(["cosign"], text: "附议")).joined()
        #expect(h.effects.contains(.cosign(caseNumber: "2026-0007")))
        #expect(done.contains("3位"))
        #expect(h.filed.isEmpty)
        #expect(h.state.isIdle)
    }

    @Test func filesAnewWhenTheResidentSaysItIsDifferent() {
        var h = DialogueHarness()
        h.cases = FakeCases([CaseSummary(
            number: "2026-0007", categoryID: "public-space", summary: "公共空间｜3栋｜楼道杂物", state: .new,
            filedBy: "u9", place: CasePlace(building: 3), filedAt: h.now)])
        h.say("3栋楼道堆满了杂物", .category("public-space", building: 3, text: "3栋楼道堆满了杂物"))
        h.say("是", .moves(["yes"], text: "是"))
        h.say("新建", .nothing("新建"))
        #expect(h.filed.count == 1)
    }

    @Test func doesNotOfferACaseTheResidentAlreadyFiled() {
        var h = DialogueHarness()
        h.cases = FakeCases([CaseSummary(
            number: "2026-0003", categoryID: "public-space", summary: "公共空间｜3栋｜楼道杂物", state: .accepted,
            filedBy: "u1", place: CasePlace(building: 3), filedAt: h.now)])
        h.say("3栋楼道堆满了杂物", .category("public-space", building: 3, text: "3栋楼道堆满了杂物"))
        let reply = h.say("是", .moves(["yes"], text: "是")).joined()
        #expect(reply.contains("2026-0003"))
        #expect(reply.contains("已接单"))
        #expect(h.filed.isEmpty)
        #expect(h.state.isIdle)
    }

    @Test func declinedProposalEndsTheDialogue() {
        var h = DialogueHarness()
        h.say("3栋楼道堆满了杂物", .category("public-space", building: 3, text: "3栋楼道堆满了杂物"))
        h.say("是", .moves(["yes"], text: "是"))
        h.say("没有", .moves(["no"], text: "没有"))
        #expect(h.state.isIdle)
        #expect(!h.effects.contains { if case .addProposal = $0 { true } else { false } })
    }

    @Test func anUnfinishedDialogueIsForgottenAfterHalfADay() {
        var h = DialogueHarness()
        h.say("电梯坏了", .category("facilities", subtopic: "lift", text: "电梯坏了"))
        #expect(h.state.draft?.pending == .place)
        h.now = h.now.addingTimeInterval(13 * 3600)
        // Would have answered the place question; now it starts a new matter instead.
        h.say("3栋楼道堆满了杂物", .category("public-space", building: 3, text: "3栋楼道堆满了杂物"))
        #expect(h.state.draft?.categoryID == "public-space")
        #expect(h.state.updatedAt == h.now)
    }

    @Test func stateSurvivesAJSONRoundTrip() throws {
        var h = DialogueHarness()
        h.say("电梯坏了", .category("facilities", subtopic: "lift", text: "电梯坏了"))
        h.say("从上周开始", .nothing("从上周开始"))
        let data = try JSONEncoder().encode(h.state)
        let decoded = try JSONDecoder().decode(DialogueState.self, from: data)
        #expect(decoded == h.state)
    }
}
