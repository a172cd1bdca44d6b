import Foundation
import Office

extension GatewayCodec {
    /// Decodes a plain, valid `message` line in one pass: member names compared as bytes, no
    /// dictionary of the line's members, each member looked at once.
    ///
    /// Returns nil for anything else — another type, a member given twice, an escaped member
    /// name, a missing or invalid field, bad JSON — and `decode` then takes its general path,
    /// which says what is wrong. For a line this accepts, the result is the general path's
    /// (the tests compare the two on valid, odd and fuzzed lines).
    static func decodePlainMessage(_ line: [UInt8]) -> Inbound? {
        guard String(validating: line, as: UTF8.self) != nil else { return nil }
        return line.withUnsafeBufferPointer { buffer -> Inbound? in
            var cursor = GatewayJSONParser.Cursor(bytes: buffer)
            return try? decodePlainMessage(&cursor)
        }
    }

    /// Member names the one-pass path knows, as bit flags (a name seen twice goes the general way).
    private enum Member: UInt16 {
        case v = 1, type = 2, id = 4, user = 8, text = 16, conversation = 32, channel = 64, ts = 128, meta = 256
    }

    private struct NotPlain: Error {}

    private static func member(named name: UnsafeBufferPointer<UInt8>) -> Member? {
        switch name.count {
        case 1 where name[0] == UInt8(ascii: "v"): .v
        case 2 where name.elementsEqual("id".utf8): .id
        case 2 where name.elementsEqual("ts".utf8): .ts
        case 4 where name.elementsEqual("type".utf8): .type
        case 4 where name.elementsEqual("user".utf8): .user
        case 4 where name.elementsEqual("text".utf8): .text
        case 4 where name.elementsEqual("meta".utf8): .meta
        case 7 where name.elementsEqual("channel".utf8): .channel
        case 12 where name.elementsEqual("conversation".utf8): .conversation
        default: nil
        }
    }

    private static func decodePlainMessage(_ cursor: inout GatewayJSONParser.Cursor) throws -> Inbound {
        let bytes = cursor.bytes
        var ignored: [String: Range<Int>] = [:]
        var seen: UInt16 = 0
        var isMessage = false
        var messageID: String?
        var userID: String?
        var userName: String?
        var text: String?
        var conversation: String?
        var channel: String?
        var sentAt: Date?
        var metaRange: Range<Int>?

        cursor.skipWhitespace()
        guard cursor.position < bytes.count, bytes[cursor.position] == UInt8(ascii: "{") else { throw NotPlain() }
        cursor.position += 1
        while true {
            cursor.skipWhitespace()
            guard cursor.position < bytes.count, bytes[cursor.position] == UInt8(ascii: "\"") else { throw NotPlain() }
            // The name, unescaped only: a name with an escape goes the general way.
            let nameStart = cursor.position + 1
            var nameEnd = nameStart
            while nameEnd < bytes.count, bytes[nameEnd] != UInt8(ascii: "\"") {
                if bytes[nameEnd] == UInt8(ascii: "\\") || bytes[nameEnd] < 0x20 { throw NotPlain() }
                nameEnd += 1
            }
            guard nameEnd < bytes.count else { throw NotPlain() }
            let known = member(named: UnsafeBufferPointer(rebasing: bytes[nameStart..<nameEnd]))
            cursor.position = nameEnd + 1
            cursor.skipWhitespace()
            guard cursor.position < bytes.count, bytes[cursor.position] == UInt8(ascii: ":") else { throw NotPlain() }
            cursor.position += 1
            cursor.skipWhitespace()
            let valueStart = cursor.position
            // The same depth as the general parser gives a top-level member's value.
            let value = try cursor.parseValue(depth: 1, topLevelRanges: &ignored)
            if let known {
                guard seen & known.rawValue == 0 else { throw NotPlain() }
                seen |= known.rawValue
                switch (known, value) {
                case (.v, .null), (.v, .number(1)): break
                case (.type, .string("message")): isMessage = true
                case (.id, .string(let id)) where !id.isEmpty && id.utf8.count <= maximumIDLength: messageID = id
                case (.user, .object(let members)):
                    guard case .string(let id)? = members["id"], !id.isEmpty else { throw NotPlain() }
                    userID = id
                    switch members["name"] {
                    case nil, .null?: userName = nil
                    case .string(let name)?: userName = name
                    default: throw NotPlain()
                    }
                case (.text, .string(let value)) where !value.allSatisfy({ $0.isWhitespace }): text = value
                case (.conversation, .null): conversation = nil
                case (.conversation, .string(let value)) where !value.isEmpty: conversation = value
                case (.channel, .null): channel = nil
                case (.channel, .string(let value)): channel = value
                case (.ts, .null): sentAt = nil
                case (.ts, .string(let value)):
                    guard let date = parseTimestamp(value) else { throw NotPlain() }
                    sentAt = date
                case (.meta, .null): metaRange = nil
                case (.meta, _): metaRange = valueStart..<cursor.position
                default: throw NotPlain()
                }
            }
            cursor.skipWhitespace()
            guard cursor.position < bytes.count else { throw NotPlain() }
            if bytes[cursor.position] == UInt8(ascii: ",") {
                cursor.position += 1
                continue
            }
            guard bytes[cursor.position] == UInt8(ascii: "}") else { throw NotPlain() }
            cursor.position += 1
            break
        }
        cursor.skipWhitespace()
        guard cursor.position == bytes.count, isMessage, let messageID, let userID, let text else { throw NotPlain() }
        let meta = metaRange.map {
            String(decoding: GatewayJSONParser.compact(ArraySlice(UnsafeBufferPointer(rebasing: bytes[$0]))), as: UTF8.self)
        }
        return Inbound(
            messageID: messageID, conversationID: conversation, userID: userID, userName: userName,
            text: text, sentAt: sentAt, channel: channel, meta: meta)
    }
}
