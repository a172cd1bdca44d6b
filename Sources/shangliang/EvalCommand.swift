import ArgumentParser
import Foundation
import Understanding

/// `shangliang eval FILE.tsv [--errors] [--json] [--rules DIR]`
struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Measure the classifier on a labelled TSV (header: text label building [difficulty]).")

    @Argument(help: "The TSV file.")
    var file: String

    @Flag(name: .long, help: "List each miss with what fired.")
    var errors = false

    @Flag(name: .long, help: "Print one JSON object instead of the table.")
    var json = false

    @Option(name: .long, help: "The rules directory.")
    var rules = "rules"

    func run() throws {
        guard let data = FileManager.default.contents(atPath: file) else {
            throw ValidationError("cannot read \(file)")
        }
        let samples: [EvaluationSample]
        do {
            samples = try EvaluationSample.parseTSV(String(decoding: data, as: UTF8.self))
        } catch {
            throw ValidationError("\(file): \(error)")
        }
        let classifier = try RulesOptions.makeClassifier(rules)
        let evaluation = Evaluation(samples: samples, classifier: classifier)
        if json {
            print(evaluation.json())
            return
        }
        if errors {
            print(evaluation.errorReport())
            print("")
        }
        print(evaluation.report())
    }
}
