public import Foundation
import Conversation
import Rules

extension RuleBook {
    /// The rule book every command uses: `load(directory:)` plus casework (issue 4): the
    /// community directory (`community.yaml`) and routing table (`routing.yaml`), linted against
    /// the rule set, become the router (dispatch through the case lifecycle) and the casework
    /// interceptor (staff commands, ratings, the clock's work). Both files are in the hash.
    /// - Throws: `DiagnosticError` with every problem in the rule files.
    public static func standard(directory: URL, displayRoot: String? = nil) throws -> RuleBook {
        let root = displayRoot ?? directory.relativePath
        return try load(directory: directory, displayRoot: displayRoot) { book, ruleSet in
            // A directory with neither file (a classifier-only rule set) keeps the default routing.
            guard hasCasework(directory) else { return }
            let (community, table, diagnostics) = RoutingLoader.loadCasework(from: directory, ruleSet: ruleSet, displayPrefix: root)
            let errors = diagnostics.filter { $0.severity == .error }
            guard errors.isEmpty, let community, let table else { throw DiagnosticError(errors) }
            let categories = ruleSet.allCategories
            let routing = CommunityRouting(
                directory: CommunityDirectory(community), table: table,
                categoryTitles: Dictionary(
                    categories.map { ($0.id, $0.title) } + categories.flatMap { c in c.subtopics.map { ("\(c.id)/\($0.id)", $0.title) } },
                    uniquingKeysWith: { first, _ in first }),
                categoryOrder: categories.map(\.id),
                placeCategoryIDs: Set(categories.map(\.id).filter { book.catalog[$0]?.asks.contains(.place) == true }),
                timeZone: book.replies.timeZone)
            book.casework = routing
            book.router = routing
            book.interceptors.append(CaseworkInterceptor(routing: routing))
        }
    }

    /// True when the rules directory has `community.yaml` or `routing.yaml` (then both must be valid).
    public static func hasCasework(_ directory: URL) -> Bool {
        ["community.yaml", "routing.yaml"].contains {
            FileManager.default.fileExists(atPath: directory.appendingPathComponent($0).path)
        }
    }
}
