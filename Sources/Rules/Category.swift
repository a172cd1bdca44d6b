/// One category file: a discussable (七议) or non-discussable (五不议) category, or the
/// emergency file. See rules/README.md.
public struct Category: Sendable, Hashable {
    public var id: String
    public var kind: CategoryKind
    /// The Chinese name.
    public var title: String
    /// One line: what belongs here.
    public var summary: String
    /// Default owner roles, lead first.
    public var owners: [OwnerRole]
    /// What the dialogue must know before filing.
    public var asks: [Ask]
    public var keywords: [Keyword]
    public var patterns: [PatternRule]
    /// Patterns whose spans are blanked before this category's rules run.
    public var exclusions: [PatternRule]
    public var subtopics: [Subtopic]
    public var examples: [RuleExample]
    /// Non-discussable only: why it cannot be discussed.
    public var explanation: String?
    /// Non-discussable only: where to go instead.
    public var redirect: String?
    /// The file it was read from, as shown in diagnostics.
    public var file: String

    public init(
        id: String, kind: CategoryKind, title: String, summary: String = "", owners: [OwnerRole] = [],
        asks: [Ask] = [], keywords: [Keyword] = [], patterns: [PatternRule] = [], exclusions: [PatternRule] = [],
        subtopics: [Subtopic] = [], examples: [RuleExample] = [], explanation: String? = nil, redirect: String? = nil,
        file: String = ""
    ) {
        self.id = id
        self.kind = kind
        self.title = title
        self.summary = summary
        self.owners = owners
        self.asks = asks
        self.keywords = keywords
        self.patterns = patterns
        self.exclusions = exclusions
        self.subtopics = subtopics
        self.examples = examples
        self.explanation = explanation
        self.redirect = redirect
        self.file = file
    }

    /// The sub-topic with `id`, if any.
    public func subtopic(_ id: String) -> Subtopic? { subtopics.first { $0.id == id } }
}
