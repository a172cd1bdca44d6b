@testable import Channels
import Foundation
import Office
import Testing
import TestSupport

/// The codec's one-pass path for plain messages must decode exactly what the general path
/// decodes, and leave every other line (errors included) to the general path.
@Suite struct GatewayCodecPlainMessageTests {
    static let lines: [String] = [
        messageLine(id: "a"),
        #"{"v":1,"type":"message","id":"wx:123","conversation":"wx:o6_abc","user":{"id":"wx:o6_abc","name":"张阿姨"},"text":"3栋电梯坏了","ts":"2026-11-26T08:00:00+08:00","channel":"wecom","room":{"id":"r1","name":"3栋群"},"meta":{"a":[1,2,{"b":null}]}}"#,
        #" { "type" : "message" , "id" : "x" , "user" : { "id" : "u", "name": null } , "text" : "好" , "meta" : { "k" : "v w" } } "#,
        #"{"type":"message","id":"e\u00e9","user":{"id":"u\n"},"text":"\"\\\/\b\f\n\r\t","conversation":null,"channel":null,"ts":null,"meta":null,"v":null}"#,
        #"{"type":"message","id":"x","user":{"id":"u","id":"v"},"text":"a","v":1.0}"#,
        #"{"type":"message","id":"x","user":{"id":"u"},"text":"a","ts":"2026-11-26T08:00:00.250Z"}"#,
        // Lines the general path must answer (or decode) itself.
        #"{"type":"message","id":"x","id":"y","user":{"id":"u"},"text":"a"}"#,
        #"{"type":"message","\u0069d":"x","user":{"id":"u"},"text":"a"}"#,
        #"{"type":"message","id":"","user":{"id":"u"},"text":"a"}"#,
        #"{"type":"message","id":"x","user":{"id":""},"text":"a"}"#,
        #"{"type":"message","id":"x","user":{"id":"u","name":3},"text":"a"}"#,
        #"{"type":"message","id":"x","user":"u","text":"a"}"#,
        #"{"type":"message","id":"x","user":{"id":"u"},"text":"  "}"#,
        #"{"type":"message","id":"x","user":{"id":"u"},"text":"a","conversation":""}"#,
        #"{"type":"message","id":"x","user":{"id":"u"},"text":"a","ts":"yesterday"}"#,
        #"{"type":"message","id":"x","user":{"id":"u"},"text":"a","channel":1}"#,
        #"{"v":2,"type":"message","id":"x","user":{"id":"u"},"text":"a"}"#,
        #"{"type":"message","id":"x","user":{"id":"u"}}"#,
        #"{"type":"message","id":"x","user":{"id":"u"},"text":"a"} x"#,
        #"{"type":"message","id":"x","user":{"id":"u"},"text":"a",}"#,
        #"{"type":"ping","id":"p"}"#,
        #"{"type":"control","action":"reload"}"#,
        #"[1,2]"#,
        #"{}"#,
        "",
        "{\"type\":\"message\",\"id\":\"" + String(repeating: "i", count: 513) + "\",\"user\":{\"id\":\"u\"},\"text\":\"a\"}",
    ]

    @Test(arguments: lines)
    func onePassAgreesWithTheGeneralPath(_ line: String) {
        let bytes = Array(line.utf8)
        let general = GatewayCodec.decodeInGeneral(bytes)
        if let plain = GatewayCodec.decodePlainMessage(bytes) {
            #expect(general == .success(.message(plain)))
        } else if case .success(.message) = general {
            // Declining is allowed (a member given twice, an escaped name): the general path decodes.
            #expect(line.contains(#""id":"x","id""#) || line.contains(#"\u0069d"#) || line.contains(#""id":"u","id":"v""#))
        }
        #expect(GatewayCodec.decode(bytes) == general)
    }

    @Test func mutatedLinesDecodeAsInGeneral() {
        var rng = SplitMix64(seed: 5)
        var accepted = 0
        for index in 0..<5000 {
            var bytes = Array(Self.lines[index % 6].utf8)
            for _ in 0..<Int(rng.next() % 3) {
                guard !bytes.isEmpty else { break }
                let position = Int(rng.next() % UInt64(bytes.count))
                switch rng.next() % 3 {
                case 0: bytes[position] = UInt8(truncatingIfNeeded: rng.next())
                case 1: bytes.remove(at: position)
                default: bytes.insert(UInt8(truncatingIfNeeded: rng.next()), at: position)
                }
            }
            let general = GatewayCodec.decodeInGeneral(bytes)
            if let plain = GatewayCodec.decodePlainMessage(bytes) {
                accepted += 1
                #expect(general == .success(.message(plain)))
            }
            #expect(GatewayCodec.decode(bytes) == general)
        }
        #expect(accepted > 1000)
    }
}
