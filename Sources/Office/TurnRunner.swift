import Casework
import Conversation
import Foundation
import Logging
import Rules
import Store
import Understanding

/// Runs the turns of one batch inside its transaction.
struct TurnRunner {
    let book: RuleBook
    let dialogue: Dialogue
    let tx: StoreTransaction
    let now: Date
    let logger: Logger
    let decoder = JSONDecoder()
    let states: StateCache
    /// Residents already stored, with the name stored (nil for none).
    let knownResidents: [String: String?]
    /// Residents written by this batch, with the name stored.
    let touchedResidents = Box<[String: String?]>([:])

    init(book: RuleBook, tx: StoreTransaction, now: Date, logger: Logger, states: StateCache, knownResidents: [String: String?] = [:]) {
        self.book = book
        self.states = states
        self.knownResidents = knownResidents
        self.dialogue = book.dialogue
        self.tx = tx
        self.now = now
        self.logger = logger
    }

    /// One message in its own savepoint: when its processing fails for a reason of the program's
    /// own (not the database), its writes are undone, the resident gets an apology, and the
    /// message is still stored (its dedupe key) so that a retry does not fail again and again.
    /// - Throws: database failures (the batch as a whole is then rolled back).
    /// - Parameter classification: the message's classification when already made (the batch
    ///   is classified up front, in parallel); nil to classify it here.
    func runIsolated(_ inbound: Inbound, classification: Classification? = nil) throws -> TurnOutcome {
        let touchedBefore = touchedResidents.value
        do {
            return try tx.savepoint { try run(inbound, classification: classification) }
        } catch where !StoreTransaction.isDatabaseFailure(error) {
            touchedResidents.value = touchedBefore
            logger.error("turn failed; apologising", metadata: ["error": "\(type(of: error))", "conversation": "\(inbound.conversationID)"])
            return try runFailed(inbound)
        }
    }

    /// Stores a message whose processing failed, with the apology as its reply.
    func runFailed(_ inbound: Inbound) throws -> TurnOutcome {
        let seq = try tx.nextSeq()
        let messageID = inbound.messageID ?? "local:\(seq)"
        try tx.insertMessage(StoredMessage(
            seq: seq, id: messageID, conversationID: inbound.conversationID, userID: inbound.userID, direction: .inbound,
            text: inbound.text, at: now, sentAt: inbound.sentAt, channel: inbound.channel, label: "error", meta: inbound.meta))
        let replySeq = try tx.nextSeq()
        let text = book.replies.render("internal_error")
        try tx.insertMessage(StoredMessage(
            seq: replySeq, id: "\(messageID)#1", conversationID: inbound.conversationID, userID: inbound.userID,
            direction: .outbound, text: text, at: now, channel: inbound.channel, meta: inbound.meta, inReplyTo: messageID))
        return TurnOutcome(
            inbound: inbound, messageID: messageID, seq: seq, isDuplicate: false,
            replies: [Reply(id: "\(messageID)#1", seq: replySeq, text: text)], notifications: [])
    }

