import Casework
import Foundation
import Office
import Store
import Testing
import TestSupport

/// 转人工 and incidents reach staff: 待回复 lists them, 回复 N sends the staff member's words to
/// the resident through the outbox, 已处置 N closes an incident; nobody else may do either.
@Suite struct StaffRequestsTests {
    static let triage = "staff:feng-li"  // 居委会主任: told of every 转人工
    static let steward = "staff:wu-xiuzhen"

    @Test func aHandoffIsListedAnsweredAndGone() throws {
        let desk = try CaseworkFlowTests.Desk()
        try desk.say("楼上每天半夜拖椅子，我快崩溃了", as: "u1")
        try desk.say("我的诉求", as: "u1")
        let asked = try desk.say("转人工", as: "u1")
        // The triage lead hears of it, with the number to answer.
        let told = try #require(asked.notified.first { $0.recipientUserID == Self.triage })
        let id = try #require(told.text.firstMatch(of: /转人工#(\d+)/).map { Int64($0.1)! })
        #expect(told.text.contains("回复 \(id)"))

        let listed = try desk.say("待回复", as: Self.steward).reply
        #expect(listed.contains("转人工#\(id)"))
        // The words that led to the request are shown (not the 我的诉求 in between), so staff
        // know what it is about.
        #expect(listed.contains("拖椅子"))

        let words = "您好，我是冯丽，下午三点给您打电话。"
        let answered = try desk.say("回复 \(id) \(words)", as: Self.triage).reply
        #expect(answered.contains("已发给居民"))
        let toResident = try desk.office.pendingNotifications(for: "u1")
        #expect(toResident.contains { $0.text.hasSuffix(words) && $0.text.contains("冯丽") })

        // Answered: no longer listed; answering again without words is refused; with words it
        // is one more message to the same resident.
        #expect(!(try desk.say("待回复", as: Self.triage).reply.contains("转人工#\(id)")))
        #expect(try desk.say("回复 \(id)", as: Self.steward).reply.contains("回复过"))
        try desk.say("回复 \(id) 还有一件事", as: Self.steward)
        #expect(try desk.office.pendingNotifications(for: "u1").count == toResident.count + 1)
        let stored = try #require(try desk.store.read { try $0.handoff(id: id) })
        #expect(stored.answeredBy == Self.triage)
        #expect(stored.answer == words)
    }

    @Test func anEmergencyIsListedFirstAndMarkedHandled() throws {
        let desk = try CaseworkFlowTests.Desk()
        try desk.say("我想咨询离婚财产怎么分", as: "u2")  // non-discussable: recorded as an incident
        try desk.say("3栋2楼厨房着火了，好大的烟", as: "u3")
        let listed = try desk.say("待回复", as: Self.triage).reply
        let lines = listed.split(separator: "\n").filter { $0.hasPrefix("事件#") }
        #expect(lines.count == 2)
        #expect(lines.first?.contains("【紧急】") == true)
        #expect(lines.first?.contains("3栋") == true)
        #expect(lines.first?.contains("119") == true)
        let id = try #require(lines.first?.firstMatch(of: /事件#(\d+)/).map { Int64($0.1)! })

        #expect(try desk.say("已处置 \(id) 消防已到场", as: Self.steward).reply.contains("已处置"))
        let after = try desk.say("待回复", as: Self.triage).reply
        #expect(!after.contains("事件#\(id) "))
        #expect(after.contains("事件#"))  // the other one is still there
        #expect(try desk.say("已处置 \(id)", as: Self.triage).reply.contains("已由吴秀珍"))
        let stored = try #require(try desk.store.read { try $0.incident(id: id) })
        #expect(stored.handledBy == Self.steward)
        #expect(stored.handledNote == "消防已到场")
    }

    @Test func residentsMayNotListOrAnswer() throws {
        let desk = try CaseworkFlowTests.Desk()
        try desk.say("转人工", as: "u1")
        for text in ["待回复", "回复 1 你好", "已处置 1"] {
            #expect(try desk.say(text, as: "u9").reply == CaseDesk.residentRefusal)
        }
        #expect(try desk.office.pendingNotifications(for: "u1").isEmpty)
        #expect(try desk.store.read { try $0.openHandoffs() }.count == 1)
    }

    @Test func unknownNumbersAreSaidPlainly() throws {
        let desk = try CaseworkFlowTests.Desk()
        #expect(try desk.say("待回复", as: Self.triage).reply.contains("目前没有"))
        #expect(try desk.say("回复 42 你好", as: Self.triage).reply.contains("没有转人工#42"))
        let cli = try #require(try desk.office.performRequest(.handled(incident: 42, note: nil), by: Self.triage))
        #expect(!cli.done)
        #expect(cli.text.contains("没有事件#42"))
    }
}
