public import Logging
public import Office

/// Runs the gateway on the process's stdin and stdout, with SIGHUP, SIGTERM and SIGINT
/// routed to the loop (SIGPIPE ignored). What `shangliang gateway` calls.
public enum GatewayStandardStreams {
    /// Runs until EOF, SIGTERM/SIGINT or a shutdown line; `bye` is the last line written.
    /// - Throws: `GatewayError` when stdin or stdout fail.
    public static func run(
        handler: any TurnHandling, configuration: GatewayConfiguration = GatewayConfiguration(), logger: Logger
    ) throws -> GatewayExitReason {
        let wakePipe = try GatewayWakePipe()
        let router = GatewaySignalRouter(wakePipe: wakePipe)
        defer { withExtendedLifetime(router) {} }
        let loop = GatewayLoop(
            handler: handler,
            input: GatewayFileDescriptorInput(fileDescriptor: 0, wakePipe: wakePipe),
            output: GatewayFileDescriptorOutput(fileDescriptor: 1),
            configuration: configuration, logger: logger)
        logger.info("gateway started", metadata: ["protocol": "\(GatewayOutputLine.protocolName)"])
        return try loop.run()
    }
}
