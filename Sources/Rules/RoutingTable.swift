public import Foundation

/// How fast a kind of case must be handled, as the routing file names it. Mirrors
/// `Casework.Urgency` (same raw values), which lives above Rules.
public enum RoutingUrgency: String, Sendable, Hashable, CaseIterable, Codable {
    case urgent, general, complex

    /// The Chinese word: 紧急 / 一般 / 复杂.
    public var title: String {
        switch self {
        case .urgent: "紧急"
        case .general: "一般"
        case .complex: "复杂"
        }
    }
}

/// Time to accept (接单) and to resolve (办结), counted from dispatch.
public struct TimeLimits: Sendable, Hashable {
    public var accept: TimeInterval
    public var resolve: TimeInterval

    public init(accept: TimeInterval, resolve: TimeInterval) {
        self.accept = accept
        self.resolve = resolve
    }

    /// Beijing 12345 practice: urgent 2 h / 24 h, general 24 h / 7 days, complex 24 h / 15 days.
    public static let defaults: [RoutingUrgency: TimeLimits] = [
        .urgent: TimeLimits(accept: 2 * 3600, resolve: 24 * 3600),
        .general: TimeLimits(accept: 24 * 3600, resolve: 7 * 86400),
        .complex: TimeLimits(accept: 24 * 3600, resolve: 15 * 86400),
    ]
}

/// A partial override of the time limits for one urgency (either part may be left out).
public struct TimeLimitsOverride: Sendable, Hashable {
    public var accept: TimeInterval?
    public var resolve: TimeInterval?

    public init(accept: TimeInterval? = nil, resolve: TimeInterval? = nil) {
        self.accept = accept
        self.resolve = resolve
    }
}

/// The routing table from `rules/routing.yaml`: category (and sub-topic) -> owner role, who
/// is informed, default urgency, time limits; rating, reopening and meeting settings.
public struct RoutingTable: Sendable, Hashable {
    /// Where one category, or one of its sub-topics, goes. In a sub-topic every field is
    /// optional and falls back to its category's.
    public struct Route: Sendable, Hashable {
        public var owner: OwnerRole?
        /// Roles told about the case without owning it (resolved by place for `steward`/`grid-worker`).
        public var informRoles: [OwnerRole]?
        /// People (person ids of the community file) always told.
        public var informPeople: [String]?
        public var urgency: RoutingUrgency?
        public var limits: [RoutingUrgency: TimeLimitsOverride]
        /// True when the matter always needs a 商量会议 (parking reallocation, lifts, the fund ...).
        public var needsMeeting: Bool?
        public var location: SourceLocation?

        public init(
            owner: OwnerRole? = nil, informRoles: [OwnerRole]? = nil, informPeople: [String]? = nil,
            urgency: RoutingUrgency? = nil, limits: [RoutingUrgency: TimeLimitsOverride] = [:], needsMeeting: Bool? = nil,
            location: SourceLocation? = nil
        ) {
            self.owner = owner
            self.informRoles = informRoles
            self.informPeople = informPeople
            self.urgency = urgency
            self.limits = limits
            self.needsMeeting = needsMeeting
            self.location = location
        }
    }

    /// One category's route and its sub-topics' routes.
    public struct CategoryRoute: Sendable, Hashable {
        public var categoryID: String
        public var route: Route
        public var subtopics: [String: Route]

        public init(categoryID: String, route: Route, subtopics: [String: Route] = [:]) {
            self.categoryID = categoryID
            self.route = route
            self.subtopics = subtopics
        }
    }

    /// A route with every fallback applied.
    public struct ResolvedRoute: Sendable, Hashable {
        public var categoryID: String
        /// The sub-topic whose route applied, if it had one.
        public var subtopicID: String?
        public var owner: OwnerRole
        public var informRoles: [OwnerRole]
        public var informPeople: [String]
        public var urgency: RoutingUrgency
        public var needsMeeting: Bool
        /// False when the category has no route: the table's fallback (triage role) was used.
        public var isKnown: Bool
    }

    public var limits: [RoutingUrgency: TimeLimits]
    /// Ask the resident again for a rating this long after resolution.
    public var ratingReminderAfter: TimeInterval
    /// Close an unrated resolved case this long after resolution.
    public var closeUnratedAfter: TimeInterval
    /// 不满意 within this long after resolution reopens the case; later it files a new one.
    public var reopenWindow: TimeInterval
    /// Who decides where an unplaceable case goes (and gets cases of unknown categories).
    public var triageRole: OwnerRole
    /// Co-signers (besides the filer) at which a case calls for a 商量会议.
    public var meetingCosignerThreshold: Int
    public var categories: [String: CategoryRoute]

    public init(
        limits: [RoutingUrgency: TimeLimits] = TimeLimits.defaults, ratingReminderAfter: TimeInterval = 48 * 3600,
        closeUnratedAfter: TimeInterval = 7 * 86400, reopenWindow: TimeInterval = 30 * 86400,
        triageRole: OwnerRole = .residentsCommittee, meetingCosignerThreshold: Int = 5,
        categories: [String: CategoryRoute] = [:]
    ) {
        self.limits = limits
        self.ratingReminderAfter = ratingReminderAfter
        self.closeUnratedAfter = closeUnratedAfter
        self.reopenWindow = reopenWindow
        self.triageRole = triageRole
        self.meetingCosignerThreshold = meetingCosignerThreshold
        self.categories = categories
    }

    /// The route for a category and sub-topic, with fallbacks: sub-topic -> category -> the
    /// triage role (for a category without a route).
    public func route(category: String, subtopic: String? = nil) -> ResolvedRoute {
        guard let entry = categories[category] else {
            return ResolvedRoute(
                categoryID: category, subtopicID: nil, owner: triageRole, informRoles: [], informPeople: [],
                urgency: .general, needsMeeting: false, isKnown: false)
        }
        let sub = subtopic.flatMap { entry.subtopics[$0] }
        return ResolvedRoute(
            categoryID: category,
            subtopicID: sub == nil ? nil : subtopic,
            owner: sub?.owner ?? entry.route.owner ?? triageRole,
            informRoles: sub?.informRoles ?? entry.route.informRoles ?? [],
            informPeople: sub?.informPeople ?? entry.route.informPeople ?? [],
            urgency: sub?.urgency ?? entry.route.urgency ?? .general,
            needsMeeting: sub?.needsMeeting ?? entry.route.needsMeeting ?? false,
            isKnown: true)
    }

    /// The time limits for a case: the table's for its urgency, overridden by its category's,
    /// then by its sub-topic's.
    public func limits(for urgency: RoutingUrgency, category: String, subtopic: String? = nil) -> TimeLimits {
        var result = limits[urgency] ?? TimeLimits.defaults[urgency]!
        let entry = categories[category]
        for override in [entry?.route.limits[urgency], subtopic.flatMap { entry?.subtopics[$0]?.limits[urgency] }] {
            if let accept = override?.accept { result.accept = accept }
            if let resolve = override?.resolve { result.resolve = resolve }
        }
        return result
    }
}
