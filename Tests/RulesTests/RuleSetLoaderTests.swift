import Foundation
import Rules
import Testing

@Suite struct RuleSetLoaderTests {
    @Test func loadsTheGoodFixture() throws {
        let rules = try RuleSet.load(from: Fixtures.good)
        #expect(rules.discussable.count == 7)
        #expect(rules.nonDiscussable.count == 5)
        #expect(Set(rules.categories.map(\.id)) == Set(RuleSet.requiredIDs.values.joined()))
        #expect(rules.emergency?.subtopics.map(\.id) == ["fire", "gas"])
        #expect(rules.emergency?.subtopic("fire")?.number == "119")
        #expect(rules.moves.map(\.id) == ["greeting", "yes", "cancel"])
        #expect(rules.settings.strongThreshold == 4)
        #expect(rules.hash.hasPrefix("sha256:") && rules.hash.count == 7 + 64)
    }

    @Test func readsTermsWithWeightsAndPositions() throws {
        let rules = try RuleSet.load(from: Fixtures.good)
        let sanitation = try #require(rules.category("sanitation"))
        #expect(sanitation.keywords.map(\.text) == ["垃圾", "清运", "臭"])
        #expect(sanitation.keywords.map(\.weight) == [2, 2, 1])
        #expect(sanitation.keywords[0].location?.line == 8)
        #expect(sanitation.keywords[0].location?.column == 3)
        #expect(sanitation.patterns.first?.why == "垃圾无人清运")
        // The value `'垃圾...'` starts at column 12; the regex itself one character later.
        #expect(sanitation.patterns.first?.location?.column == 12)
        #expect(sanitation.patterns.first?.valueColumnOffset == 1)
        #expect(sanitation.exclusions.map(\.regex) == ["垃圾(短信|邮件|电话)"])
        #expect(sanitation.examples.last?.label == "none")
        #expect(sanitation.examples.first?.label == "sanitation")
        #expect(sanitation.owners == [.property])
        #expect(sanitation.asks == [.place, .detail])
        let parking = try #require(rules.category("parking"))
        #expect(parking.patterns.first?.weight == 2)  // a bare string weighs 2
        #expect(rules.category("privacy")?.redirect?.isEmpty == false)
    }

    @Test func structureOfTheGoodFixtureIsComplete() throws {
        let loader = RuleSetLoader(directory: Fixtures.good)
        let (rules, diagnostics) = loader.load()
        #expect(diagnostics.isEmpty)
        #expect(loader.structuralDiagnostics(of: rules).isEmpty)
    }

    @Test func missingDirectoryIsOneError() {
        #expect(throws: DiagnosticError.self) { try RuleSet.load(from: Fixtures.url("does-not-exist")) }
    }

    @Test func hashChangesWithContentAndIsStable() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("hash-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("sub"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data("b".utf8).write(to: dir.appendingPathComponent("b.yaml"))
        try Data("a".utf8).write(to: dir.appendingPathComponent("sub/a.yaml"))
        try Data("ignored".utf8).write(to: dir.appendingPathComponent("notes.txt"))
        // sorted paths: b.yaml, sub/a.yaml -> bytes "ba"
        #expect(RuleSetHasher.hash(directory: dir) == "sha256:" + SHA256.hexDigest(of: Array("ba".utf8)))
        try Data("c".utf8).write(to: dir.appendingPathComponent("b.yaml"))
        #expect(RuleSetHasher.hash(directory: dir) == "sha256:" + SHA256.hexDigest(of: Array("ca".utf8)))
    }
}
