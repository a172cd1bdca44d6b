import Casework
import Conversation
import Store

/// The dialogue's `CaseLookup`, answered from inside the turn's transaction. The protocol does
/// not throw, so the first database error is kept and rethrown by the caller after the step.
final class StoreCaseLookup: CaseLookup {
    let tx: StoreTransaction
    private(set) var error: (any Error)?

    init(_ tx: StoreTransaction) { self.tx = tx }

    func openCase(categoryID: String, building: Int, area: String?) -> CaseSummary? {
        attempt { try tx.openCase(categoryID: categoryID, building: building, area: area).map(CaseSummary.init) } ?? nil
    }

    func cases(involving userID: String) -> [CaseSummary] {
        attempt { try tx.cases(involving: userID).map(CaseSummary.init) } ?? []
    }

    func caseSummary(number: String) -> CaseSummary? {
        attempt { try tx.caseRecord(number: number).map(CaseSummary.init) } ?? nil
    }

    /// Rethrows the first error met.
    func check() throws {
        if let error { throw error }
    }

    private func attempt<T>(_ body: () throws -> T) -> T? {
        do { return try body() } catch {
            if self.error == nil { self.error = error }
            return nil
        }
    }
}
