public import Rules
public import Understanding

/// Hand-made classification results, so dialogue tests need no rule files.
extension Classification {
    /// A message about a category.
    public static func category(
        _ id: String, kind: CategoryKind = .discussable, subtopic: String? = nil, building: Int? = nil, unit: Int? = nil,
        text: String, moves: [String] = []
    ) -> Classification {
        Classification(
            label: id, kind: kind, subtopic: subtopic, score: 5,
            candidates: [CategoryScore(id: id, kind: kind, subtopic: subtopic, score: 5)],
            place: Place(building: building, unit: unit), moves: moves, normalizedText: text)
    }

    /// A message that is only conversation moves (or nothing at all).
    public static func moves(_ moves: [String], text: String, building: Int? = nil, caseNumbers: [String] = []) -> Classification {
        Classification(label: "none", place: Place(building: building), moves: moves, caseNumbers: caseNumbers, normalizedText: text)
    }

    /// A message that matched nothing, perhaps with a place.
    public static func nothing(_ text: String, building: Int? = nil, unit: Int? = nil) -> Classification {
        Classification(label: "none", place: Place(building: building, unit: unit), normalizedText: text)
    }

    /// An emergency.
    public static func emergency(_ subtopic: String?, text: String, building: Int? = nil) -> Classification {
        Classification(
            label: "emergency", kind: .emergency, subtopic: subtopic, score: 8,
            candidates: [CategoryScore(id: "emergency", kind: .emergency, subtopic: subtopic, score: 8)],
            place: Place(building: building), normalizedText: text)
    }

    /// A message between two categories.
    public static func ambiguous(_ first: String, _ second: String, text: String, building: Int? = nil) -> Classification {
        Classification(
            label: first, kind: .discussable, score: 4, isAmbiguous: true,
            candidates: [CategoryScore(id: first, kind: .discussable, score: 4), CategoryScore(id: second, kind: .discussable, score: 3.5)],
            place: Place(building: building), normalizedText: text)
    }
}
