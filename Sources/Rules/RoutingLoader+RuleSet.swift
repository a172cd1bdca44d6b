public import Foundation

extension RoutingLoader.Context {
    /// The cross-checks for a loaded rule set: its category and sub-topic ids (and
    /// `emergency`), every discussable category required to have a route, and the community.
    public init(ruleSet: RuleSet, community: Community?) {
        var subtopics: [String: Set<String>] = [:]
        for category in ruleSet.allCategories { subtopics[category.id] = Set(category.subtopics.map(\.id)) }
        self.init(
            knownCategoryIDs: Set(ruleSet.allCategories.map(\.id)), knownSubtopics: subtopics,
            requiredCategoryIDs: Set(RuleSet.requiredIDs[.discussable] ?? []), community: community)
    }
}

extension RoutingLoader {
    /// Loads and lints `community.yaml` and `routing.yaml` of a rules directory together, the
    /// routing checked against the rule set and the community. Never throws: every problem of
    /// both files is in the diagnostics (for `rules lint`); the values are nil when unusable.
    /// - Parameters:
    ///   - directory: the rules directory.
    ///   - ruleSet: the loaded category files, for the category and sub-topic ids (nil: not checked).
    ///   - displayPrefix: how the directory is named in diagnostics (`rules`).
    public static func loadCasework(
        from directory: URL, ruleSet: RuleSet?, displayPrefix: String = "rules"
    ) -> (community: Community?, routing: RoutingTable?, diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        func read(_ name: String) -> String? {
            let url = directory.appendingPathComponent(name)
            guard let text = try? String(contentsOf: url, encoding: .utf8) else {
                diagnostics.append(Diagnostic(.error, "cannot read \(name)", at: SourceLocation(file: "\(displayPrefix)/\(name)", line: 1, column: 1)))
                return nil
            }
            return text
        }
        var community: Community?
        if let text = read("community.yaml") {
            let (value, found) = CommunityLoader.lint(text: text, file: "\(displayPrefix)/community.yaml")
            diagnostics += found
            community = found.contains { $0.severity == .error } ? nil : value
        }
        var routing: RoutingTable?
        if let text = read("routing.yaml") {
            let context = ruleSet.map { Context(ruleSet: $0, community: community) } ?? Context(community: community)
            let (value, found) = lint(text: text, file: "\(displayPrefix)/routing.yaml", context: context)
            diagnostics += found
            routing = found.contains { $0.severity == .error } ? nil : value
        }
        return (community, routing, diagnostics)
    }
}
