public import Foundation
public import Rules

/// Time limits of a case (接单时限, 办结时限) from its urgency, category and sub-topic, after the
/// routing table (Beijing 12345 practice by default).
public struct Deadlines: Sendable {
    public var table: RoutingTable

    public init(table: RoutingTable) { self.table = table }

    /// The limits that apply to a draft at a given urgency.
    public func limits(for draft: CaseDraft, urgency: Urgency) -> TimeLimits {
        table.limits(for: urgency.routing, category: draft.categoryID, subtopic: draft.subtopicID)
    }

    /// When a case dispatched at `start` must be accepted.
    public func acceptBy(_ draft: CaseDraft, urgency: Urgency, from start: Date) -> Date {
        start.addingTimeInterval(limits(for: draft, urgency: urgency).accept)
    }

    /// When a case dispatched at `start` must be resolved.
    public func resolveBy(_ draft: CaseDraft, urgency: Urgency, from start: Date) -> Date {
        start.addingTimeInterval(limits(for: draft, urgency: urgency).resolve)
    }

    /// Sets `acceptBy` and `resolveBy` of a record, counted from `start`, for its effective
    /// urgency (or the draft's).
    public func apply(to record: inout CaseRecord, from start: Date) {
        let urgency = record.effectiveUrgency ?? record.draft.urgency
        record.acceptBy = acceptBy(record.draft, urgency: urgency, from: start)
        record.resolveBy = resolveBy(record.draft, urgency: urgency, from: start)
    }

    /// "2小时", "7天", "1天12小时", "30分钟": a limit as staff and residents read it.
    public static func describe(_ interval: TimeInterval) -> String {
        let minutes = Int((interval / 60).rounded())
        let days = minutes / 1440, hours = (minutes % 1440) / 60, mins = minutes % 60
        var out = ""
        if days > 0 { out += "\(days)天" }
        if hours > 0 { out += "\(hours)小时" }
        if mins > 0 { out += "\(mins)分钟" }
        return out.isEmpty ? "0分钟" : out
    }
}
