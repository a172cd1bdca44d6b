public import Rules

/// Where a case goes and why (`Router.route`). Explainable: `reason` is shown by `case show`.
public struct RoutingDecision: Sendable, Hashable {
    /// The owner role (`steward`, `property`, ...).
    public var role: OwnerRole
    /// The person (chat user id) behind the role for this place; nil when unknown.
    public var personUserID: String?
    /// People told about the case without owning it (never the owner).
    public var informedUserIDs: [String]
    /// Why it went there, in Chinese: category, rule, place and person.
    public var reason: String
    /// True when a person must decide where it goes: no place known, unknown building, nobody
    /// behind the role, or a category without a route.
    public var needsTriage: Bool
    /// Who decides (the triage role's people) when `needsTriage`; empty otherwise.
    public var triageUserIDs: [String]
    /// The urgency the time limits use: the more demanding of the draft's and the route's.
    public var urgency: Urgency
    /// True when the category or sub-topic always needs a 商量会议.
    public var needsMeeting: Bool

    public init(
        role: OwnerRole, personUserID: String?, informedUserIDs: [String] = [], reason: String, needsTriage: Bool = false,
        triageUserIDs: [String] = [], urgency: Urgency = .general, needsMeeting: Bool = false
    ) {
        self.role = role
        self.personUserID = personUserID
        self.informedUserIDs = informedUserIDs
        self.reason = reason
        self.needsTriage = needsTriage
        self.triageUserIDs = triageUserIDs
        self.urgency = urgency
        self.needsMeeting = needsMeeting
    }
}
