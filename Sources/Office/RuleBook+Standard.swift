public import Foundation

extension RuleBook {
    /// The rule book every command uses: `load(directory:)` plus the plug-ins of other modules.
    ///
    /// CASEWORK SEAM: the community directory and routing tables plug in here, e.g.
    /// `book.router = try CommunityRouting.load(directory, ...)`, `book.interceptors.append(...)`.
    /// - Throws: `DiagnosticError` with every problem in the rule files.
    public static func standard(directory: URL, displayRoot: String? = nil) throws -> RuleBook {
        try load(directory: directory, displayRoot: displayRoot) { _, _ in
            // Casework: replace `book.router` and append interceptors here.
        }
    }
}
