import Channels
import Foundation
import Office
import Store
import Testing
import TestSupport
import Understanding

@Suite struct TerminalChannelTests {
    static func office(_ store: Store) throws -> Office {
        let book = RuleBook(
            classifier: TableClassifier([
                "你好": .moves(["greeting"], text: "你好"),
                "3栋电梯坏了": .category("facilities", subtopic: "lift", building: 3, text: "3栋电梯坏了"),
            ]),
            catalog: Fixtures.catalog, replies: Fixtures.replies(), hash: "sha256:test")
        return try Office(store: store, clock: FixedClock(iso: "2026-11-26T10:00:00+08:00").closure, loadRules: { book })
    }

    /// Runs the channel over scripted lines; returns everything written.
    static func run(_ office: Office, lines: [String], interactive: Bool, colour: Bool = false) throws -> String {
        var input = lines[...]
        var output = ""
        let channel = TerminalChannel(
            office: office, userID: "u1", userName: "张阿姨", isInteractive: interactive, style: TerminalStyle(usesColour: colour),
            readLine: { input.popFirst() }, write: { output += $0 })
        try channel.run()
        return output
    }

    @Test func scriptedModePrintsPlainRepliesOnly() throws {
        let office = try Self.office(try Store.inMemory())
        let output = try Self.run(office, lines: ["你好", "3栋电梯坏了"], interactive: false)
        let lines = output.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("您好，张阿姨！") == true)
        #expect(lines.contains { $0.contains("什么时候开始") })
        #expect(!output.contains("助手："))
        #expect(!output.contains("\u{1B}["))
    }

    @Test func quitStopsBeforeTheRestAndNothingAfterIsStored() throws {
        let store = try Store.inMemory()
        let office = try Self.office(store)
        _ = try Self.run(office, lines: ["你好", "/quit", "3栋电梯坏了"], interactive: false)
        let texts = try store.read { try $0.allMessages() }.filter { $0.direction == .inbound }.map(\.text)
        #expect(texts == ["你好"])
    }

    @Test func interactiveModeShowsPromptColourAndNotifications() throws {
        let store = try Store.inMemory()
        let office = try Self.office(store)
        try store.write { tx in _ = try tx.enqueue(recipient: "u1", text: "您的诉求已接单", at: Date()) }
        let output = try Self.run(office, lines: ["你好"], interactive: true, colour: true)
        #expect(output.contains("\u{1B}[1;36m张阿姨> \u{1B}[0m"))
        #expect(output.contains("【通知】"))
        #expect(output.contains("您的诉求已接单"))
        #expect(output.contains("助手："))
        // Shown once: delivered.
        #expect(try office.pendingNotifications(for: "u1").isEmpty)
    }

    @Test func colourFollowsNoColour() {
        #expect(!TerminalStyle.detect(environment: ["NO_COLOR": "1"]).usesColour)
        #expect(TerminalStyle(usesColour: false).reply("好") == "助手：好")
    }
}
