public import Office

/// The terminal chat: one resident, one line per message. Interactive on a terminal (prompt,
/// colour, notifications at each prompt, `/quit`); plain lines in and out otherwise, so it can be
/// scripted: `printf '3栋电梯坏了\n是\n' | shangliang chat --user u1`.
public struct TerminalChannel {
    public var office: any TurnHandling
    public var userID: String
    public var userName: String?
    public var isInteractive: Bool
    public var style: TerminalStyle
    /// Reads one line; nil at end of input (`readLine()` by default).
    public var readLine: () -> String?
    /// Writes text (already with its line breaks) and flushes.
    public var write: (String) -> Void
    /// Said once when an interactive session starts (a greeting and the menu).
    public var banner: String?

    /// Creates a terminal channel.
    public init(
        office: any TurnHandling, userID: String, userName: String?, isInteractive: Bool, style: TerminalStyle,
        readLine: @escaping () -> String? = { Swift.readLine(strippingNewline: true) },
        write: @escaping (String) -> Void, banner: String? = nil
    ) {
        self.banner = banner
        self.office = office
        self.userID = userID
        self.userName = userName
        self.isInteractive = isInteractive
        self.style = style
        self.readLine = readLine
        self.write = write
    }

    /// Runs until end of input or `/quit`. Each message is committed before its reply is shown.
    /// - Throws: a database error (the message it happened on is not committed).
    public func run() throws {
        if isInteractive {
            write(style.note("商量办公室小助手（输入 /quit 退出）") + "\n")
            if let banner { write(style.reply(banner) + "\n") }
        }
        while true {
            // The long-running chat does the clock's work itself (escalations, reminders) before
            // each prompt; what it writes for this user shows at once.
            _ = try office.tick()
            try showNotifications()
            if isInteractive { write(style.prompt(userName ?? "我")) }
            guard var line = readLine() else { break }
            if line.hasSuffix("\r") { line.removeLast() }
            let text = line.trimmingTerminalSpaces()
            if text == "/quit" || text == "/exit" { break }
            if text.isEmpty && isInteractive { continue }
            let outcome = try office.handle([Inbound(userID: userID, userName: userName, text: text, channel: "terminal")])
            for result in outcome {
                for reply in result.replies {
                    write((isInteractive ? style.reply(reply.text) : reply.text) + "\n")
                }
            }
        }
        if isInteractive { write("\n" + style.note("再见！") + "\n") }
    }

    /// Shows (and marks delivered) the outbox notifications waiting for this user.
    func showNotifications() throws {
        let pending = try office.pendingNotifications(for: userID)
        guard !pending.isEmpty else { return }
        for note in pending { write(style.notification(note.text) + "\n") }
        try office.markDelivered(pending.map(\.id))
    }
}

extension String {
    /// Without leading and trailing spaces, tabs and ideographic spaces.
    func trimmingTerminalSpaces() -> String {
        let spaces: Set<Character> = [" ", "\t", "\u{3000}"]
        var slice = self[...]
        while let first = slice.first, spaces.contains(first) { slice.removeFirst() }
        while let last = slice.last, spaces.contains(last) { slice.removeLast() }
        return String(slice)
    }
}
