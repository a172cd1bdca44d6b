import Casework
public import Foundation
public import Rules
import Understanding

/// The dialogue state machine (问诉求 -> confirm -> file or co-sign -> 提方案; non-discussable,
/// emergency, moves, ambiguity, not understood). Pure: no I/O, no clock of its own.
///
/// Reads go through a `CaseLookup` passed with each message; writes are `DialogueEffect`s for
/// the caller. Filing and co-signing are two-phase: the step that emits `fileCase` / `cosign`
/// ends in a transient phase (`awaitsOutcome`), and the caller passes the result to
/// `resume(_:with:now:)`, which says the case number and who handles it.
public struct Dialogue: Sendable {
    public var catalog: DialogueCatalog
    public var replies: ReplyTemplates

    /// Creates a dialogue over a catalog of categories and a set of reply templates.
    public init(catalog: DialogueCatalog, replies: ReplyTemplates) {
        self.catalog = catalog
        self.replies = replies
    }

    /// Handles one message.
    /// - Parameters:
    ///   - message: the message, its classification and the time.
    ///   - state: the conversation's state before the message.
    ///   - lookup: read access to cases (open cases at a building, my cases, a case by number).
    /// - Returns: the new state, the replies and the effects to perform.
    public func handle(_ message: DialogueMessage, in state: DialogueState, lookup: some CaseLookup) -> DialogueStep {
        var state = state
        // A question left unanswered for a long time is forgotten: the message starts afresh.
        if !state.isIdle, let last = state.updatedAt, message.now.timeIntervalSince(last) > Self.staleAfter {
            state = DialogueState()
        }
        // While a question is pending, the answer is read as the rules read it: the learned
        // layer judges what a message is about, not a short reply to a question.
        var message = message
        if !state.isIdle, message.classification.decidedByLearnedLayer {
            message.classification = message.classification.rulesOnly
        }
        var step = respond(to: message, in: state, lookup: lookup)
        step.state.updatedAt = message.now
        return step
    }

    /// How long an unfinished dialogue waits for the resident (12 hours).
    public static let staleAfter: TimeInterval = 12 * 3600

    func respond(to message: DialogueMessage, in state: DialogueState, lookup: some CaseLookup) -> DialogueStep {
        let c = message.classification
        if let issue = c.inputIssue {
            return DialogueStep(state: state, replies: [render(issue == .tooLong ? "input_too_long" : "input_empty")])
        }
        // An emergency comes before anything else, whatever the dialogue was doing.
        if c.label == "emergency" {
            return emergency(message, state: state)
        }
        if message.has(MoveID.handoff, MoveID.secretary) {
            return handoff(message, reason: message.has(MoveID.secretary) ? .secretary : .asked, state: state)
        }
        if message.has(MoveID.cancel) {
            return cancel(message, state: state, lookup: lookup)
        }
        if let number = c.caseNumbers.first {
            if message.has(MoveID.cosign) { return cosignByNumber(number, message, state: state, lookup: lookup) }
            return DialogueStep(state: state, replies: [([status(number, message, lookup: lookup)] + resumeHint(state)).joined(separator: "\n")])
        }
        if let step = continuePhase(message, state: state, lookup: lookup) { return step }
        return fresh(message, state: DialogueState(), lookup: lookup)
    }

    /// Completes a two-phase effect (`fileCase`, `cosign`) with its result.
    public func resume(_ state: DialogueState, with outcome: EffectOutcome, now: Date) -> DialogueStep {
        switch (state.phase, outcome) {
        case (.filing, .filed(let record)):
            var lines = [render("filed", filedValues(record))]
            if record.needsTriage { lines.append(render("filed_needs_triage")) }
            lines.append(render("ask_proposal"))
            return DialogueStep(state: DialogueState(phase: .proposing(caseNumber: record.number)), replies: [lines.joined(separator: "\n")])
        case (.cosigning, .cosigned(let summary)):
            return DialogueStep(
                state: DialogueState(),
                replies: [render("cosigned", ["number": summary.number, "count": String(summary.cosigners.count + 1)])])
        default:
            return DialogueStep(state: DialogueState(), replies: [render("effect_failed")])
        }
    }

    // MARK: - Fresh messages

    /// A message that does not continue anything: moves, then the category.
    func fresh(_ message: DialogueMessage, state: DialogueState, lookup: some CaseLookup) -> DialogueStep {
        let c = message.classification
        let hasCategory = c.label != "none" && catalog[c.label] != nil
        if !hasCategory || c.score <= 0 {
            if let step = idleMove(message, state: state, lookup: lookup) { return step }
            return notUnderstood(state: state)
        }
        // Ask which one only between two discussable categories: a non-discussable winner is
        // explained (precedence), never offered as a choice.
        if c.isAmbiguous, let runnerUp = c.candidates.first(where: { $0.id != c.label }),
           catalog[c.label]?.kind == .discussable, catalog[runnerUp.id]?.kind == .discussable {
            var draftState = DialogueState(phase: .choosing(categoryIDs: [c.label, runnerUp.id]))
            draftState.draft = startDraft(categoryID: c.label, subtopicID: nil, message)
            draftState.draft?.candidateSubtopics = [c.label: c.subtopic, runnerUp.id: runnerUp.subtopic].compactMapValues { $0 }
            return DialogueStep(
                state: draftState,
                replies: [render("ambiguous", ["first": catalog.title(categoryID: c.label), "second": catalog.title(categoryID: runnerUp.id)])])
        }
        return start(categoryID: c.label, subtopicID: c.subtopic, message, lookup: lookup)
    }

    /// Starts on a category: explain a non-discussable one, or begin 问诉求.
    func start(categoryID: String, subtopicID: String?, _ message: DialogueMessage, lookup: some CaseLookup) -> DialogueStep {
        guard let category = catalog[categoryID] else { return notUnderstood(state: DialogueState()) }
        switch category.kind {
        case .emergency:
            return emergency(message, state: DialogueState())
        case .nonDiscussable:
            let incident = Incident(
                kind: .nonDiscussable, categoryID: categoryID, subtopicID: subtopicID,
                place: casePlace(message.classification.place), priority: 3)
            return DialogueStep(
                state: DialogueState(),
                replies: [render("non_discussable", [
                    "category": category.title, "explanation": category.explanation ?? "",
                    "redirect": category.redirect ?? "",
                ])],
                effects: [.recordIncident(incident)])
        case .discussable:
            let draft = startDraft(categoryID: categoryID, subtopicID: subtopicID, message)
            return nextQuestion(draft, lookup: lookup, prefix: [])
        }
    }

    func startDraft(categoryID: String, subtopicID: String?, _ message: DialogueMessage) -> Draft {
        let text = message.normalized
        var draft = Draft(categoryID: categoryID, subtopicID: subtopicID, place: casePlace(message.classification.place), opening: Self.trimmed(text))
        let asks = catalog[categoryID]?.asks ?? []
        if draft.place.spot == nil, asks.contains(.place) { draft.place.spot = AnswerScanner.spot(in: text) }
        // The opening says what is wrong when it names a sub-topic or is long enough to.
        if subtopicID != nil || text.count >= 8 { draft.detail = Self.trimmed(text) }
        draft.since = AnswerScanner.since(in: text)
        draft.households = AnswerScanner.households(in: text)
        return draft
    }
}
