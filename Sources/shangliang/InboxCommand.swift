import ArgumentParser
import Casework
import Foundation
import Office

/// `shangliang inbox [list] | answer N [TEXT] | handled N [NOTE] --as STAFF`: the requests that
/// are not cases, the same as 待回复 / 回复 / 已处置 in the chat.
struct InboxCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inbox",
        abstract: "Staff: residents waiting for a person (转人工) and incidents to handle (emergencies, refused requests).",
        discussion: """
            The same as 待回复 / 回复 N 文字 / 已处置 N 说明 typed by staff in the chat. An answer's text
            goes to the resident through the outbox (their next prompt, or a gateway notify line).
            Examples:
              shangliang inbox --as staff:feng-li
              shangliang inbox answer 3 您好，我是社区的小冯，明天上午给您回电话 --as staff:feng-li
              shangliang inbox handled 2 消防已到场，火已扑灭 --as staff:zhao-gang
            """,
        subcommands: [List.self, Answer.self, Handled.self],
        defaultSubcommand: List.self)

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "待回复: open 转人工 requests (oldest first) and incidents (emergencies first).")
        @OptionGroup var options: GlobalOptions
        @OptionGroup var actor: CaseCommand.Actor
        func run() throws { try InboxCommand.run(.requests, options, actor) }
    }

    struct Answer: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "回复: answer a 转人工 request; the text goes to the resident.")
        @OptionGroup var options: GlobalOptions
        @OptionGroup var actor: CaseCommand.Actor
        @Argument(help: "The request number (from the list).") var number: Int64
        @Argument(help: "What to tell the resident (optional: without it the request is only marked answered).")
        var text: [String] = []
        func run() throws { try InboxCommand.run(.answer(handoff: number, text: CaseCommand.text(text)), options, actor) }
    }

    struct Handled: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "已处置: mark an incident handled.")
        @OptionGroup var options: GlobalOptions
        @OptionGroup var actor: CaseCommand.Actor
        @Argument(help: "The incident number (from the list).") var number: Int64
        @Argument(help: "What was done (optional).") var note: [String] = []
        func run() throws { try InboxCommand.run(.handled(incident: number, note: CaseCommand.text(note)), options, actor) }
    }

    /// Runs a request command as the actor; a refusal goes to stderr with exit 1.
    static func run(_ command: StaffCommand, _ options: GlobalOptions, _ actor: CaseCommand.Actor) throws {
        let office = try CaseCommand.staffOffice(options, actor, label: "shangliang.inbox")
        guard let reply = try office.performRequest(command, by: actor.userID) else { return }
        guard reply.done else {
            FileHandle.standardError.write(Data((reply.text + "\n").utf8))
            throw ExitCode.failure
        }
        print(reply.text)
    }
}
