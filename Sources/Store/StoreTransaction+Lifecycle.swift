public import Casework
public import Foundation
import GRDB

extension StoreTransaction {
    /// Stores what a lifecycle action did: the case's new fields (and any new co-signers), its
    /// events in order, and its notices in the outbox (kind `case`).
    /// - Parameters:
    ///   - outcome: from `Lifecycle.apply` (or `file`), `CaseDesk.handle`, `Escalation.run`.
    ///   - now: the time written as the case's `updated_at` and the notices' creation time.
    ///   - skippingNoticesTo: the person acting in the chat, who hears `summary` (or a dialogue
    ///     reply) instead of a notice.
    /// - Returns: the outbox entries written, in order.
    /// - Throws: `StoreError.unknownCase` when the case was never inserted; database errors.
    @discardableResult
    public func store(_ outcome: LifecycleOutcome, at now: Date, skippingNoticesTo actor: String? = nil) throws -> [OutboxEntry] {
        try updateCase(outcome.record, at: now)
        for userID in outcome.record.cosigners {
            try addCosigner(caseNumber: outcome.record.number, userID: userID, at: now)
        }
        for event in outcome.events { try appendEvent(event) }
        var entries: [OutboxEntry] = []
        for notice in outcome.notices where notice.recipientUserID != actor {
            entries.append(try enqueue(recipient: notice.recipientUserID, text: notice.text, kind: "case", caseNumber: notice.caseNumber, at: now))
        }
        return entries
    }

    /// The cases filed in `[start, end)` (for the monthly figures), by number.
    public func cases(filedFrom start: Date, to end: Date) throws -> [CaseRecord] {
        try cases(where: "filed_at >= ? AND filed_at < ?", [start, end])
    }

    /// Cases the clock must look at: not closed, cancelled or referred, plus resolved ones.
    public func casesForClock() throws -> [CaseRecord] {
        try cases(where: "state NOT IN ('closed', 'cancelled', 'referred')")
    }

    /// The cases filed by a resident that wait for their verdict (评价), most recently resolved
    /// first: resolved and unrated, or closed unrated no longer ago than `reopenWindow`.
    public func casesAwaitingRating(filedBy userID: String, now: Date, reopenWindow: TimeInterval) throws -> [CaseRecord] {
        try cases(where: "filed_by = ? AND rating IS NULL AND state IN ('resolved', 'closed')", [userID])
            .filter { record in
                guard let resolved = record.resolvedAt else { return false }
                return record.state == .resolved || now.timeIntervalSince(resolved) <= reopenWindow
            }
            .sorted { ($0.resolvedAt ?? $0.filedAt, $0.number) > ($1.resolvedAt ?? $1.filedAt, $1.number) }
    }
}
