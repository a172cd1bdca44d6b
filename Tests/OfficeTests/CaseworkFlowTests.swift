import Casework
import Foundation
import Office
import Rules
import Store
import Testing
import TestSupport

/// Issue 4 end to end through Office, on the shipped rules and directory, an in-memory
/// database and a fake clock: filing, dispatch by building, 接单 and 办结 typed in the chat,
/// the rating, 办结确认; another case left unaccepted escalates on `tick`; the month's figures.
@Suite struct CaseworkFlowTests {
    static let book: Result<RuleBook, any Error> = Result {
        try RuleBook.standard(directory: Fixtures.rulesDirectory, displayRoot: "rules")
    }

    /// An office over the shipped rules.
    struct Desk {
        let clock = FixedClock(iso: "2026-11-26T10:00:00+08:00")
        let store: Store
        let office: Office

        init() throws {
            store = try Store.inMemory()
            let book = try CaseworkFlowTests.book.get()
            office = try Office(store: store, clock: clock.closure, loadRules: { book })
        }

        /// One message; returns its replies joined, and the notifications it wrote.
        @discardableResult
        func say(_ text: String, as user: String) throws -> (reply: String, notified: [Office.Notification]) {
            let outcome = try office.handle([Inbound(userID: user, text: text, channel: "test")])[0]
            return (outcome.replies.map(\.text).joined(separator: "\n"), outcome.notifications)
        }

        func record(_ number: String) throws -> CaseRecord? {
            try store.read { try $0.caseRecord(number: number) }
        }
    }

    static let steward5 = "staff:wu-xiuzhen"   // 5栋红色管家
    static let steward2 = "staff:qian-jun"     // 2栋红色管家
    static let secretary = "staff:chen-jianguo"
    static let property = "staff:wang-wuye"

    /// Files a case through the dialogue: the opening, answers to each question, then 是 and 没有.
    static func file(_ opening: String, by user: String, on desk: Desk) throws -> String {
        var reply = try desk.say(opening, as: user).reply
        for _ in 0..<4 where !reply.contains("对吗") {
            reply = try desk.say("上周开始的", as: user).reply
        }
        #expect(reply.contains("对吗"), "no read-back: \(reply)")
        let filed = try desk.say("是", as: user).reply
        let number = try #require(filed.firstMatch(of: /2026-\d{4}/).map { String($0.output) }, "not filed: \(filed)")
        try desk.say("没有", as: user)
        return number
    }

    @Test func aCaseGoesFromFilingToClosingInTheChat() throws {
        let desk = try Desk()
        let number = try Self.file("5栋二楼楼道被旧家具和纸箱占满了", by: "u1", on: desk)

        // Dispatched to the steward of building 5, who is told; the reason says why.
        var record = try #require(try desk.record(number))
        #expect(record.state == .dispatched)
        #expect(record.ownerRole == .steward)
        #expect(record.ownerUserID == Self.steward5)
        #expect(record.routingReason?.contains("5栋的红色管家是吴秀珍") == true)
        let pending = try desk.office.pendingNotifications(for: Self.steward5)
        #expect(pending.contains { $0.text.contains("【新派单】") && $0.text.contains(number) })
        #expect(try desk.office.pendingNotifications(for: "u1").isEmpty)

        // A resident typing a staff command is refused politely; nothing changes.
        #expect(try desk.say("接单 \(number)", as: "u1").reply == CaseDesk.residentRefusal)
        // Another building's steward may not take it.
        let refused = try desk.say("接单 \(number)", as: Self.steward2).reply
        #expect(refused.contains("不在您的职责范围内"))
        #expect(try desk.record(number)?.state == .dispatched)

        // 接单 in the chat: the resident is told.
        desk.clock.advance(by: 3600)
        let accepted = try desk.say("接单 \(number)", as: Self.steward5)
        #expect(accepted.reply.contains("已接单"))
        #expect(accepted.notified.contains { $0.recipientUserID == "u1" && $0.text.contains("接单") })
        #expect(!accepted.notified.contains { $0.recipientUserID == Self.steward5 })

        // 办结 with a note: the resident is asked to rate.
        desk.clock.advance(by: 5 * 3600)
        let resolved = try desk.say("办结 \(number) 杂物已清走，楼道已打扫", as: Self.steward5)
        #expect(resolved.reply.contains("已办结"))
        #expect(resolved.notified.contains { $0.recipientUserID == "u1" && $0.text.contains("满意") })
        #expect(try desk.record(number)?.state == .resolved)

        // The resident's next message is the rating; the secretary is asked to confirm.
        let rated = try desk.say("满意，清得很干净", as: "u1")
        #expect(rated.reply.contains("感谢您的评价"))
        #expect(rated.notified.contains { $0.recipientUserID == Self.secretary && $0.text.contains("办结确认 \(number)") })
        record = try #require(try desk.record(number))
        #expect(record.rating == .satisfied)
        #expect(record.ratingComment == "清得很干净")

        // The secretary's 办结确认 closes it; the resident is told.
        let closed = try desk.say("办结确认 \(number)", as: Self.secretary)
        #expect(closed.reply.contains("已办结确认"))
        #expect(closed.notified.contains { $0.recipientUserID == "u1" })
        record = try #require(try desk.record(number))
        #expect(record.state == .closed)
        #expect(record.followerUserID == Self.steward5)

        // The whole history is stored, with who did what.
        let kinds = try desk.store.read { try $0.events(caseNumber: number) }.map(\.kind)
        #expect(kinds == [.filed, .dispatched, .accepted, .resolved, .rated, .closed])
        let detail = try #require(try desk.office.caseDetail(number: number))
        #expect(detail.contains("类别：公共空间（楼道堆物）"))
        #expect(detail.contains("派单理由：类别「公共空间」按派单规则由红色管家负责"))
        #expect(detail.contains("评价：满意"))
    }

