@testable import Casework
import Foundation
import Testing

/// The parser's own trimming gives what Foundation's `trimmingCharacters(in:)` gives.
@Suite struct StaffCommandTrimmingTests {
    static let texts = [
        "", " ", "\u{3000}接单 2026-0012\u{3000}", "\t我的待办\r\n", "\u{85}超时\u{2028}", "办结\u{A0}", "  ", "\n\n",
        "查看 2026-0012", "a\u{301} ", " \u{200B}x\u{200B} ", "\u{2029}逾期\u{1680}",
    ]

    @Test(arguments: texts) func sameAsFoundation(_ text: String) {
        #expect(StaffCommand.trimming(text, .whitespacesAndNewlines) == text.trimmingCharacters(in: .whitespacesAndNewlines))
        #expect(StaffCommand.trimming(text, .whitespaces) == text.trimmingCharacters(in: .whitespaces))
    }
}

/// The parser's first-character check lets every command through, however it is padded.
@Suite struct StaffCommandStartTests {
    @Test func paddedCommandsStillParse() {
        #expect(StaffCommand.parse("\u{3000}\n接单 2026-0012。") == .command(.accept(caseNumber: "2026-0012")))
        #expect(StaffCommand.parse(" 我的待办 ") == .command(.myTodo))
        #expect(StaffCommand.parse("\t逾期！") == .command(.overdue))
        #expect(StaffCommand.parse("办结") == .malformed(verb: "办结", usage: "用法：办结 2026-0012 处理说明"))
    }

    @Test func otherTextsAreNoCommand() {
        for text in ["", "  ", "3栋电梯坏了", "请接单 2026-0012", "\u{301}接单 2026-0012", "２０２６-0012"] {
            #expect(StaffCommand.parse(text) == .notACommand)
        }
        #expect(StaffCommand.commandStarts == ["我", "待", "超", "逾", "办", "接", "转", "备", "查", "人", "回", "已"])
    }
}
