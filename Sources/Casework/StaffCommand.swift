import Foundation

/// A command a member of staff types in the chat: `接单 2026-0012`, `办结 2026-0012 已清理完毕`,
/// `我的待办`, `转派 2026-0012 mediation`, `备注 2026-0012 ...`, `办结确认 2026-0012`,
/// `转办 2026-0012 12345 ...`, `查看 2026-0012`, `超时`; and for the requests that are not cases:
/// `待回复` (转人工 requests and incidents waiting), `回复 3 您好……`, `已处置 2 ……`.
///
/// The parser only reads the text; the caller checks that the user is staff (a resident gets a
/// polite refusal) and turns the command into a `CaseAction`.
public enum StaffCommand: Sendable, Hashable {
    /// 接单 N.
    case accept(caseNumber: String)
    /// 办结 N [说明].
    case resolve(caseNumber: String, note: String?)
    /// 我的待办: open cases owned or followed by the user.
    case myTodo
    /// 超时 / 逾期: overdue open cases (the secretary's view).
    case overdue
    /// 转派 N 目标 [说明]; the target as typed: a role id (`mediation`), a role's Chinese name
    /// (调解室, 物业), or a member of staff (user id, person id or name). See `ReassignTarget`.
    case reassign(caseNumber: String, target: String, note: String?)
    /// 备注 N 内容.
    case note(caseNumber: String, text: String)
    /// 办结确认 N [说明].
    case confirmClose(caseNumber: String, note: String?)
    /// 转办 N [去处] [说明]: to an outside body (12345, a department).
    case refer(caseNumber: String, to: String?, note: String?)
    /// 查看 N.
    case show(caseNumber: String)
    /// 待回复: residents waiting for a person (转人工) and incidents (emergencies, refused
    /// requests) nobody has handled yet.
    case requests
    /// 回复 N [文字]: answers 转人工 request N; the text, if any, goes to the resident.
    case answer(handoff: Int64, text: String?)
    /// 已处置 N [说明]: incident N has been dealt with.
    case handled(incident: Int64, note: String?)

    /// What a line of text is.
    public enum Parsed: Sendable, Hashable {
        case command(StaffCommand)
        /// It starts like a command but something is missing; `usage` says how to write it.
        case malformed(verb: String, usage: String)
        /// Ordinary text: let the dialogue handle it.
        case notACommand
    }

    /// The case number a command is about, if any.
    public var caseNumber: String? {
        switch self {
        case .accept(let n), .resolve(let n, _), .reassign(let n, _, _), .note(let n, _), .confirmClose(let n, _),
            .refer(let n, _, _), .show(let n):
            n
        case .myTodo, .overdue, .requests, .answer, .handled: nil
        }
    }

    /// The help text listing the commands.
    public static let help = """
        工作人员指令：
        接单 2026-0012
        办结 2026-0012 已清理完毕
        转派 2026-0012 mediation（或：调解室、物业、工作人员id）
        备注 2026-0012 已联系业主，周五上门
        转办 2026-0012 12345 涉及违建，已转城管
        办结确认 2026-0012（书记）
        查看 2026-0012
        我的待办 · 超时
        待回复（转人工和紧急事件）
        回复 3 您好，我是社区的小冯……（答复第3号转人工，文字会发给居民）
        已处置 2 已联系消防，火已扑灭（第2号事件）
        """

    private static let todoWords = ["我的待办", "待办", "我的任务", "待办列表"]
    private static let overdueWords = ["超时", "逾期", "超时诉求", "逾期诉求"]
    private static let requestWords = ["待回复", "转人工列表", "人工待办", "待处置"]
    /// The verbs followed by a request number, not a case number.
    private static let requestVerbs: [(String, String)] = [
        ("已处置", "已处置 2 处置说明"),
        ("回复", "回复 3 回复居民的话"),
    ]
    /// The first characters of the commands: a text (trimmed) starting otherwise is none. (The
    /// full-width forms made ASCII before matching start no command either.)
    static let commandStarts = Set((todoWords + overdueWords + requestWords + (verbs + requestVerbs).map(\.0)).compactMap(\.first))

