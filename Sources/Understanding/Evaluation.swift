import Rules

/// Figures for a classifier on a labelled set: accuracy, per-label precision / recall / F1,
/// confusions, emergency recall, false-refusal rate and building-extraction accuracy.
public struct Evaluation: Sendable {
    /// Precision, recall and F1 of one label.
    public struct LabelMetrics: Sendable, Hashable, Codable {
        public var precision: Double
        public var recall: Double
        public var f1: Double
        /// How many samples carry the label.
        public var support: Int
    }

    /// One sample and what the classifier said.
    public struct Outcome: Sendable {
        public var sample: EvaluationSample
        public var result: Classification
        public var isLabelCorrect: Bool { sample.label == result.label }
        public var isBuildingCorrect: Bool { sample.building == result.place.building }
    }

    public let outcomes: [Outcome]
    /// Number of samples.
    public var n: Int { outcomes.count }
    /// Share of samples whose label is right.
    public let accuracy: Double
    /// Share of `emergency` samples labelled `emergency`; nil when there are none.
    public let emergencyRecall: Double?
    /// Share of samples labelled with a discussable category that came out non-discussable.
    public let falseRefusalRate: Double?
    /// Share of all samples whose extracted building equals the expected one (none == none).
    public let buildingAccuracy: Double
    /// By label (every label in the samples or the predictions).
    public let perLabel: [String: LabelMetrics]
    /// (expected, predicted, count), most frequent first.
    public let confusions: [(expected: String, predicted: String, count: Int)]
    /// Accuracy by the samples' difficulty (`easy`, `hard`).
    public let accuracyByDifficulty: [String: Double]

    /// Computes the figures.
    /// - Parameters:
    ///   - discussableLabels: the ids of the discussable categories.
    ///   - nonDiscussableLabels: the ids of the non-discussable categories.
    public init(outcomes: [Outcome], discussableLabels: Set<String>, nonDiscussableLabels: Set<String>) {
        self.outcomes = outcomes
        let n = outcomes.count
        func share(_ part: Int, of whole: Int) -> Double? { whole == 0 ? nil : Double(part) / Double(whole) }
        accuracy = share(outcomes.filter(\.isLabelCorrect).count, of: n) ?? 0
        let emergencies = outcomes.filter { $0.sample.label == "emergency" }
        emergencyRecall = share(emergencies.filter { $0.result.label == "emergency" }.count, of: emergencies.count)
        let discussable = outcomes.filter { discussableLabels.contains($0.sample.label) }
        falseRefusalRate = share(discussable.filter { nonDiscussableLabels.contains($0.result.label) }.count, of: discussable.count)
        buildingAccuracy = share(outcomes.filter(\.isBuildingCorrect).count, of: n) ?? 0

        var labels = Set(outcomes.map(\.sample.label))
        labels.formUnion(outcomes.map(\.result.label))
        var perLabel: [String: LabelMetrics] = [:]
        for label in labels {
            let truePositives = outcomes.filter { $0.sample.label == label && $0.result.label == label }.count
            let predicted = outcomes.filter { $0.result.label == label }.count
            let support = outcomes.filter { $0.sample.label == label }.count
            let precision = predicted == 0 ? 0 : Double(truePositives) / Double(predicted)
            let recall = support == 0 ? 0 : Double(truePositives) / Double(support)
            let f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)
            perLabel[label] = LabelMetrics(precision: precision, recall: recall, f1: f1, support: support)
        }
        self.perLabel = perLabel

        var pairs: [String: (String, String, Int)] = [:]
        for outcome in outcomes where !outcome.isLabelCorrect {
            let key = outcome.sample.label + "\t" + outcome.result.label
            pairs[key, default: (outcome.sample.label, outcome.result.label, 0)].2 += 1
        }
        confusions = pairs.values.sorted { $0.2 != $1.2 ? $0.2 > $1.2 : ($0.0, $0.1) < ($1.0, $1.1) }.map { ($0.0, $0.1, $0.2) }

        var byDifficulty: [String: Double] = [:]
        for difficulty in Set(outcomes.compactMap(\.sample.difficulty)) {
            let group = outcomes.filter { $0.sample.difficulty == difficulty }
            byDifficulty[difficulty] = share(group.filter(\.isLabelCorrect).count, of: group.count)
        }
        accuracyByDifficulty = byDifficulty
    }

    /// Classifies every sample with `classifier` and computes the figures; which labels are
    /// discussable comes from the classifier's rule set.
    public init(samples: [EvaluationSample], classifier: Classifier) {
        let outcomes = samples.map { Outcome(sample: $0, result: classifier.classify($0.text)) }
        self.init(
            outcomes: outcomes,
            discussableLabels: Set(classifier.ruleSet.discussable.map(\.id)),
            nonDiscussableLabels: Set(classifier.ruleSet.nonDiscussable.map(\.id)))
    }

    /// The samples whose label is wrong.
    public var misses: [Outcome] { outcomes.filter { !$0.isLabelCorrect } }
}
