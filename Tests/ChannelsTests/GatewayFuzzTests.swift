import Channels
import Foundation
import Testing
import TestSupport

/// Feeds thousands of random and mutated lines, in random chunks, and checks that every
/// non-blank line gets exactly one answer (ack, pong, reloaded or an error naming its line),
/// that every output line is valid JSON, and that the loop ends with `bye`.
@Suite struct GatewayFuzzTests {
    private static let seeds: [String] = [
        messageLine(id: "s1"),
        #"{"v":1,"type":"message","id":"wx:123","conversation":"wx:o6_abc","user":{"id":"wx:o6_abc","name":"张阿姨"},"text":"3栋电梯坏了","ts":"2026-11-26T08:00:00+08:00","channel":"wecom","room":{"id":"r1","name":"3栋群"},"meta":{"a":[1,2,{"b":null}]}}"#,
        #"{"type":"ping"}"#,
        #"{"type":"ping","id":"p"}"#,
        #"{"type":"control","action":"reload"}"#,
        #"{"type":"message","id":"e\u00e9\ud83d\ude00","user":{"id":"u\n"},"text":"\"\\\/\b\f\n\r\t"}"#,
    ]

    @Test func randomAndMutatedLinesAreEachAnsweredAndTheLoopSurvives() throws {
        var rng = SplitMix64(seed: 20_261_127)
        var lines: [[UInt8]] = []
        for index in 0..<3000 {
            lines.append(Self.makeLine(index: index, rng: &rng))
        }
        // One very long line among them.
        lines.insert(Array(repeating: UInt8(ascii: "{"), count: 200_000), at: 1500)

        var stream: [UInt8] = []
        var received: [[UInt8]] = []  // each line as the loop sees it: one CR before the LF removed
        for line in lines {
            let terminator: [UInt8] = rng.next() % 5 == 0 ? [0x0D, 0x0A] : [0x0A]
            stream += line + terminator
            var seen = line + terminator.dropLast()
            if seen.last == 0x0D { seen.removeLast() }
            received.append(seen)
        }
        var steps: [ScriptedInput.Step] = []
        var offset = 0
        while offset < stream.count {
            let size = Int(1 + rng.next() % 9000)
            steps.append(.data(Array(stream[offset..<min(stream.count, offset + size)])))
            if rng.next() % 4 == 0 { steps.append(.pause) }
            offset += size
        }

        let run = try runGateway(steps, configuration: .init(maximumBatchSize: 64, tickInterval: nil))

        #expect(run.types.first == "ready")
        #expect(run.types.last == "bye")
        #expect(!run.types.contains("<not JSON>"))
        let nonBlank = received.enumerated().filter { _, line in
            !line.allSatisfy { $0 == 0x20 || $0 == 0x09 }  // blank lines are ignored, by design
        }.map { $0.offset + 1 }
        let errors = run.objects.filter { $0["type"] as? String == "error" }
        let errorLines = errors.compactMap { $0["line"] as? Int }
        #expect(errorLines.count == errors.count)
        #expect(Set(errorLines).count == errorLines.count)
        #expect(Set(errorLines).isSubset(of: Set(nonBlank)))
        let answered = run.types.filter { ["ack", "pong", "reloaded"].contains($0) }.count + errors.count
        #expect(answered == nonBlank.count)
        #expect(run.types.filter { $0 == "ack" }.count == run.types.filter { $0 == "done" }.count)
        #expect(errors.contains { $0["code"] as? String == "too_long" && $0["line"] as? Int == 1501 })
        // A sanity check that the mix exercised both sides.
        #expect(run.types.filter { $0 == "ack" }.count > 300)
        #expect(errors.count > 300)
    }

    private static func makeLine(index: Int, rng: inout SplitMix64) -> [UInt8] {
        switch rng.next() % 10 {
        case 0:
            // Binary noise without line feeds.
            return (0..<Int(rng.next() % 200)).map { _ in UInt8(truncatingIfNeeded: rng.next()) }.map { $0 == 0x0A ? 0x00 : $0 }
        case 1:
            // A valid message with a random id (duplicates likely) and random text.
            let id = "fz:\(rng.next() % 500)"
            return Array(messageLine(id: id, user: "u\(rng.next() % 20)", text: "第\(index)条").utf8)
        case 2:
            // Random JSON-ish tokens.
            let tokens = ["{", "}", "[", "]", ",", ":", "\"type\"", "\"message\"", "\"id\"", "1", "null", "\"text\"", " ", "\"user\"", "\\", "\""]
            return Array((0..<Int(rng.next() % 30)).map { _ in tokens[Int(rng.next() % UInt64(tokens.count))] }.joined().utf8)
        default:
            // A mutated seed: flips, deletions, insertions, truncation.
            var bytes = Array(seeds[Int(rng.next() % UInt64(seeds.count))].utf8)
            for _ in 0..<Int(rng.next() % 4) {
                guard !bytes.isEmpty else { break }
                let position = Int(rng.next() % UInt64(bytes.count))
                switch rng.next() % 4 {
                case 0: bytes[position] = UInt8(truncatingIfNeeded: rng.next())
                case 1: bytes.remove(at: position)
                case 2: bytes.insert(UInt8(truncatingIfNeeded: rng.next()), at: position)
                default: bytes.removeSubrange(position...)
                }
            }
            // The id makes mutated messages distinct, so most are accepted, not duplicates.
            return bytes.map { $0 == 0x0A ? UInt8(ascii: " ") : $0 }
        }
    }
}
