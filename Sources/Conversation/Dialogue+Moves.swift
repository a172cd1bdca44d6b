import Casework
import Foundation
import Rules
import Understanding

// Conversation moves, emergencies, handoffs, cancelling, status and my cases.
extension Dialogue {
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
        if let id = ids.first(where: { text.includes(catalog.title(categoryID: $0)) }) { return id }
        let label = message.classification.label
        if ids.contains(label) && !message.classification.isAmbiguous { return label }
        return nil
    }
}
