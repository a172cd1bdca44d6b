public import Rules
import Foundation

/// The learned layer: a multinomial naive Bayes model over the characters and character pairs
/// of normalised text, trained when the rules load on `settings.yaml: learned_examples`
/// (messages written by the rule authors; never `dev.tsv`). Hand-written rules say *why*; this
/// layer catches the wording nobody wrote a rule for. `LearnedModel.blend` says when it decides.
///
/// Immutable and `Sendable`; scoring allocates nothing (its scores live on the stack).
public struct LearnedModel: Sendable {
    /// The labels, in the order of the weight rows.
    public let labels: [String]
    /// log P(label).
    let logPrior: [Double]
    /// Feature -> index of its row (one log-probability per label) in `weights`.
    let rows: FeatureTable
    /// Single precision: half the memory to keep in cache, and plenty for log-probabilities.
    let weights: [Float]
    /// log P(feature | label) of a feature no example holds.
    let unseen: [Double]
    /// How many examples it learned from.
    public let exampleCount: Int

    /// Smoothing added to every count.
    static let alpha = 0.1

    /// Trains on `examples`, each normalised by `normalizer` as the classifier normalises messages.
    public init(examples: [LearnedExample], normalizer: TextNormalizer) {
        var labelIndex: [String: Int] = [:]
        var labels: [String] = []
        for example in examples where labelIndex[example.label] == nil {
            labelIndex[example.label] = labels.count
            labels.append(example.label)
        }
        let width = labels.count
        var documents = [Double](repeating: 0, count: width)
        var totals = [Double](repeating: 0, count: width)
        var featureIndex: [UInt64: Int] = [:]
        var keys: [UInt64] = []
        var counts: [Double] = []
        for example in examples {
            let label = labelIndex[example.label]!
            documents[label] += 1
            Self.forEachFeature(of: normalizer.normalize(example.text).text) { feature in
                let row: Int
                if let known = featureIndex[feature] {
                    row = known
                } else {
                    row = keys.count
                    featureIndex[feature] = row
                    keys.append(feature)
                    counts.append(contentsOf: repeatElement(0, count: width))
                }
                counts[row * width + label] += 1
                totals[label] += 1
            }
        }
        let denominators = totals.map { $0 + Self.alpha * Double(keys.count) }
        var weights = [Float](repeating: 0, count: counts.count)
        for row in keys.indices {
            for label in 0..<width {
                weights[row * width + label] = Float(Self.log((counts[row * width + label] + Self.alpha) / denominators[label]))
            }
        }
        self.labels = labels
        self.logPrior = documents.map { Self.log($0 / Double(max(examples.count, 1))) }
        self.rows = FeatureTable(keys: keys)
        self.weights = weights
        self.unseen = denominators.map { Self.log(Self.alpha / $0) }
        self.exampleCount = examples.count
    }

    /// The best label for normalised text, the runner-up, and how many nats apart they are.
    public func verdict(normalized text: String) -> Verdict? {
        let width = labels.count
        guard width > 1 else { return nil }
        return withUnsafeTemporaryAllocation(of: Double.self, capacity: width) { scores in
            for label in 0..<width { scores[label] = logPrior[label] }
            var features = 0
            weights.withUnsafeBufferPointer { weights in
                Self.forEachFeature(of: text) { feature in
                    features += 1
                    if let row = rows.row(of: feature) {
                        let base = row * width
                        for label in 0..<width { scores[label] += Double(weights[base + label]) }
                    } else {
                        for label in 0..<width { scores[label] += unseen[label] }
                    }
                }
            }
            guard features > 0 else { return nil }
            var best = 0, second = 1
            if scores[second] > scores[best] { swap(&best, &second) }
            for label in 2..<width {
                if scores[label] > scores[best] {
                    second = best
                    best = label
                } else if scores[label] > scores[second] {
                    second = label
                }
            }
            return Verdict(label: labels[best], runnerUp: labels[second], margin: scores[best] - scores[second])
        }
    }

    /// What the model makes of a message.
    public struct Verdict: Sendable, Hashable {
        public var label: String
        public var runnerUp: String
        /// log P(label | text) - log P(runnerUp | text).
        public var margin: Double
    }

    /// Each character, and each pair of neighbouring characters, of `text` as a 64-bit key.
    static func forEachFeature(of text: String, _ body: (UInt64) -> Void) {
        var previous: UInt64?
        for scalar in text.unicodeScalars {
            let value = UInt64(scalar.value)
            body(value)
            if let previous { body(1 << 42 | previous << 21 | value) }
            previous = value
        }
    }

    private static func log(_ x: Double) -> Double { Foundation.log(x) }
}
