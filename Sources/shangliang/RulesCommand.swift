import ArgumentParser
import Foundation
import Office
import Rules
import Understanding

/// `shangliang rules lint|test|hash [DIR]`
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "Check the rule files.",
        subcommands: [Lint.self, Test.self, Hash.self])

    struct Lint: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Report every problem in the rule files, like a compiler.")

        @Argument(help: "The rules directory.")
        var directory = "rules"

        func run() throws {
            let url = URL(fileURLWithPath: directory)
            var diagnostics = RuleLinter.lint(directory: url, displayRoot: directory)
            if RuleBook.hasCasework(url) {
                // The community directory and the routing table, checked against the rule set.
                let (ruleSet, _) = RuleSetLoader(directory: url, displayRoot: directory).load()
                diagnostics += RoutingLoader.loadCasework(from: url, ruleSet: ruleSet, displayPrefix: directory).diagnostics
            }
            // The reply templates: every sentence the assistant says.
            let replies = (directory as NSString).appendingPathComponent("replies.yaml")
            if FileManager.default.fileExists(atPath: replies) {
                do {
                    diagnostics += try ReplyTemplates.load(contentsOf: replies).warnings
                } catch let error as DiagnosticError {
                    diagnostics += error.diagnostics
                }
            }
            if diagnostics.isEmpty {
                print("\(directory): no problems found")
                return
            }
            let error = DiagnosticError(diagnostics)
            FileHandle.standardError.write(Data((error.description + "\n").utf8))
            if error.errorCount > 0 { throw ExitCode(1) }
        }
    }

    struct Test: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Classify every example in the rule files; list each mismatch.")

        @Argument(help: "The rules directory.")
        var directory = "rules"

        func run() throws {
            let ruleSet = try RulesOptions.loadRuleSet(directory)
            let classifier = try RulesOptions.makeClassifier(ruleSet)
            let (count, mismatches) = ExampleRunner.run(ruleSet, with: classifier)
            for mismatch in mismatches { print(mismatch) }
            print("\(count - mismatches.count) of \(count) examples pass")
            if !mismatches.isEmpty { throw ExitCode(1) }
        }
    }

    struct Hash: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print the rule set's hash (sha256 over the rule files).")

        @Argument(help: "The rules directory.")
        var directory = "rules"

        func run() {
            print(RuleSetHasher.hash(directory: URL(fileURLWithPath: directory)))
        }
    }
}
