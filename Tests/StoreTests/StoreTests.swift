import Casework
import Foundation
import GRDB
import Rules
import Store
import Testing
import TestSupport

@Suite struct StoreTests {
    let now = FixedClock.date("2026-11-26T08:00:00+08:00")

    @Test func opensInWALModeAndCreatesTheDirectory() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let store = try Store(path: dir.path("var/sub/db.sqlite"))
        let mode = try store.writer.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") }
        #expect(mode == "wal")
    }

    @Test func durableCommitsSyncEveryCommit() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let normal = try Store(path: dir.path("a.sqlite"))
        let durable = try Store(path: dir.path("b.sqlite"), durableCommits: true)
        // 1 = NORMAL (GRDB's WAL default), 2 = FULL; asked on the writer connection.
        let levels = try [normal, durable].map { store in
            try store.writer.write { db in try Int.fetchOne(db, sql: "PRAGMA synchronous") }
        }
        #expect(levels == [1, 2])
        try durable.write { tx in _ = try tx.nextSeq() }
        #expect(try durable.writer.write { db in try Int.fetchOne(db, sql: "PRAGMA synchronous") } == 2)
    }

    @Test func seqIsStrictlyIncreasingAcrossReopen() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = dir.path("db.sqlite")
        var seen: [Int64] = []
        do {
            let store = try Store(path: path)
            try store.write { tx in seen += [try tx.nextSeq(), try tx.nextSeq()] }
            try store.write { tx in seen.append(try tx.enqueue(recipient: "staff", text: "x", at: now).seq) }
        }
        let reopened = try Store(path: path)
        try reopened.write { tx in seen.append(try tx.nextSeq()) }
        #expect(seen == [1, 2, 3, 4])
    }

    @Test func twoConnectionsOnOneFileShareTheSequence() throws {
        // A chat and a gateway on the same database: writes serialise, seq never repeats.
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let first = try Store(path: dir.path("db.sqlite"))
        let second = try Store(path: dir.path("db.sqlite"))
        var seen: [Int64] = []
        for round in 0..<5 {
            let store = round % 2 == 0 ? first : second
            try store.write { tx in seen += [try tx.nextSeq(), try tx.nextSeq()] }
        }
        #expect(seen == Array(1...10))
    }

    @Test func aFailedTransactionLeavesNothing() throws {
        struct Boom: Error {}
        let store = try Store.inMemory()
        #expect(throws: Boom.self) {
            try store.write { tx in
                _ = try tx.nextSeq()
                try tx.touchResident(userID: "u1", name: "张", at: now)
                throw Boom()
            }
        }
        let (seq, name) = try store.read { tx in (try tx.lastSeq(), try tx.residentName(userID: "u1")) }
        #expect(seq == 0)
        #expect(name == nil)
    }

    @Test func caseNumbersCountPerYear() throws {
        let store = try Store.inMemory()
        let numbers = try store.write { tx in
            [try tx.nextCaseNumber(year: 2026), try tx.nextCaseNumber(year: 2026), try tx.nextCaseNumber(year: 2027)]
        }
        #expect(numbers == ["2026-0001", "2026-0002", "2027-0001"])
    }

    @Test func casesRoundTripWithCosignersAndEvents() throws {
        let store = try Store.inMemory()
        let draft = CaseDraft(
            categoryID: "facilities", subtopicID: "lift", place: CasePlace(building: 3, unit: 2, spot: "电梯"),
            summary: "设施维修·电梯｜3栋2单元｜电梯坏了", detail: "电梯坏了", since: "昨天", households: "整栋", urgency: .urgent)
        let record = CaseRecord(
            number: "2026-0001", draft: draft, state: .dispatched, filedBy: "u1", filedAt: now, ownerRole: .property,
            informedUserIDs: ["steward-3"], routingReason: "默认", acceptBy: now.addingTimeInterval(7200))
        try store.write { tx in
            try tx.insertCase(record)
            #expect(try tx.addCosigner(caseNumber: "2026-0001", userID: "u2", at: now))
            #expect(try !tx.addCosigner(caseNumber: "2026-0001", userID: "u2", at: now))
        }
        let (loaded, open, mine, theirs, events) = try store.read { tx in
            (
                try tx.caseRecord(number: "2026-0001"), try tx.openCase(categoryID: "facilities", building: 3, area: nil),
                try tx.cases(involving: "u1"), try tx.cases(involving: "u2"), try tx.events(caseNumber: "2026-0001")
            )
        }
        var expected = record
        expected.cosigners = ["u2"]
        #expect(loaded == expected)
        #expect(open?.number == "2026-0001")
        #expect(mine.map(\.number) == ["2026-0001"])
        #expect(theirs.map(\.number) == ["2026-0001"])
        #expect(try store.read { try $0.cases(involving: "u3") }.isEmpty)
        #expect(events.map(\.kind) == [.filed])
    }

    @Test func closedCasesAreNotOfferedForCosigning() throws {
        let store = try Store.inMemory()
        var record = CaseRecord(
            number: "2026-0001", draft: CaseDraft(categoryID: "parking", place: CasePlace(building: 4), summary: "s"),
            filedBy: "u1", filedAt: now)
        try store.write { tx in
            try tx.insertCase(record)
            record.state = .closed
            try tx.updateCase(record, at: now)
        }
        let open = try store.read { tx in try tx.openCase(categoryID: "parking", building: 4, area: nil) }
        #expect(open == nil)
        #expect(throws: StoreError.unknownCase("2026-0404")) {
            try store.write { tx in
                record.number = "2026-0404"
                try tx.updateCase(record, at: now)
            }
        }
    }

    @Test func dedupeKeysAndStoredReplies() throws {
        let store = try Store.inMemory()
        try store.write { tx in
            let seq = try tx.nextSeq()
            try tx.insertMessage(StoredMessage(seq: seq, id: "wx:1", conversationID: "c", userID: "u", direction: .inbound, text: "你好", at: now))
            let reply = try tx.nextSeq()
            try tx.insertMessage(StoredMessage(seq: reply, id: "wx:1#1", conversationID: "c", userID: "u", direction: .outbound, text: "您好", at: now, inReplyTo: "wx:1"))
        }
        let (seq, replies, missing) = try store.read { tx in
            (try tx.processedSeq(messageID: "wx:1"), try tx.replies(to: "wx:1"), try tx.processedSeq(messageID: "wx:2"))
        }
        #expect(seq == 1)
        #expect(replies.map(\.text) == ["您好"])
        #expect(missing == nil)
        // A reply's id is no dedupe key; the view of the keys lists the inbound message only.
        #expect(try store.read { try $0.processedSeq(messageID: "wx:1#1") } == nil)
        let keys = try store.read { try Row.fetchAll($0.db, sql: "SELECT message_id, seq FROM processed_messages") }
        #expect(keys.map { $0["message_id"] as String } == ["wx:1"])
        // The key is unique: a second inbound row with the same id is refused.
        #expect(throws: DatabaseError.self) {
            try store.write { tx in
                try tx.insertMessage(StoredMessage(seq: try tx.nextSeq(), id: "wx:1", conversationID: "c", userID: "u", direction: .inbound, text: "再发", at: now))
            }
        }
    }

    /// The per-message statements bind their values directly: every field round-trips, a
    /// refused insert throws and the transaction (and the statement) goes on.
    @Test func directlyBoundMessagesRoundTripAndSurviveARefusedInsert() throws {
        let store = try Store.inMemory()
        let full = StoredMessage(
            seq: 1, id: "wx:1", conversationID: "c", userID: "u", direction: .inbound, text: "电梯\"坏\"了\n", at: now,
            sentAt: now.addingTimeInterval(-5), channel: "wecom", label: "facilities", subtopic: "lift", score: 2.5,
            explanation: "facilities:lift(2.5)", meta: #"{"k":[1,null]}"#)
        let bare = StoredMessage(seq: 3, id: "wx:1#1", conversationID: "c", userID: "u", direction: .outbound, text: "好", at: now, inReplyTo: "wx:1")
        try store.write { tx in
            try tx.insertMessage(full)
            #expect(throws: DatabaseError.self) { try tx.insertMessage(StoredMessage(seq: 2, id: "wx:1", conversationID: "c", userID: "u", direction: .inbound, text: "x", at: now)) }
            try tx.insertMessage(bare)
            try tx.saveConversationState("{}", conversationID: "c", userID: "u", at: now)
            try tx.saveConversationState(#"{"a":1}"#, conversationID: "c", userID: "u", at: now)
        }
        #expect(try store.read { try $0.allMessages() } == [full, bare])
        #expect(try store.read { try $0.processedSeq(messageID: "wx:1") } == 1)
        #expect(try store.read { try $0.conversationState("c") } == #"{"a":1}"#)
    }

    @Test func outboxDeliversOnce() throws {
        let store = try Store.inMemory()
        let (a, _) = try store.write { tx in
            (try tx.enqueue(recipient: "owner", text: "新诉求", kind: "new-case", at: now), try tx.enqueue(recipient: "other", text: "x", at: now))
        }
        #expect(try store.read { try $0.pendingOutbox(for: "owner") }.map(\.text) == ["新诉求"])
        #expect(try store.read { try $0.pendingOutbox(for: nil) }.count == 2)
        try store.write { tx in try tx.markDelivered(outboxIDs: [a.id], at: now) }
        #expect(try store.read { try $0.pendingOutbox(for: "owner") }.isEmpty)
        #expect(try store.read { try $0.pendingOutbox(for: nil) }.count == 1)
    }

    @Test func handoffsAndIncidentsAreListedForStaff() throws {
        let store = try Store.inMemory()
        try store.write { tx in
            try tx.recordIncident(IncidentRecord(kind: "non-discussable", categoryID: "privacy", priority: 3, userID: "u1", conversationID: "u1", messageSeq: 1, createdAt: now))
            try tx.recordIncident(IncidentRecord(kind: "emergency", categoryID: "emergency", subtopicID: "fire", priority: 0, userID: "u2", conversationID: "u2", messageSeq: 2, place: CasePlace(building: 5), number: "119", createdAt: now.addingTimeInterval(60)))
            try tx.recordHandoff(HandoffRecord(userID: "u1", conversationID: "u1", messageSeq: 3, reason: "asked", createdAt: now))
        }
        let incidents = try store.read { try $0.openIncidents() }
        #expect(incidents.map(\.kind) == ["emergency", "non-discussable"])
        #expect(incidents.first?.place.building == 5)
        #expect(try store.read { try $0.openHandoffs() }.map(\.reason) == ["asked"])
    }
}
