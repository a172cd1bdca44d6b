import Foundation
import Testing
@testable import Rules

/// `settings.yaml: learned_examples`: read with the rules, in the hash, every bad line reported.
@Suite struct LearnedExamplesTests {
    /// A copy of the good fixture whose settings name `examples.tsv` with `contents`.
    static func rules(examples contents: String?) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("learned-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: Fixtures.url("good"), to: dir)
        let settings = dir.appendingPathComponent("settings.yaml")
        let old = (try? String(contentsOf: settings, encoding: .utf8)) ?? ""
        try Data((old + "\nlearned_examples: examples.tsv\n").utf8).write(to: settings)
        if let contents { try Data(contents.utf8).write(to: dir.appendingPathComponent("examples.tsv")) }
        return dir
    }

    @Test func examplesAreReadAndHashed() throws {
        let dir = try Self.rules(examples: "text\tlabel\tbuilding\n3栋电梯坏了\tfacilities\t3\n你好\tnone\t\n")
        defer { try? FileManager.default.removeItem(at: dir) }
        let (ruleSet, diagnostics) = RuleSetLoader(directory: dir, displayRoot: "rules").load()
        #expect(diagnostics.filter { $0.severity == .error }.isEmpty, "\(diagnostics)")
        #expect(ruleSet.learnedExamples == [
            LearnedExample(text: "3栋电梯坏了", label: "facilities"), LearnedExample(text: "你好", label: "none"),
        ])
        // The category files' own examples are trained on too.
        #expect(ruleSet.trainingExamples.count > ruleSet.learnedExamples.count)
        let before = ruleSet.hash
        try Data("text\tlabel\n楼道灯坏了\tfacilities\n".utf8).write(to: dir.appendingPathComponent("examples.tsv"))
        #expect(RuleSetLoader(directory: dir).load().0.hash != before)
    }

    @Test func everyBadLineIsReportedWithItsLine() throws {
        let dir = try Self.rules(examples: "text\tlabel\n电梯坏了\tfacilitys\n只有一列\n你好\tnone\n")
        defer { try? FileManager.default.removeItem(at: dir) }
        let (ruleSet, diagnostics) = RuleSetLoader(directory: dir, displayRoot: "rules").load()
        let errors = diagnostics.filter { $0.severity == .error }.map(\.description)
        #expect(errors.contains { $0.hasPrefix("rules/examples.tsv:2:1: error: unknown label 'facilitys'") })
        #expect(errors.contains { $0.hasPrefix("rules/examples.tsv:3:1: error: expected 2 tab-separated columns") })
        // Nothing of the resident's text is echoed in the messages but the label.
        #expect(!errors.contains { $0.contains("电梯坏了") })
        #expect(ruleSet.learnedExamples.map(\.label) == ["none"])
    }

    @Test func aMissingFileOrHeaderIsAnError() throws {
        for contents in [nil, "message\tcategory\n你好\tnone\n"] {
            let dir = try Self.rules(examples: contents)
            defer { try? FileManager.default.removeItem(at: dir) }
            let errors = RuleSetLoader(directory: dir, displayRoot: "rules").load().1.filter { $0.severity == .error }
            #expect(errors.count == 1, "\(errors)")
        }
    }
}
