public import Office

/// One decoded input line of the gateway protocol (`shangliang-jsonl/1`).
public enum GatewayRequest: Sendable, Hashable {
    /// `{"type":"message",...}`: a resident's message; `messageID` is always set.
    case message(Inbound)
    /// `{"type":"ping"}`, with the optional `id` echoed on the `pong`.
    case ping(id: String?)
    /// `{"type":"control","action":...}`, with the optional `id` echoed on the answer.
    case control(GatewayControlAction, id: String?)
}

/// What a `control` line asks for.
public enum GatewayControlAction: String, Sendable, Hashable, CaseIterable {
    /// Recompile the rules; swap them in only if all are valid (also SIGHUP).
    case reload
    /// Finish what was read before this line, write `bye`, exit 0.
    case shutdown
}
