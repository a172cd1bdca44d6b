import ArgumentParser
import Foundation
import Rules
import Understanding

/// `shangliang classify [--explain] [--rules DIR] TEXT`
struct ClassifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "classify",
        abstract: "Classify one message against the rules and say why.")

    @Flag(name: .long, help: "Show every rule that fired, with its weight and where it is written.")
    var explain = false

    @Option(name: .long, help: "The rules directory.")
    var rules = "rules"

    @Argument(help: "The message. Several arguments are joined with spaces; none reads one line from stdin.")
    var text: [String] = []

    func run() throws {
        let classifier = try RulesOptions.makeClassifier(rules)
        if text.isEmpty {
            let bytes = FileHandle.standardInput.readDataToEndOfFile()
            var line = Array(bytes)
            while let last = line.last, last == 0x0A || last == 0x0D { line.removeLast() }
            print(classifier.classify(bytes: line).report(explain: explain))
        } else {
            print(classifier.classify(text.joined(separator: " ")).report(explain: explain))
        }
    }
}

/// Loading rules for the commands: diagnostics go to stderr, exit 1.
enum RulesOptions {
    static func loadRuleSet(_ directory: String) throws -> RuleSet {
        do {
            return try RuleSet.load(from: URL(fileURLWithPath: directory))
        } catch {
            FileHandle.standardError.write(Data((error.description + "\n").utf8))
            throw ExitCode(1)
        }
    }

    static func makeClassifier(_ directory: String, usesPrefilter: Bool = true) throws -> Classifier {
        try makeClassifier(loadRuleSet(directory), usesPrefilter: usesPrefilter)
    }

    static func makeClassifier(_ ruleSet: RuleSet, usesPrefilter: Bool = true) throws -> Classifier {
        do {
            return try Classifier(rules: ruleSet, usesPrefilter: usesPrefilter)
        } catch {
            FileHandle.standardError.write(Data((error.description + "\n").utf8))
            throw ExitCode(1)
        }
    }
}
