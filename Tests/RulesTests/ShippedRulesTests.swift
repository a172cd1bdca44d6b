import Foundation
import Rules
import Testing
import Understanding

/// The rules the package ships (rules/ at the package root) must lint without errors (warnings,
/// such as keyword twins, do not fail lint either).
@Suite struct ShippedRulesTests {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("rules")

    static var hasCategoryFiles: Bool {
        let folder = directory.appendingPathComponent("discussable").path
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).contains { $0.hasSuffix(".yaml") }
    }

    @Test(.enabled(if: hasCategoryFiles, "rules/ has no category files yet"))
    func shippedRulesLintClean() {
        let diagnostics = RuleLinter.lint(directory: Self.directory, displayRoot: "rules")
        #expect(DiagnosticError(diagnostics).errorCount == 0, "\(DiagnosticError(diagnostics))")
    }
}
