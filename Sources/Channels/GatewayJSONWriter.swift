/// Writes one compact JSON object (no whitespace, members in the order written) as UTF-8.
///
/// Strings are escaped as RFC 8259 requires (`"`, `\`, control characters), plus U+2028 and
/// U+2029 so the line is also safe for JavaScript consumers; all other characters, Chinese
/// included, are written as UTF-8, not as `\u` escapes.
public struct GatewayJSONWriter {
    public private(set) var bytes: [UInt8]
    private var isFirstMember = true

    /// Starts an object (writes `{`).
    public init(reservingCapacity capacity: Int = 128) {
        bytes = []
        bytes.reserveCapacity(capacity)
        bytes.append(UInt8(ascii: "{"))
    }

    /// Starts an object (writes `{`) at the end of `buffer`, which it takes over: a batch's
    /// lines are written one after the other into one buffer (see `appendLine()`).
    public init(appendingTo buffer: inout [UInt8]) {
        bytes = []
        swap(&bytes, &buffer)
        bytes.append(UInt8(ascii: "{"))
    }

    /// Ends the object with `}` and a line feed and hands the buffer back.
    public mutating func appendLine(to buffer: inout [UInt8]) {
        bytes.append(UInt8(ascii: "}"))
        bytes.append(0x0A)
        swap(&bytes, &buffer)
    }

    /// Writes a member whose value is a string.
    public mutating func member(_ name: String, _ value: String) {
        key(name)
        Self.appendString(value, to: &bytes)
    }

    /// Writes a member whose value is a string, or `null` when nil.
    public mutating func member(_ name: String, _ value: String?) {
        if let value { member(name, value) } else { member(name, rawJSON: "null") }
    }

    /// Writes a member whose value is an integer.
    public mutating func member(_ name: String, _ value: Int64) {
        key(name)
        bytes.append(contentsOf: String(value).utf8)
    }

    /// Writes a member whose value is an integer, or `null` when nil.
    public mutating func member(_ name: String, _ value: Int?) {
        if let value { member(name, Int64(value)) } else { member(name, rawJSON: "null") }
    }

    /// Writes a member whose value is a boolean.
    public mutating func member(_ name: String, _ value: Bool) {
        member(name, rawJSON: value ? "true" : "false")
    }

    /// Writes a member whose value is a nested object.
    public mutating func member(_ name: String, object: GatewayJSONWriter) {
        key(name)
        bytes.append(contentsOf: object.bytes)
        bytes.append(UInt8(ascii: "}"))
    }

    /// Writes a member whose value is JSON text already valid and compact (echoed `meta`).
    public mutating func member(_ name: String, rawJSON: String) {
        key(name)
        bytes.append(contentsOf: rawJSON.utf8)
    }

    /// The finished object, `}` and a line feed appended.
    public func line() -> [UInt8] {
        var result = bytes
        result.append(UInt8(ascii: "}"))
        result.append(0x0A)
        return result
    }

    private mutating func key(_ name: String) {
        if isFirstMember { isFirstMember = false } else { bytes.append(UInt8(ascii: ",")) }
        Self.appendString(name, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    /// Appends `string` as a quoted, escaped JSON string.
    public static func appendString(_ string: String, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        var string = string
        string.withUTF8 { utf8 in
            var index = 0
            var runStart = 0  // bytes copied as they are, in runs
            while index < utf8.count {
                let byte = utf8[index]
                let escape: UInt16?
                var width = 1
                switch byte {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), 0x00..<0x20: escape = UInt16(byte)
                case 0xE2 where index + 2 < utf8.count && utf8[index + 1] == 0x80 && (utf8[index + 2] == 0xA8 || utf8[index + 2] == 0xA9):
                    escape = utf8[index + 2] == 0xA8 ? 0x2028 : 0x2029
                    width = 3
                default: escape = nil
                }
                if let escape {
                    bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
                    appendEscape(escape, to: &bytes)
                    runStart = index + width
                }
                index += width
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<utf8.count]))
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private static func appendEscape(_ value: UInt16, to bytes: inout [UInt8]) {
        let backslash = UInt8(ascii: "\\")
        switch value {
        case 0x22: bytes.append(contentsOf: [backslash, UInt8(ascii: "\"")])
        case 0x5C: bytes.append(contentsOf: [backslash, backslash])
        case 0x0A: bytes.append(contentsOf: [backslash, UInt8(ascii: "n")])
        case 0x0D: bytes.append(contentsOf: [backslash, UInt8(ascii: "r")])
        case 0x09: bytes.append(contentsOf: [backslash, UInt8(ascii: "t")])
        case 0x08: bytes.append(contentsOf: [backslash, UInt8(ascii: "b")])
        case 0x0C: bytes.append(contentsOf: [backslash, UInt8(ascii: "f")])
        default: appendUnicodeEscape(value, to: &bytes)
        }
    }

    private static func appendUnicodeEscape(_ value: UInt16, to bytes: inout [UInt8]) {
        bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "u")])
        for shift in stride(from: 12, through: 0, by: -4) {
            bytes.append(hexDigits[Int((value >> UInt16(shift)) & 0xF)])
        }
    }
}
