import Foundation
import Testing
import TestSupport

/// Issue 4's "done when" through the built binary on a fixed clock (`SHANGLIANG_NOW`): a case
/// filed in `shangliang chat`, dispatched to the steward of its building, accepted and resolved
/// by staff in the chat, rated, closed from `shangliang case close`; another left unaccepted
/// escalates to the secretary on `shangliang tick`; `shangliang report` prints the rates.
@Suite struct CaseworkCommandTests {
    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs the binary with `input` on stdin, at the time `now`.
    static func run(_ arguments: [String], input: String = "", now: String, database: String) throws -> Output {
        let binary = try #require(DurabilityTests.binary, "build the shangliang executable first")
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["SHANGLIANG_NOW"] = now
        environment["SHANGLIANG_DB"] = database
        environment["SHANGLIANG_RULES"] = Fixtures.rulesDirectory.path
        process.environment = environment
        let inPipe = Pipe(), out = Pipe(), err = Pipe()
        process.standardInput = inPipe
        process.standardOutput = out
        process.standardError = err
        try process.run()
        inPipe.fileHandleForWriting.write(Data(input.utf8))
        try inPipe.fileHandleForWriting.close()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(
            status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self))
    }

    @Test func filedDispatchedAcceptedResolvedRatedClosedEscalatedAndReported() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let db = dir.path("var/test.sqlite")
        func run(_ arguments: [String], _ input: String = "", at now: String) throws -> Output {
            try Self.run(arguments, input: input, now: now, database: db)
        }
        let morning = "2026-11-26T10:00:00+08:00"

        // A resident files two cases.
        let first = try run(["chat", "--user", "u1"], "5栋二楼楼道被旧家具和纸箱占满了\n上周开始的\n是\n没有\n", at: morning)
        #expect(first.status == 0)
        #expect(first.stdout.contains("诉求单编号 2026-0001"))
        let second = try run(["chat", "--user", "u2"], "9栋门口那盏路灯晚上不亮\n前天开始的\n是\n没有\n", at: morning)
        #expect(second.stdout.contains("诉求单编号 2026-0002"))

        // Building 5's steward sees the new case at the prompt, accepts and resolves it in the chat.
        let steward = try run(["chat", "--user", "staff:wu-xiuzhen"], "接单 2026-0001\n办结 2026-0001 杂物已清走\n", at: "2026-11-26T12:00:00+08:00")
        #expect(steward.stdout.contains("【新派单】诉求单 2026-0001"))
        #expect(steward.stdout.contains("已接单：诉求单 2026-0001"))
        #expect(steward.stdout.contains("已办结：诉求单 2026-0001"))

        // Another building's steward may not act on it; the error says why.
        let other = try run(["case", "accept", "2026-0002", "--as", "staff:qian-jun"], at: "2026-11-26T12:00:00+08:00")
        #expect(other.status == 1)
        #expect(other.stderr.contains("不在您的职责范围内"))

        // The resident is told and rates it as their next message.
        let rating = try run(["chat", "--user", "u1"], "满意，清得很干净\n", at: "2026-11-26T15:00:00+08:00")
        #expect(rating.stdout.contains("已办结：杂物已清走。请回复「满意」「基本满意」或「不满意」"))
        #expect(rating.stdout.contains("感谢您的评价"))

        // The secretary confirms from the command line.
        let closed = try run(["case", "close", "2026-0001", "--as", "staff:chen-jianguo"], at: "2026-11-26T16:00:00+08:00")
        #expect(closed.status == 0)
        #expect(closed.stdout.contains("已办结确认"))
        let shown = try run(["case", "show", "2026-0001"], at: "2026-11-26T16:00:00+08:00")
        #expect(shown.stdout.contains("诉求单 2026-0001 · 已办结"))
        #expect(shown.stdout.contains("派单理由：类别「公共空间」按派单规则由红色管家负责"))
        #expect(shown.stdout.contains("5栋的红色管家是吴秀珍"))

        // The second case was never accepted: a day later, tick escalates it to the secretary.
        let early = try run(["tick"], at: "2026-11-27T09:00:00+08:00")
        #expect(!early.stdout.contains("【督办】"))
        let tick = try run(["tick"], at: "2026-11-27T11:00:00+08:00")
        #expect(tick.stdout.contains("→ staff:chen-jianguo：【督办】诉求单 2026-0002"))
        let overdue = try run(["case", "list", "--overdue"], at: "2026-11-27T11:00:00+08:00")
        #expect(overdue.stdout.contains("2026-0002"))
        #expect(!overdue.stdout.contains("2026-0001"))

        // The month's figures: one of two accepted in time, the rated one satisfied.
        let report = try run(["report", "--month", "2026-11"], at: "2026-11-30T12:00:00+08:00")
        #expect(report.status == 0)
        #expect(report.stdout.contains("本月共受理诉求 2 件：响应率 50.0%"))
        #expect(report.stdout.contains("满意率 100.0%，超时 1 件"))
        let csv = try run(["report", "--month", "2026-11", "--format", "csv"], at: "2026-11-30T12:00:00+08:00")
        #expect(csv.stdout.contains("2026-11,合计,total,合计,2,2,1,50.0"))
    }

    @Test func aResidentTypingAStaffCommandIsRefusedPolitely() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let out = try Self.run(["chat", "--user", "u7"], input: "我的待办\n", now: "2026-11-26T10:00:00+08:00", database: dir.path("db.sqlite"))
        #expect(out.stdout.contains("这是社区工作人员使用的指令"))
    }

    @Test func rulesLintChecksTheDirectoryAndTheRoutingTable() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let rules = dir.url.appendingPathComponent("rules")
        try FileManager.default.copyItem(at: Fixtures.rulesDirectory, to: rules)
        let community = rules.appendingPathComponent("community.yaml")
        let text = try String(contentsOf: community, encoding: .utf8)
        try text.replacingOccurrences(of: "steward: zhao-min}", with: "steward: nobody}").write(to: community, atomically: true, encoding: .utf8)
        let routing = rules.appendingPathComponent("routing.yaml")
        let table = try String(contentsOf: routing, encoding: .utf8)
        try table.replacingOccurrences(of: "owner: mediation\n", with: "owner: janitor\n").write(to: routing, atomically: true, encoding: .utf8)
        let out = try Self.run(["rules", "lint", rules.path], now: "", database: dir.path("db.sqlite"))
        #expect(out.status == 1)
        #expect(out.stderr.contains("community.yaml:"))
        #expect(out.stderr.contains("nobody"))
        #expect(out.stderr.contains("routing.yaml:"))
        #expect(out.stderr.contains("janitor"))
    }

    @Test func aBadNowIsAUsageError() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let out = try Self.run(["tick"], now: "tomorrow", database: dir.path("db.sqlite"))
        #expect(out.status == 64)
        #expect(out.stderr.contains("SHANGLIANG_NOW"))
    }
}
