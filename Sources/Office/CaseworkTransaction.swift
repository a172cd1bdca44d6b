import Casework
import Rules
import Foundation
import Store

/// Casework inside one transaction, shared by the chat (staff commands and ratings typed as
/// messages), the CLI (`shangliang case ...`, `tick`) and filing: every change goes through the
/// lifecycle and is stored with its events and notices.
struct CaseworkTransaction {
    let routing: CommunityRouting
    let tx: StoreTransaction
    let now: Date

    /// Runs a staff command as `userID` (a resident gets the polite refusal) and stores its
    /// outcome; the actor's own notices are dropped (they get the reply).
    /// - Returns: the reply; a refusal by the lifecycle (wrong state, not their role, unknown
    ///   case) is a reply too, with no outcome.
    /// - Throws: database errors only.
    func perform(_ command: StaffCommand, by userID: String) throws -> CaseDesk.Reply {
        if let answer = try performRequest(command, by: userID) { return CaseDesk.Reply(text: answer.text) }
        var failure: (any Error)?
        func attempt<T>(_ fallback: T, _ body: () throws -> T) -> T {
            do { return try body() } catch {
                if failure == nil { failure = error }
                return fallback
            }
        }
        let reply: CaseDesk.Reply
        do {
            reply = try routing.desk.handle(
                command, from: userID, at: now,
                lookup: { number in attempt(nil) { try tx.caseRecord(number: number) } },
                openCases: { attempt([]) { try tx.casesForClock() } },
                events: { number in attempt([]) { try tx.events(caseNumber: number) } })
        } catch let error as CaseworkError {
            if let failure { throw failure }
            return CaseDesk.Reply(text: error.description)
        }
        if let failure { throw failure }
        if let outcome = reply.outcome { try tx.store(outcome, at: now, skippingNoticesTo: userID) }
        return reply
    }

    /// The case a resident's verdict is for: a resolved or closed case of theirs named in the
    /// message (at any time: 不满意 after the reopen window files a new case), else the most
    /// recently resolved one awaiting their rating; nil when there is none.
    func caseAwaitingRating(from userID: String, named numbers: [String]) throws -> CaseRecord? {
        for number in numbers {
            if let record = try tx.caseRecord(number: number), record.filedBy == userID,
                record.state == .resolved || record.state == .closed {
                return record
            }
        }
        return try tx.casesAwaitingRating(filedBy: userID, now: now, reopenWindow: routing.table.reopenWindow).first
    }

    /// Applies a resident's verdict and stores it; 不满意 after the reopen window files the new
    /// case. Returns the lines to answer.
    func rate(_ record: CaseRecord, _ rating: Rating, comment: String?, by userID: String) throws -> [String] {
        let outcome: LifecycleOutcome
        do {
            outcome = try routing.lifecycle.apply(
                .rate(rating, comment: comment), to: record, by: CaseActor(userID: userID, directory: routing.directory), at: now)
        } catch let error as CaseworkError {
            return [error.description]
        }
        try tx.store(outcome, at: now, skippingNoticesTo: userID)
        var lines = [outcome.summary]
        if let followUp = outcome.followUp {
            let filed = try file(followUp.draft, filedBy: followUp.filedBy, relatedCaseNumber: followUp.relatedCaseNumber)
            lines.append(filed.summary)
        }
        return lines
    }

    /// Numbers, stores and dispatches a new case (the `filed` event, then the lifecycle's
    /// dispatch with its notices, none to the filer).
    func file(_ draft: CaseDraft, filedBy: String, relatedCaseNumber: String? = nil) throws -> LifecycleOutcome {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = routing.timeZone
        let number = try tx.nextCaseNumber(year: calendar.component(.year, from: now))
        var record = CaseRecord(number: number, draft: draft, state: .new, filedBy: filedBy, filedAt: now)
        record.relatedCaseNumber = relatedCaseNumber
        try tx.insertCase(record)
        guard let dispatched = routing.dispatch(record, now: now) else {
            return LifecycleOutcome(record: record, events: [], notices: [], summary: "已登记为诉求单 \(number)。")
        }
        var outcome = dispatched
        if let related = relatedCaseNumber {
            outcome.summary = "已另立新诉求单 \(number)（关联原诉求单 \(related)）：" + outcome.summary
        }
        try tx.store(outcome, at: now, skippingNoticesTo: filedBy)
        return outcome
    }

    /// The clock's work: escalations past a time limit, rating reminders, closing unrated cases.
    /// - Returns: every outcome stored, in order.
    @discardableResult
    func tick() throws -> [LifecycleOutcome] {
        let outcomes = Escalation(table: routing.table).run(try tx.casesForClock(), now: now, lifecycle: routing.lifecycle)
        for outcome in outcomes { try tx.store(outcome, at: now) }
        return outcomes
    }
}
