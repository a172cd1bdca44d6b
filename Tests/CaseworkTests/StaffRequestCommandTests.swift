import Testing
@testable import Casework

/// 待回复 / 回复 N / 已处置 N: the requests that are not cases.
@Suite struct StaffRequestCommandTests {
    @Test(arguments: [
        ("待回复", StaffCommand.requests),
        (" 待回复。", .requests),
        ("转人工列表", .requests),
        ("回复 3 您好，明天上午给您回电话。", .answer(handoff: 3, text: "您好，明天上午给您回电话。")),
        ("回复3 好的", .answer(handoff: 3, text: "好的")),
        ("回复 #12：已安排", .answer(handoff: 12, text: "已安排")),
        ("回复 第7号 收到", .answer(handoff: 7, text: "收到")),
        ("回复　３　收到", .answer(handoff: 3, text: "收到")),  // full-width space and digit
        ("回复 4", .answer(handoff: 4, text: nil)),
        ("回复 4。", .answer(handoff: 4, text: nil)),
        ("已处置 2 消防已到场", .handled(incident: 2, note: "消防已到场")),
        ("已处置 E2", .handled(incident: 2, note: nil)),
    ])
    func commands(text: String, expected: StaffCommand) {
        #expect(StaffCommand.parse(text) == .command(expected))
    }

    @Test(arguments: ["回复", "回复 明天", "已处置", "已处置 好的"])
    func malformed(text: String) {
        guard case .malformed(_, let usage) = StaffCommand.parse(text) else {
            Issue.record("\(text) was not reported as malformed")
            return
        }
        #expect(usage.hasPrefix("用法："))
    }

    /// A resident's words that start like a command are left to the dialogue.
    @Test(arguments: ["回复我一下好吗", "回复123abc", "已处置了吗", "待回复的消息太多了"])
    func notCommands(text: String) {
        #expect(StaffCommand.parse(text) == .notACommand)
    }

    @Test func theyAreAboutNoCase() {
        #expect(StaffCommand.requests.caseNumber == nil)
        #expect(StaffCommand.answer(handoff: 1, text: nil).caseNumber == nil)
        #expect(StaffCommand.handled(incident: 1, note: "x").caseNumber == nil)
    }
}
