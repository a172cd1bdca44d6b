import ArgumentParser
import Channels
import Logging
import Office

/// `shangliang gateway`: serves an IM gateway over stdin/stdout, one JSON object per line
/// (protocol `shangliang-jsonl/1`, see the README). stdout carries protocol lines only; logs
/// go to stderr.
struct GatewayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gateway",
        abstract: "Serve an IM gateway: JSON Lines on stdin/stdout (protocol shangliang-jsonl/1).",
        discussion: """
            Example: some-gateway | shangliang gateway --db var/prod.sqlite
            SIGHUP reloads the rules; SIGTERM or EOF finishes the messages already read, \
            writes {"type":"bye"} and exits 0.
            """)

    @OptionGroup var options: GlobalOptions

    @Option(help: "The most messages committed together (group commit).")
    var batchSize = 4096

    @Option(help: "Seconds between runs of the time-limit checks (reminders, escalations).")
    var tickSeconds = 60

    @Option(help: "Log level on stderr: trace, debug, info, notice, warning, error, critical.")
    var logLevel: Logger.Level = .info

    func validate() throws {
        guard batchSize >= 1 else { throw ValidationError("--batch-size must be at least 1") }
        guard tickSeconds >= 1 else { throw ValidationError("--tick-seconds must be at least 1") }
    }

    func run() throws {
        var logger = Logger(label: "shangliang.gateway", factory: { label in StreamLogHandler.standardError(label: label) })
        logger.logLevel = logLevel
        let handler = try makeHandler(logger: logger)
        let configuration = GatewayConfiguration(maximumBatchSize: batchSize, tickInterval: .seconds(tickSeconds))
        _ = try GatewayStandardStreams.run(handler: handler, configuration: configuration, logger: logger)
    }

    /// The office over the database and rules, every commit synced to disk (`synchronous=FULL`:
    /// an acknowledged message survives a power cut, not only a crash; group commit keeps it cheap).
    /// Every message goes through `Office.handle`, so staff commands and dedupe work as in chat.
    private func makeHandler(logger: Logger) throws -> any TurnHandling {
        try options.makeOffice(logger: logger, durableCommits: true)
    }
}

extension Logger.Level: @retroactive ExpressibleByArgument {}
