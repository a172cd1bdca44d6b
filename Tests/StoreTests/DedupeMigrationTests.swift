import Foundation
import GRDB
@testable import Store
import Testing

/// The migration that folds dedupe keys into `messages`, on databases written before it.
@Suite struct DedupeMigrationTests {
    func oldDatabase(inbound ids: [String]) throws -> DatabaseQueue {
        let queue = try DatabaseQueue()
        try Schema.migrator.migrate(queue, upTo: "v2-case-lifecycle")
        try queue.write { db in
            for (index, id) in ids.enumerated() {
                try db.execute(sql: """
                    INSERT INTO messages (seq, id, conversation_id, user_id, direction, text, at) VALUES (?, ?, 'c', 'u', 'in', '你好', '2026-11-01 08:00:00.000');
                    INSERT INTO messages (seq, id, conversation_id, user_id, direction, text, at, in_reply_to) VALUES (?, ?, 'c', 'u', 'out', '您好', '2026-11-01 08:00:00.000', ?);
                    """, arguments: [2 * index + 1, id, 2 * index + 2, "\(id)#1", id])
            }
        }
        return queue
    }

    @Test func keysOfOldMessagesStillDeduplicate() throws {
        let store = try Store(try oldDatabase(inbound: ["wx:1", "wx:2"]))
        let (seq, replies) = try store.read { tx in (try tx.processedSeq(messageID: "wx:2"), try tx.replies(to: "wx:2")) }
        #expect(seq == 3)
        #expect(replies.map(\.id) == ["wx:2#1"])
    }

    @Test func anIDProcessedTwiceBeforeTheMigrationDoesNotStopIt() throws {
        // Possible when an old key had been pruned and the id came again.
        let store = try Store(try oldDatabase(inbound: ["wx:1", "wx:1"]))
        #expect(try store.read { try $0.processedSeq(messageID: "wx:1") } == 3)
    }
}
