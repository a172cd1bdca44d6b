import Casework
public import Conversation

/// An in-memory `CaseLookup` for dialogue tests.
public struct FakeCases: CaseLookup {
    public var all: [CaseSummary]

    /// Creates a lookup over these cases.
    public init(_ all: [CaseSummary] = []) { self.all = all }

    public func openCase(categoryID: String, building: Int, area: String?) -> CaseSummary? {
        all.last { $0.categoryID == categoryID && $0.place.building == building && $0.state.isOpen }
    }

    public func cases(involving userID: String) -> [CaseSummary] {
        all.filter { $0.involves(userID) }.reversed()
    }

    public func caseSummary(number: String) -> CaseSummary? {
        all.first { $0.number == number }
    }
}
