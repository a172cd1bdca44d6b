public import Conversation
public import Rules

/// Everything loaded from the rules directory, swapped as a whole on reload: the classifier,
/// the dialogue's view of the categories, the reply templates, routing and interceptors.
public struct RuleBook: Sendable {
    public var classifier: any MessageClassifying
    public var catalog: DialogueCatalog
    public var replies: ReplyTemplates
    public var router: any CaseRouting
    public var interceptors: [any TurnInterceptor]
    /// `sha256:<hex>` of the rule files.
    public var hash: String
    /// The community directory, routing table, lifecycle and staff desk, when the rules
    /// directory has `community.yaml` and `routing.yaml` (`RuleBook.standard`); also `router`.
    public var casework: CommunityRouting? = nil

    /// Creates a rule book; the router defaults to the categories' default owners.
    public init(
        classifier: any MessageClassifying, catalog: DialogueCatalog, replies: ReplyTemplates,
        router: (any CaseRouting)? = nil, interceptors: [any TurnInterceptor] = [], hash: String
    ) {
        self.classifier = classifier
        self.catalog = catalog
        self.replies = replies
        self.router = router ?? DefaultCaseRouting(catalog: catalog)
        self.interceptors = interceptors
        self.hash = hash
    }

    /// The dialogue over these rules.
    public var dialogue: Dialogue { Dialogue(catalog: catalog, replies: replies) }
}
