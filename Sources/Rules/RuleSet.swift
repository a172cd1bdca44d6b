import Foundation

/// Everything the classifier knows, read from a rules directory (see rules/README.md).
public struct RuleSet: Sendable {
    /// The discussable and non-discussable categories, discussable first, each sorted by id.
    public var categories: [Category]
    /// The emergency file, when present.
    public var emergency: Category?
    /// The conversation moves.
    public var moves: [Move]
    public var settings: ClassifierSettings
    /// `sha256:<hex>` over the bytes of every `.yaml` file in the directory, in sorted path order.
    public var hash: String
    /// The labelled messages the learned layer is trained on (`settings.yaml: learned_examples`).
    public var learnedExamples: [LearnedExample] = []

    public init(categories: [Category], emergency: Category? = nil, moves: [Move] = [], settings: ClassifierSettings = ClassifierSettings(), hash: String = "") {
        self.categories = categories
        self.emergency = emergency
        self.moves = moves
        self.settings = settings
        self.hash = hash
    }

    /// The category (or `emergency`) with `id`.
    public func category(_ id: String) -> Category? {
        if id == emergency?.id { return emergency }
        return categories.first { $0.id == id }
    }

    /// The discussable (七议) categories.
    public var discussable: [Category] { categories.filter { $0.kind == .discussable } }
    /// The non-discussable (五不议) categories.
    public var nonDiscussable: [Category] { categories.filter { $0.kind == .nonDiscussable } }

    /// What the learned layer is trained on: `learnedExamples` and every category file's own
    /// examples (those labelled with a category, `emergency` or `none`).
    public var trainingExamples: [LearnedExample] {
        let labels = Set(allCategories.map(\.id) + ["none"])
        return learnedExamples + allCategories.flatMap(\.examples).filter { labels.contains($0.label) }
            .map { LearnedExample(text: $0.text, label: $0.label) }
    }

    /// Every category file including the emergency file.
    public var allCategories: [Category] { categories + (emergency.map { [$0] } ?? []) }

    /// Loads the rules in `directory`.
    /// - Throws: `DiagnosticError` with every problem of shape found in the files (the 7 + 5
    ///   invariant and pattern compilation are checked by lint, not here).
    public static func load(from directory: URL) throws(DiagnosticError) -> RuleSet {
        let (ruleSet, diagnostics) = RuleSetLoader(directory: directory).load()
        if diagnostics.contains(where: { $0.severity == .error }) { throw DiagnosticError(diagnostics) }
        return ruleSet
    }

    /// The category ids `rules/README.md` requires, by kind.
    public static let requiredIDs: [CategoryKind: [String]] = [
        .discussable: ["sanitation", "public-space", "parking", "facilities", "property-service", "neighbourhood", "community-life"],
        .nonDiscussable: ["statutory", "unfair", "privacy", "beyond-remit", "public-order"],
    ]
}
