import Foundation

extension Evaluation {
    /// The figures as a table for people.
    public func report(confusionLimit: Int = 10) -> String {
        var out: [String] = []
        func pct(_ v: Double?) -> String { v.map { String(format: "%.3f", $0) } ?? "n/a" }
        out.append("n: \(n)")
        out.append("accuracy: \(pct(accuracy))" + accuracyByDifficulty.keys.sorted().map { "  \($0): \(pct(accuracyByDifficulty[$0]))" }.joined())
        out.append("emergency recall: \(pct(emergencyRecall))")
        out.append("false-refusal rate: \(pct(falseRefusalRate))")
        out.append("building accuracy: \(pct(buildingAccuracy))")
        out.append("")
        out.append("label".padding(toLength: 18, withPad: " ", startingAt: 0) + "precision  recall     f1  support")
        for label in perLabel.keys.sorted() {
            let m = perLabel[label]!
            out.append(label.padding(toLength: 18, withPad: " ", startingAt: 0)
                + String(format: "%9.3f %7.3f %6.3f %8d", m.precision, m.recall, m.f1, m.support))
        }
        if !confusions.isEmpty {
            out.append("")
            out.append("top confusions (expected -> predicted):")
            for c in confusions.prefix(confusionLimit) { out.append("  \(c.count)  \(c.expected) -> \(c.predicted)") }
        }
        return out.joined(separator: "\n")
    }

    /// Each miss (label or building) with what fired.
    public func errorReport() -> String {
        var out: [String] = []
        for outcome in outcomes where !outcome.isLabelCorrect || !outcome.isBuildingCorrect {
            let s = outcome.sample, r = outcome.result
            var head = "line \(s.line): "
            if !outcome.isLabelCorrect { head += "expected \(s.label), got \(r.label)" + (r.isAmbiguous ? " (ambiguous)" : "") }
            if !outcome.isBuildingCorrect {
                if !outcome.isLabelCorrect { head += "; " }
                head += "building expected \(s.building.map(String.init) ?? "none"), got \(r.place.building.map(String.init) ?? "none")"
            }
            out.append(head)
            out.append("  text: \(s.text)")
            if !outcome.isLabelCorrect {
                let fired = r.evidence.filter { $0.categoryID != Classification.movesEvidenceID }
                    .map { "\($0.categoryID)\($0.subtopicID.map { "/\($0)" } ?? "") \(Classification.format($0.weight)) \($0.rule)" }
                out.append("  fired: " + (fired.isEmpty ? "(nothing)" : fired.joined(separator: "; ")))
            }
        }
        return out.joined(separator: "\n")
    }

    /// One JSON object: accuracy, emergency_recall, false_refusal_rate, building_accuracy,
    /// per_label (label -> precision, recall, f1, support), n, plus confusions and accuracy_by_difficulty.
    public func json() -> String {
        struct Confusion: Encodable { var expected: String; var predicted: String; var count: Int }
        struct Payload: Encodable {
            var accuracy: Double
            var emergency_recall: Double?
            var false_refusal_rate: Double?
            var building_accuracy: Double
            var per_label: [String: LabelMetrics]
            var n: Int
            var confusions: [Confusion]
            var accuracy_by_difficulty: [String: Double]
        }
        let payload = Payload(
            accuracy: accuracy, emergency_recall: emergencyRecall, false_refusal_rate: falseRefusalRate,
            building_accuracy: buildingAccuracy, per_label: perLabel, n: n,
            confusions: confusions.map { Confusion(expected: $0.expected, predicted: $0.predicted, count: $0.count) },
            accuracy_by_difficulty: accuracyByDifficulty)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return (try? encoder.encode(payload)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }
}