    private static let verbs: [(String, String)] = [
        // Longest first: 办结确认 before 办结.
        ("办结确认", "办结确认 2026-0012"),
        ("接单", "接单 2026-0012"),
        ("办结", "办结 2026-0012 处理说明"),
        ("转派", "转派 2026-0012 mediation"),
        ("备注", "备注 2026-0012 备注内容"),
        ("转办", "转办 2026-0012 12345 说明"),
        ("查看", "查看 2026-0012"),
    ]

    /// Reads a line. Full-width digits, dashes and spaces are accepted; `2026-12` means `2026-0012`.
    public static func parse(_ text: String) -> Parsed {
        // Every message is parsed: most start with a character no command starts with.
        guard let start = text.unicodeScalars.firstIndex(where: { !whitespacesAndNewlines.contains($0) }),
              let first = Substring(text.unicodeScalars[start...]).first, commandStarts.contains(first)
        else { return .notACommand }
        var t = trimming(asciiDigitsAndDashes(text), whitespacesAndNewlines)
        // Before the end's punctuation goes: a reply to a resident keeps its full stop.
        if let parsed = parseRequestVerb(t) { return parsed }
        while let last = t.last, "。.!！?？".contains(last) { t.removeLast() }
        t = trimming(t, whitespaces)
        if todoWords.contains(t) { return .command(.myTodo) }
        if overdueWords.contains(t) { return .command(.overdue) }
        if requestWords.contains(t) { return .command(.requests) }

        for (verb, usage) in verbs where t.hasPrefix(verb) {
            var rest = Substring(t.dropFirst(verb.count))
            let separated = rest.isEmpty || rest.first!.isWhitespace || ":：#".contains(rest.first!)
            rest = rest.drop { $0.isWhitespace || ":：#".contains($0) }
            guard let (number, after) = caseNumber(prefixOf: rest) else {
                // "办结了吗" is a resident's question, not a command.
                if !separated && !rest.isEmpty { return .notACommand }
                return .malformed(verb: verb, usage: "用法：\(usage)")
            }
            let remainder = after.drop { $0.isWhitespace || ",，:：、".contains($0) }.trimmingCharacters(in: .whitespaces)
            let note = remainder.isEmpty ? nil : remainder
            switch verb {
            case "接单": return .command(.accept(caseNumber: number))
            case "办结": return .command(.resolve(caseNumber: number, note: note))
            case "办结确认": return .command(.confirmClose(caseNumber: number, note: note))
            case "查看": return .command(.show(caseNumber: number))
            case "备注":
                guard let note else { return .malformed(verb: verb, usage: "用法：\(usage)") }
                return .command(.note(caseNumber: number, text: note))
            case "转派":
                guard let note else { return .malformed(verb: verb, usage: "用法：\(usage)") }
                let (target, more) = splitFirstWord(note)
                return .command(.reassign(caseNumber: number, target: target, note: more))
            case "转办":
                guard let note else { return .command(.refer(caseNumber: number, to: nil, note: nil)) }
                let (first, more) = splitFirstWord(note)
                if ReassignTarget.externalRole(first) != nil { return .command(.refer(caseNumber: number, to: first, note: more)) }
                return .command(.refer(caseNumber: number, to: nil, note: note))
            default: return .notACommand
            }
        }
        return .notACommand
    }

