public import Rules

extension Urgency {
    /// The same urgency as the routing file names it.
    public init(_ routing: RoutingUrgency) {
        switch routing {
        case .urgent: self = .urgent
        case .general: self = .general
        case .complex: self = .complex
        }
    }

    /// This urgency as the routing file names it.
    public var routing: RoutingUrgency {
        switch self {
        case .urgent: .urgent
        case .general: .general
        case .complex: .complex
        }
    }

    /// The Chinese word: 紧急 / 一般 / 复杂.
    public var title: String { routing.title }

    /// How demanding it is, for picking the more demanding of two: general < complex < urgent.
    var rank: Int {
        switch self {
        case .general: 0
        case .complex: 1
        case .urgent: 2
        }
    }
}
