/// Failures that end the gateway loop (bad input lines never do).
public enum GatewayError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Reading the input failed with `errno`.
    case readFailed(errno: Int32)
    /// Writing the output failed with `errno` (EPIPE: the gateway is gone).
    case writeFailed(errno: Int32)
    /// Setting up the signal pipe failed with `errno`.
    case setupFailed(errno: Int32)

    public var description: String {
        switch self {
        case .readFailed(let code): "reading the input failed (errno \(code))"
        case .writeFailed(let code): "writing the output failed (errno \(code))"
        case .setupFailed(let code): "setting up the signal pipe failed (errno \(code))"
        }
    }
}
