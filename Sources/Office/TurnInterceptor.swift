public import Foundation
public import Store
public import Understanding

/// The seam for casework's conversation features (staff commands such as `接单 2026-0012`,
/// ratings after a case is resolved) and its clock-driven work (escalations, reminders).
/// Interceptors run inside the turn's (or tick's) transaction, before the dialogue.
public protocol TurnInterceptor: Sendable {
    /// Answers a message itself, or returns nil to let the dialogue handle it.
    /// Notifications go through `tx.enqueue(...)`; they are returned with the turn.
    func intercept(_ turn: InterceptedTurn, in tx: StoreTransaction) throws -> [String]?

    /// Does due time-limit work as of `now` (escalations, reminders): `tx.enqueue(...)` notifies.
    func tick(now: Date, in tx: StoreTransaction) throws
}

extension TurnInterceptor {
    public func tick(now: Date, in tx: StoreTransaction) throws {}
}

/// One message as an interceptor sees it.
public struct InterceptedTurn: Sendable {
    public var inbound: Inbound
    /// The stored message id (the gateway's, or the one assigned).
    public var messageID: String
    public var classification: Classification
    public var now: Date
    /// True when the conversation is idle (no question pending): an interceptor should not
    /// take a message that answers the dialogue's question.
    public var dialogueIsIdle: Bool

    /// Creates a turn.
    public init(inbound: Inbound, messageID: String, classification: Classification, now: Date, dialogueIsIdle: Bool) {
        self.inbound = inbound
        self.messageID = messageID
        self.classification = classification
        self.now = now
        self.dialogueIsIdle = dialogueIsIdle
    }
}
