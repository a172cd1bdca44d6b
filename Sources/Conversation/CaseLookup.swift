public import Casework
public import Foundation
public import Rules

/// What the dialogue may read about cases while it decides (the pure machine's window on the
/// store). Office answers from inside the turn's transaction, so a lookup sees everything
/// committed before and written earlier in the same batch; tests pass an in-memory fake.
public protocol CaseLookup {
    /// The most recent open case of this category at this building, if any.
    func openCase(categoryID: String, building: Int, area: String?) -> CaseSummary?
    /// Cases the user filed or co-signed, newest first.
    func cases(involving userID: String) -> [CaseSummary]
    /// One case by number.
    func caseSummary(number: String) -> CaseSummary?
}

/// What the dialogue shows of a case.
public struct CaseSummary: Sendable, Hashable, Codable {
    public var number: String
    public var categoryID: String
    public var summary: String
    public var state: CaseState
    public var ownerRole: OwnerRole?
    public var filedBy: String
    public var cosigners: [String]
    public var place: CasePlace
    public var filedAt: Date

    /// Creates a summary.
    public init(
        number: String, categoryID: String, summary: String, state: CaseState, ownerRole: OwnerRole? = nil,
        filedBy: String, cosigners: [String] = [], place: CasePlace = CasePlace(), filedAt: Date
    ) {
        self.number = number
        self.categoryID = categoryID
        self.summary = summary
        self.state = state
        self.ownerRole = ownerRole
        self.filedBy = filedBy
        self.cosigners = cosigners
        self.place = place
        self.filedAt = filedAt
    }

    /// Creates the summary of a record.
    public init(_ record: CaseRecord) {
        self.init(
            number: record.number, categoryID: record.draft.categoryID, summary: record.draft.summary,
            state: record.state, ownerRole: record.ownerRole, filedBy: record.filedBy, cosigners: record.cosigners,
            place: record.draft.place, filedAt: record.filedAt)
    }

    /// Whether `userID` filed or co-signed it.
    public func involves(_ userID: String) -> Bool { filedBy == userID || cosigners.contains(userID) }
}

/// A lookup that knows no cases.
public struct NoCases: CaseLookup {
    public init() {}
    public func openCase(categoryID: String, building: Int, area: String?) -> CaseSummary? { nil }
    public func cases(involving userID: String) -> [CaseSummary] { [] }
    public func caseSummary(number: String) -> CaseSummary? { nil }
}
