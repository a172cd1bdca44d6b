public import Casework
public import Foundation
public import Rules
import Conversation

/// Casework plugged into the office (issue 4): routing by the routing table and the community
/// directory, the case lifecycle for every transition, the staff desk and the clock's work.
/// Built by `RuleBook.standard` from `community.yaml` and `routing.yaml`.
public struct CommunityRouting: CaseRouting {
    /// The staff desk; it holds the directory, the router and the lifecycle.
    public var desk: CaseDesk
    /// Category ids in the rule set's order (for the monthly figures).
    public var categoryOrder: [String]
    /// Categories whose cases need a place: filed with none known, they go to the routed role
    /// and are flagged for triage (someone confirms where).
    public var placeCategoryIDs: Set<String>

    /// Creates the routing over a directory and a routing table.
    /// - Parameters:
    ///   - categoryTitles: category id -> Chinese title, for reasons, lists and reports.
    ///   - timeZone: how times are written and which year numbers a case (Beijing time).
    public init(
        directory: CommunityDirectory, table: RoutingTable, categoryTitles: [String: String] = [:], categoryOrder: [String] = [],
        placeCategoryIDs: Set<String> = [], timeZone: TimeZone = TimeZone(identifier: "Asia/Shanghai")!
    ) {
        desk = CaseDesk(directory: directory, table: table, categoryTitles: categoryTitles, timeZone: timeZone)
        self.categoryOrder = categoryOrder
        self.placeCategoryIDs = placeCategoryIDs
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
        try? lifecycle.apply(.dispatch(decision(for: record.draft)), to: record, by: .system, at: now)
    }

    /// The router's decision, flagged for triage when the category needs a place and none is known.
    public func decision(for draft: CaseDraft) -> RoutingDecision {
        var decision = router.route(draft)
        let place = draft.place
        let placeKnown = place.building != nil || place.area != nil || place.spot.map(AnswerScanner.isLandmark) == true
        if !decision.needsTriage && !placeKnown && placeCategoryIDs.contains(draft.categoryID) {
            decision.needsTriage = true
            decision.triageUserIDs = directory.people(in: table.triageRole).map(\.userID).filter { $0 != decision.personUserID }
            decision.reason += "；没有说明具体地点，需人工确认"
        }
        return decision
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
