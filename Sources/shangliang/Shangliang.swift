import ArgumentParser

@main
struct Shangliang: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "shangliang",
        abstract: "商量办公室 assistant.",
        subcommands: [
            ChatCommand.self, ReplayCommand.self, GatewayCommand.self,
            ClassifyCommand.self, RulesCommand.self, EvalCommand.self, BenchCommand.self,
        ])
}
