import Foundation
import Rules
import Testing
@testable import Casework

@Suite struct LifecycleTests {
    let lifecycle = Fixture.lifecycle
    let t0 = Fixture.at(11, 2, 9)
    let steward = Fixture.actor("staff:s3")
    let secretary = Fixture.actor("staff:chen")
    let resident = CaseActor(userID: Fixture.resident)

    func recipients(_ outcome: LifecycleOutcome) -> [String] { outcome.notices.map(\.recipientUserID) }

    func notice(_ outcome: LifecycleOutcome, to userID: String) -> String? {
        outcome.notices.first { $0.recipientUserID == userID }?.text
    }

    /// Applies a sequence of (action, actor, time) and returns every outcome.
    func run(_ record: CaseRecord, _ steps: [(CaseAction, CaseActor, Date)]) throws -> [LifecycleOutcome] {
        var current = record
        var outcomes: [LifecycleOutcome] = []
        for (action, actor, at) in steps {
            let outcome = try lifecycle.apply(action, to: current, by: actor, at: at)
            current = outcome.record
            outcomes.append(outcome)
        }
        return outcomes
    }

    // MARK: Filing and dispatch

    @Test func filingDispatchesToTheStewardWithDeadlines() {
        let outcome = Fixture.filed()
        let record = outcome.record
        #expect(record.state == .dispatched)
        #expect(record.ownerRole == .steward)
        #expect(record.ownerUserID == "staff:s3")
        #expect(record.dispatchedAt == t0)
        #expect(record.acceptBy == t0.addingTimeInterval(24 * Fixture.hour))
        #expect(record.resolveBy == t0.addingTimeInterval(7 * Fixture.day))
        #expect(record.effectiveUrgency == .general)
        #expect(record.routingReason?.contains("孙三") == true)
        #expect(outcome.events.map(\.kind) == [.filed, .dispatched])
        #expect(outcome.events.map(\.toState) == [.new, .dispatched])
        #expect(outcome.events[0].actor == Fixture.resident)
        #expect(outcome.events[1].actor == "system")
        // The owner is told; the resident (the actor) gets the summary instead of a notice.
        #expect(recipients(outcome) == ["staff:s3"])
        #expect(notice(outcome, to: "staff:s3")?.contains("接单 2026-0001") == true)
        #expect(notice(outcome, to: "staff:s3")?.contains("11月3日 09:00") == true)
        #expect(outcome.summary.contains("2026-0001"))
        #expect(outcome.summary.contains("3栋红色管家孙三"))
    }

    @Test func informedPeopleAndTriageAreTold() {
        let roof = Fixture.filed(Fixture.draft("facilities", building: 2))
        #expect(recipients(roof) == ["staff:wang", "staff:s2"])
        #expect(notice(roof, to: "staff:s2")?.hasPrefix("【知会】") == true)
        let nowhere = Fixture.filed(Fixture.draft("public-space", building: nil))
        #expect(nowhere.record.needsTriage)
        #expect(nowhere.record.ownerUserID == nil)
        #expect(recipients(nowhere) == ["staff:feng"])
        #expect(notice(nowhere, to: "staff:feng")?.hasPrefix("【待分派】") == true)
    }

    @Test func urgentCasesGetShortLimits() {
        let record = Fixture.filed(Fixture.draft("parking", subtopic: "fire-lane")).record
        #expect(record.effectiveUrgency == .urgent)
        #expect(record.acceptBy == t0.addingTimeInterval(2 * Fixture.hour))
        #expect(record.resolveBy == t0.addingTimeInterval(24 * Fixture.hour))
    }

    @Test func aCaseForAnOutsideBodyIsReferredAtOnce() {
        let outcome = Fixture.filed(Fixture.draft("outside"))
        #expect(outcome.record.state == .referred)
        #expect(outcome.record.closedAt == t0)
        #expect(outcome.events.map(\.kind) == [.filed, .referred])
        #expect(!outcome.record.state.isOpen)
    }

    // MARK: The happy path