    /// One inbound message: dedupe, store it, classify, converse, apply effects, store replies,
    /// state and notifications.
    func run(_ inbound: Inbound, classification: Classification? = nil) throws -> TurnOutcome {
        if let id = inbound.messageID, let seq = try tx.processedSeq(messageID: id) {
            let replies = try tx.replies(to: id).map { Reply(id: $0.id, seq: $0.seq, text: $0.text) }
            return TurnOutcome(inbound: inbound, messageID: id, seq: seq, isDuplicate: true, replies: replies, notifications: [])
        }
        let seq = try tx.nextSeq()
        let messageID = inbound.messageID ?? "local:\(seq)"
        let classification = classification ?? book.classifier.classify(inbound.text)
        let name = inbound.userName ?? ""
        let stored = touchedResidents.value[inbound.userID] ?? knownResidents[inbound.userID]
        if stored == nil || (!name.isEmpty && stored! != name) {
            let kept = try tx.touchResident(userID: inbound.userID, name: inbound.userName, at: now)
            touchedResidents.value[inbound.userID] = .some(kept)
        }
        try tx.insertMessage(StoredMessage(
            seq: seq, id: messageID, conversationID: inbound.conversationID, userID: inbound.userID, direction: .inbound,
            text: inbound.text, at: now, sentAt: inbound.sentAt, channel: inbound.channel, label: classification.label,
            subtopic: classification.subtopic, score: classification.score, explanation: Self.explain(classification),
            meta: inbound.meta))

        let enqueuedBefore = tx.enqueuedCount
        var state = try loadState(inbound.conversationID)
        var texts: [String] = []
        var pending: [PendingNotification] = []
        // A question left unanswered past `Dialogue.staleAfter` is forgotten by the dialogue, so
        // the conversation counts as idle for the interceptors too.
        let isStale = state.updatedAt.map { now.timeIntervalSince($0) > Dialogue.staleAfter } ?? false
        let turn = InterceptedTurn(
            inbound: inbound, messageID: messageID, classification: classification, now: now, dialogueIsIdle: state.isIdle || isStale)
        var intercepted: [String]?
        for interceptor in book.interceptors {
            intercepted = try interceptor.intercept(turn, in: tx)
            if intercepted != nil { break }
        }
        // Interceptors and the case lifecycle enqueue directly; the dialogue's own notices are
        // enqueued after the replies below, and everything of this turn is resequenced there.
        if let intercepted {
            texts = intercepted
        } else {
            let name = try inbound.userName ?? residentName(inbound.userID)
            let message = DialogueMessage(userID: inbound.userID, userName: name, text: inbound.text, classification: classification, now: now)
            let lookup = StoreCaseLookup(tx)
            var step = dialogue.handle(message, in: state, lookup: lookup)
            try lookup.check()
            texts = step.replies
            var effects = EffectPerformer(runner: self, inbound: inbound, messageSeq: seq)
            for effect in step.effects {
                let outcome = try effects.perform(effect)
                if step.awaitsOutcome, let outcome {
                    let resumed = dialogue.resume(step.state, with: outcome, now: now)
                    texts += resumed.replies
                    step.state = resumed.state
                    for later in resumed.effects { _ = try effects.perform(later) }
                }
            }
            if step.awaitsOutcome {
                // An effect that should have completed the step did not: never leave it hanging.
                let resumed = dialogue.resume(step.state, with: .failed, now: now)
                texts += resumed.replies
                step.state = resumed.state
            }
            state = step.state
            pending = effects.notifications
        }

        var replies: [Reply] = []
        for (index, text) in texts.enumerated() {
            let replySeq = try tx.nextSeq()
            let id = "\(messageID)#\(index + 1)"
            try tx.insertMessage(StoredMessage(
                seq: replySeq, id: id, conversationID: inbound.conversationID, userID: inbound.userID, direction: .outbound,
                text: text, at: now, channel: inbound.channel, meta: inbound.meta, inReplyTo: messageID))
            replies.append(Reply(id: id, seq: replySeq, text: text))
        }
        // Most turns notify nobody: the outbox is read back only when this turn wrote to it.
        if tx.enqueuedCount != enqueuedBefore { try tx.resequenceOutbox(after: seq) }
        for note in pending where note.entry == nil {
            _ = try tx.enqueue(recipient: note.recipient, text: note.text, kind: note.kind, caseNumber: note.caseNumber, at: now)
        }
        let notifications = tx.enqueuedCount == enqueuedBefore ? [] : try tx.outbox(after: seq).map(Notification.init)
        try tx.saveConversationState(encode(state, conversationID: inbound.conversationID), conversationID: inbound.conversationID, userID: inbound.userID, at: now)
        return TurnOutcome(inbound: inbound, messageID: messageID, seq: seq, isDuplicate: false, replies: replies, notifications: notifications)
    }

    /// The stored name of a resident: known without a query when this office wrote it.
    func residentName(_ userID: String) throws -> String? {
        if let known = touchedResidents.value[userID] ?? knownResidents[userID] { return known }
        return try tx.residentName(userID: userID)
    }

    func loadState(_ conversationID: String) throws -> DialogueState {
        guard let json = try tx.conversationState(conversationID), !json.isEmpty else { return DialogueState() }
        if let cached = states.state(for: conversationID, json: json) { return cached }
        do {
            let state = try decoder.decode(DialogueState.self, from: Data(json.utf8))
            states.remember(state, json: json, for: conversationID)
            return state
        } catch {
            // A state written by an older version that no longer decodes: start the conversation afresh.
            logger.warning("conversation state unreadable; starting afresh", metadata: ["conversation": "\(conversationID)"])
            return DialogueState()
        }
    }

    /// The state as JSON; an idle conversation (the most common) is stored as "" without encoding.
    func encode(_ state: DialogueState, conversationID: String) throws -> String {
        if state.isIdle && state.draft == nil { return "" }
        let body: [UInt8]
        switch states.reusable(for: conversationID, state: state) {
        case .json(let json): return json
        case .body(let earlier): body = earlier
        case .nothing: body = state.jsonBody()
        }
        let json = DialogueState.jsonString(body: body, updatedAt: state.updatedAt)
        states.remember(state, json: json, body: body, for: conversationID)
        return json
    }

    /// A short, resident-text-free explanation of a classification for staff: the rules that fired.
    static func explain(_ c: Classification) -> String? {
        guard !c.evidence.isEmpty || c.isAmbiguous || !c.moves.isEmpty else { return nil }
        // Appended piece by piece into one string (interpolations and joins cost more).
        var text = ""
        text.reserveCapacity(192)
        func separate() { if !text.isEmpty { text += "; " } }
        for evidence in c.evidence.prefix(6) {
            separate()
            text += evidence.categoryID
            text += ":"
            text += evidence.rule
            text += "("
            text += String(evidence.weight)
            text += ")"
        }
        if let runnerUp = c.runnerUp {
            separate()
            text += "ambiguous-with:"
            text += runnerUp.id
        }
        if !c.moves.isEmpty {
            separate()
            text += "moves:"
            for (index, move) in c.moves.enumerated() {
                if index > 0 { text += "," }
                text += move
            }
        }
        return text
    }
}

/// A mutable value shared by the copies of a struct (one batch's runner).
final class Box<Value> {
    var value: Value
    init(_ value: Value) { self.value = value }
}

/// A notification to enqueue once the turn's replies have their seqs.
struct PendingNotification {
    var recipient: String
    var text: String
    var kind: String
    var caseNumber: String?
    /// Set when it is already in the outbox (written by the case lifecycle).
    var entry: OutboxEntry? = nil
}
