import Foundation
import Testing
import TestSupport

/// `shangliang inbox`: a 转人工 made in the chat is listed, answered from the command line, and
/// the answer reaches the resident at their next prompt; refusals exit non-zero.
@Suite struct InboxCommandTests {
    @Test func aHandoffIsAnsweredFromTheCommandLine() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let db = dir.path("var/test.sqlite")
        func run(_ arguments: [String], _ input: String = "", at now: String = "2026-11-26T10:00:00+08:00") throws
            -> CaseworkCommandTests.Output
        {
            try CaseworkCommandTests.run(arguments, input: input, now: now, database: db)
        }

        #expect(try run(["chat", "--user", "u1"], "物业电话一直打不通\n转人工\n").status == 0)
        let listed = try run(["inbox", "--as", "staff:feng-li"], at: "2026-11-26T10:20:00+08:00")
        #expect(listed.status == 0)
        #expect(listed.stdout.contains("转人工#1"))
        #expect(listed.stdout.contains("已等20分钟"))

        // Not staff: a usage error, nothing done.
        let stranger = try run(["inbox", "answer", "1", "你好", "--as", "u2"])
        #expect(stranger.status != 0)
        #expect(stranger.stderr.contains("not listed as staff"))

        let answered = try run(["inbox", "answer", "1", "您好，物业值班电话已恢复。", "--as", "staff:feng-li"])
        #expect(answered.status == 0, "\(answered.stderr)")
        #expect(answered.stdout.contains("已发给居民"))
        let again = try run(["inbox", "answer", "1", "--as", "staff:feng-li"])
        #expect(again.status == 1)
        #expect(again.stderr.contains("回复过"))

        // The resident sees the answer at the next prompt.
        let resident = try run(["chat", "--user", "u1"], "谢谢\n")
        #expect(resident.stdout.contains("【社区工作人员冯丽】您好，物业值班电话已恢复。"))
        #expect(try run(["inbox", "--as", "staff:feng-li"]).stdout.contains("没有等待回复的转人工"))
    }
}