    @Test func anUnacceptedCaseEscalatesToTheSecretaryOnTick() throws {
        let desk = try Desk()
        let number = try Self.file("9栋门口那盏路灯晚上不亮，黑乎乎的", by: "u2", on: desk)
        let record = try #require(try desk.record(number))
        #expect(record.ownerUserID == Self.property)
        #expect(record.informedUserIDs.contains("staff:chen-yuzhen"))

        // Before the limit nothing happens.
        desk.clock.advance(by: 23 * 3600)
        #expect(try desk.office.tick().isEmpty)
        // Past it: the secretary, the owner and the resident hear of it, once.
        desk.clock.advance(by: 2 * 3600)
        let notes = try desk.office.tick()
        #expect(notes.contains { $0.recipientUserID == Self.secretary && $0.text.contains("【督办】") && $0.text.contains(number) })
        #expect(notes.contains { $0.recipientUserID == Self.property && $0.text.contains("【催办】") })
        #expect(notes.contains { $0.recipientUserID == "u2" })
        #expect(try desk.record(number)?.isOverdue == true)
        #expect(try desk.office.tick().isEmpty)
        // Shown to the secretary with 超时.
        #expect(try desk.say("超时", as: Self.secretary).reply.contains(number))
    }

    @Test func theMonthlyReportCountsBothCases() throws {
        let desk = try Desk()
        let done = try Self.file("5栋二楼楼道被旧家具和纸箱占满了", by: "u1", on: desk)
        let late = try Self.file("9栋门口那盏路灯晚上不亮，黑乎乎的", by: "u2", on: desk)
        try desk.say("接单 \(done)", as: Self.steward5)
        try desk.say("办结 \(done)", as: Self.steward5)
        try desk.say("基本满意", as: "u1")
        desk.clock.advance(by: 30 * 3600)
        _ = try desk.office.tick()

        let report = try desk.office.monthlyReport(for: try #require(YearMonth("2026-11")))
        #expect(report.total.cases == 2)
        #expect(report.total.responseDue == 2)
        #expect(report.total.respondedInTime == 1)
        #expect(report.total.rated == 1)
        #expect(report.total.satisfied == 1)
        #expect(report.total.overdue == 1)
        #expect(report.byOwner.contains { $0.key == Self.property && $0.overdue == 1 })
        #expect(report.markdown().contains("响应率 50.0%"))
        _ = late
    }

    @Test func notSatisfiedReopensTheCaseForTheSameOwner() throws {
        let desk = try Desk()
        let number = try Self.file("5栋二楼楼道被旧家具和纸箱占满了", by: "u1", on: desk)
        try desk.say("办结 \(number)", as: Self.steward5)
        let reply = try desk.say("不满意 还有一半没搬走", as: "u1")
        #expect(reply.reply.contains("重新交给"))
        #expect(reply.notified.contains { $0.recipientUserID == Self.steward5 && $0.text.contains("【重新办理】") })
        #expect(try desk.record(number)?.state == .reopened)
    }

    @Test func anUnratedCaseIsRemindedOnceThenClosedAndLateDisapprovalFilesANewCase() throws {
        let desk = try Desk()
        let number = try Self.file("5栋二楼楼道被旧家具和纸箱占满了", by: "u1", on: desk)
        try desk.say("办结 \(number) 已清理", as: Self.steward5)

        desk.clock.advance(by: 49 * 3600)
        let reminded = try desk.office.tick()
        #expect(reminded.contains { $0.recipientUserID == "u1" && $0.text.contains("还没收到您的评价") })
        #expect(try desk.office.tick().isEmpty)
        desk.clock.advance(by: 6 * 86400)
        let closed = try desk.office.tick()
        #expect(closed.contains { $0.recipientUserID == "u1" && $0.text.contains("已按办结处理") })
        #expect(try desk.record(number)?.state == .closed)

        // 不满意 more than 30 days after 办结: a new case pointing back to the old one.
        desk.clock.advance(by: 30 * 86400)
        // Unnamed, it is no rating any more (the window has passed); named, it is.
        #expect(!(try desk.say("不满意", as: "u1").reply.contains("另立")))
        let late = try desk.say("不满意 \(number) 又堆满了", as: "u1").reply
        #expect(late.contains("另立"))
        let follow = try #require(try desk.store.read { try $0.cases(involving: "u1") }.first { $0.number != number })
        #expect(follow.relatedCaseNumber == number)
        #expect(follow.state == .dispatched)
        #expect(follow.ownerUserID == Self.steward5)
    }

    @Test func aResolvedCaseCannotBeWithdrawnOnlyRated() throws {
        let desk = try Desk()
        let number = try Self.file("5栋二楼楼道被旧家具和纸箱占满了", by: "u1", on: desk)
        try desk.say("办结 \(number)", as: Self.steward5)
        let reply = try desk.say("撤销 \(number)", as: "u1").reply
        #expect(reply.contains("不能撤销"))
        #expect(try desk.record(number)?.state == .resolved)
    }

    @Test func aBrokenRoutingTableIsNotSwappedInOnReload() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try FileManager.default.copyItem(at: Fixtures.rulesDirectory, to: dir.url.appendingPathComponent("rules"))
        let office = try Office.open(databasePath: dir.path("db.sqlite"), rulesDirectory: dir.path("rules"))
        let before = office.rulesHash
        let routing = dir.path("rules/routing.yaml")
        let table = try String(contentsOfFile: routing, encoding: .utf8)
        try table.replacingOccurrences(of: "owner: mediation\n", with: "owner: janitor\n").write(toFile: routing, atomically: true, encoding: .utf8)
        #expect(throws: DiagnosticError.self) { try office.reloadRules() }
        #expect(office.rulesHash == before)
        // A valid change to the directory is picked up and changes the hash.
        try table.write(toFile: routing, atomically: true, encoding: .utf8)
        let community = dir.path("rules/community.yaml")
        try (try String(contentsOfFile: community, encoding: .utf8)).replacingOccurrences(of: "steward: wu-xiuzhen}", with: "steward: zheng-hai}")
            .write(toFile: community, atomically: true, encoding: .utf8)
        #expect(try office.reloadRules() != before)
        #expect(office.ruleBook.casework?.directory.steward(ofBuilding: 5)?.userID == "staff:zheng-hai")
    }

