import Foundation
import Rules
import Testing
@testable import Casework

/// The staff desk, driven like the chat will drive it: text -> `StaffCommand` -> desk -> store
/// (here a dictionary) -> outbox (here an array).
@Suite struct CaseDeskTests {
    /// A tiny in-memory stand-in for Store: cases, events, outbox.
    final class Office {
        let desk = CaseDesk(directory: Fixture.directory, table: Fixture.table, categoryTitles: Fixture.titles)
        var cases: [String: CaseRecord] = [:]
        var events: [CaseEvent] = []
        var outbox: [Notice] = []

        func store(_ outcome: LifecycleOutcome) {
            cases[outcome.record.number] = outcome.record
            events += outcome.events
            outbox += outcome.notices
        }

        func file(_ draft: CaseDraft, by resident: String, at now: Date) -> LifecycleOutcome {
            let number = CaseNumber.next(after: cases.keys, year: 2026)
            let outcome = desk.lifecycle.file(draft, number: number, filedBy: resident, at: now, decision: desk.router.route(draft))
            store(outcome)
            return outcome
        }

        /// A line typed in the chat by `userID`.
        func type(_ text: String, as userID: String, at now: Date) throws -> String {
            guard case .command(let command) = StaffCommand.parse(text) else { return "(not a command)" }
            let reply = try desk.handle(
                command, from: userID, at: now, lookup: { self.cases[$0] },
                openCases: { self.cases.values.filter { $0.state.isOpen } }, events: { n in self.events.filter { $0.caseNumber == n } })
            if let outcome = reply.outcome { store(outcome) }
            return reply.text
        }

        func rate(_ number: String, _ rating: Rating, by resident: String, at now: Date) throws {
            store(try desk.lifecycle.apply(.rate(rating, comment: nil), to: cases[number]!, by: CaseActor(userID: resident), at: now))
        }

        func tick(at now: Date) {
            for outcome in Escalation(table: desk.lifecycle.table).run(Array(cases.values), now: now, lifecycle: desk.lifecycle) {
                store(outcome)
            }
        }

        func inbox(_ userID: String) -> [String] { outbox.filter { $0.recipientUserID == userID }.map(\.text) }
    }

    let t0 = Fixture.at(11, 2, 9)
    let hour = Fixture.hour, day = Fixture.day

    @Test func aScriptedMonth() throws {
        let office = Office()
        let alice = "wx:alice", bob = "wx:bob"
        // Alice reports clutter in building 3: it goes to building 3's steward.
        let filed = office.file(Fixture.draft("public-space", building: 3), by: alice, at: t0)
        #expect(filed.record.number == "2026-0001")
        #expect(office.inbox("staff:s3").count == 1)

        // The steward accepts and resolves in the chat.
        #expect(try office.type("接单 2026-0001", as: "staff:s3", at: t0 + hour).hasPrefix("已接单"))
        #expect(office.inbox(alice).last?.contains("接单") == true)
        #expect(try office.type("办结 2026-0001 已清理完毕", as: "staff:s3", at: t0 + 5 * hour).hasPrefix("已办结"))
        #expect(office.inbox(alice).last?.contains("已清理完毕") == true)

        // Alice rates it; the secretary confirms.
        try office.rate("2026-0001", .satisfied, by: alice, at: t0 + 6 * hour)
        #expect(office.inbox("staff:chen").last?.contains("办结确认 2026-0001") == true)
        #expect(try office.type("我的待办", as: "staff:chen", at: t0 + 7 * hour).contains("2026-0001"))
        #expect(try office.type("办结确认 2026-0001", as: "staff:chen", at: t0 + 8 * hour).hasPrefix("已办结确认"))
        #expect(office.cases["2026-0001"]?.state == .closed)

        // Bob's roof leak is never accepted: the tick escalates it to the secretary.
        _ = office.file(Fixture.draft("facilities", building: 2), by: bob, at: t0 + day)
        office.tick(at: t0 + day + 23 * hour)
        #expect(office.cases["2026-0002"]?.isOverdue == false)
        office.tick(at: t0 + 2 * day + hour)
        #expect(office.cases["2026-0002"]?.isOverdue == true)
        #expect(office.inbox("staff:chen").last?.hasPrefix("【督办】诉求单 2026-0002") == true)
        #expect(office.inbox(bob).last?.contains("督办") == true)
        #expect(try office.type("超时", as: "staff:chen", at: t0 + 2 * day + hour).contains("2026-0002"))

        // The month's figures.
        let report = MonthlyReport.make(
            month: YearMonth("2026-11")!, cases: Array(office.cases.values), events: office.events, asOf: t0 + 2 * day + hour,
            table: Fixture.table, directory: Fixture.directory, categoryTitles: Fixture.titles)
        #expect(report.total.cases == 2)
        #expect(report.total.responseRate == 0.5)
        #expect(report.total.resolutionRate == 1)  // the leak's resolve limit has not passed
        #expect(report.total.satisfactionRate == 1)
        #expect(report.total.overdue == 1)
        // The history explains the routing.
        let shown = try office.type("查看 2026-0001", as: "staff:feng", at: t0 + 9 * hour)
        #expect(shown.contains("派单理由：类别「公共空间」按派单规则由红色管家负责"))
        #expect(shown.contains("办结（孙三）：已清理完毕"))
        #expect(shown.contains("评价（wx:alice）：满意"))
    }

    @Test func aResidentTypingACommandIsPolitelyRefused() throws {
        let office = Office()
        _ = office.file(Fixture.draft(), by: "wx:alice", at: t0)
        #expect(try office.type("接单 2026-0001", as: "wx:alice", at: t0) == CaseDesk.residentRefusal)
        #expect(office.cases["2026-0001"]?.state == .dispatched)
    }

