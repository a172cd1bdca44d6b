public import Office

/// Whether an acknowledged message was processed now or had been processed before.
public enum GatewayAckStatus: String, Sendable, Hashable {
    case accepted
    case duplicate
}

/// One output line of the gateway protocol (`shangliang-jsonl/1`).
public enum GatewayOutputLine: Sendable, Hashable {
    /// The first line, before any input is read.
    case ready(rulesHash: String)
    /// The message is committed (`accepted`), or was committed before (`duplicate`).
    case ack(id: String, status: GatewayAckStatus, seq: Int64)
    /// One reply to the person who wrote; `isReplay` for the stored replies of a duplicate.
    case reply(GatewayReplyLine)
    /// All replies to message `inReplyTo` have been written.
    case done(inReplyTo: String, replies: Int)
    /// A message for someone other than the person who wrote.
    case notify(Notification)
    /// The answer to `ping`.
    case pong(id: String?)
    /// The rules were reloaded; the new hash.
    case reloaded(rulesHash: String, inReplyTo: String?)
    case error(GatewayProtocolError)
    /// The last line, before a clean exit.
    case bye

    /// The protocol name and version written on `ready`.
    public static let protocolName = "shangliang-jsonl/1"

    /// The line as compact JSON, with its terminating line feed.
    public func encoded() -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(128)
        encode(appendingTo: &bytes)
        return bytes
    }

    /// Appends the line (compact JSON and its line feed) to `bytes`.
    public func encode(appendingTo bytes: inout [UInt8]) {
        var json = GatewayJSONWriter(appendingTo: &bytes)
        switch self {
        case .ready(let rulesHash):
            json.member("type", "ready")
            json.member("protocol", Self.protocolName)
            json.member("rules", rulesHash)
        case .ack(let id, let status, let seq):
            json.member("type", "ack")
            json.member("id", id)
            json.member("status", status.rawValue)
            json.member("seq", seq)
        case .reply(let reply):
            json.member("type", "reply")
            json.member("id", reply.id)
            json.member("in_reply_to", reply.inReplyTo)
            json.member("conversation", reply.conversation)
            json.member("user", reply.user)
            json.member("text", reply.text)
            json.member("seq", reply.seq)
            if let meta = reply.meta { json.member("meta", rawJSON: meta) }
            if reply.isReplay { json.member("replay", true) }
        case .done(let inReplyTo, let replies):
            json.member("type", "done")
            json.member("in_reply_to", inReplyTo)
            json.member("replies", Int64(replies))
        case .notify(let notification):
            json.member("type", "notify")
            json.member("id", notification.id)
            var to = GatewayJSONWriter(reservingCapacity: 32)
            to.member("user", notification.recipientUserID)
            json.member("to", object: to)
            json.member("text", notification.text)
            json.member("seq", notification.seq)
        case .pong(let id):
            json.member("type", "pong")
            if let id { json.member("in_reply_to", id) }
        case .reloaded(let rulesHash, let inReplyTo):
            json.member("type", "reloaded")
            json.member("rules", rulesHash)
            if let inReplyTo { json.member("in_reply_to", inReplyTo) }
        case .error(let error):
            json.member("type", "error")
            json.member("in_reply_to", error.inReplyTo)
            json.member("line", error.line)
            json.member("code", error.code.rawValue)
            json.member("message", error.message)
            json.member("retryable", error.isRetryable)
        case .bye:
            json.member("type", "bye")
        }
        json.appendLine(to: &bytes)
    }
}

/// The fields of a `reply` output line.
public struct GatewayReplyLine: Sendable, Hashable {
    /// `<message id>#<n>`.
    public var id: String
    public var inReplyTo: String
    public var conversation: String
    /// The user id of the person who wrote.
    public var user: String
    public var text: String
    public var seq: Int64
    /// Compact JSON text of the message's `meta`, echoed; nil when the message had none.
    public var meta: String?
    /// True when this reply was stored earlier and is sent again for a duplicate message.
    public var isReplay: Bool

    public init(id: String, inReplyTo: String, conversation: String, user: String, text: String, seq: Int64, meta: String?, isReplay: Bool) {
        self.id = id
        self.inReplyTo = inReplyTo
        self.conversation = conversation
        self.user = user
        self.text = text
        self.seq = seq
        self.meta = meta
        self.isReplay = isReplay
    }
}
