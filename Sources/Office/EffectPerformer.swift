import Casework
import Conversation
import Foundation
import Rules
import Store

/// Performs the dialogue's effects in the turn's transaction.
struct EffectPerformer {
    let runner: TurnRunner
    let inbound: Inbound
    let messageSeq: Int64
    private(set) var notifications: [PendingNotification] = []

    init(runner: TurnRunner, inbound: Inbound, messageSeq: Int64) {
        self.runner = runner
        self.inbound = inbound
        self.messageSeq = messageSeq
    }

    var tx: StoreTransaction { runner.tx }
    var now: Date { runner.now }
    var replies: ReplyTemplates { runner.book.replies }

    /// Performs one effect; returns the outcome the dialogue waits for (file, co-sign).
    mutating func perform(_ effect: DialogueEffect) throws -> EffectOutcome? {
        switch effect {
        case .fileCase(let draft):
            return .filed(try file(draft))
        case .cosign(let number):
            guard var record = try tx.caseRecord(number: number), record.state.isOpen else { return .failed }
            // The filer hears the office's own wording (how many residents raise it now).
            let told = replies.render("notify_cosigned", ["number": number, "count": String(record.cosigners.count + 2)])
            if let outcome = try lifecycle(.cosign, on: record, rewording: { notice in
                notice.recipientUserID == record.filedBy ? told : notice.text
            }) {
                guard let outcome else { return .failed }
                return .cosigned(CaseSummary(outcome.record))
            }
            let isNew = try tx.addCosigner(caseNumber: number, userID: inbound.userID, at: now)
            record.cosigners = try tx.caseRecord(number: number)?.cosigners ?? record.cosigners
            if isNew {
                try tx.appendEvent(CaseEvent(caseNumber: number, kind: .cosigned, actor: inbound.userID, at: now))
                // The resident who filed it hears that others share the concern.
                notifications.append(PendingNotification(
                    recipient: record.filedBy,
                    text: replies.render("notify_cosigned", ["number": number, "count": String(record.cosigners.count + 1)]),
                    kind: "cosigned", caseNumber: number))
            }
            return .cosigned(CaseSummary(record))
        case .addProposal(let number, let text):
            guard var record = try tx.caseRecord(number: number) else { return nil }
            record.draft.proposal = [record.draft.proposal, text].compactMap { $0 }.joined(separator: "；")
            try tx.updateCase(record, at: now)
            try tx.appendEvent(CaseEvent(caseNumber: number, kind: .noted, actor: inbound.userID, at: now, note: "提方案"))
            return nil
        case .cancelCase(let number):
            guard var record = try tx.caseRecord(number: number), record.state.isOpen, record.filedBy == inbound.userID else { return nil }
            if try lifecycle(.cancel(note: nil), on: record) != nil { return nil }
            let from = record.state
            record.state = .cancelled
            try tx.updateCase(record, at: now)
            try tx.appendEvent(CaseEvent(caseNumber: number, kind: .cancelled, actor: inbound.userID, at: now, fromState: from, toState: .cancelled))
            return nil
        case .recordIncident(let incident):
            try tx.recordIncident(IncidentRecord(
                kind: incident.kind.rawValue, categoryID: incident.categoryID, subtopicID: incident.subtopicID,
                priority: incident.priority, userID: inbound.userID, conversationID: inbound.conversationID,
                messageSeq: messageSeq, place: incident.place, number: incident.number, createdAt: now))
            if incident.kind == .emergency {
                let title = incident.subtopicID.flatMap { runner.book.catalog["emergency"]?.subtopics[$0]?.title } ?? "紧急情况"
                for recipient in runner.book.router.emergencyRecipients(for: incident.place) {
                    notifications.append(PendingNotification(
                        recipient: recipient,
                        text: replies.render("notify_emergency", [
                            "place": Dialogue.describe(incident.place) ?? replies.render("place_unknown"), "title": title,
                            "number": incident.number ?? "110", "user": inbound.userName ?? inbound.userID,
                        ]),
                        kind: "emergency"))
                }
            }
            return nil
        case .requestHandoff(let reason):
            let id = try tx.recordHandoff(HandoffRecord(
                userID: inbound.userID, conversationID: inbound.conversationID, messageSeq: messageSeq,
                reason: reason.rawValue, createdAt: now))
            for recipient in runner.book.router.handoffRecipients(for: inbound.userID, reason: reason.rawValue) {
                notifications.append(PendingNotification(
                    recipient: recipient,
                    text: replies.render("notify_handoff", ["user": inbound.userName ?? inbound.userID, "id": String(id)]),
                    kind: "handoff"))
            }
            return nil
        }
    }

