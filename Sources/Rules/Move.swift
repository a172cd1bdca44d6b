/// A conversation move (greeting, yes, cancel, my cases ...) from `moves.yaml`.
public struct Move: Sendable, Hashable {
    public var id: String
    public var title: String
    public var keywords: [Keyword]
    public var patterns: [PatternRule]
    public var examples: [RuleExample]
    public var location: SourceLocation?

    public init(id: String, title: String, keywords: [Keyword] = [], patterns: [PatternRule] = [], examples: [RuleExample] = [], location: SourceLocation? = nil) {
        self.id = id
        self.title = title
        self.keywords = keywords
        self.patterns = patterns
        self.examples = examples
        self.location = location
    }
}
