import Channels
import Foundation
import Office
import Testing

@Suite struct GatewayCodecTests {
    private func decode(_ line: String) -> Result<GatewayRequest, GatewayProtocolError> {
        GatewayCodec.decode(Array(line.utf8))
    }

    @Test func decodesAFullMessage() throws {
        let line = #"{"v":1,"type":"message","id":"wx:123","conversation":"wx:room","user":{"id":"wx:o6_abc","name":"张阿姨"},"text":"3栋电梯坏了","ts":"2026-11-26T08:00:00+08:00","channel":"wecom","room":{"id":"r","name":"n"},"meta":{"b":[1, 2.50],"a":"x"},"extra":42}"#
        guard case .success(.message(let inbound)) = decode(line) else { Issue.record("not a message"); return }
        #expect(inbound.messageID == "wx:123")
        #expect(inbound.conversationID == "wx:room")
        #expect(inbound.userID == "wx:o6_abc")
        #expect(inbound.userName == "张阿姨")
        #expect(inbound.text == "3栋电梯坏了")
        #expect(inbound.channel == "wecom")
        #expect(inbound.sentAt == Date(timeIntervalSince1970: 1_795_651_200))
        #expect(inbound.meta == #"{"b":[1,2.50],"a":"x"}"#)  // member order and number spelling kept
    }

    @Test func conversationDefaultsToTheUserAndVersionIsOptional() throws {
        guard case .success(.message(let inbound)) = decode(#"{"type":"message","id":"1","user":{"id":"u"},"text":"hi","meta":null}"#) else {
            Issue.record("not a message"); return
        }
        #expect(inbound.conversationID == "u")
        #expect(inbound.meta == nil)
        #expect(inbound.sentAt == nil)
    }

    @Test func acceptsFractionalSecondsAndZ() {
        let line = #"{"type":"message","id":"1","user":{"id":"u"},"text":"hi","ts":"2026-11-26T00:00:00.250Z"}"#
        guard case .success(.message(let inbound)) = decode(line) else { Issue.record("not a message"); return }
        #expect(inbound.sentAt == Date(timeIntervalSince1970: 1_795_651_200.25))
    }

    @Test func decodesPingAndControl() {
        #expect(decode(#"{"type":"ping"}"#) == .success(.ping(id: nil)))
        #expect(decode(#"{"type":"ping","id":"p1"}"#) == .success(.ping(id: "p1")))
        #expect(decode(#"{"v":1,"type":"control","action":"reload"}"#) == .success(.control(.reload, id: nil)))
        #expect(decode(#"{"type":"control","action":"shutdown","id":"c"}"#) == .success(.control(.shutdown, id: "c")))
    }

    @Test(arguments: [
        (#"{"type":"message","id":"m","user":{"id":"u"},"text":"x""#, GatewayErrorCode.parseError, nil as String?),
        (#"["type","message"]"#, .parseError, nil),
        (#""hello""#, .parseError, nil),
        (#"{"v":2,"type":"message","id":"m","user":{"id":"u"},"text":"x"}"#, .unsupportedVersion, "m"),
        (#"{"v":"1","type":"ping"}"#, .invalidField, nil),
        (#"{"v":0.5,"type":"ping","id":"p"}"#, .unsupportedVersion, "p"),
        (#"{"id":"m"}"#, .invalidField, "m"),
        (#"{"type":7,"id":"m"}"#, .invalidField, "m"),
        (#"{"type":"telegram","id":"m"}"#, .invalidField, "m"),
        (#"{"type":"message","user":{"id":"u"},"text":"x"}"#, .invalidField, nil),
        (#"{"type":"message","id":123,"user":{"id":"u"},"text":"x"}"#, .invalidField, nil),
        (#"{"type":"message","id":"","user":{"id":"u"},"text":"x"}"#, .invalidField, ""),
        (#"{"type":"message","id":"m","text":"x"}"#, .invalidField, "m"),
        (#"{"type":"message","id":"m","user":"u","text":"x"}"#, .invalidField, "m"),
        (#"{"type":"message","id":"m","user":{"name":"n"},"text":"x"}"#, .invalidField, "m"),
        (#"{"type":"message","id":"m","user":{"id":5},"text":"x"}"#, .invalidField, "m"),
        (#"{"type":"message","id":"m","user":{"id":"u","name":[]},"text":"x"}"#, .invalidField, "m"),
        (#"{"type":"message","id":"m","user":{"id":"u"}}"#, .invalidField, "m"),
        (#"{"type":"message","id":"m","user":{"id":"u"},"text":true}"#, .invalidField, "m"),
        (#"{"type":"message","id":"m","user":{"id":"u"},"text":"  \n "}"#, .invalidField, "m"),
        (#"{"type":"message","id":"m","user":{"id":"u"},"text":"x","conversation":1}"#, .invalidField, "m"),
        (#"{"type":"message","id":"m","user":{"id":"u"},"text":"x","ts":"yesterday"}"#, .invalidField, "m"),
        (#"{"type":"message","id":"m","user":{"id":"u"},"text":"x","ts":1764115200}"#, .invalidField, "m"),
        (#"{"type":"message","id":"m","user":{"id":"u"},"text":"x","channel":{}}"#, .invalidField, "m"),
        (#"{"type":"control","action":"restart","id":"c"}"#, .invalidField, "c"),
        (#"{"type":"control"}"#, .invalidField, nil),
        (#"{"type":"ping","id":9}"#, .invalidField, nil),
    ])
    func rejectsBadLines(line: String, code: GatewayErrorCode, inReplyTo: String?) throws {
        guard case .failure(let error) = decode(line) else { Issue.record("accepted"); return }
        #expect(error.code == code)
        #expect(error.inReplyTo == inReplyTo)
        #expect(!error.isRetryable)
    }

    @Test func rejectsInvalidUTF8() {
        var bytes = Array(#"{"type":"message","id":"m","user":{"id":"u"},"text":"#.utf8)
        bytes += [0x22, 0xE5, 0xBC, 0x22, 0x7D]  // a truncated 张 inside the text
        guard case .failure(let error) = GatewayCodec.decode(bytes) else { Issue.record("accepted"); return }
        #expect(error.code == .parseError)
        #expect(error.inReplyTo == nil)
    }

    @Test func rejectsOverlongIDs() {
        let id = String(repeating: "i", count: GatewayCodec.maximumIDLength + 1)
        guard case .failure(let error) = decode(messageLine(id: id)) else { Issue.record("accepted"); return }
        #expect(error.code == .invalidField)
    }

    @Test func errorMessagesNeverQuoteTheInput() {
        let secret = "我家住3栋502秘密"
        let lines = [
            #"{"type":"message","id":"m","user":{"id":"u"},"text":"\#(secret)","ts":"\#(secret)"}"#,
            #"{"type":"message","id":"m","user":{"id":"u"},"text":"\#(secret)","conversation":["\#(secret)"]}"#,
            #"{"type":"message","id":"m","user":{"id":"\#(secret)"},"text":"\#(secret)"#,
            #"{"type":"\#(secret)","text":"\#(secret)"}"#,
            #"{"v":"\#(secret)"}"#,
        ]
        for line in lines {
            guard case .failure(let error) = decode(line) else { Issue.record("accepted"); continue }
            #expect(!error.message.contains("秘密"))
            #expect(!error.message.contains("502"))
        }
    }
}
