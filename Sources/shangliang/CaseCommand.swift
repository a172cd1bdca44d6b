import ArgumentParser
import Casework
import Foundation
import Office
import Rules

/// `shangliang case list|show|accept|resolve|reassign|note|close`: staff work from the command
/// line, through the same desk as the chat commands (接单, 办结 ...).
struct CaseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "case",
        abstract: "Staff: list, show and act on cases (the same as 接单/办结/转派/备注/办结确认 in the chat).",
        discussion: """
            Examples:
              shangliang case list --building 3 --overdue
              shangliang case show 2026-0012
              shangliang case accept 2026-0012 --as staff:sun-yulan
              shangliang case resolve 2026-0012 已清理完毕 --as staff:sun-yulan
              shangliang case close 2026-0012 --as staff:chen-jianguo
            """,
        subcommands: [List.self, Show.self, Accept.self, Resolve.self, Reassign.self, Note.self, Close.self])

    /// Who acts: a user id listed in rules/community.yaml.
    struct Actor: ParsableArguments {
        @Option(name: .customLong("as"), help: ArgumentHelp("The staff user id acting (from community.yaml).", valueName: "user"))
        var userID: String
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List cases, oldest first, with filters.")
        @OptionGroup var options: GlobalOptions
        @Option(help: ArgumentHelp("Owned or followed by this person (user id or person id), or routed to this role (property, steward ...).", valueName: "who"))
        var owner: String?
        @Option(help: ArgumentHelp("Only these states, comma-separated: new, dispatched, accepted, resolved, closed, reopened, cancelled, in-meeting, referred.", valueName: "states"))
        var state: String?
        @Flag(help: "Only cases past a time limit.")
        var overdue = false
        @Flag(help: "Only open cases (not closed, cancelled or referred).")
        var open = false
        @Option(help: ArgumentHelp("Only this category id (sanitation, public-space ...).", valueName: "id"))
        var category: String?
        @Option(help: "Only this building.")
        var building: Int?

        func run() throws {
            let office = try options.makeOffice(logger: GlobalOptions.stderrLogger("shangliang.case"))
            var filter = CaseFilter(overdueOnly: overdue, categoryID: category, building: building, openOnly: open)
            if let owner {
                if let role = OwnerRole(rawValue: owner) {
                    filter.ownerRole = role
                } else {
                    filter.userID = office.ruleBook.casework?.directory.person(id: owner)?.userID ?? owner
                }
            }
            if let state {
                var states = Set<CaseState>()
                for word in state.split(separator: ",") {
                    guard let value = CaseState(rawValue: word.trimmingCharacters(in: .whitespaces)) else {
                        throw ValidationError("unknown state '\(word)'")
                    }
                    states.insert(value)
                }
                filter.states = states
            }
            let records = try office.cases(matching: filter)
            print(records.isEmpty ? "没有符合条件的诉求单。" : try office.caseListing(records))
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "A case's details, why it went where it went, and its history.")
        @OptionGroup var options: GlobalOptions
        @Argument(help: "The case number (2026-0012).") var number: String

        func run() throws {
            let office = try options.makeOffice(logger: GlobalOptions.stderrLogger("shangliang.case"))
            let number = try CaseCommand.caseNumber(self.number)
            guard let detail = try office.caseDetail(number: number) else {
                FileHandle.standardError.write(Data((CaseworkError.unknownCase(number).description + "\n").utf8))
                throw ExitCode.failure
            }
            print(detail)
        }
    }

    struct Accept: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "接单: take a case.")
        @OptionGroup var options: GlobalOptions
        @OptionGroup var actor: Actor
        @Argument(help: "The case number.") var number: String
        func run() throws { try CaseCommand.act(.accept(caseNumber: CaseCommand.caseNumber(number)), options, actor) }
    }

    struct Resolve: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "办结: mark a case resolved; the resident is asked to rate it.")
        @OptionGroup var options: GlobalOptions
        @OptionGroup var actor: Actor
        @Argument(help: "The case number.") var number: String
        @Argument(help: "What was done (optional).") var note: [String] = []
        func run() throws {
            try CaseCommand.act(.resolve(caseNumber: CaseCommand.caseNumber(number), note: CaseCommand.text(note)), options, actor)
        }
    }

    struct Reassign: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "转派: hand a case to another role or member of staff.")
        @OptionGroup var options: GlobalOptions
        @OptionGroup var actor: Actor
        @Argument(help: "The case number.") var number: String
        @Argument(help: "A role (mediation, 调解室, 物业) or a member of staff (user id, person id or name).") var target: String
        @Argument(help: "Why (optional).") var note: [String] = []
        func run() throws {
            try CaseCommand.act(
                .reassign(caseNumber: CaseCommand.caseNumber(number), target: target, note: CaseCommand.text(note)), options, actor)
        }
    }

    struct Note: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "备注: add a staff note to a case.")
        @OptionGroup var options: GlobalOptions
        @OptionGroup var actor: Actor
        @Argument(help: "The case number.") var number: String
        @Argument(help: "The note.") var text: [String]
        func run() throws {
            guard let note = CaseCommand.text(text) else { throw ValidationError("the note is empty") }
            try CaseCommand.act(.note(caseNumber: CaseCommand.caseNumber(number), text: note), options, actor)
        }
    }

    struct Close: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "办结确认: the secretary closes a resolved case.")
        @OptionGroup var options: GlobalOptions
        @OptionGroup var actor: Actor
        @Argument(help: "The case number.") var number: String
        @Argument(help: "A remark (optional).") var note: [String] = []
        func run() throws {
            try CaseCommand.act(.confirmClose(caseNumber: CaseCommand.caseNumber(number), note: CaseCommand.text(note)), options, actor)
        }
    }

    /// Runs an action as the actor; a refusal (not their role, wrong state, unknown case) goes
    /// to stderr with exit 1.
    static func act(_ command: StaffCommand, _ options: GlobalOptions, _ actor: Actor) throws {
        let office = try staffOffice(options, actor, label: "shangliang.case")
        let reply = try office.perform(command, by: actor.userID)
        guard reply.outcome != nil else {
            FileHandle.standardError.write(Data((reply.text + "\n").utf8))
            throw ExitCode.failure
        }
        print(reply.text)
    }

    /// The office, once the actor is known to be staff.
    static func staffOffice(_ options: GlobalOptions, _ actor: Actor, label: String) throws -> Office {
        let office = try options.makeOffice(logger: GlobalOptions.stderrLogger(label))
        guard let directory = office.ruleBook.casework?.directory else { throw OfficeError.caseworkNotConfigured }
        guard directory.isStaff(userID: actor.userID) else {
            throw ValidationError("\(actor.userID) is not listed as staff in community.yaml")
        }
        return office
    }

    static func caseNumber(_ text: String) throws -> String {
        guard let number = StaffCommand.caseNumber(text) else { throw ValidationError("'\(text)' is not a case number (2026-0012)") }
        return number
    }

    static func text(_ words: [String]) -> String? {
        let joined = words.joined(separator: " ").trimmingCharacters(in: .whitespaces)
        return joined.isEmpty ? nil : joined
    }
}
