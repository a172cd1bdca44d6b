import Rules
import Testing
import Understanding

/// `rules lint` warns about keywords of one file that normalise to the same text.
@Suite struct KeywordTwinLintTests {
    func keyword(_ text: String, _ file: String, _ line: Int, _ column: Int = 7) -> Keyword {
        Keyword(text, weight: 2, location: SourceLocation(file: file, line: line, column: column))
    }

    @Test func twinsWarnAtTheSecondOne() {
        let parking = Category(
            id: "parking", kind: .discussable, title: "停车",
            keywords: [keyword("车位", "parking.yaml", 5), keyword("停車", "parking.yaml", 6), keyword("ＳＵＶ", "parking.yaml", 7)],
            subtopics: [Subtopic(id: "ebike", title: "电动车", keywords: [keyword("停车", "parking.yaml", 12), keyword("suv", "parking.yaml", 13, 9)])],
            file: "parking.yaml")
        let emergency = Category(
            id: "emergency", kind: .emergency, title: "紧急",
            keywords: [keyword("着火", "emergency.yaml", 3), keyword("著火", "emergency.yaml", 4), keyword("车位", "emergency.yaml", 5)],
            file: "emergency.yaml")
        let diagnostics = RuleLinter.keywordTwinDiagnostics(RuleSet(categories: [parking], emergency: emergency))
        #expect(diagnostics.allSatisfy { $0.severity == .warning })
        #expect(DiagnosticError(diagnostics).errorCount == 0)
        let places = diagnostics.compactMap(\.location).map(\.description)
        // 停车 (12) twins 停車 (6); suv (13) twins ＳＵＶ (7); 著火 (4) twins 着火 (3). 车位 in two files is fine.
        #expect(places == ["parking.yaml:12:7", "parking.yaml:13:9", "emergency.yaml:4:7"])
        #expect(diagnostics.first?.message.contains("'停車' at line 6:7") == true)
    }

    @Test func theSameTextWrittenTwiceIsNotATwin() {
        let category = Category(
            id: "parking", kind: .discussable, title: "停车", keywords: [keyword("停车费", "p.yaml", 5)],
            subtopics: [Subtopic(id: "fees", title: "费用", keywords: [keyword("停车费", "p.yaml", 9)])], file: "p.yaml")
        #expect(RuleLinter.keywordTwinDiagnostics(RuleSet(categories: [category])).isEmpty)
    }

}
