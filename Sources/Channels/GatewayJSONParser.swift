/// Why a line is not valid JSON: a byte offset and a reason that never quotes the input.
public struct GatewayJSONParseError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Zero-based byte offset in the line where parsing stopped.
    public var offset: Int
    /// What was expected, in words that do not repeat the input.
    public var reason: String

    public var description: String { "\(reason) at byte \(offset)" }
}

/// A strict RFC 8259 parser for one input line, with the byte range of each top-level member's
/// value, so that `meta` can be echoed from its own text instead of being re-serialized.
///
/// The bytes must already be valid UTF-8 (the codec checks first). Nesting deeper than
/// `maximumDepth` is rejected, so hostile input cannot exhaust the stack.
public struct GatewayJSONParser {
    /// A parsed top-level object with the raw byte range of every member's value.
    public struct Document: Sendable {
        public var value: GatewayJSONValue
        /// For a top-level object: member name -> byte range of its value in the line.
        public var memberRanges: [String: Range<Int>]
    }

    public static let maximumDepth = 64

    /// Parses `bytes` as one JSON value with nothing but whitespace around it.
    /// - Throws: `GatewayJSONParseError`.
    public static func parse(_ bytes: [UInt8]) throws(GatewayJSONParseError) -> Document {
        try bytes.withUnsafeBufferPointer { (buffer) throws(GatewayJSONParseError) -> Document in
            var parser = Cursor(bytes: buffer)
            var ranges: [String: Range<Int>] = [:]
            parser.skipWhitespace()
            let value = try parser.parseValue(depth: 0, topLevelRanges: &ranges)
            parser.skipWhitespace()
            if parser.position != buffer.count {
                throw parser.failure("unexpected characters after the JSON value")
            }
            return Document(value: value, memberRanges: ranges)
        }
    }

    /// Removes insignificant whitespace from valid JSON text, leaving everything else (member
    /// order, number spelling, escapes) byte for byte as it was.
    public static func compact(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var inString = false
        var escaped = false
        for byte in bytes {
            if inString {
                result.append(byte)
                if escaped {
                    escaped = false
                } else if byte == UInt8(ascii: "\\") {
                    escaped = true
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                }
            } else {
                switch byte {
                case 0x20, 0x09, 0x0A, 0x0D: continue
                case UInt8(ascii: "\""): inString = true; result.append(byte)
                default: result.append(byte)
                }
            }
        }
        return result
    }
}

extension GatewayJSONParser {
    /// A position in a line being parsed (also used by the codec's one-pass path for plain messages).
    struct Cursor {
        let bytes: UnsafeBufferPointer<UInt8>
        var position = 0

        init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

        func failure(_ reason: String) -> GatewayJSONParseError {
            GatewayJSONParseError(offset: position, reason: reason)
        }

        mutating func skipWhitespace() {
            while position < bytes.count {
                switch bytes[position] {
                case 0x20, 0x09, 0x0A, 0x0D: position += 1
                default: return
                }
            }
        }

        mutating func parseValue(depth: Int, topLevelRanges: inout [String: Range<Int>]) throws(GatewayJSONParseError) -> GatewayJSONValue {
            guard position < bytes.count else { throw failure("unexpected end of line") }
            switch bytes[position] {
            case UInt8(ascii: "{"): return try parseObject(depth: depth + 1, topLevelRanges: &topLevelRanges)
            case UInt8(ascii: "["): return try parseArray(depth: depth + 1)
            case UInt8(ascii: "\""): return .string(try parseString())
            case UInt8(ascii: "t"): try expectLiteral("true"); return .bool(true)
            case UInt8(ascii: "f"): try expectLiteral("false"); return .bool(false)
            case UInt8(ascii: "n"): try expectLiteral("null"); return .null
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try parseNumber())
            default: throw failure("expected a JSON value")
            }
        }

        mutating func parseObject(depth: Int, topLevelRanges: inout [String: Range<Int>]) throws(GatewayJSONParseError) -> GatewayJSONValue {
            guard depth <= GatewayJSONParser.maximumDepth else { throw failure("nesting too deep") }
            position += 1  // {
            var members: [String: GatewayJSONValue] = [:]
            var ignored: [String: Range<Int>] = [:]
            skipWhitespace()
            if position < bytes.count, bytes[position] == UInt8(ascii: "}") {
                position += 1
                return .object(members)
            }
            while true {
                skipWhitespace()
                guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else {
                    throw failure("expected a member name")
                }
                let name = try parseString()
                skipWhitespace()
                guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else { throw failure("expected ':'") }
                position += 1
                skipWhitespace()
                let start = position
                let value = try parseValue(depth: depth, topLevelRanges: &ignored)
                if depth == 1 { topLevelRanges[name] = start..<position }
                members[name] = value  // a repeated name: the last one wins
                skipWhitespace()
                guard position < bytes.count else { throw failure("unexpected end of line in an object") }
                switch bytes[position] {
                case UInt8(ascii: ","): position += 1
                case UInt8(ascii: "}"): position += 1; return .object(members)
                default: throw failure("expected ',' or '}'")
                }
            }
        }

