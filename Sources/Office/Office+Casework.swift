public import Casework
public import Foundation
import Store

/// Why the office cannot do a casework request.
public enum OfficeError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The rules directory has no community directory or routing table.
    case caseworkNotConfigured
    /// `--as` names nobody in the community directory.
    case notStaff(String)

    public var description: String {
        switch self {
        case .caseworkNotConfigured: "casework is not configured (rules/community.yaml and rules/routing.yaml)"
        case .notStaff(let user): "\(user) is not listed as staff in community.yaml"
        }
    }
}

extension Office {
    /// The office's current time (its injected clock).
    public var now: Date { clock() }

    func casework() throws -> CommunityRouting {
        guard let routing = ruleBook.casework else { throw OfficeError.caseworkNotConfigured }
        return routing
    }

    /// Runs a staff command as `userID`, exactly as if typed in the chat (`shangliang case
    /// accept|resolve|reassign|note|close N --as ...`), in one transaction: the case, its events
    /// and the notices for everyone else are committed before this returns.
    /// - Returns: the answer for the actor and the change stored; a refusal (wrong state, not
    ///   their role, unknown case) is an answer with no outcome.
    /// - Throws: `OfficeError`, database errors.
    public func perform(_ command: StaffCommand, by userID: String) throws -> CaseDesk.Reply {
        let routing = try casework()
        let now = clock()
        return try store.write { tx in
            try CaseworkTransaction(routing: routing, tx: tx, now: now).perform(command, by: userID)
        }
    }

    /// Runs 待回复 / 回复 N / 已处置 N as `userID` (`shangliang inbox`), in one transaction: the
    /// answer to the resident is in the outbox when this returns.
    /// - Returns: the answer for the actor, and whether anything was done (false for a refusal:
    ///   not staff, unknown number, already answered); nil for other commands.
    public func performRequest(_ command: StaffCommand, by userID: String) throws -> (text: String, done: Bool)? {
        let routing = try casework()
        let now = clock()
        return try store.write { tx in
            try CaseworkTransaction(routing: routing, tx: tx, now: now).performRequest(command, by: userID).map { ($0.text, $0.done) }
        }
    }

    /// Cases passing a filter, oldest number first.
    public func cases(matching filter: CaseFilter) throws -> [CaseRecord] {
        let now = clock()
        return try store.read { tx in try tx.cases(where: "") }.filter { filter.matches($0, now: now) }
    }

    /// One line per case, as `我的待办` shows them.
    public func caseListing(_ records: [CaseRecord]) throws -> String {
        try casework().desk.list(records, now: clock())
    }

    /// A case's details, routing reason and history (`shangliang case show`); nil when unknown.
    public func caseDetail(number: String) throws -> String? {
        let desk = try casework().desk
        let now = clock()
        return try store.read { tx in
            guard let record = try tx.caseRecord(number: number) else { return nil }
            return desk.detail(record, events: try tx.events(caseNumber: number), now: now)
        }
    }

    /// The monthly figures of the cases filed in `month` (in the office's time zone), as of now.
    public func monthlyReport(for month: YearMonth) throws -> MonthlyReport {
        let routing = try casework()
        let span = month.interval(in: routing.timeZone)
        let (cases, events) = try store.read { tx in
            (try tx.cases(filedFrom: span.start, to: span.end),
             try tx.events(ofCasesFiledFrom: span.start, to: span.end))
        }
        return MonthlyReport.make(
            month: month, cases: cases, events: events, asOf: clock(), table: routing.table, directory: routing.directory,
            categoryTitles: routing.desk.categoryTitles, categoryOrder: routing.categoryOrder, timeZone: routing.timeZone)
    }
}
