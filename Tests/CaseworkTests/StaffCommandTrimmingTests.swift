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
