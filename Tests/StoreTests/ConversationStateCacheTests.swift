import Foundation
import GRDB
import Store
import Testing
import TestSupport

/// Conversation states are read back from memory when this store committed them, and from the
/// database whenever that memory could be wrong.
@Suite struct ConversationStateCacheTests {
    let now = Date(timeIntervalSince1970: 1_790_000_000)
    struct Failure: Error {}

    func save(_ state: String, in store: Store) throws {
        try store.write { tx in try tx.saveConversationState(state, conversationID: "c", userID: "u", at: now) }
    }

    func state(in store: Store) throws -> String? {
        try store.write { tx in try tx.conversationState("c") }
    }

    @Test func anotherConnectionsWriteIsSeen() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let mine = try Store(path: dir.path("db.sqlite"))
        try save("a", in: mine)
        #expect(try state(in: mine) == "a")
        let other = try Store(path: dir.path("db.sqlite"))
        try save("b", in: other)
        #expect(try state(in: mine) == "b")
    }

    @Test func aRolledBackTransactionLeavesTheCommittedState() throws {
        let store = try Store.inMemory()
        try save("a", in: store)
        #expect(throws: Failure.self) {
            try store.write { tx in
                try tx.saveConversationState("b", conversationID: "c", userID: "u", at: now)
                throw Failure()
            }
        }
        #expect(try state(in: store) == "a")
    }

    @Test func aRolledBackSavepointLeavesTheStateBeforeIt() throws {
        let store = try Store.inMemory()
        try save("a", in: store)
        let seen = try store.write { tx in
            try tx.saveConversationState("b", conversationID: "c", userID: "u", at: now)
            _ = try? tx.savepoint {
                try tx.saveConversationState("c", conversationID: "c", userID: "u", at: now)
                throw Failure()
            }
            return try tx.conversationState("c")
        }
        #expect(seen == "b")
        #expect(try state(in: store) == "b")
        #expect(try store.read { try $0.conversationState("c") } == "b")
    }
}
