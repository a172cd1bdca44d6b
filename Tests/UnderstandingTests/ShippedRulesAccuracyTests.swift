import Foundation
import Rules
import Testing
import Understanding

/// A regression guard: the shipped rules (with their learned layer) must keep meeting the issue's
/// targets on the sets written here independently of `../shared/corpus/dev.tsv`: the learned
/// layer's own examples (`rules/examples.tsv`) and `corpus/independent.tsv`, which no rule or
/// model was tuned on.
@Suite struct ShippedRulesAccuracyTests {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let classifier: Classifier? = {
        guard let rules = try? RuleSet.load(from: root.appendingPathComponent("rules")) else { return nil }
        return try? Classifier(rules: rules)
    }()

    @Test(arguments: ["rules/examples.tsv", "corpus/independent.tsv"])
    func meetsTargets(file: String) throws {
        let classifier = try #require(Self.classifier, "the shipped rules must load")
        let text = try String(contentsOf: Self.root.appendingPathComponent(file), encoding: .utf8)
        let samples = try EvaluationSample.parseTSV(text)
        #expect(samples.count >= 50)
        let evaluation = Evaluation(samples: samples, classifier: classifier)
        #expect(evaluation.accuracy >= 0.90, "accuracy \(evaluation.accuracy)")
        #expect(evaluation.emergencyRecall == 1.0, "emergency recall \(String(describing: evaluation.emergencyRecall))")
        #expect((evaluation.falseRefusalRate ?? 0) <= 0.02, "false refusals \(String(describing: evaluation.falseRefusalRate))")
        #expect(evaluation.buildingAccuracy >= 0.95, "building accuracy \(evaluation.buildingAccuracy)")
    }
}
