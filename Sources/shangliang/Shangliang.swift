import ArgumentParser

@main
struct Shangliang: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "shangliang",
        abstract: "商量办公室 assistant.",
        subcommands: [
            ClassifyCommand.self, RulesCommand.self, EvalCommand.self, BenchCommand.self, ChatCommand.self, ReplayCommand.self,
            GatewayCommand.self, CaseCommand.self, TickCommand.self, ReportCommand.self,
        ])
}