    /// `回复 3 ……` and `已处置 2 ……`: the number may carry a `#`, `第…号`, or the list's `H`/`E`.
    private static func parseRequestVerb(_ t: String) -> Parsed? {
        for (verb, usage) in requestVerbs where t.hasPrefix(verb) {
            var rest = Substring(t.dropFirst(verb.count))
            let separated = rest.isEmpty || rest.first!.isWhitespace || ":：#".contains(rest.first!)
            rest = rest.drop { $0.isWhitespace || ":：#".contains($0) }
            if let first = rest.first, "第hHeE".contains(first) { rest = rest.dropFirst() }
            let digits = rest.prefix { $0.isASCII && $0.isNumber }
            guard !digits.isEmpty, digits.count <= 9, let number = Int64(digits) else {
                // "回复我一下" is a resident's words, not a command.
                if !separated && !rest.isEmpty { return .notACommand }
                return .malformed(verb: verb, usage: "用法：\(usage)")
            }
            rest = rest.dropFirst(digits.count)
            if rest.first == "号" { rest = rest.dropFirst() }
            // "回复123abc" is not a request number.
            if let next = rest.first, !(next.isWhitespace || ",，:：、。.!！?？".contains(next)) { return .notACommand }
            let remainder = rest.drop { $0.isWhitespace || ",，:：、".contains($0) }.trimmingCharacters(in: .whitespaces)
            let text = remainder.allSatisfy({ "。.!！?？".contains($0) }) ? nil : remainder
            return .command(verb == "回复" ? .answer(handoff: number, text: text) : .handled(incident: number, note: text))
        }
        return nil
    }

    /// A case number typed alone (`2026-0012`, `2026-12`, full-width digits), normalised to
    /// `YYYY-NNNN`; nil when the text is not a case number.
    public static func caseNumber(_ text: String) -> String? {
        let t = asciiDigitsAndDashes(text).trimmingCharacters(in: .whitespaces)
        guard let (number, rest) = caseNumber(prefixOf: Substring(t)), rest.isEmpty else { return nil }
        return number
    }

    /// A case number at the start of `text` (`2026-0012`, `2026-12`, `2026 - 0012号`), normalised
    /// to `YYYY-NNNN`, and the text after it.
    static func caseNumber(prefixOf text: Substring) -> (String, Substring)? {
        var rest = text
        let year = rest.prefix { $0.isASCII && $0.isNumber }
        guard year.count == 4 else { return nil }
        rest = rest.dropFirst(4).drop { $0 == " " }
        guard rest.first == "-" else { return nil }
        rest = rest.dropFirst().drop { $0 == " " }
        let serial = rest.prefix { $0.isASCII && $0.isNumber }
        guard (1...5).contains(serial.count), let value = Int(serial) else { return nil }
        rest = rest.dropFirst(serial.count)
        if rest.first == "号" { rest = rest.dropFirst() }
        return ("\(year)-" + String(format: "%04d", value), rest)
    }

    /// Full-width digits, letters, dashes, `#` and the ideographic space become ASCII; other
    /// characters (the Chinese comma in a note) stay as typed.
    static func asciiDigitsAndDashes(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0xFF10...0xFF19, 0xFF21...0xFF3A, 0xFF41...0xFF5A, 0xFF03:
                out.append(Unicode.Scalar(scalar.value - 0xFEE0)!)
            case 0xFF0D, 0x2010...0x2015, 0x2212, 0xFE63:
                out.append("-")
            case 0x3000:
                out.append(" ")
            default:
                out.append(scalar)
            }
        }
        return String(out)
    }

    // Foundation's `trimmingCharacters(in:)` showed in the gateway's profile (every message is
    // parsed): the same trimming, by scalars, with the sets made once.
    private static let whitespacesAndNewlines = CharacterSet.whitespacesAndNewlines
    private static let whitespaces = CharacterSet.whitespaces

    /// `text` without the scalars of `set` at either end, as `trimmingCharacters(in:)` does.
    static func trimming(_ text: String, _ set: CharacterSet) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !set.contains($0) }) else { return "" }
        let last = scalars.lastIndex(where: { !set.contains($0) })!
        if first == scalars.startIndex && last == scalars.index(before: scalars.endIndex) { return text }
        return String(scalars[first...last])
    }

    private static func splitFirstWord(_ text: String) -> (String, String?) {
        guard let space = text.firstIndex(where: { $0.isWhitespace || ",，".contains($0) }) else { return (text, nil) }
        let more = text[space...].drop { $0.isWhitespace || ",，".contains($0) }
        return (String(text[..<space]), more.isEmpty ? nil : String(more))
    }
}