    @Test func staffOutsideTheirRoleGetAClearError() throws {
        let office = Office()
        _ = office.file(Fixture.draft(), by: "wx:alice", at: t0)
        #expect {
            try office.type("接单 2026-0001", as: "staff:zheng", at: t0)
        } throws: { error in
            (error as? CaseworkError)?.description.contains("不在您的职责范围内") == true
        }
        #expect(throws: CaseworkError.unknownCase("2026-0099")) { try office.type("接单 2026-0099", as: "staff:s3", at: t0) }
    }

    @Test func reassignByRoleNameOrPerson() throws {
        let office = Office()
        _ = office.file(Fixture.draft(), by: "wx:alice", at: t0)
        #expect(try office.type("转派 2026-0001 调解室 其实是邻里纠纷", as: "staff:s3", at: t0 + hour).contains("调解室郑调解"))
        #expect(office.cases["2026-0001"]?.ownerUserID == "staff:zheng")
        #expect(office.inbox("staff:zheng").last?.hasPrefix("【转派】") == true)
        #expect(throws: CaseworkError.unknownTarget("隔壁老王")) { try office.type("转派 2026-0001 隔壁老王", as: "staff:chen", at: t0) }
        _ = try office.type("转派 2026-0001 孙慧", as: "staff:chen", at: t0 + 2 * hour)
        #expect(office.cases["2026-0001"]?.ownerUserID == "staff:sun")
        #expect(office.cases["2026-0001"]?.ownerRole == .property)
    }

    @Test func referAndNote() throws {
        let office = Office()
        _ = office.file(Fixture.draft(), by: "wx:alice", at: t0)
        _ = try office.type("备注 2026-0001 已联系业主", as: "staff:chen", at: t0)
        #expect(office.inbox("staff:s3").last == "【备注】诉求单 2026-0001，陈书记：已联系业主")
        _ = try office.type("转办 2026-0001 12345 涉及违建", as: "staff:s3", at: t0)
        #expect(office.cases["2026-0001"]?.state == .referred)
        #expect(office.events.last?.note == "涉及违建")
    }

    @Test func todoListsOwnFollowedUnassignedAndTriageCases() throws {
        let office = Office()
        _ = office.file(Fixture.draft("public-space", building: 3), by: "wx:a", at: t0)  // 0001 -> s3
        _ = office.file(Fixture.draft("public-space", building: nil), by: "wx:b", at: t0 + 1)  // 0002 -> steward, triage
        _ = office.file(Fixture.draft("facilities", building: 1), by: "wx:c", at: t0 + 2)  // 0003 -> wang
        let open = Array(office.cases.values)
        let desk = office.desk
        #expect(desk.todo(for: Fixture.actor("staff:s3"), in: open).map(\.number) == ["2026-0001", "2026-0002"])
        #expect(desk.todo(for: Fixture.actor("staff:s1"), in: open).map(\.number) == ["2026-0002"])
        #expect(desk.todo(for: Fixture.actor("staff:feng"), in: open).map(\.number) == ["2026-0002"])
        #expect(desk.todo(for: Fixture.actor("staff:wang"), in: open).map(\.number) == ["2026-0003"])
        #expect(desk.todo(for: Fixture.actor("staff:sun"), in: open).isEmpty)  // routed to the lead, wang
        #expect(try office.type("我的待办", as: "staff:zhang-wei", at: t0) == "您目前没有待办的诉求单。")
        let listing = try office.type("我的待办", as: "staff:s3", at: t0 + 2 * day)
        #expect(listing.hasPrefix("您的待办（2 件）："))
        #expect(listing.contains("2026-0001 · 已派单 · 公共空间 · 3栋 楼道 · 楼道堆放杂物 · 11月3日 09:00前接单【超时】"))
        #expect(listing.contains("【待分派】"))
    }

    @Test func caseNumbers() {
        #expect(CaseNumber.format(year: 2026, serial: 12) == "2026-0012")
        #expect(CaseNumber.parse("2026-0012")! == (2026, 12))
        #expect(CaseNumber.parse("2026-12345")! == (2026, 12345))
        #expect(CaseNumber.parse("26-0012") == nil)
        #expect(CaseNumber.parse("2026-00a2") == nil)
        #expect(CaseNumber.next(after: ["2025-0100", "2026-0009", "2026-0011"], year: 2026) == "2026-0012")
        #expect(CaseNumber.next(after: ["2025-0100"], year: 2026) == "2026-0001")
    }

    @Test func filters() throws {
        let lifecycle = Fixture.lifecycle
        let a = Fixture.filed(Fixture.draft("public-space", building: 3)).record
        let b = try lifecycle.apply(.accept, to: Fixture.filed(Fixture.draft("facilities", building: 2), number: "2026-0002").record,
            by: Fixture.actor("staff:wang"), at: t0).record
        let now = t0 + 2 * day
        #expect(CaseFilter(userID: "staff:s3").matches(a, now: now))
        #expect(!CaseFilter(userID: "staff:s3").matches(b, now: now))
        #expect(CaseFilter(ownerRole: .property).matches(b, now: now))
        #expect(CaseFilter(states: [.accepted]).matches(b, now: now))
        #expect(CaseFilter(overdueOnly: true).matches(a, now: now))  // not accepted in 24 h
        #expect(!CaseFilter(overdueOnly: true).matches(b, now: now))  // accepted; 7 days to resolve
        #expect(CaseFilter(categoryID: "facilities", building: 2).matches(b, now: now))
        #expect(!CaseFilter(building: 2).matches(a, now: now))
        #expect(CaseFilter().matches(a, now: now))
    }
}
