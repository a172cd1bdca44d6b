import Channels
import Foundation
import Logging
import Office
import Testing
import TestSupport

/// Golden protocol transcripts with the real office: `transcripts/gateway/office/NAME.in.jsonl`
/// through the gateway loop, the shipped rules, a fresh database and a fixed clock must give
/// `NAME.out.jsonl` byte for byte, once the rules hash is normalised to `sha256:…` (it changes
/// with every rule edit). The whole input arrives at once (one group commit).
/// `RECORD_TRANSCRIPTS=1` (or `RECORD_SNAPSHOTS=1`) re-records them and fails where a file
/// changed, so a re-recording is always looked at.
@Suite struct GatewayOfficeGoldenTests {
    static let directory = Fixtures.packageRoot.appendingPathComponent("transcripts/gateway/office")

    static var names: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [])
            .filter { $0.hasSuffix(".in.jsonl") }
            .map { String($0.dropLast(".in.jsonl".count)) }
            .sorted()
    }

    @Test func thereAreTranscripts() {
        #expect(Set(Self.names).isSuperset(of: ["filing", "duplicates", "ping-and-bad-input", "reload"]))
    }

    @Test(arguments: names)
    func transcript(_ name: String) throws {
        let input = try Data(contentsOf: Self.directory.appendingPathComponent("\(name).in.jsonl"))
        let expectedURL = Self.directory.appendingPathComponent("\(name).out.jsonl")
        let actual = Self.normalised(try Self.run(Array(input)))
        let environment = ProcessInfo.processInfo.environment
        let record = environment["RECORD_TRANSCRIPTS"] == "1" || environment["RECORD_SNAPSHOTS"] != nil
        let expected = try? String(contentsOf: expectedURL, encoding: .utf8)
        if record || expected == nil {
            try actual.write(to: expectedURL, atomically: true, encoding: .utf8)
            if actual != expected { Issue.record("recorded \(expectedURL.lastPathComponent); review it with git diff") }
            return
        }
        #expect(actual == expected)
    }

    /// The loop's output for `input` with the office on the shipped rules and a new database.
    static func run(_ input: [UInt8]) throws -> String {
        let dir = try TemporaryDirectory("gw-golden")
        defer { dir.remove() }
        let clock = FixedClock(iso: "2026-11-26T10:00:00+08:00")
        let office = try Office.open(
            databasePath: dir.path("db.sqlite"), rulesDirectory: Fixtures.rulesDirectory.path, clock: clock.closure)
        let output = Collected()
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        let loop = GatewayLoop(
            handler: office, input: AllAtOnce(input), output: output,
            configuration: GatewayConfiguration(tickInterval: nil), logger: logger)
        _ = try loop.run()
        return String(decoding: output.bytes, as: UTF8.self)
    }

    /// Rules hashes replaced by `sha256:…`.
    static func normalised(_ text: String) -> String {
        text.replacing(/sha256:[0-9a-f]{64}/, with: "sha256:…")
    }

    @Test func normalisingKeepsEverythingButTheHash() {
        let line = #"{"type":"ready","protocol":"shangliang-jsonl/1","rules":"sha256:\#(String(repeating: "0a", count: 32))"}"#
        #expect(Self.normalised(line) == #"{"type":"ready","protocol":"shangliang-jsonl/1","rules":"sha256:…"}"#)
        #expect(Self.normalised("sha256:abc") == "sha256:abc")
    }
}

/// The whole input at once, then EOF.
private final class AllAtOnce: GatewayInput {
    private var pending: [UInt8]?
    init(_ bytes: [UInt8]) { pending = bytes }

    func next(timeout: Duration?) throws -> GatewayInputEvent {
        guard let bytes = pending else { return .endOfInput }
        pending = nil
        return .data(bytes)
    }
}

/// Everything the loop writes.
private final class Collected: GatewayOutput {
    private(set) var bytes: [UInt8] = []
    func write(_ bytes: [UInt8]) throws { self.bytes += bytes }
}
