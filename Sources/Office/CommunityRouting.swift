public import Casework
public import Foundation
public import Rules

/// Casework plugged into the office (issue 4): routing by the routing table and the community
/// directory, the case lifecycle for every transition, the staff desk and the clock's work.
/// Built by `RuleBook.standard` from `community.yaml` and `routing.yaml`.
public struct CommunityRouting: CaseRouting {
    /// The staff desk; it holds the directory, the router and the lifecycle.
    public var desk: CaseDesk
    /// Category ids in the rule set's order (for the monthly figures).
    public var categoryOrder: [String]

    /// Creates the routing over a directory and a routing table.
    /// - Parameters:
    ///   - categoryTitles: category id -> Chinese title, for reasons, lists and reports.
    ///   - timeZone: how times are written and which year numbers a case (Beijing time).
    public init(
        directory: CommunityDirectory, table: RoutingTable, categoryTitles: [String: String] = [:], categoryOrder: [String] = [],
        timeZone: TimeZone = TimeZone(identifier: "Asia/Shanghai")!
    ) {
        desk = CaseDesk(directory: directory, table: table, categoryTitles: categoryTitles, timeZone: timeZone)
        self.categoryOrder = categoryOrder
    }

    public var directory: CommunityDirectory { desk.directory }
    public var lifecycle: Lifecycle { desk.lifecycle }
    public var router: Router { desk.router }
    public var table: RoutingTable { desk.lifecycle.table }
    public var timeZone: TimeZone { desk.lifecycle.timeZone }

    public func route(_ record: CaseRecord, now: Date) -> CaseRecord {
        dispatch(record, now: now)?.record ?? record
    }

    public func dispatch(_ record: CaseRecord, now: Date) -> LifecycleOutcome? {
        try? lifecycle.apply(.dispatch(router.route(record.draft)), to: record, by: .system, at: now)
    }

    public func apply(_ action: CaseAction, to record: CaseRecord, by userID: String, now: Date) throws -> LifecycleOutcome? {
        try lifecycle.apply(action, to: record, by: CaseActor(userID: userID, directory: directory), at: now)
    }

    public func emergencyRecipients(for place: CasePlace) -> [String] {
        router.emergencyRecipients(for: place)
    }

    public func handoffRecipients(for userID: String, reason: String) -> [String] {
        router.handoffRecipients(reason: reason)
    }
}