    @Test func aRatingWordWithNothingToRateGoesToTheDialogue() throws {
        let desk = try Desk()
        let reply = try desk.say("满意", as: "u9").reply
        #expect(!reply.contains("感谢您的评价"))
    }

    @Test func staffCommandsFromTheCommandLinePathAreTheSame() throws {
        let desk = try Desk()
        let number = try Self.file("5栋二楼楼道被旧家具和纸箱占满了", by: "u1", on: desk)
        let refused = try desk.office.perform(.resolve(caseNumber: number, note: nil), by: Self.property)
        #expect(refused.outcome == nil)
        #expect(refused.text.contains("不在您的职责范围内"))
        let done = try desk.office.perform(.resolve(caseNumber: number, note: "已清理"), by: Self.steward5)
        #expect(done.outcome?.record.state == .resolved)
        #expect(try desk.office.pendingNotifications(for: "u1").contains { $0.text.contains("已清理") })
        let mine = try desk.office.cases(matching: CaseFilter(userID: Self.steward5, building: 5))
        #expect(mine.map(\.number) == [number])
    }
}

/// Every channel writes a turn's output as ack, replies, notifications: their seqs must rise in
/// that order even when the case lifecycle or a staff command wrote notices before the replies.
@Suite struct TurnOutputOrderTests {
    @Test func aTurnsNotificationsComeAfterItsReplies() throws {
        let desk = try CaseworkFlowTests.Desk()
        var outcomes: [TurnOutcome] = []
        for text in ["5栋楼道里堆满了旧家具", "上周开始的", "是"] {
            outcomes.append(try desk.office.handle([Inbound(userID: "u1", text: text, channel: "test")])[0])
        }
        let filing = try #require(outcomes.last)
        #expect(!filing.notifications.isEmpty, "filing should notify the owner")
        let seqs = [filing.seq] + filing.replies.map(\.seq) + filing.notifications.map(\.seq)
        #expect(seqs == seqs.sorted() && Set(seqs).count == seqs.count, "\(seqs)")
        let staff = try desk.office.handle([Inbound(userID: CaseworkFlowTests.steward5, text: "接单 2026-0001", channel: "test")])[0]
        #expect(!staff.notifications.isEmpty, "accepting should tell the resident")
        let staffSeqs = [staff.seq] + staff.replies.map(\.seq) + staff.notifications.map(\.seq)
        #expect(staffSeqs == staffSeqs.sorted() && staffSeqs.first! > seqs.last!, "\(staffSeqs)")
    }
}