    /// Applies a resident's action through the casework lifecycle when one is plugged in, and
    /// stores its outcome (notices to others go to the outbox).
    /// - Returns: nil when no lifecycle is plugged in (the caller does it the simple way);
    ///   `.some(nil)` when the lifecycle refused; the outcome otherwise.
    mutating func lifecycle(
        _ action: CaseAction, on record: CaseRecord, rewording: (Notice) -> String = { $0.text }
    ) throws -> LifecycleOutcome?? {
        var outcome: LifecycleOutcome
        do {
            guard let applied = try runner.book.router.apply(action, to: record, by: inbound.userID, now: now) else { return nil }
            outcome = applied
        } catch is CaseworkError {
            return .some(nil)
        }
        outcome.notices = outcome.notices.map { notice in
            var notice = notice
            notice.text = rewording(notice)
            return notice
        }
        for entry in try tx.store(outcome, at: now, skippingNoticesTo: inbound.userID) {
            notifications.append(PendingNotification(
                recipient: entry.recipient, text: entry.text, kind: "case", caseNumber: record.number, entry: entry))
        }
        return .some(outcome)
    }

    /// Files a case: number, routing (the seam), row, events, owner notifications.
    mutating func file(_ draft: CaseDraft) throws -> CaseRecord {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = replies.timeZone
        let year = calendar.component(.year, from: now)
        let number = try tx.nextCaseNumber(year: year)
        let filed = CaseRecord(number: number, draft: draft, state: .new, filedBy: inbound.userID, filedAt: now)
        if let outcome = runner.book.router.dispatch(filed, now: now) {
            // The lifecycle dispatches: its events and notices (none to the resident, who hears
            // the dialogue's reply).
            try tx.insertCase(filed)
            for entry in try tx.store(outcome, at: now, skippingNoticesTo: inbound.userID) {
                notifications.append(PendingNotification(recipient: entry.recipient, text: entry.text, kind: "case", caseNumber: number, entry: entry))
            }
            return outcome.record
        }
        let routed = runner.book.router.route(filed, now: now)
        try tx.insertCase(routed)
        if routed.state != .new {
            try tx.appendEvent(CaseEvent(
                caseNumber: number, kind: .dispatched, actor: "system", at: now, note: routed.routingReason,
                fromState: .new, toState: routed.state))
        }
        let recipients = ([routed.ownerUserID].compactMap { $0 } + routed.informedUserIDs).reduce(into: [String]()) {
            if !$0.contains($1) { $0.append($1) }
        }
        for recipient in recipients {
            notifications.append(PendingNotification(
                recipient: recipient,
                text: replies.render("notify_new_case", [
                    "number": number, "category": runner.book.catalog.title(categoryID: draft.categoryID),
                    "summary": draft.summary, "place": Dialogue.describe(draft.place) ?? replies.render("place_unknown"),
                    "owner": routed.ownerRole?.title ?? "",
                    "accept_within": routed.acceptBy.map { Dialogue.duration(from: now, to: $0) } ?? "",
                ]),
                kind: "new-case", caseNumber: number))
        }
        return routed
    }
}
