/// Where the gateway loop gets its input bytes and wake-ups from.
///
/// The real one reads file descriptor 0 and a signal pipe (`GatewayFileDescriptorInput`);
/// tests script the events.
public protocol GatewayInput: AnyObject {
    /// Waits for the next event.
    /// - Parameter timeout: nil waits indefinitely; `.zero` returns `.timedOut` at once when
    ///   nothing is available.
    /// - Throws: when reading fails for good (not on EOF, not on EINTR).
    func next(timeout: Duration?) throws -> GatewayInputEvent
}

/// What `GatewayInput.next(timeout:)` found.
public enum GatewayInputEvent: Sendable, Hashable {
    /// Bytes as they arrived (not aligned on lines).
    case data([UInt8])
    /// The input is closed; every later call returns this again.
    case endOfInput
    /// Nothing arrived within the timeout.
    case timedOut
    /// A signal asked for something.
    case signal(GatewaySignal)
}

/// What a signal asks the gateway loop to do.
public enum GatewaySignal: Sendable, Hashable {
    /// SIGHUP: reload the rules.
    case reload
    /// SIGTERM / SIGINT: finish what was read, write `bye`, exit 0.
    case terminate
}

/// Where the gateway loop writes its protocol lines.
public protocol GatewayOutput: AnyObject {
    /// Writes all of `bytes` (whole lines) and makes them visible to the reader before
    /// returning (the loop calls this once per batch: it is the flush).
    func write(_ bytes: [UInt8]) throws
}
