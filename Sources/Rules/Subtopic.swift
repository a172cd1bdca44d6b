/// A part of a category where routing or the questions differ (or, in `emergency.yaml`,
/// one kind of emergency).
public struct Subtopic: Sendable, Hashable {
    public var id: String
    public var title: String
    public var keywords: [Keyword]
    public var patterns: [PatternRule]
    /// Overrides the category's owners when set.
    public var owners: [OwnerRole]?
    /// Emergencies only: the number to call.
    public var number: String?
    /// Emergencies only: what to do, said before anything else.
    public var advice: String?
    public var location: SourceLocation?

    public init(
        id: String, title: String, keywords: [Keyword] = [], patterns: [PatternRule] = [],
        owners: [OwnerRole]? = nil, number: String? = nil, advice: String? = nil, location: SourceLocation? = nil
    ) {
        self.id = id
        self.title = title
        self.keywords = keywords
        self.patterns = patterns
        self.owners = owners
        self.number = number
        self.advice = advice
        self.location = location
    }
}
