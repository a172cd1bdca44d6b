/// The `code` of an `error` output line.
public enum GatewayErrorCode: String, Sendable, Hashable, CaseIterable {
    /// Not UTF-8, not JSON, or not a JSON object.
    case parseError = "parse_error"
    /// A required field is missing, a field has the wrong type or an unusable value, or the
    /// `type`/`action` is unknown.
    case invalidField = "invalid_field"
    /// `v` is present and is not 1.
    case unsupportedVersion = "unsupported_version"
    /// The line is longer than 64 KiB; it was skipped unread.
    case tooLong = "too_long"
    /// The message could not be processed (e.g. the database failed); nothing was committed,
    /// send it again. The only retryable code.
    case `internal` = "internal"
    /// A rule reload found invalid rules; the old rules stay in use.
    case reloadFailed = "reload_failed"
}

/// The content of an `error` output line. Its message never repeats the input line.
public struct GatewayProtocolError: Error, Sendable, Hashable, CustomStringConvertible {
    public var code: GatewayErrorCode
    /// The `id` of the input line, when it could be read.
    public var inReplyTo: String?
    /// 1-based number of the input line; nil for errors not caused by a line (SIGHUP reload).
    public var line: Int?
    /// What is wrong, naming fields but never quoting their values.
    public var message: String
    public var isRetryable: Bool

    public init(code: GatewayErrorCode, inReplyTo: String? = nil, line: Int? = nil, message: String, isRetryable: Bool = false) {
        self.code = code
        self.inReplyTo = inReplyTo
        self.line = line
        self.message = message
        self.isRetryable = isRetryable
    }

    public var description: String { "\(code.rawValue): \(message)" }
}
