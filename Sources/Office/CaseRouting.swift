public import Casework
public import Conversation
public import Foundation
import Rules

/// The seam where casework plugs in routing (issue 4): who a new case goes to, its time limits,
/// and who hears of emergencies and handoffs. Office calls it inside the turn's transaction.
public protocol CaseRouting: Sendable {
    /// Routes a newly filed case: sets owner role / person, informed people, time limits,
    /// `needsTriage`, `routingReason`, and the state (`dispatched` when it has an owner).
    /// - Parameters:
    ///   - record: the case as filed (state `new`, no owner).
    ///   - now: the injected clock.
    func route(_ record: CaseRecord, now: Date) -> CaseRecord

    /// User ids to alert at once about an emergency at `place` (the grid worker ...).
    func emergencyRecipients(for place: CasePlace) -> [String]

    /// User ids to tell about a 转人工 request (`reason`: asked / secretary / not-understood).
    func handoffRecipients(for userID: String, reason: String) -> [String]

    /// Dispatches a newly filed case through the case lifecycle (issue 4): the routed record, its
    /// `dispatched` (or `referred`) event and the notices for the owner, the informed people and
    /// the triage role. nil (the default): Office uses `route(_:now:)` and its own notices.
    /// - Parameters:
    ///   - record: the case as filed (state `new`, already stored with its `filed` event).
    ///   - now: the injected clock.
    func dispatch(_ record: CaseRecord, now: Date) -> LifecycleOutcome?

    /// Applies a resident's action (附议, 撤销, 评价) through the case lifecycle. nil (the
    /// default): Office changes the record itself.
    /// - Throws: `CaseworkError` when the lifecycle refuses.
    func apply(_ action: CaseAction, to record: CaseRecord, by userID: String, now: Date) throws -> LifecycleOutcome?
}

extension CaseRouting {
    public func emergencyRecipients(for place: CasePlace) -> [String] { [] }
    public func handoffRecipients(for userID: String, reason: String) -> [String] { [] }
    public func dispatch(_ record: CaseRecord, now: Date) -> LifecycleOutcome? { nil }
    public func apply(_ action: CaseAction, to record: CaseRecord, by userID: String, now: Date) throws -> LifecycleOutcome? { nil }
}

/// Until the community directory and routing tables exist: the category's (or sub-topic's)
/// first default owner role, no person, and time limits by urgency after Beijing 12345's practice.
public struct DefaultCaseRouting: CaseRouting {
    public var catalog: DialogueCatalog

    /// Creates the default routing over a catalog.
    public init(catalog: DialogueCatalog) { self.catalog = catalog }

    /// Response and resolution limits, in hours, by urgency.
    public static func limits(for urgency: Urgency) -> (accept: Double, resolve: Double) {
        switch urgency {
        case .urgent: (2, 24)
        case .general: (24, 7 * 24)
        case .complex: (24, 15 * 24)
        }
    }

    public func route(_ record: CaseRecord, now: Date) -> CaseRecord {
        var routed = record
        let owners = catalog.owners(categoryID: record.draft.categoryID, subtopicID: record.draft.subtopicID)
        routed.ownerRole = owners.first
        routed.routingReason = owners.first.map { "类别默认负责方：\($0.title)" } ?? "类别未指定负责方"
        // A place is needed to route by when the category asks for one.
        let place = record.draft.place
        let asksPlace = catalog[record.draft.categoryID]?.asks.contains(.place) ?? true
        let placeKnown = place.building != nil || place.area != nil || place.spot.map(AnswerScanner.isLandmark) == true
        routed.needsTriage = asksPlace && !placeKnown
        let limits = Self.limits(for: record.draft.urgency)
        routed.acceptBy = record.filedAt.addingTimeInterval(limits.accept * 3600)
        routed.resolveBy = record.filedAt.addingTimeInterval(limits.resolve * 3600)
        if routed.ownerRole != nil { routed.state = .dispatched }
        return routed
    }
}
