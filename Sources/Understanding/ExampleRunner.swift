public import Rules

/// An example from a rule file that the classifier does not understand as written.
public struct ExampleMismatch: Sendable, Hashable, CustomStringConvertible {
    public var example: RuleExample
    /// The file the example is written in.
    public var file: String
    /// What was expected, e.g. `parking/fire-lane` or `move yes`.
    public var expected: String
    /// What came out, e.g. `sanitation (score 4)`.
    public var actual: String

    public var description: String {
        let location = example.location.map { "\($0)" } ?? file
        return "\(location): error: example '\(example.text)': expected \(expected), got \(actual)"
    }
}

/// `shangliang rules test`: classifies every example of every rule file.
public enum ExampleRunner {
    /// Runs every example; returns how many ran and the mismatches.
    public static func run(_ ruleSet: RuleSet, with classifier: Classifier) -> (count: Int, mismatches: [ExampleMismatch]) {
        var count = 0
        var mismatches: [ExampleMismatch] = []
        for category in ruleSet.allCategories {
            for example in category.examples {
                count += 1
                let result = classifier.classify(example.text)
                var expected = example.label
                var ok = result.label == example.label
                if let subtopic = example.subtopic {
                    expected += "/" + subtopic
                    ok = ok && result.subtopic == subtopic
                }
                if !ok {
                    var actual = result.label + (result.subtopic.map { "/" + $0 } ?? "")
                    actual += " (score \(Classification.format(result.score))"
                    if let runnerUp = result.candidates.dropFirst().first { actual += "; next \(runnerUp.id) \(Classification.format(runnerUp.score))" }
                    actual += ")"
                    mismatches.append(ExampleMismatch(example: example, file: category.file, expected: expected, actual: actual))
                }
            }
        }
        for move in ruleSet.moves {
            for example in move.examples {
                count += 1
                let moves = classifier.classify(example.text).moves
                let ok = example.label == "none" ? !moves.contains(move.id) : moves.contains(example.label)
                if !ok {
                    let expected = example.label == "none" ? "not move \(move.id)" : "move \(example.label)"
                    let actual = moves.isEmpty ? "no move" : "moves " + moves.joined(separator: ", ")
                    mismatches.append(ExampleMismatch(example: example, file: "moves.yaml", expected: expected, actual: actual))
                }
            }
        }
        return (count, mismatches)
    }
}
