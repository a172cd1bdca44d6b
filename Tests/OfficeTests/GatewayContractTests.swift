import Foundation
import GRDB
import Office
import Store
import Testing
import TestSupport

/// What the JSON Lines gateway relies on from `Office.handle` (see `GatewayLoop`), checked on
/// a real database file: a batch commits whole or not at all, duplicates (also within one
/// batch and after a restart) come back with the stored seq and replies, errors do not carry
/// residents' text, notifications come oldest first, dedupe keys outlive 7 days.
@Suite struct GatewayContractTests {
    /// Fails the whole transaction (a database error, like a full disk) on `磁盘满了`; the
    /// failing statement carries the resident's text as an argument.
    struct DiskFull: TurnInterceptor {
        func intercept(_ turn: InterceptedTurn, in tx: StoreTransaction) throws -> [String]? {
            guard turn.inbound.text.hasPrefix("磁盘满了") else { return nil }
            // seq 1 exists: a UNIQUE constraint failure, a DatabaseError.
            try tx.insertMessage(StoredMessage(
                seq: 1, id: "x", conversationID: "x", userID: "x", direction: .inbound, text: turn.inbound.text, at: turn.now))
            return ["unreachable"]
        }
    }

    @Test func aBatchFailingInTheDatabaseLeavesNothingBehindAndCanBeRetried() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let h = try OfficeHarness(store: Store(path: dir.path("db.sqlite")), interceptors: [DiskFull()])
        try h.say("3栋电梯坏了", user: "u0", id: "w:0")  // seq 1 and 2
        let batch = [
            Inbound(messageID: "w:1", userID: "u1", userName: "李叔", text: "3栋电梯坏了"),
            Inbound(messageID: "w:2", userID: "u1", text: "昨天"),
            Inbound(messageID: "w:3", userID: "u2", text: "磁盘满了，王阿姨家的秘密"),
        ]
        var thrown: (any Error)?
        do { _ = try h.office.handle(batch) } catch { thrown = error }
        let error = try #require(thrown)
        #expect(StoreTransaction.isDatabaseFailure(error))
        #expect(!String(describing: error).contains("秘密"))
        #expect(!String(reflecting: error).contains("秘密"))

        // Nothing of the batch was stored: messages, residents, dedupe keys, state, seq.
        let (messages, lastSeq, residents) = try h.store.read { tx in
            (try tx.allMessages(), try tx.lastSeq(), try String.fetchAll(tx.db, sql: "SELECT user_id FROM residents"))
        }
        #expect(messages.map(\.id) == ["w:0", "w:0#1"])
        #expect(lastSeq == 2)
        #expect(residents == ["u0"])

        // The loop's retry, one message at a time: the first two are processed afresh (not
        // duplicates), the conversation starts from its first question, the third fails alone.
        let first = try h.office.handle([batch[0]])[0]
        let second = try h.office.handle([batch[1]])[0]
        #expect(!first.isDuplicate && !second.isDuplicate)
        #expect(first.seq == 3)
        #expect(second.replies.first?.text.contains("多少户") == true)
        #expect(throws: (any Error).self) { try h.office.handle([batch[2]]) }
        #expect(try h.store.read { try $0.residentName(userID: "u1") } == "李叔")
    }

    @Test func theSameIDTwiceInOneBatchIsADuplicateOfTheFirst() throws {
        let h = try OfficeHarness()
        let outcomes = try h.office.handle([
            Inbound(messageID: "w:1", userID: "u1", text: "3栋电梯坏了"),
            Inbound(messageID: "w:1", userID: "u1", text: "3栋电梯坏了"),
            Inbound(messageID: "w:1", userID: "u1", text: "昨天"),  // a reused id is still the same message
        ])
        #expect(outcomes.map(\.isDuplicate) == [false, true, true])
        #expect(Set(outcomes.map(\.seq)) == [outcomes[0].seq])
        #expect(outcomes[1].replies == outcomes[0].replies)
        #expect(outcomes[2].replies == outcomes[0].replies)
        #expect(try h.store.read { try $0.allMessages() }.filter { $0.direction == .inbound }.count == 1)
    }

    @Test func aDuplicateAfterARestartReplaysTheStoredRepliesWithTheirIDsAndSeqs() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = dir.path("db.sqlite")
        let original: [TurnOutcome]
        do {
            let h = try OfficeHarness(store: Store(path: path))
            original = try h.office.handle([
                Inbound(messageID: "w:1", userID: "u1", text: "3栋电梯坏了"),
                Inbound(messageID: "w:2", userID: "u1", text: "昨天"),
                Inbound(messageID: "w:3", userID: "u1", text: "整栋楼"),
            ])
        }
        let h = try OfficeHarness(store: Store(path: path))
        let replayed = try h.office.handle([
            Inbound(messageID: "w:2", userID: "u1", text: "昨天"),
            Inbound(messageID: "w:4", userID: "u1", text: "是"),
            Inbound(messageID: "w:1", userID: "u1", text: "3栋电梯坏了"),
        ])
        #expect(replayed.map(\.isDuplicate) == [true, false, true])
        #expect(replayed[0].seq == original[1].seq)
        #expect(replayed[0].replies == original[1].replies)
        #expect(replayed[2].seq == original[0].seq)
        #expect(replayed[2].replies == original[0].replies)
        #expect(replayed[2].replies.map(\.id) == ["w:1#1"])
        // The new message continues the conversation, with a seq above everything before.
        #expect(replayed[1].replies.first?.text.contains("2026-0001") == true)
        let before = original.flatMap { [$0.seq] + $0.replies.map(\.seq) }.max() ?? 0
        #expect(replayed[1].seq > before)
    }

    @Test func pendingNotificationsComeOldestFirstAndOnlyUntilDelivered() throws {
        let h = try OfficeHarness()
        let now = h.clock.now
        try h.store.write { tx in
            for (index, recipient) in ["staff:b", "staff:a", "staff:b", "staff:c"].enumerated() {
                try tx.enqueue(recipient: recipient, text: "通知\(index)", at: now)
            }
        }
        let pending = try h.office.pendingNotifications(for: nil)
        #expect(pending.map(\.text) == ["通知0", "通知1", "通知2", "通知3"])
        #expect(pending.map(\.seq) == pending.map(\.seq).sorted())
        try h.office.markDelivered([pending[1].id, "n:999", "bogus"])
        #expect(try h.office.pendingNotifications(for: nil).map(\.text) == ["通知0", "通知2", "通知3"])
        #expect(try h.office.pendingNotifications(for: "staff:b").map(\.text) == ["通知0", "通知2"])
    }

    @Test func dedupeKeysOutliveSevenDaysOfTicks() throws {
        let h = try OfficeHarness()
        let first = try h.say("3栋电梯坏了", id: "w:1")
        h.clock.advance(by: 7 * 24 * 3600 + 60)
        _ = try h.office.tick()
        let again = try h.say("3栋电梯坏了", id: "w:1")
        #expect(again.isDuplicate)
        #expect(again.replies == first.replies)
        // The keys are the stored inbound messages: kept as long as they are.
        h.clock.advance(by: 365 * 24 * 3600)
        _ = try h.office.tick()
        #expect(try h.say("3栋电梯坏了", id: "w:1").isDuplicate)
        #expect(try h.store.read { try Int.fetchOne($0.db, sql: "SELECT count(*) FROM processed_messages") } == 1)
    }
}
