/// One labelled message of an evaluation file.
public struct EvaluationSample: Sendable, Hashable {
    public var text: String
    /// The correct label: a category id, `emergency` or `none`.
    public var label: String
    /// The building the message names, if any.
    public var building: Int?
    /// `easy` or `hard`, when given.
    public var difficulty: String?
    /// 1-based line in the file.
    public var line: Int

    public init(text: String, label: String, building: Int? = nil, difficulty: String? = nil, line: Int = 0) {
        self.text = text
        self.label = label
        self.building = building
        self.difficulty = difficulty
        self.line = line
    }

    /// Reads a TSV with header `text label building [difficulty]` (columns found by name).
    /// - Throws: `EvaluationError` for a missing column, a short row or a bad building number.
    public static func parseTSV(_ contents: String) throws(EvaluationError) -> [EvaluationSample] {
        var lines = contents.split(separator: "\n", omittingEmptySubsequences: false).map { $0.hasSuffix("\r") ? $0.dropLast() : $0 }
        while lines.last?.isEmpty == true { lines.removeLast() }
        guard let header = lines.first else { throw .missingColumn("text") }
        let names = header.split(separator: "\t", omittingEmptySubsequences: false).map { $0.trimmingSpaces() }
        func column(_ name: String) -> Int? { names.firstIndex(of: name) }
        guard let textColumn = column("text") else { throw .missingColumn("text") }
        guard let labelColumn = column("label") else { throw .missingColumn("label") }
        guard let buildingColumn = column("building") else { throw .missingColumn("building") }
        let difficultyColumn = column("difficulty")
        let needed = max(textColumn, labelColumn)
        var samples: [EvaluationSample] = []
        for (index, line) in lines.enumerated().dropFirst() where !line.isEmpty {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count > needed else { throw .shortRow(line: index + 1) }
            func field(_ i: Int?) -> String { i.flatMap { $0 < fields.count ? fields[$0].trimmingSpaces() : nil } ?? "" }
            let buildingText = field(buildingColumn)
            var building: Int?
            if !buildingText.isEmpty {
                guard let value = Int(buildingText) else { throw .badBuilding(line: index + 1) }
                building = value
            }
            let difficulty = field(difficultyColumn)
            samples.append(EvaluationSample(
                text: String(fields[textColumn]), label: field(labelColumn), building: building,
                difficulty: difficulty.isEmpty ? nil : difficulty, line: index + 1))
        }
        return samples
    }
}

/// Why an evaluation file cannot be read.
public enum EvaluationError: Error, Sendable, Hashable, CustomStringConvertible {
    case missingColumn(String)
    case shortRow(line: Int)
    case badBuilding(line: Int)

    public var description: String {
        switch self {
        case .missingColumn(let name): "the header has no '\(name)' column (expected: text label building [difficulty])"
        case .shortRow(let line): "line \(line): too few tab-separated fields"
        case .badBuilding(let line): "line \(line): building must be a number or empty"
        }
    }
}

extension Substring {
    fileprivate func trimmingSpaces() -> String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
