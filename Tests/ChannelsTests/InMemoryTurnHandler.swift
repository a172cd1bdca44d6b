import Foundation
import Office

/// TEST DOUBLE for the gateway's protocol tests: an in-memory `TurnHandling` that echoes.
/// It is not the office: no rules, no dialogue, no database. It keeps just enough state to
/// exercise the protocol layer: dedupe by message id in a dictionary, one seq counter shared by
/// messages, replies and notifications, a rollback when a batch fails.
///
/// Behaviour, chosen by the message text:
/// - default: one reply `收到：<text>`;
/// - `!replies N`: N replies (`第k条`), 0 allowed;
/// - `!notify USER`: one reply, and a notification for USER;
/// - `!fail`: `handle` throws (the whole batch is rolled back, as a transaction would be).
///
/// @unchecked Sendable: all mutable state is in `state`, only touched under `lock`.
final class InMemoryTurnHandler: TurnHandling, @unchecked Sendable {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    private struct State {
        var seq: Int64 = 0
        var processed: [String: TurnOutcome] = [:]
        var outbox: [OfficeNotification] = []
        var delivered: Set<String> = []
        var rulesHash = "sha256:" + String(repeating: "a", count: 64)
        var nextNotification = 0
        var conversations: [String: [String]] = [:]
        var handleCalls: [Int] = []
        var nextReloadHash: String? = "sha256:" + String(repeating: "b", count: 64)
        var notificationsOnTick: [(String, String)] = []
        var tickCount = 0
    }

    private let lock = NSLock()
    private var state = State()

    private func locked<T>(_ body: (inout State) throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body(&state)
    }

    /// Sizes of the batches given to `handle`, in call order.
    var handleCalls: [Int] { locked { $0.handleCalls } }
    /// Texts processed per conversation, in order.
    var conversations: [String: [String]] { locked { $0.conversations } }
    /// Ids marked delivered.
    var delivered: Set<String> { locked { $0.delivered } }
    /// How many times `tick()` ran.
    var tickCount: Int { locked { $0.tickCount } }
    /// What the next `reloadRules()` does: a new hash, or nil to fail.
    var nextReloadHash: String? {
        get { locked { $0.nextReloadHash } }
        set { locked { $0.nextReloadHash = newValue } }
    }
    /// What each `tick()` puts in the outbox, as (recipient, text).
    var notificationsOnTick: [(String, String)] {
        get { locked { $0.notificationsOnTick } }
        set { locked { $0.notificationsOnTick = newValue } }
    }

    func handle(_ batch: [Inbound]) throws -> [TurnOutcome] {
        try locked { state in
            state.handleCalls.append(batch.count)
            var working = state  // the "transaction": kept only if the whole batch succeeds
            var outcomes: [TurnOutcome] = []
            for inbound in batch {
                guard let id = inbound.messageID else { throw Failure(description: "message without id") }
                if let stored = working.processed[id] {
                    var outcome = stored
                    outcome.inbound = inbound
                    outcome.isDuplicate = true
                    outcome.notifications = []
                    outcomes.append(outcome)
                    continue
                }
                if inbound.text.hasPrefix("!fail") { throw Failure(description: "poison message") }
                working.seq += 1
                let messageSeq = working.seq
                var texts: [String] = ["收到：\(inbound.text)"]
                var notifications: [OfficeNotification] = []
                if inbound.text.hasPrefix("!replies "), let count = Int(inbound.text.dropFirst("!replies ".count)) {
                    texts = (0..<max(0, count)).map { "第\($0 + 1)条" }
                }
                var replies: [Reply] = []
                for (index, text) in texts.enumerated() {
                    working.seq += 1
                    replies.append(Reply(id: "\(id)#\(index + 1)", seq: working.seq, text: text))
                }
                if inbound.text.hasPrefix("!notify ") {
                    working.nextNotification += 1
                    working.seq += 1
                    let notification = OfficeNotification(
                        id: "n:\(working.nextNotification)", recipientUserID: String(inbound.text.dropFirst("!notify ".count)),
                        text: "新诉求，请处理", seq: working.seq)
                    notifications.append(notification)
                    working.outbox.append(notification)
                }
                let outcome = TurnOutcome(
                    inbound: inbound, messageID: id, seq: messageSeq, isDuplicate: false,
                    replies: replies, notifications: notifications)
                working.processed[id] = outcome
                working.conversations[inbound.conversationID, default: []].append(inbound.text)
                outcomes.append(outcome)
            }
            state = working
            return outcomes
        }
    }

    func pendingNotifications(for userID: String?) throws -> [OfficeNotification] {
        locked { state in
            state.outbox.filter { !state.delivered.contains($0.id) && (userID == nil || $0.recipientUserID == userID) }
        }
    }

    func markDelivered(_ notificationIDs: [String]) throws {
        locked { $0.delivered.formUnion(notificationIDs) }
    }

    func tick() throws -> [OfficeNotification] {
        locked { state in
            state.tickCount += 1
            var made: [OfficeNotification] = []
            for (recipient, text) in state.notificationsOnTick {
                state.nextNotification += 1
                state.seq += 1
                let notification = OfficeNotification(id: "n:\(state.nextNotification)", recipientUserID: recipient, text: text, seq: state.seq)
                state.outbox.append(notification)
                made.append(notification)
            }
            return made
        }
    }

    func reloadRules() throws -> String {
        try locked { state in
            guard let hash = state.nextReloadHash else {
                throw Failure(description: "rules/discussable/parking.yaml:3:1: error: invalid pattern")
            }
            state.rulesHash = hash
            return hash
        }
    }

    var rulesHash: String { locked { $0.rulesHash } }
}
