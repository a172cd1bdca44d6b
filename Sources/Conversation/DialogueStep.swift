/// What one message (or one effect outcome) came to: the new state, the replies to send (in
/// order) and the effects for the caller to perform.
public struct DialogueStep: Sendable, Hashable {
    public var state: DialogueState
    public var replies: [String]
    public var effects: [DialogueEffect]

    /// Creates a step.
    public init(state: DialogueState, replies: [String] = [], effects: [DialogueEffect] = []) {
        self.state = state
        self.replies = replies
        self.effects = effects
    }

    /// True when an effect's outcome must be passed back with `Dialogue.resume` before the
    /// turn ends (`fileCase`, `cosign`).
    public var awaitsOutcome: Bool {
        switch state.phase {
        case .filing, .cosigning: true
        default: false
        }
    }
}