    @Test func acceptResolveRateConfirm() throws {
        let filed = Fixture.filed().record
        let steps = try run(filed, [
            (.accept, steward, t0 + 2 * Fixture.hour),
            (.resolve(note: "已清理完毕"), steward, t0 + 20 * Fixture.hour),
            (.rate(.satisfied, comment: "很快"), resident, t0 + 22 * Fixture.hour),
            (.confirmClose(note: nil), secretary, t0 + 30 * Fixture.hour),
        ])
        let accepted = steps[0], resolved = steps[1], rated = steps[2], closed = steps[3]

        #expect(accepted.record.state == .accepted)
        #expect(accepted.record.followerUserID == "staff:s3")
        #expect(accepted.record.acceptedAt == t0 + 2 * Fixture.hour)
        #expect(recipients(accepted) == [Fixture.resident])
        #expect(notice(accepted, to: Fixture.resident)?.contains("已由3栋红色管家孙三接单") == true)

        #expect(resolved.record.state == .resolved)
        #expect(resolved.record.resolvedAt == t0 + 20 * Fixture.hour)
        #expect(resolved.events.map(\.kind) == [.resolved])
        #expect(resolved.events[0].note == "已清理完毕")
        #expect(notice(resolved, to: Fixture.resident)?.contains("满意") == true)
        #expect(notice(resolved, to: Fixture.resident)?.contains("已清理完毕") == true)

        #expect(rated.record.state == .resolved)
        #expect(rated.record.rating == .satisfied)
        #expect(rated.record.ratingComment == "很快")
        #expect(rated.events.first?.rating == .satisfied)
        #expect(Set(recipients(rated)) == ["staff:s3", "staff:chen"])
        #expect(notice(rated, to: "staff:chen")?.contains("办结确认 2026-0001") == true)

        #expect(closed.record.state == .closed)
        #expect(closed.record.closedAt == t0 + 30 * Fixture.hour)
        #expect(closed.events.map(\.kind) == [.closed])
        #expect(Set(recipients(closed)) == [Fixture.resident, "staff:s3"])
    }

    @Test func resolvingWithoutAcceptingRecordsBoth() throws {
        let outcome = try lifecycle.apply(.resolve(note: nil), to: Fixture.filed().record, by: steward, at: t0 + Fixture.hour)
        #expect(outcome.events.map(\.kind) == [.accepted, .resolved])
        #expect(outcome.record.acceptedAt == t0 + Fixture.hour)
        #expect(outcome.record.followerUserID == "staff:s3")
    }

    // MARK: Permissions

    @Test func aResidentCannotAcceptOrResolve() {
        let record = Fixture.filed().record
        #expect(throws: CaseworkError.self) { try lifecycle.apply(.accept, to: record, by: resident, at: t0) }
        do {
            _ = try lifecycle.apply(.resolve(note: nil), to: record, by: resident, at: t0)
            Issue.record("a resident resolved a case")
        } catch let error as CaseworkError {
            guard case .forbidden(_, let action, let reason) = error else { Issue.record("wrong error \(error)"); return }
            #expect(action == "办结")
            #expect(reason.contains("居民不能办结"))
        } catch { Issue.record("unexpected \(error)") }
    }

