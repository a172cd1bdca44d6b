import Synchronization

/// The conversation states (JSON) as last committed through this store's writer, so that a turn
/// does not read its conversation's state back from the database. Valid only while no other
/// connection writes: `Store.write` checks `PRAGMA data_version` first and starts over when it
/// moved. A transaction's own writes are merged in only after it has committed.
final class ConversationStateCache: Sendable {
    private struct Contents {
        var dataVersion: Int64?
        var states: [String: String] = [:]
    }

    private let contents = Mutex(Contents())
    /// Beyond this many conversations the cache starts over (bounded memory).
    let capacity: Int

    init(capacity: Int = 50_000) { self.capacity = capacity }

    /// Forgets everything when the database was changed by another connection.
    func validate(dataVersion: Int64?) {
        contents.withLock { contents in
            if contents.dataVersion != dataVersion || dataVersion == nil {
                contents.states.removeAll()
                contents.dataVersion = dataVersion
            }
        }
    }

    /// The committed state of a conversation, if known.
    func state(of conversationID: String) -> String? {
        contents.withLock { $0.states[conversationID] }
    }

    /// Takes in the states of a committed transaction.
    func merge(_ states: [String: String]) {
        guard !states.isEmpty else { return }
        contents.withLock { contents in
            if contents.states.count + states.count > capacity { contents.states.removeAll() }
            contents.states.merge(states) { _, new in new }
        }
    }
}
