public import Foundation

/// One message in or out, as stored.
public struct StoredMessage: Sendable, Hashable {
    public enum Direction: String, Sendable, Hashable { case inbound = "in", outbound = "out" }

    public var seq: Int64
    /// Inbound: the gateway's message id (or the one assigned). Outbound: `<in id>#<n>`.
    public var id: String
    public var conversationID: String
    public var userID: String
    public var direction: Direction
    public var text: String
    /// When the office received or sent it (the injected clock).
    public var at: Date
    public var sentAt: Date?
    public var channel: String?
    /// Inbound: the classification's label, sub-topic, score and a short explanation.
    public var label: String?
    public var subtopic: String?
    public var score: Double?
    public var explanation: String?
    /// The gateway's opaque JSON, echoed on replies.
    public var meta: String?
    /// Outbound: the inbound message id it answers.
    public var inReplyTo: String?

    /// Creates a message record.
    public init(
        seq: Int64, id: String, conversationID: String, userID: String, direction: Direction, text: String, at: Date,
        sentAt: Date? = nil, channel: String? = nil, label: String? = nil, subtopic: String? = nil, score: Double? = nil,
        explanation: String? = nil, meta: String? = nil, inReplyTo: String? = nil
    ) {
        self.seq = seq
        self.id = id
        self.conversationID = conversationID
        self.userID = userID
        self.direction = direction
        self.text = text
        self.at = at
        self.sentAt = sentAt
        self.channel = channel
        self.label = label
        self.subtopic = subtopic
        self.score = score
        self.explanation = explanation
        self.meta = meta
        self.inReplyTo = inReplyTo
    }
}
