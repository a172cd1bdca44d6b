import Foundation
import Testing

/// Runs the built `shangliang` binary, as a user would.
@Suite struct ExecutableTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var binary: URL? {
        let candidates = [
            Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("shangliang"),
            packageRoot.appendingPathComponent(".build/debug/shangliang"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    func run(_ arguments: [String], in directory: URL) throws -> Output {
        let binary = try #require(Self.binary, "build the shangliang executable first (make test does)")
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
    }

    @Test func lintPassesOnGoodRules() throws {
        let result = try run(["rules", "lint", "good"], in: Fixtures.root)
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
    }

    @Test func lintFailsOnBrokenRulesWithEveryProblem() throws {
        let result = try run(["rules", "lint", "broken"], in: Fixtures.root)
        #expect(result.status == 1)
        #expect(result.stderr.contains("broken/discussable/sanitation.yaml:5:20: error: unknown owner role 'janitor'"))
        #expect(result.stderr.contains("broken/discussable/sanitation.yaml:8:18: error: pattern does not compile"))
        #expect(result.stderr.contains("broken/discussable/facilities.yaml:5:9: error: YAML syntax"))
        #expect(result.stderr.contains("\nowners: [property, janitor]\n" + String(repeating: " ", count: 19) + "^\n"))
        #expect(result.stderr.contains("errors generated."))
    }

    @Test func lintChecksTheReplyTemplatesOfTheShippedRules() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("rules-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: Self.packageRoot.appendingPathComponent("rules"), to: dir)
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(try run(["rules", "lint", "."], in: dir).status == 0)
        let file = dir.appendingPathComponent("replies.yaml")
        let text = try String(contentsOf: file, encoding: .utf8)
        let broken = text.replacingOccurrences(of: "ask_since: 这种情况从什么时候开始的？", with: "ask_since: 从{when}开始的？")
        #expect(broken != text, "the fixture line moved: update this test")
        try broken.write(to: file, atomically: true, encoding: .utf8)
        let result = try run(["rules", "lint", "."], in: dir)
        #expect(result.status == 1)
        let line = text.components(separatedBy: "\n").firstIndex { $0.contains("ask_since:") }.map { $0 + 1 } ?? 0
        #expect(result.stderr.contains("./replies.yaml:\(line):"), "\(result.stderr)")
    }

    @Test func rulesTestPassesOnGoodRules() throws {
        let result = try run(["rules", "test", "good"], in: Fixtures.root)
        #expect(result.status == 0)
        #expect(result.stdout.contains("examples pass"))
    }

    @Test func rulesTestListsEachMismatch() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("rules-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: Fixtures.good, to: dir)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("discussable/neighbourhood.yaml")
        var text = try String(contentsOf: file, encoding: .utf8)
        text += "  - text: 车位被占了\n  - text: 楼上噪音\n    label: parking\n"
        try text.write(to: file, atomically: true, encoding: .utf8)
        let result = try run(["rules", "test", dir.path], in: dir)
        #expect(result.status == 1)
        let mismatches = result.stdout.split(separator: "\n").filter { $0.contains(": error: example") }
        #expect(mismatches.count == 2)
        #expect(mismatches.first?.contains("neighbourhood.yaml:12:11:") == true)
        #expect(mismatches.first?.contains("expected neighbourhood, got parking") == true)
    }

    @Test func classifyExplains() throws {
        let result = try run(["classify", "--explain", "--rules", "good", "消防通道又被堵了"], in: Fixtures.root)
        #expect(result.status == 0)
        #expect(result.stdout.contains("label: parking (discussable)  subtopic: fire-lane"))
        #expect(result.stdout.contains("parking.yaml:14:16"))
    }

    @Test func classifyOnBrokenRulesFails() throws {
        let result = try run(["classify", "--rules", "broken", "你好"], in: Fixtures.root)
        #expect(result.status == 1)
        #expect(result.stderr.contains("error:"))
    }
}
