import ArgumentParser
import Channels
import Foundation
import Logging
import Office
import Rules

#if canImport(Glibc)
import Glibc
#endif

/// `shangliang chat [--user ID] [--name NAME]`: the terminal chat.
struct ChatCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chat",
        abstract: "Chat with the assistant in the terminal (or pipe lines in: one message per line).",
        discussion: """
            Example: printf '3栋电梯坏了\\n昨天\\n' | shangliang chat --user u1
            Every message is stored before its reply is shown; restarting resumes the conversation.
            """)

    @OptionGroup var options: GlobalOptions

    @Option(help: "Your user id (conversations and cases are kept per user).")
    var user = "terminal"

    @Option(help: "Your name, used in greetings.")
    var name: String?

    func run() throws {
        let office = try options.makeOffice(logger: GlobalOptions.stderrLogger("shangliang.chat"))
        let interactive = isatty(STDIN_FILENO) == 1
        let discipline = TerminalLineDiscipline()
        defer { discipline.restore() }
        let channel = TerminalChannel(
            office: office, userID: user, userName: name, isInteractive: interactive,
            style: TerminalStyle.detect(environment: ProcessInfo.processInfo.environment),
            write: { text in FileHandle.standardOutput.write(Data(text.utf8)) },
            banner: interactive ? Self.banner(office.ruleBook.replies, name: name) : nil)
        try channel.run()
    }

    /// The greeting and the menu, from the reply templates.
    static func banner(_ replies: ReplyTemplates, name: String?) -> String {
        replies.render("greeting", ["name": name.map { "，\($0)" } ?? ""]) + "\n" + replies.render("menu")
    }
}
