import ArgumentParser

@main
struct Shangliang: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "shangliang",
        abstract: "商量办公室 assistant.",
        subcommands: [
            ChatCommand.self, GatewayCommand.self, CaseCommand.self, TickCommand.self, ReportCommand.self,
            InboxCommand.self, RulesCommand.self, ClassifyCommand.self, EvalCommand.self, ReplayCommand.self, BenchCommand.self,
        ])
}
