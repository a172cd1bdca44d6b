import Casework
import Conversation
import Foundation
import Rules
import Testing
import TestSupport
import Understanding

@Suite struct DialogueMovesTests {
    @Test func nonDiscussableExplainsAndRedirectsAndIsRecorded() throws {
        var h = DialogueHarness()
        let reply = h.say("老板欠我工资不给", .category("beyond-remit", kind: .nonDiscussable, text: "老板欠我工资不给")).joined()
        #expect(reply.contains("超出社区职权"))
        #expect(reply.contains("劳动保障部门"))
        #expect(reply.contains("12345"))
        #expect(h.state.isIdle)
        #expect(h.filed.isEmpty)
        guard case .recordIncident(let incident) = try #require(h.effects.first) else {
            Issue.record("expected an incident")
            return
        }
        #expect(incident.kind == .nonDiscussable)
        #expect(incident.categoryID == "beyond-remit")
    }

    @Test func emergencyComesFirstAndIsRecordedAtTopPriority() throws {
        var h = DialogueHarness()
        let reply = h.say("5栋着火了", .emergency("fire", text: "5栋着火了", building: 5))
        #expect(reply.count == 1)
        #expect(reply[0].hasPrefix("【紧急】请立即拨打119"))
        guard case .recordIncident(let incident) = try #require(h.effects.first) else {
            Issue.record("expected an incident")
            return
        }
        #expect(incident.priority == 0)
        #expect(incident.number == "119")
        #expect(incident.place.building == 5)
    }

    @Test func emergencyWithoutAKnownKindGivesAllNumbers() {
        var h = DialogueHarness()
        let reply = h.say("救命", .emergency(nil, text: "救命")).joined()
        #expect(reply.contains("110"))
        #expect(reply.contains("120"))
    }

    @Test func emergencyInTheMiddleKeepsTheDraft() {
        var h = DialogueHarness()
        h.say("电梯坏了", .category("facilities", subtopic: "lift", text: "电梯坏了"))
        let reply = h.say("有人晕倒了", .emergency("medical", text: "有人晕倒了")).joined()
        #expect(reply.contains("120"))
        #expect(h.state.phase == .collecting)
        #expect(reply.contains("具体在哪里"))
    }

    @Test func cancelDropsTheCurrentStep() {
        var h = DialogueHarness()
        h.say("电梯坏了", .category("facilities", subtopic: "lift", text: "电梯坏了"))
        let reply = h.say("算了不说了", .moves(["cancel"], text: "算了不说了")).joined()
        #expect(h.state.isIdle)
        #expect(reply.contains("已取消"))
        #expect(h.filed.isEmpty)
    }

    @Test func cancelWithNothingInProgressSaysSo() {
        var h = DialogueHarness()
        let reply = h.say("取消", .moves(["cancel"], text: "取消")).joined()
        #expect(reply.contains("没有进行中"))
    }

    @Test func cancelsOwnOpenCaseByNumberOnly() {
        var h = DialogueHarness()
        h.cases = FakeCases([
            CaseSummary(number: "2026-0001", categoryID: "parking", summary: "停车", state: .dispatched, filedBy: "u1", filedAt: h.now),
            CaseSummary(number: "2026-0002", categoryID: "parking", summary: "停车", state: .dispatched, filedBy: "u2", filedAt: h.now),
        ])
        let mine = h.say("撤销2026-0001", .moves(["cancel"], text: "撤销2026-0001", caseNumbers: ["2026-0001"])).joined()
        #expect(h.effects.contains(.cancelCase(caseNumber: "2026-0001")))
        #expect(mine.contains("已为您撤销"))
        let theirs = h.say("撤销2026-0002", .moves(["cancel"], text: "撤销2026-0002", caseNumbers: ["2026-0002"])).joined()
        #expect(!h.effects.contains(.cancelCase(caseNumber: "2026-0002")))
        #expect(theirs.contains("不是您提交的"))
    }

    @Test func handoffDuringOfficeHoursAndAfter() {
        var h = DialogueHarness()
        h.now = FixedClock.date("2026-11-26T10:00:00+08:00")
        let day = h.say("转人工", .moves(["handoff"], text: "转人工")).joined()
        #expect(day.contains("30分钟"))
        #expect(h.effects.contains(.requestHandoff(reason: .asked)))
        h.now = FixedClock.date("2026-11-26T22:00:00+08:00")
        let night = h.say("转人工", .moves(["handoff"], text: "转人工")).joined()
        #expect(night.contains("明天8:30"))
        h.now = FixedClock.date("2026-11-27T06:00:00+08:00")
        let early = h.say("转人工", .moves(["handoff"], text: "转人工")).joined()
        #expect(early.contains("今天8:30"))
    }

    @Test func helpInTheMiddleShowsTheMenuAndAsksAgain() {
        var h = DialogueHarness()
        h.say("电梯坏了", .category("facilities", subtopic: "lift", text: "电梯坏了"))
        let reply = h.say("你能干什么", .moves(["help"], text: "你能干什么")).joined()
        #expect(reply.contains("我的诉求"))
        #expect(reply.contains("具体在哪里"))
        #expect(h.state.phase == .collecting)
        #expect(h.state.draft?.attempts["place"] == 1)
    }

    @Test func greetingUsesTheName() {
        var h = DialogueHarness()
        let reply = h.say("你好", .moves(["greeting"], text: "你好")).joined()
        #expect(reply.contains("您好，张阿姨"))
    }

    @Test func myCasesListsFiledAndCosigned() {
        var h = DialogueHarness()
        h.cases = FakeCases([
            CaseSummary(number: "2026-0001", categoryID: "parking", summary: "停车管理｜3栋｜乱停车", state: .dispatched, filedBy: "u1", filedAt: h.now),
            CaseSummary(number: "2026-0002", categoryID: "facilities", summary: "设施维修｜5栋｜灯坏了", state: .accepted, filedBy: "u2", cosigners: ["u1"], filedAt: h.now),
            CaseSummary(number: "2026-0003", categoryID: "facilities", summary: "别人的", state: .new, filedBy: "u3", filedAt: h.now),
        ])
        let reply = h.say("我的诉求", .moves(["my-cases"], text: "我的诉求")).joined()
        #expect(reply.contains("2026-0001"))
        #expect(reply.contains("2026-0002"))
        #expect(reply.contains("您附议"))
        #expect(!reply.contains("2026-0003"))
    }

    @Test func statusShowsDetailOnlyToThoseInvolved() {
        var h = DialogueHarness()
        h.cases = FakeCases([
            CaseSummary(number: "2026-0001", categoryID: "parking", summary: "停车管理｜3栋｜乱停车", state: .accepted, ownerRole: .property, filedBy: "u1", filedAt: h.now),
            CaseSummary(number: "2026-0002", categoryID: "neighbourhood", summary: "邻里关系｜私事", state: .new, filedBy: "u2", filedAt: h.now),
        ])
        let mine = h.say("2026-0001", .moves([], text: "2026-0001", caseNumbers: ["2026-0001"])).joined()
        #expect(mine.contains("乱停车"))
        #expect(mine.contains("已接单"))
        #expect(mine.contains("物业服务企业"))
        let theirs = h.say("2026-0002进展", .moves(["status"], text: "2026-0002进展", caseNumbers: ["2026-0002"])).joined()
        #expect(theirs.contains("已登记"))
        #expect(!theirs.contains("私事"))
        let unknown = h.say("2026-0099", .moves([], text: "2026-0099", caseNumbers: ["2026-0099"])).joined()
        #expect(unknown.contains("没有找到"))
    }

    @Test func cosignByNumber() {
        var h = DialogueHarness()
        h.cases = FakeCases([
            CaseSummary(number: "2026-0004", categoryID: "parking", summary: "停车", state: .dispatched, filedBy: "u2", filedAt: h.now),
        ])
        let reply = h.say("附议2026-0004", .moves(["cosign"], text: "附议2026-0004", caseNumbers: ["2026-0004"])).joined()
        #expect(h.effects.contains(.cosign(caseNumber: "2026-0004")))
        #expect(reply.contains("已为您附议 2026-0004"))
    }

    @Test func ambiguityAsksWhichThenFollowsTheChoice() {
        var h = DialogueHarness()
        let ask = h.say("3栋楼下的车堵着垃圾桶", .ambiguous("parking", "sanitation", text: "3栋楼下的车堵着垃圾桶", building: 3)).joined()
        #expect(ask.contains("停车管理"))
        #expect(ask.contains("环境卫生"))
        #expect(h.state.phase == .choosing(categoryIDs: ["parking", "sanitation"]))
        h.say("2", .nothing("2"))
        #expect(h.state.draft?.categoryID == "sanitation")
        #expect(h.state.draft?.place.building == 3)
        #expect(h.state.phase == .collecting)
    }

    @Test func nothingUnderstoodShowsTheMenuAndOffersAPerson() {
        var h = DialogueHarness()
        let reply = h.say("阿巴阿巴", .nothing("阿巴阿巴")).joined()
        #expect(reply.contains("没太明白"))
        #expect(reply.contains("转人工"))
        #expect(reply.contains("我的诉求"))
        #expect(h.effects.isEmpty)
    }

    @Test func emptyInputIsNotProcessed() {
        var h = DialogueHarness()
        let reply = h.say("", Classification(label: "none", inputIssue: .empty)).joined()
        #expect(reply.contains("没有输入"))
        #expect(h.state.isIdle)
    }
}
