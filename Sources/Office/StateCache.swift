import Conversation
import Synchronization

/// Decoded dialogue states by conversation, keyed by the exact JSON they were decoded from, so
/// that a busy gateway does not decode (or re-encode) the same state on every message. Always
/// checked against the stored JSON: a rolled-back transaction can only cause a miss.
final class StateCache: Sendable {
    private struct Entry {
        var json: String
        var state: DialogueState
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
        entries.withLock { entries in
            guard let entry = entries[conversationID], entry.state == state else { return nil }
            return entry.json
        }
    }

    /// Remembers the state stored as `json`.
    func remember(_ state: DialogueState, json: String, for conversationID: String) {
        entries.withLock { entries in
            if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
            entries[conversationID] = Entry(json: json, state: state)
        }
    }
}