    @Test func anotherBuildingsStewardCannotAccept() {
        let record = Fixture.filed().record
        #expect(throws: CaseworkError.forbidden(caseNumber: "2026-0001", action: "接单",
            reason: "这张诉求单派给了3栋红色管家孙三，不在您的职责范围内；如需调整请用「转派」或联系书记")) {
            try lifecycle.apply(.accept, to: record, by: Fixture.actor("staff:s1"), at: t0)
        }
    }

    @Test func aColleagueInTheOwnerRoleMayAcceptForTheCompany() throws {
        let record = Fixture.filed(Fixture.draft("facilities", building: 2)).record
        #expect(record.ownerUserID == "staff:wang")
        let outcome = try lifecycle.apply(.accept, to: record, by: Fixture.actor("staff:sun"), at: t0 + Fixture.hour)
        #expect(outcome.record.ownerUserID == "staff:sun")
        #expect(outcome.record.followerUserID == "staff:sun")
        #expect(recipients(outcome).contains("staff:wang"))  // the routed person hears who took it
    }

    @Test func anyStewardMayTakeAnUnassignedStewardCase() throws {
        let record = Fixture.filed(Fixture.draft("public-space", building: nil)).record
        let outcome = try lifecycle.apply(.accept, to: record, by: Fixture.actor("staff:s1"), at: t0 + Fixture.hour)
        #expect(outcome.record.ownerUserID == "staff:s1")
        #expect(!outcome.record.needsTriage)
    }

    @Test func anOwnerCannotRateAndOnlyTheFilerCan() throws {
        let resolved = try run(Fixture.filed().record, [(.resolve(note: nil), steward, t0 + Fixture.hour)]).last!.record
        #expect(throws: CaseworkError.forbidden(caseNumber: "2026-0001", action: "评价", reason: "办理人不能评价自己办理的诉求单")) {
            try lifecycle.apply(.rate(.satisfied, comment: nil), to: resolved, by: steward, at: t0 + 2 * Fixture.hour)
        }
        #expect(throws: CaseworkError.forbidden(caseNumber: "2026-0001", action: "评价", reason: "只有提出诉求的居民可以评价")) {
            try lifecycle.apply(.rate(.satisfied, comment: nil), to: resolved, by: CaseActor(userID: "wx:neighbour"), at: t0)
        }
    }

    @Test func onlyTheSecretaryConfirms() throws {
        let resolved = try run(Fixture.filed().record, [(.resolve(note: nil), steward, t0 + Fixture.hour)]).last!.record
        for actor in [steward, resident, Fixture.actor("staff:feng")] {
            #expect(throws: CaseworkError.self) { try lifecycle.apply(.confirmClose(note: nil), to: resolved, by: actor, at: t0) }
        }
        #expect(try lifecycle.apply(.confirmClose(note: nil), to: resolved, by: secretary, at: t0).record.state == .closed)
    }

    @Test func stateRulesAreEnforced() throws {
        let record = Fixture.filed().record
        #expect(throws: CaseworkError.wrongState(caseNumber: "2026-0001", action: "评价", state: .dispatched)) {
            try lifecycle.apply(.rate(.satisfied, comment: nil), to: record, by: resident, at: t0)
        }
        #expect(throws: CaseworkError.wrongState(caseNumber: "2026-0001", action: "办结确认", state: .dispatched)) {
            try lifecycle.apply(.confirmClose(note: nil), to: record, by: secretary, at: t0)
        }
        let accepted = try lifecycle.apply(.accept, to: record, by: steward, at: t0).record
        #expect(throws: CaseworkError.wrongState(caseNumber: "2026-0001", action: "接单", state: .accepted)) {
            try lifecycle.apply(.accept, to: accepted, by: steward, at: t0)
        }
        let cancelled = try lifecycle.apply(.cancel(note: nil), to: accepted, by: resident, at: t0).record
        #expect(cancelled.state == .cancelled)
        #expect(throws: CaseworkError.self) { try lifecycle.apply(.resolve(note: nil), to: cancelled, by: steward, at: t0) }
        #expect(throws: CaseworkError.self) { try lifecycle.apply(.cosign, to: cancelled, by: CaseActor(userID: "wx:n"), at: t0) }
    }

    @Test func theClockOnlyActsAsTheSystem() {
        let record = Fixture.filed().record
        #expect(throws: CaseworkError.self) { try lifecycle.apply(.escalate(.accept), to: record, by: secretary, at: t0) }
        #expect(throws: CaseworkError.self) { try lifecycle.apply(.closeUnrated, to: record, by: steward, at: t0) }
    }

    @Test func notesAreForStaffAndReachOwnerAndFollower() throws {
        let record = Fixture.filed().record
        #expect(throws: CaseworkError.self) { try lifecycle.apply(.note("x"), to: record, by: resident, at: t0) }
        let outcome = try lifecycle.apply(.note("已联系业主"), to: record, by: secretary, at: t0)
        #expect(outcome.record.state == .dispatched)
        #expect(outcome.events.map(\.kind) == [.noted])
        #expect(outcome.events[0].note == "已联系业主")
        #expect(recipients(outcome) == ["staff:s3"])
    }

    // MARK: Rating

    @Test func unsatisfiedWithinTheWindowReopens() throws {
        let resolvedAt = t0 + 10 * Fixture.hour
        let steps = try run(Fixture.filed().record, [
            (.accept, steward, t0 + Fixture.hour),
            (.resolve(note: nil), steward, resolvedAt),
            (.rate(.unsatisfied, comment: "还有杂物"), resident, resolvedAt + 3 * Fixture.day),
        ])
        let reopened = steps[2]
        let now = resolvedAt + 3 * Fixture.day
        #expect(reopened.record.state == .reopened)
        #expect(reopened.events.map(\.kind) == [.rated, .reopened])
        #expect(reopened.record.acceptBy == now + 24 * Fixture.hour)
        #expect(reopened.record.resolveBy == now + 7 * Fixture.day)
        #expect(reopened.record.ownerUserID == "staff:s3")
        #expect(reopened.record.followerUserID == "staff:s3")
        #expect(Set(recipients(reopened)) == ["staff:s3", "staff:chen"])
        #expect(notice(reopened, to: "staff:s3")?.contains("还有杂物") == true)
        #expect(reopened.followUp == nil)
        // The owner accepts and resolves again; a new rating is asked for.
        let again = try run(reopened.record, [(.accept, steward, now + Fixture.hour), (.resolve(note: nil), steward, now + 2 * Fixture.hour)])
        #expect(again.last?.record.state == .resolved)
        #expect(again.last?.record.rating == nil)
        #expect(again.first?.record.acceptedAt == t0 + Fixture.hour)  // the first 接单 is kept
    }

    @Test func unsatisfiedAfterTheWindowAsksForANewCase() throws {
        let resolvedAt = t0 + Fixture.hour
        let closed = try run(Fixture.filed().record, [
            (.resolve(note: nil), steward, resolvedAt),
            (.closeUnrated, .system, resolvedAt + 7 * Fixture.day),
        ]).last!.record
        #expect(closed.state == .closed)
        let late = try lifecycle.apply(.rate(.unsatisfied, comment: nil), to: closed, by: resident, at: resolvedAt + 31 * Fixture.day)
        #expect(late.record.state == .closed)
        #expect(late.record.rating == .unsatisfied)
        #expect(late.followUp?.relatedCaseNumber == "2026-0001")
        #expect(late.followUp?.draft == closed.draft)
        #expect(late.followUp?.filedBy == Fixture.resident)
        // Within the window, a closed case reopens.
        let inTime = try lifecycle.apply(.rate(.unsatisfied, comment: nil), to: closed, by: resident, at: resolvedAt + 29 * Fixture.day)
        #expect(inTime.record.state == .reopened)
        #expect(inTime.record.closedAt == nil)
        #expect(inTime.followUp == nil)
    }

    // MARK: Reassign, cancel, refer, meetings, co-signing

    @Test func reassignKeepsTheFirstTakerAsFollower() throws {
        let accepted = try lifecycle.apply(.accept, to: Fixture.filed().record, by: steward, at: t0 + Fixture.hour).record
        let decision = Fixture.router.route(accepted.draft, to: .mediation)
        let outcome = try lifecycle.apply(.reassign(decision, note: "邻里纠纷"), to: accepted, by: steward, at: t0 + 2 * Fixture.hour)
        let record = outcome.record
        #expect(record.state == .dispatched)
        #expect(record.ownerRole == .mediation)
        #expect(record.ownerUserID == "staff:zheng")
        #expect(record.followerUserID == "staff:s3")
        #expect(record.acceptBy == t0 + 2 * Fixture.hour + 24 * Fixture.hour)
        #expect(record.resolveBy == accepted.resolveBy)  // the resident's clock does not restart
        #expect(record.routingReason?.contains("转派") == true)
        #expect(outcome.events.map(\.kind) == [.reassigned])
        #expect(outcome.events[0].note?.contains("邻里纠纷") == true)
        #expect(Set(recipients(outcome)) == ["staff:zheng", Fixture.resident])
        #expect(notice(outcome, to: "staff:zheng")?.contains("首问负责人：孙三") == true)
        // Reassigning to the same owner again is refused.
        #expect(throws: CaseworkError.self) {
            try lifecycle.apply(.reassign(decision, note: nil), to: record, by: secretary, at: t0)
        }
    }

    @Test func theTriageRoleMayReassignAnUnplacedCase() throws {
        let record = Fixture.filed(Fixture.draft("public-space", building: nil)).record
        var placed = record.draft
        placed.place.building = 1
        let outcome = try lifecycle.apply(.reassign(Fixture.router.route(placed), note: nil), to: record, by: Fixture.actor("staff:feng"), at: t0)
        #expect(outcome.record.ownerUserID == "staff:s1")
        #expect(!outcome.record.needsTriage)
        // But not a case that is already placed.
        #expect(throws: CaseworkError.self) {
            try lifecycle.apply(.reassign(Fixture.router.route(placed, to: .mediation), note: nil), to: outcome.record, by: Fixture.actor("staff:feng"), at: t0)
        }
    }

    @Test func cancelAndRefer() throws {
        let record = Fixture.filed().record
        #expect(throws: CaseworkError.self) { try lifecycle.apply(.cancel(note: nil), to: record, by: CaseActor(userID: "wx:other"), at: t0) }
        let cancelled = try lifecycle.apply(.cancel(note: "已自行解决"), to: record, by: resident, at: t0 + Fixture.hour)
        #expect(cancelled.record.state == .cancelled)
        #expect(cancelled.record.closedAt == t0 + Fixture.hour)
        #expect(recipients(cancelled) == ["staff:s3"])
        let referred = try lifecycle.apply(.refer(to: .hotline12345, note: "涉及违建"), to: record, by: steward, at: t0)
        #expect(referred.record.state == .referred)
        #expect(notice(referred, to: Fixture.resident)?.contains("12345") == true)
    }

    @Test func meetingsPauseAndResumeHandling() throws {
        let accepted = try lifecycle.apply(.accept, to: Fixture.filed().record, by: steward, at: t0).record
        let opened = try lifecycle.apply(.openMeeting(note: nil), to: accepted, by: Fixture.actor("staff:feng"), at: t0 + Fixture.day)
        #expect(opened.record.state == .inMeeting)
        #expect(opened.record.needsMeeting)
        #expect(opened.events.map(\.kind) == [.meetingOpened])
        #expect(throws: CaseworkError.self) { try lifecycle.apply(.openMeeting(note: nil), to: accepted, by: resident, at: t0) }
        let end = t0 + 10 * Fixture.day
        let concluded = try lifecycle.apply(.concludeMeeting(note: "表决通过"), to: opened.record, by: .system, at: end)
        #expect(concluded.record.state == .accepted)
        #expect(concluded.record.resolveBy == end + 7 * Fixture.day)
        #expect(concluded.events.map(\.kind) == [.meetingConcluded])
    }

    @Test func cosignersAreCountedAndTheThresholdSuggestsAMeeting() throws {
        var record = Fixture.filed().record
        #expect(throws: CaseworkError.redundant(caseNumber: "2026-0001", reason: "这是您自己提出的诉求")) {
            try lifecycle.apply(.cosign, to: record, by: resident, at: t0)
        }
        var suggested: [Bool] = []
        for i in 1...5 {
            let outcome = try lifecycle.apply(.cosign, to: record, by: CaseActor(userID: "wx:n\(i)"), at: t0 + Double(i) * Fixture.hour)
            record = outcome.record
            suggested.append(outcome.meetingSuggested)
            #expect(notice(outcome, to: Fixture.resident)?.contains("共 \(i) 人附议") == true)
        }
        #expect(suggested == [false, false, false, false, true])  // default threshold 5
        #expect(record.needsMeeting)
        #expect(record.cosigners.count == 5)
        #expect(throws: CaseworkError.redundant(caseNumber: "2026-0001", reason: "您已经附议过了")) {
            try lifecycle.apply(.cosign, to: record, by: CaseActor(userID: "wx:n1"), at: t0)
        }
        // Co-signers hear about the resolution too.
        let resolved = try lifecycle.apply(.resolve(note: nil), to: record, by: steward, at: t0 + Fixture.day)
        #expect(Set(recipients(resolved)) == Set([Fixture.resident] + (1...5).map { "wx:n\($0)" }))
    }

    // MARK: Escalation actions

    @Test func escalationMarksOverdueAndTellsSecretaryResidentAndOwner() throws {
        let record = Fixture.filed().record
        let outcome = try lifecycle.apply(.escalate(.accept), to: record, by: .system, at: t0 + 25 * Fixture.hour)
        #expect(outcome.record.isOverdue)
        #expect(outcome.record.acceptEscalatedAt == t0 + 25 * Fixture.hour)
        #expect(outcome.record.state == .dispatched)
        #expect(outcome.events.map(\.kind) == [.escalated])
        #expect(outcome.events[0].actor == "system")
        #expect(Set(recipients(outcome)) == ["staff:chen", "staff:s3", Fixture.resident])
        #expect(notice(outcome, to: "staff:chen")?.hasPrefix("【督办】") == true)
        #expect(notice(outcome, to: Fixture.resident)?.contains("督办") == true)
        #expect(throws: CaseworkError.self) {
            try lifecycle.apply(.escalate(.accept), to: outcome.record, by: .system, at: t0 + 26 * Fixture.hour)
        }
    }

    @Test func noticesNeverGoToTheActorAndNeverTwiceToOnePerson() throws {
        // Whoever acts is never notified, even when the routing would name them.
        let draft = Fixture.draft("emergency", building: 1)
        let outcome = Fixture.lifecycle.file(draft, number: "2026-0009", filedBy: "staff:chen", at: t0, decision: Fixture.router.route(draft))
        #expect(!recipients(outcome).contains("staff:chen"))
        #expect(recipients(outcome) == ["staff:li-na"])
        #expect(Set(recipients(outcome)).count == recipients(outcome).count)
    }
}
