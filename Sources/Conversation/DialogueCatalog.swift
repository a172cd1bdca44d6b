public import Rules

/// What the dialogue needs to know about one category (or the emergency file): a projection of
/// the rule files, so that the machine can be driven with hand-made catalogs in tests.
public struct CategoryProfile: Sendable, Hashable {
    public var id: String
    public var kind: CategoryKind
    /// The Chinese name: 停车管理.
    public var title: String
    /// Default owner roles, lead first.
    public var owners: [OwnerRole]
    /// What must be known before filing, in the order to ask.
    public var asks: [Ask]
    /// Non-discussable only: why it cannot be put to consultation.
    public var explanation: String?
    /// Non-discussable only: where to go instead.
    public var redirect: String?
    public var subtopics: [String: SubtopicProfile]

    /// Creates a profile.
    public init(
        id: String, kind: CategoryKind, title: String, owners: [OwnerRole] = [], asks: [Ask] = [],
        explanation: String? = nil, redirect: String? = nil, subtopics: [SubtopicProfile] = []
    ) {
        self.id = id
        self.kind = kind
        self.title = title
        self.owners = owners
        self.asks = asks
        self.explanation = explanation
        self.redirect = redirect
        self.subtopics = Dictionary(subtopics.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }
}

/// A sub-topic of a category; for the emergency file, one kind of emergency.
public struct SubtopicProfile: Sendable, Hashable {
    public var id: String
    public var title: String
    /// Overrides the category's owners when not empty.
    public var owners: [OwnerRole]
    /// Emergency only: the number to call (119 / 120 / 110).
    public var number: String?
    /// Emergency only: what to do, said before anything else.
    public var advice: String?

    /// Creates a sub-topic profile.
    public init(id: String, title: String, owners: [OwnerRole] = [], number: String? = nil, advice: String? = nil) {
        self.id = id
        self.title = title
        self.owners = owners
        self.number = number
        self.advice = advice
    }
}

/// Every category the dialogue can meet, by id (the seven discussable, the five
/// non-discussable and `emergency`).
public struct DialogueCatalog: Sendable, Hashable {
    public var categories: [String: CategoryProfile]

    /// Creates a catalog from profiles.
    public init(_ profiles: [CategoryProfile]) {
        categories = Dictionary(profiles.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The profile for `id`, if any.
    public subscript(id: String) -> CategoryProfile? { categories[id] }

    /// The owner roles for a category and sub-topic: the sub-topic's when it names some.
    public func owners(categoryID: String, subtopicID: String?) -> [OwnerRole] {
        guard let category = categories[categoryID] else { return [] }
        if let subtopicID, let sub = category.subtopics[subtopicID], !sub.owners.isEmpty { return sub.owners }
        return category.owners
    }

    /// The title shown to residents for a category (and sub-topic when known).
    public func title(categoryID: String) -> String { categories[categoryID]?.title ?? categoryID }
}
