import Channels
import Foundation
import Testing

/// Golden protocol transcripts: `transcripts/gateway/NAME.in.jsonl` through the loop with the
/// in-memory test double must give `NAME.out.jsonl` byte for byte. A missing output file (or
/// RECORD_SNAPSHOTS set) is written and the test fails, so a recording is always reviewed.
@Suite struct GatewayGoldenTests {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("transcripts/gateway")

    static var names: [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return files.filter { $0.hasSuffix(".in.jsonl") }.map { String($0.dropLast(".in.jsonl".count)) }.sorted()
    }

    @Test func thereAreTranscripts() {
        #expect(Self.names.count >= 4)
    }

    @Test(arguments: names)
    func transcript(_ name: String) throws {
        let input = try Data(contentsOf: Self.directory.appendingPathComponent("\(name).in.jsonl"))
        let expectedURL = Self.directory.appendingPathComponent("\(name).out.jsonl")
        let run = try runGateway([.data(Array(input))])
        let actual = run.output.text
        let record = ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] != nil
        guard !record, let expected = try? String(contentsOf: expectedURL, encoding: .utf8) else {
            try actual.write(to: expectedURL, atomically: true, encoding: .utf8)
            Issue.record("recorded \(expectedURL.lastPathComponent); review it and run again")
            return
        }
        #expect(actual == expected)
    }
}
