import Rules
import Testing
@testable import Casework

@Suite struct StaffCommandTests {
    @Test(arguments: [
        ("接单 2026-0012", StaffCommand.accept(caseNumber: "2026-0012")),
        ("接单2026-0012", .accept(caseNumber: "2026-0012")),
        ("接单：2026-12", .accept(caseNumber: "2026-0012")),
        ("接单 #2026-0012号", .accept(caseNumber: "2026-0012")),
        ("接单　２０２６－００１２", .accept(caseNumber: "2026-0012")),  // full-width space, digits and hyphen
        ("办结 2026-0012 已清理完毕", .resolve(caseNumber: "2026-0012", note: "已清理完毕")),
        ("办结 2026-0012，已清理完毕。", .resolve(caseNumber: "2026-0012", note: "已清理完毕")),
        ("办结 2026-0012", .resolve(caseNumber: "2026-0012", note: nil)),
        ("办结确认 2026-0012", .confirmClose(caseNumber: "2026-0012", note: nil)),
        ("办结确认 2026-0012 已回访", .confirmClose(caseNumber: "2026-0012", note: "已回访")),
        ("我的待办", .myTodo),
        (" 我的待办。", .myTodo),
        ("超时", .overdue),
        ("转派 2026-0012 mediation", .reassign(caseNumber: "2026-0012", target: "mediation", note: nil)),
        ("转派 2026-0012 调解室 邻里纠纷", .reassign(caseNumber: "2026-0012", target: "调解室", note: "邻里纠纷")),
        ("备注 2026-0012 已联系业主，周五上门", .note(caseNumber: "2026-0012", text: "已联系业主，周五上门")),
        ("转办 2026-0012 12345 涉及违建", .refer(caseNumber: "2026-0012", to: "12345", note: "涉及违建")),
        ("转办 2026-0012 已转城管", .refer(caseNumber: "2026-0012", to: nil, note: "已转城管")),
        ("查看 2026-0012", .show(caseNumber: "2026-0012")),
    ])
    func commands(text: String, expected: StaffCommand) {
        #expect(StaffCommand.parse(text) == .command(expected))
    }

    @Test(arguments: ["接单", "接单 明天", "备注 2026-0012", "转派 2026-0012", "办结：", "接单 12"])
    func malformed(text: String) {
        guard case .malformed(_, let usage) = StaffCommand.parse(text) else {
            Issue.record("\(text) was not reported as malformed")
            return
        }
        #expect(usage.hasPrefix("用法："))
    }

    @Test(arguments: ["办结了吗", "接单员什么时候来", "3栋楼道堆满了杂物", "我的待办事项太多了", "", "转派是什么意思"])
    func ordinaryText(text: String) {
        #expect(StaffCommand.parse(text) == .notACommand)
    }

    @Test func theMalformedVerbIsNamed() {
        #expect(StaffCommand.parse("备注 2026-0012") == .malformed(verb: "备注", usage: "用法：备注 2026-0012 备注内容"))
        #expect(StaffCommand.parse("办结确认") == .malformed(verb: "办结确认", usage: "用法：办结确认 2026-0012"))
    }

    @Test func caseNumbers() {
        #expect(StaffCommand.accept(caseNumber: "2026-0001").caseNumber == "2026-0001")
        #expect(StaffCommand.myTodo.caseNumber == nil)
        #expect(StaffCommand.parse("查看 2026-12345") == .command(.show(caseNumber: "2026-12345")))
    }

    @Test func reassignTargets() {
        let directory = Fixture.directory
        #expect(ReassignTarget.resolve("mediation", directory: directory) == .role(.mediation))
        #expect(ReassignTarget.resolve("调解室", directory: directory) == .role(.mediation))
        #expect(ReassignTarget.resolve("物业", directory: directory) == .role(.property))
        #expect(ReassignTarget.resolve("居委会", directory: directory) == .role(.residentsCommittee))
        #expect(ReassignTarget.resolve("staff:sun", directory: directory) == .person(userID: "staff:sun"))
        #expect(ReassignTarget.resolve("sun", directory: directory) == .person(userID: "staff:sun"))
        #expect(ReassignTarget.resolve("孙慧", directory: directory) == .person(userID: "staff:sun"))
        #expect(ReassignTarget.resolve("隔壁老王", directory: directory) == nil)
        #expect(ReassignTarget.externalRole("12345") == .hotline12345)
        #expect(ReassignTarget.externalRole("物业") == nil)
    }
}
