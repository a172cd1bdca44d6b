import Casework
import Conversation
import Foundation
import GRDB
import Office
import Rules
import Store
import Testing
import TestSupport
import Understanding

@Suite struct OfficeTests {
    @Test func filesACaseOverSeveralTurnsAndStoresEverything() throws {
        let h = try OfficeHarness()
        try h.say("3栋电梯坏了")
        try h.say("昨天")
        try h.say("整栋楼")
        let filed = try h.say("是")
        #expect(filed.replies.count == 1)
        #expect(filed.replies[0].text.contains("2026-0001"))
        #expect(filed.replies[0].text.contains("物业服务企业"))

        let (record, messages, state) = try h.store.read { tx in
            (try tx.caseRecord(number: "2026-0001"), try tx.messages(conversationID: "u1"), try tx.conversationState("u1"))
        }
        let stored = try #require(record)
        #expect(stored.state == .dispatched)
        #expect(stored.ownerRole == .property)
        #expect(stored.filedBy == "u1")
        #expect(stored.draft.since == "昨天")
        #expect(stored.acceptBy == h.clock.now.addingTimeInterval(24 * 3600))
        // 4 messages in, 4 replies out, strictly increasing seq, replies point at their message.
        #expect(messages.count == 8)
        #expect(messages.map(\.seq) == Array(1...8))
        #expect(messages.filter { $0.direction == .inbound }.map(\.text) == ["3栋电梯坏了", "昨天", "整栋楼", "是"])
        #expect(messages[1].inReplyTo == messages[0].id)
        #expect(messages[0].label == "facilities")
        #expect(state?.contains("proposing") == true)

        try h.say("没有")
        let events = try h.store.read { try $0.events(caseNumber: "2026-0001") }
        #expect(events.map(\.kind) == [.filed, .dispatched])
    }

    @Test func aDuplicateMessageIDReturnsTheStoredRepliesAndChangesNothing() throws {
        let h = try OfficeHarness()
        let first = try h.say("3栋电梯坏了", id: "wx:1")
        let before = try h.store.read { try $0.allMessages().count }
        let again = try h.say("3栋电梯坏了", id: "wx:1")
        #expect(!first.isDuplicate)
        #expect(again.isDuplicate)
        #expect(again.replies == first.replies)
        #expect(again.seq == first.seq)
        #expect(first.replies.first?.id == "wx:1#1")
        #expect(try h.store.read { try $0.allMessages().count } == before)
        // The conversation did not move on: the next answer is still the first answer.
        let next = try h.say("昨天", id: "wx:2")
        #expect(next.replies[0].text.contains("多少户"))
    }

    @Test func aBatchCommitsTogetherInInputOrderWithDuplicatesInside() throws {
        let h = try OfficeHarness()
        let batch = [
            Inbound(messageID: "a1", userID: "u1", text: "3栋电梯坏了"),
            Inbound(messageID: "b1", userID: "u2", text: "我的诉求"),
            Inbound(messageID: "a2", userID: "u1", text: "昨天"),
            Inbound(messageID: "a1", userID: "u1", text: "3栋电梯坏了"),
        ]
        let outcomes = try h.office.handle(batch)
        #expect(outcomes.map(\.messageID) == ["a1", "b1", "a2", "a1"])
        #expect(outcomes.map(\.isDuplicate) == [false, false, false, true])
        #expect(outcomes[3].replies == outcomes[0].replies)
        #expect(outcomes[2].replies[0].text.contains("多少户"))
        let seqs = outcomes.prefix(3).flatMap { [$0.seq] + $0.replies.map(\.seq) }
        #expect(seqs == seqs.sorted())
        #expect(Set(seqs).count == seqs.count)
    }

    @Test func terminalMessagesGetAssignedIDs() throws {
        let h = try OfficeHarness()
        let outcome = try h.say("我的诉求")
        #expect(outcome.messageID == "local:1")
        #expect(outcome.replies.map(\.id) == ["local:1#1"])
    }

