public import Foundation
public import Rules

/// Which cases to list (`shangliang case list` filters, `我的待办`, `超时`). Every field left nil
/// matches everything.
public struct CaseFilter: Sendable, Hashable {
    /// Owned or followed (首问负责) by this user.
    public var userID: String?
    public var ownerRole: OwnerRole?
    public var states: Set<CaseState>?
    /// Only cases marked overdue or past a limit at `now`.
    public var overdueOnly: Bool
    public var categoryID: String?
    public var building: Int?
    /// Only open cases (not closed, cancelled or referred).
    public var openOnly: Bool

    public init(
        userID: String? = nil, ownerRole: OwnerRole? = nil, states: Set<CaseState>? = nil, overdueOnly: Bool = false,
        categoryID: String? = nil, building: Int? = nil, openOnly: Bool = false
    ) {
        self.userID = userID
        self.ownerRole = ownerRole
        self.states = states
        self.overdueOnly = overdueOnly
        self.categoryID = categoryID
        self.building = building
        self.openOnly = openOnly
    }

    /// True when the record passes every filter that is set.
    public func matches(_ record: CaseRecord, now: Date) -> Bool {
        if let userID, record.ownerUserID != userID, record.followerUserID != userID { return false }
        if let ownerRole, record.ownerRole != ownerRole { return false }
        if let states, !states.contains(record.state) { return false }
        if overdueOnly, !record.isPastLimit(at: now) { return false }
        if let categoryID, record.draft.categoryID != categoryID { return false }
        if let building, record.draft.place.building != building { return false }
        if openOnly, !record.state.isOpen { return false }
        return true
    }
}

extension CaseRecord {
    /// Marked overdue, or still open and past its accept or resolve limit at `now` (before the
    /// clock has run).
    public func isPastLimit(at now: Date) -> Bool {
        if isOverdue && state.isOpen && state != .resolved { return true }
        switch state {
        case .new, .dispatched, .reopened:
            return (acceptBy.map { now > $0 } ?? false) || (resolveBy.map { now > $0 } ?? false)
        case .accepted:
            return resolveBy.map { now > $0 } ?? false
        default:
            return false
        }
    }
}
