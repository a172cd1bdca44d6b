import Casework
import Rules
import Understanding
import Foundation
import Store

/// Casework's part of the chat: staff commands typed by a user id the directory lists
/// (`接单 2026-0012`, `我的待办` ...), a polite refusal when a resident types one, and the
/// resident's verdict (满意 / 基本满意 / 不满意 + comment) on a resolved case of theirs. On
/// `tick`, the clock's work (escalations, reminders, closing unrated cases).
struct CaseworkInterceptor: TurnInterceptor {
    let routing: CommunityRouting

    /// Typed by staff: the list of commands.
    static let helpWords: Set<String> = ["指令", "帮助指令", "工作人员指令", "命令"]

    func intercept(_ turn: InterceptedTurn, in tx: StoreTransaction) throws -> [String]? {
        let userID = turn.inbound.userID
        let isStaff = routing.directory.isStaff(userID: userID)
        // Made only when needed: it copies the whole routing (most messages need none).
        func work() -> CaseworkTransaction { CaseworkTransaction(routing: routing, tx: tx, now: turn.now) }
        switch StaffCommand.parse(turn.inbound.text) {
        case .command(let command):
            if isStaff { return [try work().perform(command, by: userID).text] }
            // A resident asking to see a case gets its status from the dialogue.
            if case .show = command { return nil }
            return [CaseDesk.residentRefusal]
        case .malformed(_, let usage):
            if isStaff { return [usage] }
        case .notACommand:
            if isStaff && Self.helpWords.contains(turn.inbound.text.trimmingCharacters(in: .whitespaces)) {
                return [StaffCommand.help]
            }
        }
        // 撤销 of a resolved case: the lifecycle does not allow it (the resident rates it instead);
        // say so here, before the dialogue promises a withdrawal.
        if turn.classification.moves.contains("cancel"), let number = turn.classification.caseNumbers.first,
            let record = try tx.caseRecord(number: number), record.filedBy == userID, record.state == .resolved {
            return [CaseworkError.wrongState(caseNumber: number, action: CaseAction.cancel(note: nil).title, state: record.state).description
                + "如果问题没有解决，请回复「不满意」和原因，我们会重新办理。"]
        }
        // "不满意 2026-0012 又堆满了", "2026-0012 满意": the number says which case, not the comment.
        guard turn.dialogueIsIdle || turn.classification.moves.contains("rate"),
            let verdict = RatingReply.parse(Self.withoutCaseNumbers(turn.inbound.text)),
            let record = try work().caseAwaitingRating(from: userID, named: turn.classification.caseNumbers)
        else { return nil }
        return try work().rate(record, verdict.rating, comment: verdict.comment, by: userID)
    }

    /// `text` with each case number (`2026-0012`, `2026 - 12号`) replaced by a space.
    static func withoutCaseNumbers(_ text: String) -> String {
        // Compiling and running the regex costs more than the rest of a turn, and most messages
        // hold no run of four digits: they are returned as they are.
        guard mayHoldFourDigits(text) else { return text }
        return text.replacing(/\d{4}\s*[-－]\s*\d{1,5}号?/, with: " ")
    }

    /// False only when `text` has no four characters in a row that `\d` could match (every
    /// character `\d` matches holds a scalar with a numeric type: ASCII, full-width, ½ ...).
    static func mayHoldFourDigits(_ text: String) -> Bool {
        var run = 0
        for character in text {
            if character.unicodeScalars.contains(where: { $0.properties.numericType != nil }) {
                run += 1
                if run == 4 { return true }
            } else {
                run = 0
            }
        }
        return false
    }

    func tick(now: Date, in tx: StoreTransaction) throws {
        try CaseworkTransaction(routing: routing, tx: tx, now: now).tick()
    }
}
