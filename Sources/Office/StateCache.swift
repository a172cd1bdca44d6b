import Conversation
import Synchronization

/// Decoded dialogue states by conversation, keyed by the exact JSON they were decoded from, so
/// that a busy gateway does not decode (or re-encode) the same state on every message. Always
/// checked against the stored JSON: a rolled-back transaction can only cause a miss.
final class StateCache: Sendable {
    private struct Entry {
        var json: String
        var state: DialogueState
        /// `state.jsonBody()` when this office encoded it (nil when read from the database).
        var body: [UInt8]?
    }

    private let entries = Mutex<[String: Entry]>([:])
    /// Beyond this many conversations the cache starts over (bounded memory).
    let capacity: Int

    init(capacity: Int = 20_000) { self.capacity = capacity }

    /// The state decoded from `json` for this conversation, if cached.
    func state(for conversationID: String, json: String) -> DialogueState? {
        entries.withLock { entries in
            guard let entry = entries[conversationID], entry.json == json else { return nil }
            return entry.state
        }
    }

    /// The JSON last stored for an equal state of this conversation, if any.
    func json(for conversationID: String, state: DialogueState) -> String? {
        switch reusable(for: conversationID, state: state) {
        case .json(let json): json
        default: nil
        }
    }

    /// What an earlier encoding of this conversation's state offers for `state`.
    enum Reusable {
        /// The state is equal: its JSON.
        case json(String)
        /// The state differs only in `updatedAt`: the JSON body encoded before.
        case body([UInt8])
        case nothing
    }

    /// The JSON (or JSON body) last stored for this conversation, if it fits `state`.
    func reusable(for conversationID: String, state: DialogueState) -> Reusable {
        entries.withLock { entries in
            guard let entry = entries[conversationID] else { return .nothing }
            if entry.state == state { return .json(entry.json) }
            guard let body = entry.body, entry.state.updatedAt != state.updatedAt else { return .nothing }
            var earlier = entry.state
            earlier.updatedAt = state.updatedAt
            return earlier == state ? .body(body) : .nothing
        }
    }

    /// Remembers the state stored as `json` (and its JSON body when encoded here).
    func remember(_ state: DialogueState, json: String, body: [UInt8]? = nil, for conversationID: String) {
        entries.withLock { entries in
            if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
            entries[conversationID] = Entry(json: json, state: state, body: body)
        }
    }
}
