public import Office
public import Understanding

/// A classifier that answers from a table of exact texts (Office tests without rule files).
/// Unknown texts classify as `none`.
public struct TableClassifier: MessageClassifying {
    public var table: [String: Classification]

    /// Creates a classifier from text -> result.
    public init(_ table: [String: Classification]) { self.table = table }

    public func classify(_ text: String) -> Classification {
        if text.isEmpty { return Classification(label: "none", inputIssue: .empty) }
        return table[text] ?? .nothing(text)
    }
}
