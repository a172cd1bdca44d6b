public import Understanding

/// What Office needs from Understanding: one message in, its classification out.
/// The compiled classifier conforms (see `RuleBook+Loading.swift`); tests use a table.
public protocol MessageClassifying: Sendable {
    /// Classifies one message (normalises it first).
    func classify(_ text: String) -> Classification
}
