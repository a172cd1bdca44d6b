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

    @Option(help: "The SQLite database (created if missing).")
    var db = "var/shangliang.sqlite"

    @Option(help: "The rules directory.")
    var rules = "rules"

    @Option(help: "The most messages committed together (group commit).")
    var batchSize = 256

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

    /// The office over the database and rules. Wired in phase 2, when `Office` lands.
    private func makeHandler(logger: Logger) throws -> any TurnHandling {
        throw ValidationError("the gateway is not yet wired to the office (Office is not on this branch yet)")
    }
}

extension Logger.Level: @retroactive ExpressibleByArgument {}