    @Test func aRestartedOfficeResumesTheConversation() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = dir.path("db.sqlite")
        do {
            let h = try OfficeHarness(store: try Store(path: path))
            try h.say("3栋电梯坏了")
        }
        let h = try OfficeHarness(store: try Store(path: path))
        let next = try h.say("昨天")
        #expect(next.replies[0].text.contains("多少户"))
        #expect(next.seq == 3)
    }

    @Test func aSecondResidentCosignsInsteadOfFilingADuplicate() throws {
        let h = try OfficeHarness()
        for text in ["3栋电梯坏了", "昨天", "整栋楼", "是", "没有"] { try h.say(text, user: "u1") }
        for text in ["3栋电梯又坏了", "昨天", "整栋楼"] { try h.say(text, user: "u2") }
        let offer = try h.say("是", user: "u2")
        #expect(offer.replies[0].text.contains("2026-0001"))
        let done = try h.say("附议", user: "u2")
        #expect(done.replies[0].text.contains("2位"))
        #expect(done.notifications.map(\.recipientUserID) == ["u1"])
        #expect(try h.office.pendingNotifications(for: "u1").count == 1)
        let (record, count, events) = try h.store.read { tx in
            (try tx.caseRecord(number: "2026-0001"), try tx.cases(where: "").count, try tx.events(caseNumber: "2026-0001"))
        }
        #expect(record?.cosigners == ["u2"])
        #expect(count == 1)
        #expect(events.map(\.kind).contains(.cosigned))
        let mine = try h.say("我的诉求", user: "u2")
        #expect(mine.replies[0].text.contains("您附议"))
    }

    @Test func routingSeamNotifiesOwnersAndEmergencyContacts() throws {
        let h = try OfficeHarness(router: PersonRouting())
        for text in ["3栋电梯坏了", "昨天", "整栋楼"] { try h.say(text) }
        let filed = try h.say("是")
        #expect(Set(filed.notifications.map(\.recipientUserID)) == ["wang-property", "steward-3"])
        #expect(filed.notifications.allSatisfy { $0.seq > filed.replies.last!.seq })
        #expect(filed.replies[0].text.contains("2小时内响应"))

        let fire = try h.say("5栋着火了", user: "u7")
        #expect(fire.replies[0].text.contains("119"))
        #expect(fire.notifications.map(\.recipientUserID) == ["grid-5"])
        let incidents = try h.store.read { try $0.openIncidents() }
        #expect(incidents.first?.priority == 0)
        #expect(incidents.first?.userID == "u7")

        let pending = try h.office.pendingNotifications(for: "grid-5")
        #expect(pending.map(\.id) == fire.notifications.map(\.id))
        try h.office.markDelivered(pending.map(\.id))
        #expect(try h.office.pendingNotifications(for: "grid-5").isEmpty)
        #expect(try h.office.pendingNotifications(for: nil).count == 2)
    }

    @Test func residentsAreStoredAndTheirNamesKeptCurrent() throws {
        let h = try OfficeHarness()
        _ = try h.office.handle([Inbound(userID: "u5", text: "我的诉求")])
        #expect(try h.store.read { try $0.residentName(userID: "u5") } == nil)
        _ = try h.office.handle([Inbound(userID: "u5", userName: "李叔", text: "我的诉求")])
        #expect(try h.store.read { try $0.residentName(userID: "u5") } == "李叔")
        _ = try h.office.handle([Inbound(userID: "u5", text: "我的诉求"), Inbound(userID: "u5", userName: "李大爷", text: "我的诉求")])
        #expect(try h.store.read { try $0.residentName(userID: "u5") } == "李大爷")
        let count = try h.store.writer.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM residents") }
        #expect(count == 1)
    }

    @Test func handoffIsRecordedForStaff() throws {
        let h = try OfficeHarness()
        let outcome = try h.say("转人工")
        #expect(outcome.replies[0].text.contains("工作人员"))
        let handoffs = try h.store.read { try $0.openHandoffs() }
        #expect(handoffs.map(\.userID) == ["u1"])
        #expect(handoffs.first?.messageSeq == outcome.seq)
    }

    @Test func aFailingTurnIsApologisedForWithoutSinkingTheBatch() throws {
        struct Broken: TurnInterceptor {
            struct Failure: Error {}
            func intercept(_ turn: InterceptedTurn, in tx: StoreTransaction) throws -> [String]? {
                guard turn.inbound.text == "坏消息" else { return nil }
                try tx.enqueue(recipient: "staff", text: "half done", at: turn.now)
                throw Failure()
            }
        }
        let h = try OfficeHarness(interceptors: [Broken()])
        let outcomes = try h.office.handle([
            Inbound(messageID: "a", userID: "u1", text: "3栋电梯坏了"),
            Inbound(messageID: "b", userID: "u2", text: "坏消息"),
            Inbound(messageID: "c", userID: "u1", text: "昨天"),
        ])
        #expect(outcomes[0].replies.first?.text.contains("设施维修") == true)
        #expect(outcomes[1].replies.map(\.text) == [Fixtures.replies().render("internal_error")])
        #expect(outcomes[2].replies.first?.text.contains("多少户") == true)
        // The failed turn's own writes are gone; the message and the apology are kept.
        #expect(try h.office.pendingNotifications(for: "staff").isEmpty)
        let texts = try h.store.read { try $0.messages(conversationID: "u2") }.map(\.text)
        #expect(texts == ["坏消息", Fixtures.replies().render("internal_error")])
        let again = try h.office.handle([Inbound(messageID: "b", userID: "u2", text: "坏消息")])[0]
        #expect(again.isDuplicate)
    }

    @Test func interceptorsAnswerFirstAndTickRunsThem() throws {
        struct StaffDesk: TurnInterceptor {
            func intercept(_ turn: InterceptedTurn, in tx: StoreTransaction) throws -> [String]? {
                guard turn.inbound.text.hasPrefix("接单") else { return nil }
                try tx.enqueue(recipient: "u1", text: "您的诉求已被接单", kind: "accepted", at: turn.now)
                return ["已接单"]
            }

            func tick(now: Date, in tx: StoreTransaction) throws {
                try tx.enqueue(recipient: "secretary", text: "有诉求超时", kind: "escalation", at: now)
            }
        }
        let h = try OfficeHarness(interceptors: [StaffDesk()])
        let outcome = try h.say("接单 2026-0001", user: "staff")
        #expect(outcome.replies.map(\.text) == ["已接单"])
        #expect(outcome.notifications.map(\.recipientUserID) == ["u1"])
        let ticked = try h.office.tick()
        #expect(ticked.map(\.recipientUserID) == ["secretary"])
        #expect(try h.office.tick().count == 1)
    }
}
