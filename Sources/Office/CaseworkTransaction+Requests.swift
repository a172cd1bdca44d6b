import Casework
import Foundation
import Rules
import Store

/// The requests staff answer that are not cases: 转人工 (handoffs) and incidents (emergencies,
/// non-discussable requests explained and redirected). `待回复` lists what is open, `回复 N 文字`
/// answers a handoff (the words go to the resident through the outbox) and `已处置 N 说明` closes
/// an incident; the CLI's `shangliang inbox` runs the same commands.
extension CaseworkTransaction {
    /// What 待回复 / 回复 / 已处置 answer.
    struct RequestReply {
        /// Chinese text for the member of staff.
        var text: String
        /// False for a refusal (not staff, unknown number, already answered).
        var done: Bool
    }

    /// Runs 待回复 / 回复 / 已处置 as `userID`; nil for any other command.
    /// - Throws: database errors only; a refusal is an answer.
    func performRequest(_ command: StaffCommand, by userID: String) throws -> RequestReply? {
        switch command {
        case .requests, .answer, .handled:
            guard routing.directory.isStaff(userID: userID) else { return RequestReply(text: CaseDesk.residentRefusal, done: false) }
        default:
            return nil
        }
        switch command {
        case .answer(let id, let text): return try answerHandoff(id, text: text, by: userID)
        case .handled(let id, let note): return try handleIncident(id, note: note, by: userID)
        default: return RequestReply(text: try requestListing(), done: true)
        }
    }

    /// Every open handoff (oldest first), then every open incident (emergencies first).
    func requestListing() throws -> String {
        let handoffs = try tx.openHandoffs()
        let incidents = try tx.openIncidents()
        if handoffs.isEmpty && incidents.isEmpty { return "目前没有等待回复的转人工请求，也没有待处置的事件。" }
        var lines: [String] = []
        if handoffs.isEmpty {
            lines.append("没有等待回复的转人工请求。")
        } else {
            lines.append("等待回复的转人工（\(handoffs.count) 条，发送「回复 编号 您要说的话」）：")
            for handoff in handoffs { lines.append(try line(for: handoff)) }
        }
        if !incidents.isEmpty {
            lines.append("待处置的事件（\(incidents.count) 件，处置后发送「已处置 编号 说明」）：")
            for incident in incidents { lines.append(try line(for: incident)) }
        }
        return lines.joined(separator: "\n")
    }

    private func line(for handoff: HandoffRecord) throws -> String {
        var line = "转人工#\(handoff.id) · \(routing.lifecycle.time(handoff.createdAt)) · \(try resident(handoff.userID))"
        line += " · " + Self.reasonTitle(handoff.reason) + " · 已等\(Deadlines.describe(max(0, now.timeIntervalSince(handoff.createdAt))))"
        if let seq = handoff.messageSeq, let text = try tx.residentText(conversationID: handoff.conversationID, before: seq) {
            line += " · 之前说：「\(Self.excerpt(text))」"
        }
        return line
    }

    private func line(for incident: IncidentRecord) throws -> String {
        let titles = routing.desk.categoryTitles
        var title = titles[incident.categoryID] ?? incident.categoryID
        if let sub = incident.subtopicID, let subTitle = titles["\(incident.categoryID)/\(sub)"] { title += "·" + subTitle }
        var line = "事件#\(incident.id) · " + (incident.kind == "emergency" ? "【紧急】" : "") + title
        line += " · \(CasePlace.describe(incident.place)) · \(routing.lifecycle.time(incident.createdAt)) · \(try resident(incident.userID))"
        if let number = incident.number { line += " · 已提示拨打\(number)" }
        if let seq = incident.messageSeq,
            let text = try tx.residentText(conversationID: incident.conversationID, before: seq, including: true) {
            line += " · 原话：「\(Self.excerpt(text))」"
        }
        return line
    }

    private func answerHandoff(_ id: Int64, text: String?, by userID: String) throws -> RequestReply {
        guard let handoff = try tx.handoff(id: id) else {
            return RequestReply(text: "没有转人工#\(id)，请发送「待回复」查看。", done: false)
        }
        // The first answer closes the request; later ones are more words to the same resident.
        let first = try tx.answerHandoff(id: id, by: userID, answer: text, at: now)
        guard let text else {
            if first { return RequestReply(text: "已把转人工#\(id) 记为已回复（没有附话，居民不会收到消息）。", done: true) }
            let who = routing.lifecycle.name(handoff.answeredBy ?? "")
            return RequestReply(text: "转人工#\(id) 已由\(who)于\(routing.lifecycle.time(handoff.answeredAt))回复过。", done: false)
        }
        let staff = routing.lifecycle.name(userID)
        try tx.enqueue(recipient: handoff.userID, text: "【社区工作人员\(staff)】\(text)", kind: "handoff-answer", at: now)
        return RequestReply(text: "已发给居民\(try resident(handoff.userID))（转人工#\(id)\(first ? "" : "，补充")）。", done: true)
    }

    private func handleIncident(_ id: Int64, note: String?, by userID: String) throws -> RequestReply {
        guard let incident = try tx.incident(id: id) else {
            return RequestReply(text: "没有事件#\(id)，请发送「待回复」查看。", done: false)
        }
        guard try tx.markIncidentHandled(id: id, by: userID, note: note, at: now) else {
            let who = routing.lifecycle.name(incident.handledBy ?? "")
            return RequestReply(text: "事件#\(id) 已由\(who)于\(routing.lifecycle.time(incident.handledAt))处置。", done: false)
        }
        return RequestReply(text: "已记录：事件#\(id) 已处置" + (note.map { "（\($0)）" } ?? "") + "。", done: true)
    }

    /// "张阿姨（wx:o6_abc）", or the user id alone when the channel gave no name.
    private func resident(_ userID: String) throws -> String {
        guard let name = try tx.residentName(userID: userID), !name.isEmpty else { return userID }
        return "\(name)（\(userID)）"
    }

    static func reasonTitle(_ reason: String) -> String {
        switch reason {
        case "secretary": "书记直通车"
        case "not-understood": "没听懂后转人工"
        default: "请求人工"
        }
    }

    /// The first 40 characters, on one line.
    static func excerpt(_ text: String) -> String {
        let flat = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        return flat.count > 40 ? String(flat.prefix(40)) + "…" : flat
    }
}
