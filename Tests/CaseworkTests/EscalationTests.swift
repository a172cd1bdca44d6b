import Foundation
import Rules
import Testing
@testable import Casework

@Suite struct EscalationTests {
    let escalation = Escalation(table: Fixture.table)
    let lifecycle = Fixture.lifecycle
    let t0 = Fixture.at(11, 2, 9)
    let hour = Fixture.hour, day = Fixture.day
    let steward = Fixture.actor("staff:s3")

    @Test func nothingIsDueBeforeTheLimit() {
        let record = Fixture.filed().record
        #expect(escalation.due([record], now: t0 + 24 * hour).isEmpty)  // exactly at the limit is in time
    }

    @Test func anUnacceptedCaseEscalatesOnceAfterTheAcceptLimit() {
        let record = Fixture.filed().record
        let now = t0 + 24 * hour + 1
        #expect(escalation.due([record], now: now) == [.init(caseNumber: "2026-0001", action: .escalate(.accept))])
        let outcomes = escalation.run([record], now: now, lifecycle: lifecycle)
        #expect(outcomes.count == 1)
        let escalated = outcomes[0].record
        #expect(escalated.isOverdue)
        #expect(outcomes[0].notices.contains { $0.recipientUserID == "staff:chen" })
        #expect(outcomes[0].notices.contains { $0.recipientUserID == Fixture.resident })
        // A second tick does nothing more.
        #expect(escalation.due([escalated], now: now + hour).isEmpty)
    }

    @Test func anAcceptedCaseEscalatesAfterTheResolveLimitAndTheFollowerStays() throws {
        let accepted = try lifecycle.apply(.accept, to: Fixture.filed().record, by: steward, at: t0 + hour).record
        #expect(escalation.due([accepted], now: t0 + 3 * day).isEmpty)
        let now = t0 + 7 * day + 1
        #expect(escalation.due([accepted], now: now) == [.init(caseNumber: "2026-0001", action: .escalate(.resolve))])
        let outcome = escalation.run([accepted], now: now, lifecycle: lifecycle)[0]
        #expect(outcome.record.followerUserID == "staff:s3")
        #expect(outcome.record.ownerUserID == "staff:s3")
        #expect(outcome.record.resolveEscalatedAt == now)
        #expect(outcome.events.first?.note?.contains("办结时限") == true)
    }

    @Test func aCasePastBothLimitsGetsBothEscalations() {
        let record = Fixture.filed().record
        let now = t0 + 8 * day
        #expect(escalation.due([record], now: now).map(\.action) == [.escalate(.accept), .escalate(.resolve)])
        let outcomes = escalation.run([record], now: now, lifecycle: lifecycle)
        #expect(outcomes.count == 2)
        #expect(outcomes[1].record.acceptEscalatedAt == now)  // the second applies on top of the first
        #expect(outcomes[1].record.resolveEscalatedAt == now)
    }

    @Test func perCategoryLimitsApply() {
        // Neighbourhood disputes must be resolved in 5 days in the fixture table.
        let record = Fixture.filed(Fixture.draft("neighbourhood")).record
        #expect(record.resolveBy == t0 + 5 * day)
        let accepted = try! lifecycle.apply(.accept, to: record, by: Fixture.actor("staff:zheng"), at: t0).record
        #expect(escalation.due([accepted], now: t0 + 5 * day + 1).map(\.action) == [.escalate(.resolve)])
    }

    @Test func resolvedCasesAreRemindedOnceThenClosedUnrated() throws {
        let resolvedAt = t0 + hour
        let resolved = try lifecycle.apply(.resolve(note: nil), to: Fixture.filed().record, by: steward, at: resolvedAt).record
        #expect(escalation.due([resolved], now: resolvedAt + 47 * hour).isEmpty)
        let remindAt = resolvedAt + 48 * hour
        #expect(escalation.due([resolved], now: remindAt).map(\.action) == [.remindRating])
        let reminded = escalation.run([resolved], now: remindAt, lifecycle: lifecycle)[0]
        #expect(reminded.record.ratingRemindedAt == remindAt)
        #expect(reminded.notices.map(\.recipientUserID) == [Fixture.resident])
        #expect(reminded.events.map(\.kind) == [.reminded])
        #expect(escalation.due([reminded.record], now: remindAt + day).isEmpty)
        let closeAt = resolvedAt + 7 * day
        let closed = escalation.run([reminded.record], now: closeAt, lifecycle: lifecycle)
        #expect(closed.map { $0.record.state } == [.closed])
        #expect(closed[0].events.first?.note == "逾期未评价，按未评价办结")
        #expect(Set(closed[0].notices.map(\.recipientUserID)) == [Fixture.resident, "staff:s3"])
    }

    @Test func ratedOrClosedOrMeetingCasesAreLeftAlone() throws {
        let resolved = try lifecycle.apply(.resolve(note: nil), to: Fixture.filed().record, by: steward, at: t0).record
        let rated = try lifecycle.apply(.rate(.satisfied, comment: nil), to: resolved, by: CaseActor(userID: Fixture.resident), at: t0).record
        let meeting = try lifecycle.apply(.openMeeting(note: nil), to: Fixture.filed(number: "2026-0002").record, by: .system, at: t0).record
        let cancelled = try lifecycle.apply(.cancel(note: nil), to: Fixture.filed(number: "2026-0003").record, by: CaseActor(userID: Fixture.resident), at: t0).record
        #expect(escalation.due([rated, meeting, cancelled], now: t0 + 60 * day).isEmpty)
    }

    @Test func aLateTickClosesWithoutRemindingFirst() throws {
        let resolved = try lifecycle.apply(.resolve(note: nil), to: Fixture.filed().record, by: steward, at: t0).record
        #expect(escalation.due([resolved], now: t0 + 10 * day).map(\.action) == [.closeUnrated])
    }

    @Test func aReopenedCaseGetsFreshLimits() throws {
        let overdue = try lifecycle.apply(.escalate(.accept), to: Fixture.filed().record, by: .system, at: t0 + 25 * hour).record
        let resolved = try lifecycle.apply(.resolve(note: nil), to: overdue, by: steward, at: t0 + 26 * hour).record
        #expect(resolved.isOverdue)
        let reopenAt = t0 + 2 * day
        let reopened = try lifecycle.apply(.rate(.unsatisfied, comment: nil), to: resolved, by: CaseActor(userID: Fixture.resident), at: reopenAt).record
        #expect(reopened.acceptEscalatedAt == nil)
        #expect(!reopened.isOverdue)
        #expect(escalation.due([reopened], now: reopenAt + 23 * hour).isEmpty)
        #expect(escalation.due([reopened], now: reopenAt + 25 * hour).map(\.action) == [.escalate(.accept)])
    }

    @Test func deadlinesAndTheirWording() {
        let deadlines = Deadlines(table: Fixture.table)
        let draft = Fixture.draft("parking")
        #expect(deadlines.acceptBy(draft, urgency: .urgent, from: t0) == t0 + 2 * hour)
        #expect(deadlines.resolveBy(draft, urgency: .complex, from: t0) == t0 + 15 * day)
        #expect(deadlines.resolveBy(Fixture.draft("neighbourhood"), urgency: .general, from: t0) == t0 + 5 * day)
        #expect(Deadlines.describe(2 * hour) == "2小时")
        #expect(Deadlines.describe(7 * day) == "7天")
        #expect(Deadlines.describe(36 * hour) == "1天12小时")
        #expect(Deadlines.describe(1800) == "30分钟")
    }
}
