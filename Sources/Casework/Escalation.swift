public import Foundation
public import Rules

/// The clock's work (`shangliang tick`): which cases are past a time limit and must be
/// escalated to the secretary (督办), which resolved cases await a rating reminder, which must
/// close as unrated. Pure: it reads records and a time, and returns actions.
public struct Escalation: Sendable {
    /// One thing the clock must do to one case.
    public struct Due: Sendable, Hashable {
        public var caseNumber: String
        public var action: CaseAction

        public init(caseNumber: String, action: CaseAction) {
            self.caseNumber = caseNumber
            self.action = action
        }
    }

    public var table: RoutingTable

    public init(table: RoutingTable) { self.table = table }

    /// Everything due at `now`, in the order of `cases`. A case past both limits gets both
    /// escalations; a resolved case past `closeUnratedAfter` is closed without a reminder first.
    public func due(_ cases: [CaseRecord], now: Date) -> [Due] {
        var out: [Due] = []
        for record in cases {
            switch record.state {
            case .new, .dispatched, .reopened, .accepted:
                if record.state != .accepted, record.acceptEscalatedAt == nil, let by = record.acceptBy, now > by {
                    out.append(Due(caseNumber: record.number, action: .escalate(.accept)))
                }
                if record.resolveEscalatedAt == nil, let by = record.resolveBy, now > by {
                    out.append(Due(caseNumber: record.number, action: .escalate(.resolve)))
                }
            case .resolved:
                guard record.rating == nil, let resolvedAt = record.resolvedAt else { continue }
                let waited = now.timeIntervalSince(resolvedAt)
                if waited >= table.closeUnratedAfter {
                    out.append(Due(caseNumber: record.number, action: .closeUnrated))
                } else if waited >= table.ratingReminderAfter, record.ratingRemindedAt == nil {
                    out.append(Due(caseNumber: record.number, action: .remindRating))
                }
            case .closed, .cancelled, .referred, .inMeeting:
                continue
            }
        }
        return out
    }

    /// Applies everything due through `lifecycle` as the system. Returns one outcome per action,
    /// in order; a case with two actions gets the second applied to the first's record.
    public func run(_ cases: [CaseRecord], now: Date, lifecycle: Lifecycle) -> [LifecycleOutcome] {
        var current = Dictionary(cases.map { ($0.number, $0) }, uniquingKeysWith: { first, _ in first })
        var outcomes: [LifecycleOutcome] = []
        for item in due(cases, now: now) {
            guard let record = current[item.caseNumber],
                let outcome = try? lifecycle.apply(item.action, to: record, by: .system, at: now)
            else { continue }
            current[item.caseNumber] = outcome.record
            outcomes.append(outcome)
        }
        return outcomes
    }
}
