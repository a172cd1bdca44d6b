public import Casework
import Rules

/// A request being put together during 问诉求.
public struct Draft: Sendable, Hashable, Codable {
    public var categoryID: String
    public var subtopicID: String?
    public var place: CasePlace
    /// The resident's first message, normalised (Simplified Chinese).
    public var opening: String
    /// What exactly, when the opening did not say enough or the resident added to it.
    public var detail: String?
    public var since: String?
    public var households: String?
    public var urgency: Urgency
    /// The question waiting for an answer.
    public var pending: Ask?
    /// How many times each question was asked (at most three: once, then re-asked twice).
    public var attempts: [String: Int]
    /// Questions given up on: the case is filed with what is known.
    public var skipped: [Ask]
    /// While choosing between two categories: the sub-topic each one matched.
    public var candidateSubtopics: [String: String]?

    /// Starts a draft.
    public init(
        categoryID: String, subtopicID: String? = nil, place: CasePlace = CasePlace(), opening: String,
        detail: String? = nil, since: String? = nil, households: String? = nil, urgency: Urgency = .general
    ) {
        self.categoryID = categoryID
        self.subtopicID = subtopicID
        self.place = place
        self.opening = opening
        self.detail = detail
        self.since = since
        self.households = households
        self.urgency = urgency
        self.pending = nil
        self.attempts = [:]
        self.skipped = []
    }

    /// Whether the draft already answers `ask`.
    public func knows(_ ask: Ask) -> Bool {
        switch ask {
        case .place:
            place.building != nil || place.area != nil || place.room != nil || place.spot.map(AnswerScanner.isLandmark) == true
        case .detail: detail != nil
        case .since: since != nil
        case .households: households != nil
        }
    }

    /// The description: what the resident added, else the opening message.
    public var description: String { detail ?? opening }

    /// The case draft to file.
    public func caseDraft(summary: String, proposal: String? = nil) -> CaseDraft {
        CaseDraft(
            categoryID: categoryID, subtopicID: subtopicID, place: place, summary: summary,
            detail: detail ?? opening, since: since, households: households, proposal: proposal, urgency: urgency)
    }
}
