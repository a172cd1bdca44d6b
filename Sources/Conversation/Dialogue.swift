public import Casework
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
            return DialogueStep(state: state, replies: [status(number, message, lookup: lookup)] + resumeHint(state))
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

    // MARK: - Continuing a phase

    /// Handles a message in the light of the phase; nil when the message starts afresh.
    func continuePhase(_ message: DialogueMessage, state: DialogueState, lookup: some CaseLookup) -> DialogueStep? {
        switch state.phase {
        case .idle, .filing, .cosigning:
            return nil
        case .collecting:
            guard let draft = state.draft else { return nil }
            return collect(message, draft: draft, lookup: lookup)
        case .confirming:
            guard let draft = state.draft else { return nil }
            return confirm(message, draft: draft, lookup: lookup)
        case .editing:
            guard var draft = state.draft else { return nil }
            if !apply(message, to: &draft, pending: nil) {
                let text = Self.trimmed(message.normalized)
                if message.has(MoveID.yes) { return readBack(draft) }
                if text.count >= 2 { draft.detail = text }
            }
            return readBack(draft)
        case .offeringCosign(let number):
            guard let draft = state.draft else { return nil }
            let text = message.normalized
            if ["新建", "单独", "重新登记", "不附议", "另外登记", "不是一回事", "不是同一"].contains(where: { text.contains($0) }) || message.has(MoveID.no) {
                return file(draft)
            }
            if message.has(MoveID.yes, MoveID.cosign) {
                return DialogueStep(state: DialogueState(phase: .cosigning(caseNumber: number), draft: draft), effects: [.cosign(caseNumber: number)])
            }
            return DialogueStep(state: state, replies: [render("cosign_offer_unclear", ["number": number])])
        case .proposing(let number):
            let text = Self.trimmed(message.normalized)
            if message.has(MoveID.no) || ["没有", "没了", "暂时没有", "不用", "算了"].contains(where: { text.hasPrefix($0) }) {
                return DialogueStep(state: DialogueState(), replies: [render("proposal_none", ["number": number])])
            }
            if message.has(MoveID.thanks) && text.count <= 6 {
                return DialogueStep(state: DialogueState(), replies: [render("thanks")])
            }
            let c = message.classification
            let startsSomethingNew = c.label != "none" && !AnswerScanner.soundsLikeProposal(text)
            if startsSomethingNew || idleMoveID(message) != nil && c.label == "none" && text.count <= 6 {
                return nil
            }
            return DialogueStep(
                state: DialogueState(), replies: [render("proposal_saved", ["number": number])],
                effects: [.addProposal(caseNumber: number, text: text)])
        case .choosing(let ids):
            guard let choice = choose(message, among: ids) else { return nil }
            let draft = state.draft
            var chosen = message
            if let draft {
                chosen.classification.normalizedText = draft.opening
                chosen.classification.place = Place(area: draft.place.area, building: draft.place.building, unit: draft.place.unit, room: draft.place.room)
            }
            var step = start(categoryID: choice, subtopicID: draft?.candidateSubtopics?[choice], chosen, lookup: lookup)
            if let spot = draft?.place.spot, var newDraft = step.state.draft, newDraft.place.spot == nil {
                newDraft.place.spot = spot
                step.state.draft = newDraft
            }
            return step
        }
    }

    /// 问诉求: the message answers the pending question (or another one, or corrects one).
    func collect(_ message: DialogueMessage, draft: Draft, lookup: some CaseLookup) -> DialogueStep {
        var draft = draft
        let pending = draft.pending
        let answered = apply(message, to: &draft, pending: pending)
        if !answered, let pending, draft.pending == pending {
            // A move in the middle (help, my cases, greeting): answer it, then ask again.
            if message.classification.label == "none", let step = idleMove(message, state: DialogueState(phase: .collecting, draft: draft), lookup: lookup) {
                return step
            }
            if AnswerScanner.saysDontKnow(message.normalized) || (draft.attempts[pending.rawValue] ?? 0) >= 3 {
                draft.skipped.append(pending)
                draft.pending = nil
                return nextQuestion(draft, lookup: lookup, prefix: [render("skip_note", ["item": itemTitle(pending)])])
            }
        }
        // Something else was answered: ask the same question again, without counting a miss.
        return nextQuestion(draft, lookup: lookup, prefix: [], isRetry: !answered)
    }

    /// Confirming the read-back: yes files (or offers co-signing), no / edit asks what to change,
    /// a correction updates the draft and reads back again.
    func confirm(_ message: DialogueMessage, draft: Draft, lookup: some CaseLookup) -> DialogueStep {
        var draft = draft
        if apply(message, to: &draft, pending: nil) { return readBack(draft) }
        if message.has(MoveID.no, MoveID.edit) {
            return DialogueStep(state: DialogueState(phase: .editing, draft: draft), replies: [render("edit_prompt")])
        }
        if message.has(MoveID.yes) {
            if let building = draft.place.building,
               let open = lookup.openCase(categoryID: draft.categoryID, building: building, area: draft.place.area),
               open.state.isOpen {
                if open.involves(message.userID) {
                    return DialogueStep(state: DialogueState(), replies: [render("already_involved", ["number": open.number, "state": open.state.title])])
                }
                return DialogueStep(
                    state: DialogueState(phase: .offeringCosign(caseNumber: open.number), draft: draft),
                    replies: [render("cosign_offer", [
                        "number": open.number, "summary": open.summary, "count": String(open.cosigners.count + 1),
                    ])])
            }
            return file(draft)
        }
        if let step = idleMove(message, state: DialogueState(phase: .confirming, draft: draft), lookup: lookup), message.classification.label == "none" {
            return step
        }
        return DialogueStep(state: DialogueState(phase: .confirming, draft: draft), replies: [render("readback_unclear")])
    }

    func file(_ draft: Draft) -> DialogueStep {
        DialogueStep(
            state: DialogueState(phase: .filing, draft: draft),
            effects: [.fileCase(draft.caseDraft(summary: summary(of: draft)))])
    }

    /// Updates the draft from a message; true when it gave something new.
    /// - Parameter pending: the question waiting, whose free-text answer is taken as is.
    func apply(_ message: DialogueMessage, to draft: inout Draft, pending: Ask?) -> Bool {
        let text = message.normalized
        let c = message.classification
        var changed = false
        let place = casePlace(c.place)
        if !c.place.isEmpty {
            let old = draft.place
            var merged = place
            // A new building replaces the old place; a unit or room alone refines it.
            if place.building == nil && place.area == nil {
                merged = old
                if let unit = place.unit { merged.unit = unit }
                if let room = place.room { merged.room = room }
            }
            if merged.spot == nil { merged.spot = AnswerScanner.spot(in: text) ?? old.spot }
            if merged != old {
                draft.place = merged
                changed = true
            }
        } else if pending == .place, let spot = AnswerScanner.spot(in: text) {
            draft.place.spot = spot
            changed = true
        }
        let placeChanged = changed
        if let since = AnswerScanner.since(in: text, asked: pending == .since), since != draft.since || pending == .since {
            draft.since = pending == .since ? Self.trimmed(text) : since
            changed = true
        }
        if let households = AnswerScanner.households(in: text, asked: pending == .households),
           households != draft.households || pending == .households {
            draft.households = pending == .households ? Self.trimmed(text) : households
            changed = true
        }
        if pending == .detail {
            let trimmed = Self.trimmed(text)
            // A short answer that only gave the place ("东区车库") is not the description.
            let onlyPlace = placeChanged && trimmed.count <= 6
            if trimmed.count >= 2, !onlyPlace, !AnswerScanner.saysDontKnow(trimmed), idleMoveID(message) == nil || c.label != "none" {
                draft.detail = trimmed
                changed = true
            }
        }
        if let subtopic = c.subtopic, c.label == draft.categoryID, draft.subtopicID == nil {
            draft.subtopicID = subtopic
        }
        return changed
    }

    /// Asks the next missing thing, or reads back when nothing is missing.
    /// - Parameter isRetry: the last message did not answer the pending question (a miss).
    func nextQuestion(_ draft: Draft, lookup: some CaseLookup, prefix: [String], isRetry: Bool = true) -> DialogueStep {
        var draft = draft
        let asks = catalog[draft.categoryID]?.asks ?? []
        guard let ask = asks.first(where: { !draft.knows($0) && !draft.skipped.contains($0) }) else {
            var step = readBack(draft)
            step.replies = [(prefix + step.replies).joined(separator: "\n")]
            return step
        }
        let askedBefore = draft.attempts[ask.rawValue] ?? 0
        let attempts = draft.pending == ask && !isRetry ? max(askedBefore, 1) : askedBefore + 1
        draft.attempts[ask.rawValue] = attempts
        draft.pending = ask
        let key = attempts == 1 || (draft.pending == ask && !isRetry) ? "ask_\(ask.rawValue)" : "reask_\(ask.rawValue)"
        let question = render(key, ["category": catalog.title(categoryID: draft.categoryID)])
        var lines = prefix
        if askedBefore == 0 && draft.attempts.count == 1 && prefix.isEmpty {
            lines.append(render("received", ["category": catalog.title(categoryID: draft.categoryID)]))
        }
        lines.append(question)
        return DialogueStep(state: DialogueState(phase: .collecting, draft: draft), replies: [lines.joined(separator: "\n")])
    }

    /// Reads the one-line summary back and asks for 是 / 不是 / 修改.
    func readBack(_ draft: Draft) -> DialogueStep {
        var draft = draft
        draft.pending = nil
        var lines = [render("readback", ["summary": summary(of: draft)])]
        if !draft.skipped.isEmpty {
            lines.append(render("readback_gaps", ["items": draft.skipped.map(itemTitle).joined(separator: "、")]))
        }
        lines.append(render("readback_question"))
        return DialogueStep(state: DialogueState(phase: .confirming, draft: draft), replies: [lines.joined(separator: "\n")])
    }

    /// The one-line summary read back to the resident and shown to staff.
    public func summary(of draft: Draft) -> String {
        var title = catalog.title(categoryID: draft.categoryID)
        if let sub = draft.subtopicID, let subTitle = catalog[draft.categoryID]?.subtopics[sub]?.title { title += "·" + subTitle }
        let asksPlace = catalog[draft.categoryID]?.asks.contains(.place) ?? true
        var place = ""
        if let known = Self.describe(draft.place) {
            place = render("summary_place", ["place": known])
        } else if asksPlace {
            place = render("summary_place", ["place": render("place_unknown")])
        }
        var line = render("summary", ["category": title, "place": place, "detail": AnswerScanner.display(draft.description)])
        if let since = draft.since { line += render("summary_since", ["since": since]) }
        if let households = draft.households { line += render("summary_households", ["households": households]) }
        return line
    }

    // MARK: - Moves

    /// The id of a move the idle dialogue answers, if the message is one.
    func idleMoveID(_ message: DialogueMessage) -> String? {
        message.moves.first { [MoveID.greeting, MoveID.help, MoveID.thanks, MoveID.myCases, MoveID.status, MoveID.cosign, MoveID.yes, MoveID.no].contains($0) }
    }

    /// Help, my cases, status, greeting, thanks, co-sign without a number; nil when none.
    func idleMove(_ message: DialogueMessage, state: DialogueState, lookup: some CaseLookup) -> DialogueStep? {
        guard let move = idleMoveID(message) else { return nil }
        let hint = resumeHint(state)
        switch move {
        case MoveID.greeting:
            let name = message.userName.map { "，\($0)" } ?? ""
            return DialogueStep(state: state, replies: [([render("greeting", ["name": name])] + hint).joined(separator: "\n")])
        case MoveID.help:
            return DialogueStep(state: state, replies: [([render("menu")] + hint).joined(separator: "\n")])
        case MoveID.thanks:
            return DialogueStep(state: state, replies: [([render("thanks")] + hint).joined(separator: "\n")])
        case MoveID.myCases:
            return DialogueStep(state: state, replies: [([myCases(message, lookup: lookup)] + hint).joined(separator: "\n")])
        case MoveID.status:
            let mine = lookup.cases(involving: message.userID)
            if mine.count == 1 { return DialogueStep(state: state, replies: [([status(mine[0].number, message, lookup: lookup)] + hint).joined(separator: "\n")]) }
            if mine.isEmpty { return DialogueStep(state: state, replies: [([render("my_cases_none")] + hint).joined(separator: "\n")]) }
            return DialogueStep(state: state, replies: [([render("status_which"), myCases(message, lookup: lookup)] + hint).joined(separator: "\n")])
        case MoveID.cosign:
            return DialogueStep(state: state, replies: [([render("cosign_which")] + hint).joined(separator: "\n")])
        default:
            // A bare yes / no with nothing to confirm.
            guard state.isIdle else { return nil }
            return DialogueStep(state: state, replies: [render("nothing_pending")])
        }
    }

    /// After answering a move mid-dialogue, the question that is still open.
    func resumeHint(_ state: DialogueState) -> [String] {
        switch state.phase {
        case .collecting:
            guard let ask = state.draft?.pending else { return [] }
            return [render("resume_hint"), render("ask_\(ask.rawValue)", ["category": catalog.title(categoryID: state.draft?.categoryID ?? "")])]
        case .confirming:
            return [render("resume_hint"), render("readback_question")]
        case .proposing:
            return [render("resume_hint"), render("ask_proposal")]
        default:
            return []
        }
    }

    func myCases(_ message: DialogueMessage, lookup: some CaseLookup) -> String {
        let cases = lookup.cases(involving: message.userID)
        guard !cases.isEmpty else { return render("my_cases_none") }
        let lines = cases.prefix(10).map { summary in
            render("my_cases_line", [
                "number": summary.number, "summary": summary.summary, "state": summary.state.title,
                "role": summary.filedBy == message.userID ? render("role_filed") : render("role_cosigned"),
            ])
        }
        return ([render("my_cases_header", ["count": String(cases.count)])] + lines).joined(separator: "\n")
    }

    func status(_ number: String, _ message: DialogueMessage, lookup: some CaseLookup) -> String {
        guard let summary = lookup.caseSummary(number: number) else { return render("status_unknown", ["number": number]) }
        guard summary.involves(message.userID) else {
            return render("status_brief", ["number": number, "state": summary.state.title])
        }
        return render("status", [
            "number": number, "summary": summary.summary, "state": summary.state.title,
            "owner": summary.ownerRole?.title ?? render("owner_pending"),
        ])
    }

    func cosignByNumber(_ number: String, _ message: DialogueMessage, state: DialogueState, lookup: some CaseLookup) -> DialogueStep {
        guard let summary = lookup.caseSummary(number: number) else {
            return DialogueStep(state: state, replies: [render("status_unknown", ["number": number])])
        }
        guard summary.state.isOpen else {
            return DialogueStep(state: state, replies: [render("cosign_not_open", ["number": number, "state": summary.state.title])])
        }
        if summary.involves(message.userID) {
            return DialogueStep(state: state, replies: [render("already_involved", ["number": number, "state": summary.state.title])])
        }
        return DialogueStep(state: DialogueState(phase: .cosigning(caseNumber: number)), effects: [.cosign(caseNumber: number)])
    }

    func cancel(_ message: DialogueMessage, state: DialogueState, lookup: some CaseLookup) -> DialogueStep {
        if let number = message.classification.caseNumbers.first {
            guard let summary = lookup.caseSummary(number: number) else {
                return DialogueStep(state: state, replies: [render("status_unknown", ["number": number])])
            }
            guard summary.filedBy == message.userID else {
                return DialogueStep(state: state, replies: [render("cancel_not_yours", ["number": number])])
            }
            guard summary.state.isOpen else {
                return DialogueStep(state: state, replies: [render("cancel_not_open", ["number": number, "state": summary.state.title])])
            }
            return DialogueStep(state: DialogueState(), replies: [render("case_cancelled", ["number": number])], effects: [.cancelCase(caseNumber: number)])
        }
        switch state.phase {
        case .idle:
            return DialogueStep(state: state, replies: [render("nothing_to_cancel")])
        case .proposing(let number):
            return DialogueStep(state: DialogueState(), replies: [render("proposal_none", ["number": number])])
        default:
            return DialogueStep(state: DialogueState(), replies: [render("cancelled")])
        }
    }

    func handoff(_ message: DialogueMessage, reason: HandoffReason, state: DialogueState) -> DialogueStep {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = replies.timeZone
        let parts = calendar.dateComponents([.hour, .minute], from: message.now)
        let minute = (parts.hour ?? 0) * 60 + (parts.minute ?? 0)
        let opening = String(format: "%d:%02d", replies.officeHours.lowerBound / 60, replies.officeHours.lowerBound % 60)
        let text: String
        if replies.officeHours.contains(minute) {
            text = render(reason == .secretary ? "handoff_secretary_now" : "handoff_now")
        } else {
            let when = (minute < replies.officeHours.lowerBound ? render("today") : render("tomorrow")) + opening
            text = render(reason == .secretary ? "handoff_secretary_later" : "handoff_later", ["when": when])
        }
        return DialogueStep(state: DialogueState(), replies: [text], effects: [.requestHandoff(reason: reason)])
    }

    func emergency(_ message: DialogueMessage, state: DialogueState) -> DialogueStep {
        let c = message.classification
        let profile = catalog["emergency"]
        let sub = c.subtopic.flatMap { profile?.subtopics[$0] }
        let text: String
        if let sub, let number = sub.number {
            text = render("emergency", ["title": sub.title, "number": number, "advice": sub.advice ?? ""])
        } else {
            text = render("emergency_generic")
        }
        let incident = Incident(
            kind: .emergency, categoryID: "emergency", subtopicID: c.subtopic, place: casePlace(c.place), priority: 0,
            number: sub?.number)
        var lines = [text]
        lines += resumeHint(state)
        return DialogueStep(state: state, replies: [lines.joined(separator: "\n")], effects: [.recordIncident(incident)])
    }

    func notUnderstood(state: DialogueState) -> DialogueStep {
        DialogueStep(state: state, replies: [([render("not_understood"), render("menu")] + resumeHint(state)).joined(separator: "\n")])
    }

    func choose(_ message: DialogueMessage, among ids: [String]) -> String? {
        let text = Self.trimmed(message.normalized)
        let first = ["1", "一", "第一", "第一个", "前者", "前面", "前一个"]
        let second = ["2", "二", "第二", "第二个", "后者", "后面", "后一个"]
        if ids.count > 0, first.contains(where: { text == $0 || text.hasPrefix($0 + "个") }) { return ids[0] }
        if ids.count > 1, second.contains(where: { text == $0 || text.hasPrefix($0 + "个") }) { return ids[1] }
        if let id = ids.first(where: { text.contains(catalog.title(categoryID: $0)) }) { return id }
        let label = message.classification.label
        if ids.contains(label) && !message.classification.isAmbiguous { return label }
        return nil
    }

    // MARK: - Helpers

    func render(_ key: String, _ values: [String: String] = [:]) -> String { replies.render(key, values) }

    func itemTitle(_ ask: Ask) -> String { render("item_\(ask.rawValue)") }

    func filedValues(_ record: CaseRecord) -> [String: String] {
        [
            "number": record.number,
            "owner": record.ownerRole?.title ?? render("owner_pending"),
            "accept_within": record.acceptBy.map { Self.duration(from: record.filedAt, to: $0) } ?? render("owner_pending"),
            "resolve_within": record.resolveBy.map { Self.duration(from: record.filedAt, to: $0) } ?? render("owner_pending"),
        ]
    }

    func casePlace(_ place: Place) -> CasePlace {
        CasePlace(area: place.area, building: place.building, unit: place.unit, room: place.room)
    }

    /// `东区3栋2单元501 楼道`, or nil when nothing is known.
    public static func describe(_ place: CasePlace) -> String? {
        var out = place.area ?? ""
        if let building = place.building { out += "\(building)栋" }
        if let unit = place.unit { out += "\(unit)单元" }
        if let room = place.room { out += room.allSatisfy(\.isNumber) ? "\(room)室" : room }
        if let spot = place.spot, !out.contains(spot) { out += out.isEmpty ? spot : " " + spot }
        return out.isEmpty ? nil : out
    }

    /// `2小时`, `24小时`, `7天`: the time between two dates in the unit a resident expects.
    public static func duration(from start: Date, to end: Date) -> String {
        let hours = Int((end.timeIntervalSince(start) / 3600).rounded())
        if hours <= 48 && (hours < 24 || hours % 24 != 0 || hours == 24) { return "\(max(hours, 1))小时" }
        return "\(Int((Double(hours) / 24).rounded()))天"
    }

    /// Drops surrounding whitespace and trailing punctuation.
    static func trimmed(_ text: String) -> String {
        var out = text.trimmingCharacters(in: .whitespacesAndNewlines)
        while let last = out.last, "。.!！?？~～，,、;；".contains(last) { out.removeLast() }
        return out
    }
}
