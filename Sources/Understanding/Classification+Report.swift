import Foundation
import Rules

extension Classification {
    /// A few lines for people: the label, sub-topic, score, place, moves; with `explain`, every
    /// rule that fired, with its weight and where it is written. Contains the resident's text
    /// only as normalised by `explain` (for staff at a terminal, never for logs).
    public func report(explain: Bool = false) -> String {
        var lines: [String] = []
        if let inputIssue {
            lines.append("label: none (input: \(inputIssue.rawValue))")
            return lines.joined(separator: "\n")
        }
        var head = "label: \(label)"
        if let kind { head += " (\(kind.rawValue))" }
        if let subtopic { head += "  subtopic: \(subtopic)" }
        head += "  score: \(Self.format(score))"
        if isAmbiguous, let runnerUp { head += "  ambiguous with: \(runnerUp.id) (\(Self.format(runnerUp.score)))" }
        if let byRules { head += "  decided by the learned layer (rules: \(byRules.label))" }
        lines.append(head)
        if !place.isEmpty {
            var parts: [String] = []
            if let area = place.area { parts.append("area \(area)") }
            if let building = place.building { parts.append("building \(building)") }
            if let unit = place.unit { parts.append("unit \(unit)") }
            if let room = place.room { parts.append("room \(room)") }
            lines.append("place: " + parts.joined(separator: ", "))
        }
        if !caseNumbers.isEmpty { lines.append("case numbers: " + caseNumbers.joined(separator: ", ")) }
        if !moves.isEmpty { lines.append("moves: " + moves.joined(separator: ", ")) }
        guard explain else { return lines.joined(separator: "\n") }
        lines.append("normalised: \(normalizedText)")
        if candidates.isEmpty {
            lines.append("candidates: (none)")
        } else {
            lines.append("candidates: " + candidates.map { "\($0.id)\($0.subtopic.map { "/\($0)" } ?? "") \(Self.format($0.score))" }.joined(separator: ", "))
        }
        if evidence.isEmpty { lines.append("fired: (nothing)") }
        for item in evidence {
            var line = "  \(item.weight >= 0 ? "+" : "")\(Self.format(item.weight))  \(item.categoryID)"
            if let sub = item.subtopicID { line += "/\(sub)" }
            line += "  \(item.rule)"
            if let location = item.location { line += "  [\(location)]" }
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }

    static func format(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(format: "%.2f", value)
    }
}
