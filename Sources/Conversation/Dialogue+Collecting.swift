import Casework
import Foundation
import Rules
import Understanding

// 问诉求: continuing a phase, collecting answers, confirming, reading back.
extension Dialogue {
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
                if text.count >= 2 { draft.detail = Self.droppingLeadIn(text) }
            }
            return readBack(draft)
        case .offeringCosign(let number):
            guard let draft = state.draft else { return nil }
            let text = message.normalized
            if ["新建", "单独", "重新登记", "不附议", "另外登记", "不是一回事", "不是同一"].contains(where: { text.includes($0) }) || message.has(MoveID.no) {
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
        let placeBefore = draft.place
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
        // A place given or corrected out of turn ("不对，是5栋") is said back, so the resident
        // knows it was taken.
        var prefix: [String] = []
        if answered, pending != .place, placeBefore.building != nil, draft.place != placeBefore,
           let place = Self.describe(draft.place) {
            prefix.append(render("noted_place", ["place": place]))
        }
        return nextQuestion(draft, lookup: lookup, prefix: prefix, isRetry: !answered)
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
        if message.classification.label == "none", let step = idleMove(message, state: DialogueState(phase: .confirming, draft: draft), lookup: lookup) {
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
        var detail = AnswerScanner.display(draft.description)
        // The resident's own words stay as written; a building corrected since is said after them.
        if let corrected = draft.place.building,
           let written = PlaceExtractor.extract(from: draft.description).place.building, written != corrected,
           let now = Self.describe(CasePlace(area: draft.place.area, building: corrected)) {
            detail += render("summary_corrected", ["place": now])
        }
        var line = render("summary", ["category": title, "place": place, "detail": detail])
        if let since = draft.since { line += render("summary_since", ["since": since]) }
        if let households = draft.households { line += render("summary_households", ["households": households]) }
        return line
    }
}