        mutating func parseArray(depth: Int) throws(GatewayJSONParseError) -> GatewayJSONValue {
            guard depth <= GatewayJSONParser.maximumDepth else { throw failure("nesting too deep") }
            position += 1  // [
            var elements: [GatewayJSONValue] = []
            var ignored: [String: Range<Int>] = [:]
            skipWhitespace()
            if position < bytes.count, bytes[position] == UInt8(ascii: "]") {
                position += 1
                return .array(elements)
            }
            while true {
                skipWhitespace()
                elements.append(try parseValue(depth: depth, topLevelRanges: &ignored))
                skipWhitespace()
                guard position < bytes.count else { throw failure("unexpected end of line in an array") }
                switch bytes[position] {
                case UInt8(ascii: ","): position += 1
                case UInt8(ascii: "]"): position += 1; return .array(elements)
                default: throw failure("expected ',' or ']'")
                }
            }
        }

        mutating func expectLiteral(_ literal: StaticString) throws(GatewayJSONParseError) {
            let count = literal.utf8CodeUnitCount
            guard position + count <= bytes.count else { throw failure("expected a JSON value") }
            let expected = UnsafeBufferPointer(start: literal.utf8Start, count: count)
            for index in 0..<count where bytes[position + index] != expected[index] {
                throw failure("expected a JSON value")
            }
            position += count
        }

        mutating func parseNumber() throws(GatewayJSONParseError) -> Double {
            let start = position
            if bytes[position] == UInt8(ascii: "-") { position += 1 }
            guard position < bytes.count, isDigit(bytes[position]) else { throw failure("invalid number") }
            if bytes[position] == UInt8(ascii: "0") {
                position += 1
            } else {
                while position < bytes.count, isDigit(bytes[position]) { position += 1 }
            }
            if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
                position += 1
                guard position < bytes.count, isDigit(bytes[position]) else { throw failure("invalid number") }
                while position < bytes.count, isDigit(bytes[position]) { position += 1 }
            }
            if position < bytes.count, bytes[position] == UInt8(ascii: "e") || bytes[position] == UInt8(ascii: "E") {
                position += 1
                if position < bytes.count, bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-") {
                    position += 1
                }
                guard position < bytes.count, isDigit(bytes[position]) else { throw failure("invalid number") }
                while position < bytes.count, isDigit(bytes[position]) { position += 1 }
            }
            let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
            guard let value = Double(text) else { throw failure("invalid number") }
            return value
        }

        private func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

        /// Parses a string starting at its opening quote.
        mutating func parseString() throws(GatewayJSONParseError) -> String {
            position += 1  // "
            let start = position
            // Fast path: no escapes.
            while position < bytes.count {
                let byte = bytes[position]
                if byte == UInt8(ascii: "\"") {
                    let string = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
                    position += 1
                    return string
                }
                if byte == UInt8(ascii: "\\") { break }
                if byte < 0x20 { throw failure("control character in a string") }
                position += 1
            }
            guard position < bytes.count else { throw failure("unterminated string") }
            var decoded = Array(bytes[start..<position])
            while position < bytes.count {
                let byte = bytes[position]
                switch byte {
                case UInt8(ascii: "\""):
                    position += 1
                    return String(decoding: decoded, as: UTF8.self)
                case UInt8(ascii: "\\"):
                    position += 1
                    guard position < bytes.count else { throw failure("unterminated string") }
                    let escape = bytes[position]
                    position += 1
                    switch escape {
                    case UInt8(ascii: "\""): decoded.append(UInt8(ascii: "\""))
                    case UInt8(ascii: "\\"): decoded.append(UInt8(ascii: "\\"))
                    case UInt8(ascii: "/"): decoded.append(UInt8(ascii: "/"))
                    case UInt8(ascii: "b"): decoded.append(0x08)
                    case UInt8(ascii: "f"): decoded.append(0x0C)
                    case UInt8(ascii: "n"): decoded.append(0x0A)
                    case UInt8(ascii: "r"): decoded.append(0x0D)
                    case UInt8(ascii: "t"): decoded.append(0x09)
                    case UInt8(ascii: "u"):
                        let scalar = try parseUnicodeEscape()
                        decoded.append(contentsOf: String(Character(scalar)).utf8)
                    default: throw failure("invalid escape in a string")
                    }
                default:
                    if byte < 0x20 { throw failure("control character in a string") }
                    decoded.append(byte)
                    position += 1
                }
            }
            throw failure("unterminated string")
        }

        /// Reads the hex digits after `\u` (and a low surrogate's `\uXXXX` when needed).
        mutating func parseUnicodeEscape() throws(GatewayJSONParseError) -> Unicode.Scalar {
            let high = try parseHex4()
            if (0xD800...0xDBFF).contains(high) {
                guard position + 1 < bytes.count, bytes[position] == UInt8(ascii: "\\"), bytes[position + 1] == UInt8(ascii: "u") else {
                    throw failure("unpaired surrogate in a string")
                }
                position += 2
                let low = try parseHex4()
                guard (0xDC00...0xDFFF).contains(low) else { throw failure("unpaired surrogate in a string") }
                let value = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
                guard let scalar = Unicode.Scalar(value) else { throw failure("invalid \\u escape") }
                return scalar
            }
            guard let scalar = Unicode.Scalar(high) else { throw failure("unpaired surrogate in a string") }
            return scalar
        }

        mutating func parseHex4() throws(GatewayJSONParseError) -> UInt32 {
            guard position + 4 <= bytes.count else { throw failure("invalid \\u escape") }
            var value: UInt32 = 0
            for _ in 0..<4 {
                let byte = bytes[position]
                let digit: UInt32
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
                case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
                case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
                default: throw failure("invalid \\u escape")
                }
                value = value << 4 | digit
                position += 1
            }
            return value
        }
    }
}
