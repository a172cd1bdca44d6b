public import Rules

// The contract between Understanding and everything above it (Conversation, Office, eval).
// Add fields freely; do not rename or remove these without updating every user.

/// Where a message says the matter is. Numbers are digits whatever form the resident used
/// (三号楼, 3#, 3幢, 3-2-501, 十二栋).
public struct Place: Sendable, Hashable, Codable {
    /// A named part of the estate: 东区, 西区, 北苑 ...
    public var area: String?
    public var building: Int?
    /// 单元 / stairwell.
    public var unit: Int?
    /// Room or flat number as written after normalisation: "501", "302".
    public var room: String?

    public init(area: String? = nil, building: Int? = nil, unit: Int? = nil, room: String? = nil) {
        self.area = area
        self.building = building
        self.unit = unit
        self.room = room
    }

    public var isEmpty: Bool { area == nil && building == nil && unit == nil && room == nil }
}

/// One rule that fired, with its weight: what `classify --explain` prints.
public struct Evidence: Sendable, Hashable {
    public var categoryID: String
    public var subtopicID: String?
    /// Human-readable rule description, e.g. `keyword 车位` or `pattern 消防(通道|车道).{0,8}占`.
    public var rule: String
    public var weight: Double
    /// Where the rule is written.
    public var location: SourceLocation?

    public init(categoryID: String, subtopicID: String? = nil, rule: String, weight: Double, location: SourceLocation? = nil) {
        self.categoryID = categoryID
        self.subtopicID = subtopicID
        self.rule = rule
        self.weight = weight
        self.location = location
    }
}

/// A category's total score for one message.
public struct CategoryScore: Sendable, Hashable {
    public var id: String
    public var kind: CategoryKind
    public var subtopic: String?
    public var score: Double

    public init(id: String, kind: CategoryKind, subtopic: String? = nil, score: Double) {
        self.id = id
        self.kind = kind
        self.subtopic = subtopic
        self.score = score
    }
}

/// What was wrong with the input itself, if anything. The message is then not classified.
public enum InputIssue: String, Sendable, Hashable {
    case empty
    case invalidUTF8 = "invalid-utf8"
    case tooLong = "too-long"
}

/// The result of understanding one message.
public struct Classification: Sendable, Hashable {
    /// A category id, `emergency`, or `none` (nothing matched: never a guess).
    public var label: String
    /// nil when `label` is `none`.
    public var kind: CategoryKind?
    public var subtopic: String?
    public var score: Double
    /// True when the runner-up is close to the winner: the dialogue should ask which it is.
    public var isAmbiguous: Bool
    /// Every category with a positive score, best first.
    public var candidates: [CategoryScore]
    public var place: Place
    /// Conversation moves detected (ids from rules/moves.yaml), strongest first.
    public var moves: [String]
    /// Case numbers written in the message, e.g. `2026-0012`.
    public var caseNumbers: [String]
    public var evidence: [Evidence]
    /// The text after normalisation (NFKC, t2s, lower-case, folded whitespace, stickers removed).
    public var normalizedText: String
    public var inputIssue: InputIssue?
    /// Sticker codes set aside by normalisation, such as `[捂脸]`, in order.
    public var stickers: [String] = []
    /// What the learned layer made of the message, when it was asked.
    public var learned: LearnedModel.Verdict?
    /// True when the learned layer, not the rules, chose `label` (LearnedModel.blend).
    public var decidedByLearnedLayer: Bool { byRules != nil }
    /// What the rules alone had decided, when the learned layer overruled them.
    public var byRules: RulesOutcome?

    /// The rules' own decision, kept when the learned layer overrules them.
    public struct RulesOutcome: Sendable, Hashable {
        public var label: String
        public var kind: CategoryKind?
        public var subtopic: String?
        public var score: Double
        public var isAmbiguous: Bool
        public var candidates: [CategoryScore]

        public init(label: String, kind: CategoryKind?, subtopic: String?, score: Double, isAmbiguous: Bool, candidates: [CategoryScore]) {
            self.label = label
            self.kind = kind
            self.subtopic = subtopic
            self.score = score
            self.isAmbiguous = isAmbiguous
            self.candidates = candidates
        }
    }

    /// This classification as the rules alone made it (itself when the learned layer agreed or
    /// was not asked): the dialogue reads answers to its questions this way.
    public var rulesOnly: Classification {
        guard let byRules else { return self }
        var result = self
        result.label = byRules.label
        result.kind = byRules.kind
        result.subtopic = byRules.subtopic
        result.score = byRules.score
        result.isAmbiguous = byRules.isAmbiguous
        result.candidates = byRules.candidates
        result.byRules = nil
        return result
    }

    public init(
        label: String, kind: CategoryKind? = nil, subtopic: String? = nil, score: Double = 0,
        isAmbiguous: Bool = false, candidates: [CategoryScore] = [], place: Place = Place(),
        moves: [String] = [], caseNumbers: [String] = [], evidence: [Evidence] = [],
        normalizedText: String = "", inputIssue: InputIssue? = nil
    ) {
        self.label = label
        self.kind = kind
        self.subtopic = subtopic
        self.score = score
        self.isAmbiguous = isAmbiguous
        self.candidates = candidates
        self.place = place
        self.moves = moves
        self.caseNumbers = caseNumbers
        self.evidence = evidence
        self.normalizedText = normalizedText
        self.inputIssue = inputIssue
    }

    /// The runner-up when ambiguous.
    public var runnerUp: CategoryScore? { isAmbiguous && candidates.count > 1 ? candidates[1] : nil }
}
