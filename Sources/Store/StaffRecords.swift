public import Casework
public import Foundation

/// A resident's request for a person (转人工), waiting for staff.
public struct HandoffRecord: Sendable, Hashable {
    public var id: Int64
    public var userID: String
    public var conversationID: String
    public var messageSeq: Int64?
    /// `asked`, `secretary`, `not-understood`.
    public var reason: String
    public var createdAt: Date
    public var answeredAt: Date?
    public var answeredBy: String?
    /// What staff wrote back to the resident, if anything.
    public var answer: String?

    /// Creates a record (id 0 until stored).
    public init(
        id: Int64 = 0, userID: String, conversationID: String, messageSeq: Int64?, reason: String, createdAt: Date,
        answeredAt: Date? = nil, answeredBy: String? = nil, answer: String? = nil
    ) {
        self.id = id
        self.userID = userID
        self.conversationID = conversationID
        self.messageSeq = messageSeq
        self.reason = reason
        self.createdAt = createdAt
        self.answeredAt = answeredAt
        self.answeredBy = answeredBy
        self.answer = answer
    }
}

/// An emergency (priority 0) or a non-discussable request, recorded for staff.
public struct IncidentRecord: Sendable, Hashable {
    public var id: Int64
    /// `emergency` or `non-discussable`.
    public var kind: String
    public var categoryID: String
    public var subtopicID: String?
    /// 0 is the top priority.
    public var priority: Int
    public var userID: String
    public var conversationID: String
    public var messageSeq: Int64?
    public var place: CasePlace
    /// The number the resident was told to call.
    public var number: String?
    public var createdAt: Date
    public var handledAt: Date?
    /// The member of staff who handled it, and their note.
    public var handledBy: String?
    public var handledNote: String?

    /// Creates a record (id 0 until stored).
    public init(
        id: Int64 = 0, kind: String, categoryID: String, subtopicID: String? = nil, priority: Int, userID: String,
        conversationID: String, messageSeq: Int64?, place: CasePlace = CasePlace(), number: String? = nil, createdAt: Date,
        handledAt: Date? = nil, handledBy: String? = nil, handledNote: String? = nil
    ) {
        self.id = id
        self.kind = kind
        self.categoryID = categoryID
        self.subtopicID = subtopicID
        self.priority = priority
        self.userID = userID
        self.conversationID = conversationID
        self.messageSeq = messageSeq
        self.place = place
        self.number = number
        self.createdAt = createdAt
        self.handledAt = handledAt
        self.handledBy = handledBy
        self.handledNote = handledNote
    }
}
