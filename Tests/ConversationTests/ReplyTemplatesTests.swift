import Foundation
import Rules
import Testing
import TestSupport

@Suite struct ReplyTemplatesTests {
    @Test func shippedTemplatesLoadWithoutWarnings() throws {
        let path = Fixtures.rulesDirectory.appendingPathComponent("replies.yaml").path
        let (templates, warnings) = try ReplyTemplates.load(contentsOf: path)
        #expect(warnings.isEmpty)
        for key in ReplyTemplates.knownKeys.keys { #expect(templates.has(key), "missing \(key)") }
        #expect(templates.officeHours == 510...1050)
    }

    @Test func fillsPlaceholdersAndLeavesBracesThatAreNotPlaceholders() {
        #expect(ReplyTemplates.fill("编号 {number}，{missing}完", ["number": "2026-0001"]) == "编号 2026-0001，完")
        #expect(ReplyTemplates.fill("{ 不是 }", [:]) == "{ 不是 }")
        #expect(ReplyTemplates.placeholders(in: "{a}与{b_c}") == ["a", "b_c"])
    }

    @Test func reportsEveryProblemWithItsLine() throws {
        let yaml = """
            kind: replies
            office_hours: "late"
            templates:
              filed: 已登记 {number} {bogus}
              wat: 嗯
            """
        do {
            _ = try ReplyTemplates.parse(yaml, file: "rules/replies.yaml")
            Issue.record("a broken file must not load")
        } catch let error as DiagnosticError {
            let messages = error.diagnostics.map(\.description)
            #expect(messages.contains { $0.hasPrefix("rules/replies.yaml:2:15: error:") && $0.contains("office_hours") })
            #expect(messages.contains { $0.hasPrefix("rules/replies.yaml:4:10: error:") && $0.contains("{bogus}") })
            #expect(messages.contains { $0.hasPrefix("rules/replies.yaml:5:3: warning:") && $0.contains("wat") })
            #expect(messages.contains { $0.contains("missing template `greeting`") })
        }
    }
}
