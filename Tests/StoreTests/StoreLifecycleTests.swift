import Casework
import Foundation
import Rules
import Store
import Testing
import TestSupport

/// The lifecycle's fields survive a save (migration v2-case-lifecycle), and a lifecycle outcome
/// is stored whole: record, events with their verdict, notices but the actor's.
@Suite struct StoreLifecycleTests {
    let now = FixedClock.date("2026-11-26T08:00:00+08:00")

    func filed(_ store: Store) throws -> CaseRecord {
        let record = CaseRecord(
            number: "2026-0001", draft: CaseDraft(categoryID: "public-space", place: CasePlace(building: 3), summary: "楼道堆物"),
            filedBy: "u1", filedAt: now)
        try store.write { tx in try tx.insertCase(record) }
        return record
    }

    @Test func lifecycleFieldsRoundTrip() throws {
        let store = try Store.inMemory()
        var record = try filed(store)
        record.state = .resolved
        record.dispatchedAt = now.addingTimeInterval(1)
        record.acceptedAt = now.addingTimeInterval(2)
        record.resolvedAt = now.addingTimeInterval(3)
        record.closedAt = now.addingTimeInterval(4)
        record.acceptEscalatedAt = now.addingTimeInterval(5)
        record.resolveEscalatedAt = now.addingTimeInterval(6)
        record.ratingRemindedAt = now.addingTimeInterval(7)
        record.effectiveUrgency = .urgent
        record.needsMeeting = true
        try store.write { tx in try tx.updateCase(record, at: now) }
        let read = try #require(try store.read { try $0.caseRecord(number: "2026-0001") })
        #expect(read == record)
    }

    @Test func anOutcomeIsStoredWithItsEventsAndNoticesButNotTheActors() throws {
        let store = try Store.inMemory()
        var record = try filed(store)
        record.state = .closed
        record.rating = .basicallySatisfied
        record.cosigners = ["u2"]
        var rated = CaseEvent(caseNumber: record.number, kind: .rated, actor: "u1", at: now, note: "还行", fromState: .resolved, toState: .resolved)
        rated.rating = .basicallySatisfied
        let outcome = LifecycleOutcome(
            record: record, events: [rated],
            notices: [
                Notice(recipientUserID: "staff:owner", text: "居民评价", caseNumber: record.number),
                Notice(recipientUserID: "u1", text: "给自己", caseNumber: record.number),
            ],
            summary: "感谢您的评价！")
        let entries = try store.write { tx in try tx.store(outcome, at: now, skippingNoticesTo: "u1") }
        #expect(entries.map(\.recipient) == ["staff:owner"])
        let events = try store.read { try $0.events(caseNumber: record.number) }
        #expect(events.map(\.kind) == [.filed, .rated])
        #expect(events.last?.rating == .basicallySatisfied)
        #expect(try store.read { try $0.caseRecord(number: record.number) }?.cosigners == ["u2"])
    }

    @Test func casesAwaitingARatingAreTheFilersResolvedOnesWithinTheWindow() throws {
        let store = try Store.inMemory()
        var record = try filed(store)
        record.state = .resolved
        record.resolvedAt = now
        try store.write { tx in try tx.updateCase(record, at: now) }
        let window: TimeInterval = 30 * 86400
        #expect(try store.read { try $0.casesAwaitingRating(filedBy: "u1", now: now, reopenWindow: window) }.map(\.number) == ["2026-0001"])
        #expect(try store.read { try $0.casesAwaitingRating(filedBy: "u2", now: now, reopenWindow: window) }.isEmpty)
        // Closed unrated: 不满意 still counts within the window, not after.
        record.state = .closed
        try store.write { tx in try tx.updateCase(record, at: now) }
        #expect(try store.read { try $0.casesAwaitingRating(filedBy: "u1", now: now.addingTimeInterval(window - 1), reopenWindow: window) }.count == 1)
        #expect(try store.read { try $0.casesAwaitingRating(filedBy: "u1", now: now.addingTimeInterval(window + 1), reopenWindow: window) }.isEmpty)
    }
}
