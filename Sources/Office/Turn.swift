public import Foundation

// The contract between Office (one turn: understand -> converse -> casework -> commit) and the
// channels (terminal, JSON Lines gateway). Add fields freely; keep these.

/// One message from a person, as a channel received it.
public struct Inbound: Sendable, Hashable {
    /// The gateway's stable id for this message: the dedupe key. nil in terminal mode (one is assigned).
    public var messageID: String?
    /// Defaults to `userID`.
    public var conversationID: String
    public var userID: String
    public var userName: String?
    public var text: String
    /// When the person sent it, if the channel says.
    public var sentAt: Date?
    /// "terminal", "wecom", "wechat", ...
    public var channel: String?
    /// Opaque JSON text the gateway wants echoed back on every reply (stored with the message).
    public var meta: String?

    public init(
        messageID: String? = nil, conversationID: String? = nil, userID: String, userName: String? = nil,
        text: String, sentAt: Date? = nil, channel: String? = nil, meta: String? = nil
    ) {
        self.messageID = messageID
        self.conversationID = conversationID ?? userID
        self.userID = userID
        self.userName = userName
        self.text = text
        self.sentAt = sentAt
        self.channel = channel
        self.meta = meta
    }
}

/// One reply to the person who wrote, already committed.
public struct Reply: Sendable, Hashable {
    /// `<messageID>#<n>`, n from 1.
    public var id: String
    /// Persisted, strictly increasing across restarts, shared with acks and notifications.
    public var seq: Int64
    public var text: String

    public init(id: String, seq: Int64, text: String) {
        self.id = id
        self.seq = seq
        self.text = text
    }
}

/// A message for someone other than the person who wrote (an owner, the secretary, a co-signer),
/// taken from the outbox.
public struct Notification: Sendable, Hashable {
    /// `n:<outbox id>`.
    public var id: String
    public var recipientUserID: String
    public var text: String
    public var seq: Int64

    public init(id: String, recipientUserID: String, text: String, seq: Int64) {
        self.id = id
        self.recipientUserID = recipientUserID
        self.text = text
        self.seq = seq
    }
}

/// What one inbound message came to, after its transaction committed.
public struct TurnOutcome: Sendable, Hashable {
    public var inbound: Inbound
    /// The message id actually stored (the gateway's, or the one assigned).
    public var messageID: String
    /// Seq of the stored inbound message (the ack's seq).
    public var seq: Int64
    /// True when this message id had been processed before: nothing was done again, and
    /// `replies` are the stored ones.
    public var isDuplicate: Bool
    public var replies: [Reply]
    /// Notifications this turn put in the outbox.
    public var notifications: [Notification]

    public init(inbound: Inbound, messageID: String, seq: Int64, isDuplicate: Bool, replies: [Reply], notifications: [Notification]) {
        self.inbound = inbound
        self.messageID = messageID
        self.seq = seq
        self.isDuplicate = isDuplicate
        self.replies = replies
        self.notifications = notifications
    }
}

/// What every channel drives. Implemented by `Office`.
public protocol TurnHandling: Sendable {
    /// Processes a batch of messages in one transaction (group commit) and returns one outcome
    /// per message, in input order. Messages of one conversation are handled in input order.
    /// A message whose id was processed before is not processed again.
    func handle(_ batch: [Inbound]) throws -> [TurnOutcome]

    /// Outbox notifications not yet marked delivered (for `userID`, or for everyone when nil).
    func pendingNotifications(for userID: String?) throws -> [Notification]

    /// Marks notifications as delivered so they are not sent again.
    func markDelivered(_ notificationIDs: [String]) throws

    /// Runs due escalations and reminders (time limits) as of the handler's clock.
    func tick() throws -> [Notification]

    /// Recompiles the rules from disk; swaps them in only if all is valid. Returns the new hash.
    func reloadRules() throws -> String

    /// `sha256:<hex>` of the rule files in use.
    var rulesHash: String { get }
}
