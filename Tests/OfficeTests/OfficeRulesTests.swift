import Foundation
import Office
import Rules
import Store
import Testing
import TestSupport

@Suite struct OfficeRulesTests {
    /// A copy of the shipped rules in a temporary directory, to break and mend.
    static func copyRules() throws -> TemporaryDirectory {
        let dir = try TemporaryDirectory()
        try FileManager.default.copyItem(at: Fixtures.rulesDirectory, to: dir.url.appendingPathComponent("rules"))
        return dir
    }

    @Test func opensTheDatabaseDirectoryAndAnswersWithTheShippedRules() throws {
        let dir = try Self.copyRules()
        defer { dir.remove() }
        let office = try Office.open(databasePath: dir.path("var/db.sqlite"), rulesDirectory: dir.path("rules"))
        #expect(FileManager.default.fileExists(atPath: dir.path("var/db.sqlite")))
        #expect(office.rulesHash.hasPrefix("sha256:"))
        let outcome = try office.handle([Inbound(userID: "u1", text: "7栋2单元电梯坏了")])[0]
        #expect(outcome.replies.first?.text.contains("设施维修") == true)
    }

    @Test func aBrokenReloadKeepsTheRulesInUseAndAGoodOneSwaps() throws {
        let dir = try Self.copyRules()
        defer { dir.remove() }
        let office = try Office.open(databasePath: dir.path("db.sqlite"), rulesDirectory: dir.path("rules"))
        let before = office.rulesHash
        let replies = dir.path("rules/replies.yaml")
        let original = try String(contentsOfFile: replies, encoding: .utf8)

        try original.replacingOccurrences(of: "{number}", with: "{numbr}").write(toFile: replies, atomically: true, encoding: .utf8)
        #expect(throws: DiagnosticError.self) { try office.reloadRules() }
        #expect(office.rulesHash == before)
        // Still answering with the old templates.
        let outcome = try office.handle([Inbound(userID: "u1", text: "你好")])[0]
        #expect(outcome.replies.first?.text.contains("您好") == true)

        try original.replacingOccurrences(of: "不客气，有事随时找我。", with: "不用谢！").write(toFile: replies, atomically: true, encoding: .utf8)
        let after = try office.reloadRules()
        #expect(after != before)
        #expect(office.rulesHash == after)
        let thanks = try office.handle([Inbound(userID: "u1", text: "谢谢")])[0]
        #expect(thanks.replies.first?.text == "不用谢！")
    }

    @Test func brokenRulesReportEveryProblemWithItsFile() throws {
        let dir = try Self.copyRules()
        defer { dir.remove() }
        try "kind: replies\ntemplates:\n  greeting: 你好{nme}\n".write(toFile: dir.path("rules/replies.yaml"), atomically: true, encoding: .utf8)
        do {
            _ = try RuleBook.standard(directory: dir.url.appendingPathComponent("rules"), displayRoot: "rules")
            Issue.record("broken replies must not load")
        } catch let error as DiagnosticError {
            #expect(error.diagnostics.contains { $0.location?.file == "rules/replies.yaml" && $0.location?.line == 3 && $0.message.contains("{nme}") })
            #expect(error.diagnostics.contains { $0.message.contains("missing template `menu`") })
        }
    }
}
