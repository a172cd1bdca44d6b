public import Foundation
public import Rules

// The contract for cases (诉求单), shared by Conversation/Office (filing, co-signing), Store
// (persisting) and the lifecycle/routing code. Add fields freely; keep these.

/// Where a case is in its life (派单-接单-办结-评价).
public enum CaseState: String, Sendable, Hashable, Codable, CaseIterable {
    case new
    case dispatched
    case accepted
    case resolved
    case closed
    case reopened
    case cancelled
    case inMeeting = "in-meeting"
    case referred

    /// Open cases can still be co-signed and still count against time limits.
    public var isOpen: Bool {
        switch self {
        case .closed, .cancelled, .referred: false
        default: true
        }
    }

    /// The Chinese word shown to residents and staff.
    public var title: String {
        switch self {
        case .new: "已登记"
        case .dispatched: "已派单"
        case .accepted: "已接单"
        case .resolved: "已办结待评价"
        case .closed: "已办结"
        case .reopened: "已重新办理"
        case .cancelled: "已撤销"
        case .inMeeting: "商量会议中"
        case .referred: "已转办"
        }
    }
}

/// How fast a case must be handled; each has its own time limits.
public enum Urgency: String, Sendable, Hashable, Codable, CaseIterable {
    case urgent, general, complex
}

/// A resident's verdict (评效果).
public enum Rating: String, Sendable, Hashable, Codable, CaseIterable {
    case satisfied = "满意"
    case basicallySatisfied = "基本满意"
    case unsatisfied = "不满意"
}

/// The place a case is about, as digits (see Understanding.Place; duplicated here so that
/// Casework does not depend on Understanding).
public struct CasePlace: Sendable, Hashable, Codable {
    public var area: String?
    public var building: Int?
    public var unit: Int?
    public var room: String?
    /// Free words: 楼道, 电梯, 东门车库 ...
    public var spot: String?

    public init(area: String? = nil, building: Int? = nil, unit: Int? = nil, room: String? = nil, spot: String? = nil) {
        self.area = area
        self.building = building
        self.unit = unit
        self.room = room
        self.spot = spot
    }
}

/// What the dialogue collected before filing.
public struct CaseDraft: Sendable, Hashable, Codable {
    public var categoryID: String
    public var subtopicID: String?
    public var place: CasePlace
    /// One-line summary read back to the resident and shown to staff.
    public var summary: String
    public var detail: String?
    public var since: String?
    public var households: String?
    /// 提方案: what the resident proposes (optional).
    public var proposal: String?
    public var urgency: Urgency

    public init(
        categoryID: String, subtopicID: String? = nil, place: CasePlace = CasePlace(), summary: String,
        detail: String? = nil, since: String? = nil, households: String? = nil, proposal: String? = nil,
        urgency: Urgency = .general
    ) {
        self.categoryID = categoryID
        self.subtopicID = subtopicID
        self.place = place
        self.summary = summary
        self.detail = detail
        self.since = since
        self.households = households
        self.proposal = proposal
        self.urgency = urgency
    }
}

/// A filed case.
public struct CaseRecord: Sendable, Hashable, Codable {
    /// Short number residents type: `2026-0012` (year, then a per-year counter).
    public var number: String
    public var draft: CaseDraft
    public var state: CaseState
    public var filedBy: String
    public var filedAt: Date
    /// The role the case is routed to, and the person (user id from the directory), if known.
    public var ownerRole: OwnerRole?
    public var ownerUserID: String?
    /// 首问负责: the person who first took the case; stays its follower.
    public var followerUserID: String?
    /// Roles or people informed without owning it (e.g. the steward of a leaking roof's building).
    public var informedUserIDs: [String]
    /// Why it went where it went (shown by `case show`).
    public var routingReason: String?
    /// Needs a person to decide where it goes (no place known, etc.).
    public var needsTriage: Bool
    public var cosigners: [String]
    public var acceptBy: Date?
    public var resolveBy: Date?
    public var isOverdue: Bool
    public var rating: Rating?
    public var ratingComment: String?
    /// A case reopened after 30 days is filed anew and points back here.
    public var relatedCaseNumber: String?

    // Lifecycle timestamps, kept by `Lifecycle` (default nil; not in the init, so that adding
    // them changes no caller).
    /// When it was last dispatched (the time limits count from here).
    public var dispatchedAt: Date? = nil
    /// When it was first accepted (接单).
    public var acceptedAt: Date? = nil
    /// When it was last marked resolved (办结); rating reminders and the reopen window count from here.
    public var resolvedAt: Date? = nil
    /// When it was closed, cancelled or referred.
    public var closedAt: Date? = nil
    /// When the accept limit was escalated (once per dispatch).
    public var acceptEscalatedAt: Date? = nil
    /// When the resolve limit was escalated (once per dispatch).
    public var resolveEscalatedAt: Date? = nil
    /// When the resident was reminded to rate (once per resolution).
    public var ratingRemindedAt: Date? = nil
    /// The urgency the time limits were computed for (the draft's, raised by the routing table).
    public var effectiveUrgency: Urgency? = nil
    /// True when the matter needs a 商量会议 (its category always does, or enough co-signers).
    public var needsMeeting: Bool = false

    public init(
        number: String, draft: CaseDraft, state: CaseState = .new, filedBy: String, filedAt: Date,
        ownerRole: OwnerRole? = nil, ownerUserID: String? = nil, followerUserID: String? = nil,
        informedUserIDs: [String] = [], routingReason: String? = nil, needsTriage: Bool = false,
        cosigners: [String] = [], acceptBy: Date? = nil, resolveBy: Date? = nil, isOverdue: Bool = false,
        rating: Rating? = nil, ratingComment: String? = nil, relatedCaseNumber: String? = nil
    ) {
        self.number = number
        self.draft = draft
        self.state = state
        self.filedBy = filedBy
        self.filedAt = filedAt
        self.ownerRole = ownerRole
        self.ownerUserID = ownerUserID
        self.followerUserID = followerUserID
        self.informedUserIDs = informedUserIDs
        self.routingReason = routingReason
        self.needsTriage = needsTriage
        self.cosigners = cosigners
        self.acceptBy = acceptBy
        self.resolveBy = resolveBy
        self.isOverdue = isOverdue
        self.rating = rating
        self.ratingComment = ratingComment
        self.relatedCaseNumber = relatedCaseNumber
    }
}

/// One thing that happened to a case: every transition, note, co-signature, escalation.
public struct CaseEvent: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable {
        case filed, cosigned, dispatched, accepted, resolved, closed, reopened, cancelled
        case referred, reassigned, noted, escalated, rated, reminded, meetingOpened = "meeting-opened"
        case meetingConcluded = "meeting-concluded"
    }

    public var caseNumber: String
    public var kind: Kind
    /// User id of who did it; `system` for the clock (escalations, reminders).
    public var actor: String
    public var at: Date
    public var note: String?
    public var fromState: CaseState?
    public var toState: CaseState?
    /// For `rated` events: the verdict (the comment is in `note`).
    public var rating: Rating? = nil

    public init(caseNumber: String, kind: Kind, actor: String, at: Date, note: String? = nil, fromState: CaseState? = nil, toState: CaseState? = nil) {
        self.caseNumber = caseNumber
        self.kind = kind
        self.actor = actor
        self.at = at
        self.note = note
        self.fromState = fromState
        self.toState = toState
    }
}
