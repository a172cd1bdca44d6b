public import Foundation

/// A notification waiting in (or delivered from) the outbox.
public struct OutboxEntry: Sendable, Hashable {
    public var id: Int64
    public var recipient: String
    public var text: String
    public var seq: Int64
    /// What it is about: `new-case`, `emergency`, `handoff`, `escalation` ... (free text).
    public var kind: String?
    public var caseNumber: String?
    public var createdAt: Date
    public var deliveredAt: Date?

    /// Creates an entry.
    public init(id: Int64, recipient: String, text: String, seq: Int64, kind: String? = nil, caseNumber: String? = nil, createdAt: Date, deliveredAt: Date? = nil) {
        self.id = id
        self.recipient = recipient
        self.text = text
        self.seq = seq
        self.kind = kind
        self.caseNumber = caseNumber
        self.createdAt = createdAt
        self.deliveredAt = deliveredAt
    }
}
