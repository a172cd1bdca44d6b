import Foundation
import Testing
import TestSupport

#if canImport(Glibc)
import Glibc
#endif

/// Reloading the rules of a running `shangliang gateway`: SIGHUP and the control line, a broken
/// rule file (an error, the old rules stay and keep answering), then a good edit (the new hash);
/// SIGTERM ends it with `bye` and status 0.
@Suite struct GatewayReloadTests {
    @Test func sighupAndControlLinesReloadOnlyValidRules() throws {
        let binary = try #require(GatewayProcess.binary, "build the executable first (swift build)")
        let dir = try TemporaryDirectory("gw-reload")
        defer { dir.remove() }
        let rules = dir.url.appendingPathComponent("rules")
        try FileManager.default.copyItem(at: Fixtures.rulesDirectory, to: rules)
        let replies = rules.appendingPathComponent("replies.yaml")
        let original = try String(contentsOf: replies, encoding: .utf8)

        let child = try GatewayProcess(binary: binary, database: dir.path("db.sqlite"), rules: rules)
        defer { child.kill() }
        func lines(_ type: String) -> [[String: Any]] { child.objects.filter { $0["type"] as? String == type } }
        let firstHash = try #require(child.objects.first?["rules"] as? String)

        child.deliver(SIGHUP)
        #expect(child.waitUntil(seconds: 20) { _ in lines("reloaded").count == 1 })
        #expect(lines("reloaded").first?["rules"] as? String == firstHash)
        #expect(lines("reloaded").first?["in_reply_to"] == nil)

        try ("templates: [unclosed\n" + original).write(to: replies, atomically: true, encoding: .utf8)
        child.send(#"{"type":"control","action":"reload","id":"ops-1"}"# + "\n")
        #expect(child.waitUntil(seconds: 20) { _ in !lines("error").isEmpty })
        let failure = try #require(lines("error").first)
        #expect(failure["code"] as? String == "reload_failed")
        #expect(failure["in_reply_to"] as? String == "ops-1")
        #expect((failure["message"] as? String)?.contains(firstHash) == true)

        // The old rules still answer.
        child.send(gatewayMessageLine(id: "wx:1", user: "wx:u1", text: "3栋电梯坏了"))
        #expect(child.waitUntil(seconds: 20) { _ in lines("done").count == 1 })
        #expect(lines("ack").first?["status"] as? String == "accepted")

        try original.replacingOccurrences(of: "不客气，有事随时找我。", with: "不客气！有事随时找我。")
            .write(to: replies, atomically: true, encoding: .utf8)
        child.deliver(SIGHUP)
        #expect(child.waitUntil(seconds: 20) { _ in lines("reloaded").count == 2 })
        let newHash = lines("reloaded").last?["rules"] as? String
        #expect(newHash != nil && newHash != firstHash)
        child.send(gatewayMessageLine(id: "wx:2", user: "wx:u2", text: "谢谢"))
        #expect(child.waitUntil(seconds: 20) { _ in lines("done").count == 2 })
        #expect(lines("reply").last?["text"] as? String == "不客气！有事随时找我。")

        child.deliver(SIGTERM)
        #expect(child.waitForExit() == 0)
        #expect(child.objects.last?["type"] as? String == "bye")
    }

    /// A signal sent the moment `ready` is read must not be lost: the handlers are in place
    /// before `ready` is written (dispatch signal sources were not, under load).
    @Test func aSignalRightAfterReadyIsNeverLost() throws {
        let binary = try #require(GatewayProcess.binary, "build the executable first (swift build)")
        let dir = try TemporaryDirectory("gw-early-signal")
        defer { dir.remove() }
        for round in 0..<8 {
            let child = try GatewayProcess(binary: binary, database: dir.path("db\(round).sqlite"))
            defer { child.kill() }
            child.deliver(SIGHUP)
            #expect(child.waitUntil(seconds: 20) { objects in objects.contains { $0["type"] as? String == "reloaded" } }, "round \(round)")
            child.deliver(SIGTERM)
            #expect(child.waitForExit() == 0)
        }
    }
}
