import Foundation
import Rules
import Testing
import Understanding

@Suite struct RuleLinterTests {
    let broken: [Diagnostic] = RuleLinter.lint(directory: Fixtures.url("broken"), displayRoot: "broken")

    /// The diagnostic at `file:line:column` whose message contains `fragment`.
    func expectDiagnostic(_ file: String, _ line: Int, _ column: Int, _ fragment: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let found = broken.contains {
            $0.location == Rules.SourceLocation(file: "broken/" + file, line: line, column: column) && $0.message.contains(fragment) && $0.severity == .error
        }
        #expect(found, "no '\(fragment)' at \(file):\(line):\(column); got:\n\(broken.map(\.description).joined(separator: "\n"))", sourceLocation: sourceLocation)
    }

    @Test func goodFixtureIsClean() {
        #expect(RuleLinter.lint(directory: Fixtures.good).isEmpty)
    }

    @Test func reportsYAMLSyntax() { expectDiagnostic("discussable/facilities.yaml", 5, 9, "YAML syntax") }
    @Test func reportsUnknownKeys() {
        expectDiagnostic("discussable/sanitation.yaml", 6, 1, "unknown key 'keywrods'")
        expectDiagnostic("settings.yaml", 2, 1, "unknown key 'max_score'")
    }
    @Test func reportsBadValues() { expectDiagnostic("settings.yaml", 1, 12, "'min_score' must be a number") }
    @Test func reportsIDNotFileName() { expectDiagnostic("discussable/parking.yaml", 1, 5, "must equal the file name 'parking'") }
    @Test func reportsKindNotFolder() { expectDiagnostic("discussable/parking.yaml", 2, 7, "does not match where the file is") }
    @Test func reportsDuplicateIDs() {
        expectDiagnostic("discussable/parking.yaml", 9, 9, "duplicate sub-topic id 'ebike'")
        expectDiagnostic("moves.yaml", 7, 9, "duplicate move id 'yes'")
    }
    @Test func reportsUnknownOwners() { expectDiagnostic("discussable/sanitation.yaml", 5, 20, "unknown owner role 'janitor'") }
    @Test func reportsMissingExamples() { expectDiagnostic("discussable/sanitation.yaml", 1, 1, "no examples") }
    @Test func reportsUnknownExampleLabels() { expectDiagnostic("discussable/parking.yaml", 12, 11, "example label 'parking-lot'") }
    @Test func reportsNonDiscussableTexts() {
        expectDiagnostic("non-discussable/privacy.yaml", 1, 1, "missing required key 'explanation'")
        expectDiagnostic("non-discussable/privacy.yaml", 1, 1, "missing required key 'redirect'")
    }
    @Test func reportsEmergencyNumberAndAdvice() {
        expectDiagnostic("emergency.yaml", 5, 5, "missing required key 'number'")
        expectDiagnostic("emergency.yaml", 5, 5, "missing required key 'advice'")
    }
    @Test func reportsTheSevenPlusFiveInvariant() {
        expectDiagnostic("discussable", 1, 1, "must hold exactly 7 category files, found 6")
        expectDiagnostic("discussable", 1, 1, "missing category file discussable/community-life.yaml")
        // All five non-discussable files are there (one of them broken): nothing to say about the folder.
        #expect(!broken.contains { $0.location?.file == "broken/non-discussable" })
    }

    /// The column is that of the regex value plus the quote plus PCRE2's offset (in characters).
    @Test func reportsPatternsThatDoNotCompileAtTheErrorColumn() {
        // `  - regex: '垃圾(短信'`: value at column 12, regex at 13, error at its end (offset 5).
        expectDiagnostic("discussable/sanitation.yaml", 8, 18, "pattern does not compile")
        // `  - 清运[`: plain scalar at column 5, error offset 3.
        expectDiagnostic("discussable/sanitation.yaml", 10, 8, "pattern does not compile")
    }

    @Test func everyErrorHasItsSourceLineWhenItPointsIntoAFile() {
        let inFiles = broken.filter { $0.location?.file.hasSuffix(".yaml") == true && $0.location?.line ?? 0 > 1 }
        #expect(!inFiles.isEmpty)
        #expect(inFiles.allSatisfy { $0.sourceLine != nil })
    }

    @Test func rendersLikeACompiler() throws {
        let diagnostic = try #require(broken.first { $0.message.contains("janitor") })
        let lines = diagnostic.description.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[0].hasPrefix("broken/discussable/sanitation.yaml:5:20: error: unknown owner role"))
        #expect(lines[1] == "owners: [property, janitor]")
        #expect(lines[2] == String(repeating: " ", count: 19) + "^")
    }
}
