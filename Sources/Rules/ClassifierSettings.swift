/// The classifier's thresholds, from `settings.yaml` (every key optional).
public struct ClassifierSettings: Sendable, Hashable {
    /// An emergency at or above this wins over everything.
    public var emergencyThreshold: Double = 3
    /// A non-discussable category at or above this wins over discussable ones.
    public var strongThreshold: Double = 4
    /// Below this the message is `none`.
    public var minScore: Double = 2
    /// Runner-up at or above `ambiguityRatio` x winner: ambiguous.
    public var ambiguityRatio: Double = 0.8
    /// A conversation move at or above this is reported (defaults to `minScore`'s default).
    public var moveThreshold: Double = 2
    /// The labelled messages the learned layer is trained on, relative to the rules directory
    /// (`examples.tsv`); nil: no learned layer.
    public var learnedExamples: String?
    /// The learned layer decides when the rules' winner scores below this (or is ambiguous, or
    /// is `none`).
    public var learnedOverrideBelow: Double = 6
    /// The learned layer may call an emergency the rules missed when their winner scores below this.
    public var learnedEmergencyOverrideBelow: Double = 12
    /// The learned layer decides only when its label beats the next by at least this many nats
    /// (log-odds), and an emergency only by `learnedEmergencyMinMargin`.
    public var learnedMinMargin: Double = 0
    public var learnedEmergencyMinMargin: Double = 0

    public init() {}

    /// The keys `settings.yaml` may hold.
    public static let keys: Set<String> = [
        "emergency_threshold", "strong_threshold", "min_score", "ambiguity_ratio", "move_threshold", "learned_examples",
        "learned_override_below", "learned_emergency_override_below", "learned_min_margin", "learned_emergency_min_margin",
    ]
}
