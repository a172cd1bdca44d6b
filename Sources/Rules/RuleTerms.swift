/// A literal keyword with its weight: `车位: 3`.
public struct Keyword: Sendable, Hashable {
    public var text: String
    public var weight: Double
    public var location: SourceLocation?

    public init(_ text: String, weight: Double = 1, location: SourceLocation? = nil) {
        self.text = text
        self.weight = weight
        self.location = location
    }
}

/// A PCRE2 regular expression with its weight: `- regex: '消防通道.{0,8}堵'`.
public struct PatternRule: Sendable, Hashable {
    public var regex: String
    public var weight: Double
    /// Optional explanation shown by `classify --explain`.
    public var why: String?
    /// Where the regex's value starts in the file.
    public var location: SourceLocation?
    /// Characters between `location` and the first character of the regex itself
    /// (1 for a quoted scalar), so that a compile error offset lands on the right column.
    public var valueColumnOffset: Int

    public init(_ regex: String, weight: Double = 2, why: String? = nil, location: SourceLocation? = nil, valueColumnOffset: Int = 0) {
        self.regex = regex
        self.weight = weight
        self.why = why
        self.location = location
        self.valueColumnOffset = valueColumnOffset
    }
}

/// An example message and what it should be understood as; run by `rules test`.
public struct RuleExample: Sendable, Hashable {
    public var text: String
    /// Expected label: a category id, `emergency`, `none`, or for moves a move id.
    public var label: String
    /// Expected sub-topic, when given.
    public var subtopic: String?
    public var location: SourceLocation?

    public init(text: String, label: String, subtopic: String? = nil, location: SourceLocation? = nil) {
        self.text = text
        self.label = label
        self.subtopic = subtopic
        self.location = location
    }
}

/// What the dialogue must know before filing a case in a category.
public enum Ask: String, Sendable, Hashable, CaseIterable, Codable {
    case place, detail, since, households
}
