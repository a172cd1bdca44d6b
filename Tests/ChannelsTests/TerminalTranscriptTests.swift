import Channels
import Foundation
import Office
import Store
import Testing
import TestSupport
import Understanding

@Suite struct TerminalTranscriptTests {
    @Test func parsesResidentsRepliesAndDirectives() throws {
        let transcript = try TerminalTranscript(parsing: """
            # user: u1
            # clock: 2026-11-26T08:00:00+08:00
            > 居民: 3栋电梯坏了
            < 助手: 第一行
            < 第二行
            > 居民[u2]: 我也是
            # advance: 2h
            # 随便写点说明

            """)
        #expect(transcript.lines.count == 8)
        #expect(transcript.lines[0] == .verbatim("# user: u1", directive: .user("u1")))
        #expect(transcript.lines[1] == .verbatim("# clock: 2026-11-26T08:00:00+08:00", directive: .clock(FixedClock.date("2026-11-26T08:00:00+08:00"))))
        #expect(transcript.lines[2] == .resident(text: "3栋电梯坏了", user: nil, raw: "> 居民: 3栋电梯坏了"))
        #expect(transcript.lines[4] == .output("< 第二行"))
        #expect(transcript.lines[5] == .resident(text: "我也是", user: "u2", raw: "> 居民[u2]: 我也是"))
        #expect(transcript.lines[6] == .verbatim("# advance: 2h", directive: .advance(7200)))
    }

    @Test func aUserIdMayHoldAColon() throws {
        let transcript = try TerminalTranscript(parsing: "> 居民[staff:li-na]: 接单 2026-0001\n> 居民: 时间: 昨天\n")
        #expect(transcript.lines[0] == .resident(text: "接单 2026-0001", user: "staff:li-na", raw: "> 居民[staff:li-na]: 接单 2026-0001"))
        #expect(transcript.lines[1] == .resident(text: "时间: 昨天", user: nil, raw: "> 居民: 时间: 昨天"))
    }

    @Test func reportsTheLineOfABadDirective() {
        #expect(throws: TranscriptError.malformed(line: 2, "`# clock:` needs an ISO 8601 time like 2026-11-26T08:00:00+08:00")) {
            try TerminalTranscript(parsing: "# user: u1\n# clock: tomorrow\n")
        }
    }

    @Test func replaysAgainstTheOfficeAndDiffsReadably() throws {
        let book = RuleBook(
            classifier: TableClassifier(["你好": .moves(["greeting"], text: "你好")]),
            catalog: Fixtures.catalog, replies: Fixtures.replies(), hash: "sha256:test")
        let replayer = TranscriptReplayer(book: book)
        let golden = """
            # user: u1
            # name: 张阿姨
            > 居民: 你好
            < 助手: 您好，张阿姨！我是商量办公室的小助手，24小时在线。小区里有什么事，直接告诉我就行，比如"3栋电梯坏了"。

            """
        #expect(try replayer.play(golden) == golden)
        let wrong = golden.replacingOccurrences(of: "24小时在线", with: "全天在线")
        let diff = try #require(TerminalTranscriptDiff.diff(expected: wrong, actual: try replayer.play(wrong)))
        #expect(diff.contains("- < 助手: 您好，张阿姨！我是商量办公室的小助手，全天在线"))
        #expect(diff.contains("+ < 助手: 您好，张阿姨！我是商量办公室的小助手，24小时在线"))
    }

    @Test func multiLineRepliesContinueWithAnglePrefix() throws {
        let book = RuleBook(
            classifier: TableClassifier(["帮助": .moves(["help"], text: "帮助")]),
            catalog: Fixtures.catalog, replies: Fixtures.replies(), hash: "sha256:test")
        let played = try TranscriptReplayer(book: book).play("> 居民: 帮助\n")
        let lines = played.split(separator: "\n")
        #expect(lines[1] == "< 助手: 我可以帮您：")
        #expect(lines[2].hasPrefix("< · 反映小区里的事"))
    }
}
