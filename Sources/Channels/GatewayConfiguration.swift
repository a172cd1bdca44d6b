/// Settings of the gateway loop.
public struct GatewayConfiguration: Sendable, Hashable {
    /// The most messages committed in one `handle` call (group commit).
    public var maximumBatchSize: Int
    /// Longest accepted input line in bytes, terminator excluded (the protocol says 64 KiB).
    public var maximumLineLength: Int
    /// How often `tick()` runs (time limits, reminders); nil: only once, at start.
    public var tickInterval: Duration?

    public init(
        maximumBatchSize: Int = 256,
        maximumLineLength: Int = GatewayLineSplitter.defaultMaximumLength,
        tickInterval: Duration? = .seconds(60)
    ) {
        self.maximumBatchSize = max(1, maximumBatchSize)
        self.maximumLineLength = maximumLineLength
        self.tickInterval = tickInterval
    }
}

/// Why the gateway loop ended (each one after writing `bye`).
public enum GatewayExitReason: Sendable, Hashable {
    /// stdin reached EOF.
    case endOfInput
    /// SIGTERM or SIGINT.
    case terminated
    /// A `{"type":"control","action":"shutdown"}` line.
    case shutdownRequested
}
