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

    public init() {}

    /// The keys `settings.yaml` may hold.
    public static let keys: Set<String> = ["emergency_threshold", "strong_threshold", "min_score", "ambiguity_ratio", "move_threshold"]
}
