import Foundation

/// Normalises a message once, before any rule sees it (rules/README.md, "How a message is matched"):
/// control characters dropped, Unicode NFKC, Traditional to Simplified (OpenCC t2s, and 著 to 着
/// outside the words where it means "write" or "notable", which t2s leaves alone), Latin
/// letters lower-cased, runs of whitespace folded to one space, sticker codes like `[捂脸]` set aside.
///
/// Keywords are normalised with the same function when rules are compiled. The common case
/// (text already Simplified and folded, half-width or full-width ASCII forms) runs in a few passes
/// over the UTF-8 bytes without calling Foundation or OpenCC and without copying the text.
public struct TextNormalizer: Sendable {
    private let converter: ChineseConverter?

    /// - Parameter converter: the t2s converter; nil skips Traditional to Simplified (and 著).
    public init(converter: ChineseConverter? = ChineseConverter.shared) {
        self.converter = converter
    }

    /// Normalises `text`.
    public func normalize(_ text: String) -> NormalizedText {
        if let converter {
            var copy = text
            if copy.withUTF8({ Self.isNormal($0, converter) }) { return NormalizedText(text: text) }
        }
        var s = CompatibilityMapping.apply(text)
        if let converter {
            s = converter.convert(s)
            s = Self.mapZhe(s)
        }
        return Self.foldAndSetAside(s)
    }

    /// True when every step of `normalize` certainly leaves `bytes` as they are (checked in one
    /// pass, conservatively), as for most messages: printable ASCII with no upper-case letter, no
    /// `[` and no leading, trailing or doubled space; CJK ideographs that t2s leaves alone, but
    /// not 著; and a few punctuation marks and emoji that NFKC and t2s leave alone. Anything
    /// else takes the full path.
    static func isNormal(_ bytes: UnsafeBufferPointer<UInt8>, _ converter: ChineseConverter) -> Bool {
        let n = bytes.count
        guard n > 0, bytes[0] != 0x20, bytes[n &- 1] != 0x20 else { return false }
        var i = 0
        var previous: UInt8 = 0
        while i < n {
            let b = bytes[i]
            if b < 0x80 {
                if !Self.asciiStaysFolded(b, after: previous) { return false }
                previous = b
                i &+= 1
                continue
            }
            previous = b
            let (v, length) = decode(bytes, at: i)
            i &+= length
            switch v {
            case 0x4E00...0x9FFF, 0x3001...0x3002, 0x3008...0x3011:
                // Ideographs and 、。〈〉《》「」『』【】: NFKC leaves them alone, they are no space.
                if v == 0x8457 || !converter.leavesAlone(v) { return false }  // 著, or t2s changes it
            case 0xB7, 0x2014, 0x2018...0x2019, 0x201C...0x201D, 0x1F300...0x1F64F, 0x1F680...0x1F6FF, 0x1F900...0x1F9FF:
                // ·—‘’“” and emoji: NFKC and t2s leave them alone, they are no space.
                break
            default:
                return false
            }
        }
        return true
    }

    /// The Simplified words in which 著 stays 著 (written works, "notable"); everywhere else t2s's
    /// 著 is the aspect particle or verb 着 (著火, 看著, 著急).
    static let zheWords: [String] = ["著作", "著名", "显著", "名著", "土著", "卓著", "著称", "编著", "原著", "著述"]
    private static let zheBefore: [[UInt8]] = zheWords.filter { !$0.hasPrefix("著") }.map { Array($0.unicodeScalars.first!.utf8) }
    private static let zheAfter: [[UInt8]] = zheWords.filter { $0.hasPrefix("著") }.map { Array($0.unicodeScalars.last!.utf8) }

    /// `s` with 著 turned into 着 except inside `zheWords`.
    static func mapZhe(_ s: String) -> String {
        var s = s
        return s.withUTF8 { bytes -> String? in
            // 著 is E8 91 97, 着 E7 9D 80, and every word's other character three bytes long.
            guard containsZhe(bytes) else { return nil }
            var out: [UInt8]?
            var i = 0
            let n = bytes.count
            while i + 2 < n {
                guard bytes[i] == 0xE8, bytes[i + 1] == 0x91, bytes[i + 2] == 0x97 else {
                    i += 1
                    continue
                }
                let before = i >= 3 ? Array(bytes[(i - 3)..<i]) : []
                let after = i + 6 <= n ? Array(bytes[(i + 3)..<(i + 6)]) : []
                if !zheBefore.contains(before), !zheAfter.contains(after) {
                    if out == nil { out = Array(bytes) }
                    out![i] = 0xE7
                    out![i + 1] = 0x9D
                    out![i + 2] = 0x80
                }
                i += 3
            }
            return out.map { String(decoding: $0, as: UTF8.self) }
        } ?? s
    }

    /// True when `bytes` hold 著 (E8 91 97).
    @inline(__always)
    private static func containsZhe(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        let n = bytes.count &- 2
        while i < n {
            if bytes[i] == 0xE8, bytes[i &+ 1] == 0x91, bytes[i &+ 2] == 0x97 { return true }
            i &+= 1
        }
        return false
    }

    /// Lower-cases ASCII, drops control characters, turns whitespace runs into one space, trims,
    /// and removes sticker codes (`[` + 1 to 8 characters with at least one CJK + `]`).
    static func foldAndSetAside(_ s: String) -> NormalizedText {
        var s = s
        if s.withUTF8({ isFolded($0) }) { return NormalizedText(text: s) }
        return s.withUTF8 { foldAndSetAside(bytes: $0) }
    }

    /// Whether folding leaves an ASCII byte (after `previous`) as it is: not a control
    /// character, an upper-case letter, a `[` (a sticker may start) or a second space in a row.
    @inline(__always)
    static func asciiStaysFolded(_ b: UInt8, after previous: UInt8) -> Bool {
        switch b {
        case 0x20: previous != 0x20
        case 0x00...0x1F, 0x7F, 0x41...0x5A, UInt8(ascii: "["): false
        default: true
        }
    }

    /// True when `foldAndSetAside` would return `bytes` unchanged with no sticker (checked
    /// conservatively: any `[` counts as a change): no control character, upper-case ASCII,
    /// leading, trailing or doubled space, other whitespace, zero-width space or BOM.
    private static func isFolded(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = bytes.count
        guard n > 0 else { return true }
        if bytes[0] == 0x20 || bytes[n - 1] == 0x20 { return false }
        var i = 0
        var previous: UInt8 = 0
        while i < n {
            let b = bytes[i]
            if b < 0x80 {
                if !Self.asciiStaysFolded(b, after: previous) { return false }
                previous = b
                i += 1
                continue
            }
            previous = b
            // Only sequences led by C2 (C1 controls, U+0085, U+00A0), E1 (U+1680), E2 (U+2000 to
            // U+205F), E3 (U+3000) and EF (U+FEFF) can be whitespace or dropped characters.
            switch b {
            case 0xC2, 0xE1, 0xE2, 0xE3, 0xEF:
                let (value, length) = decode(bytes, at: i)
                if isWhitespace(value) || (0x80...0x9F).contains(value) || value == 0x200B || value == 0xFEFF { return false }
                i += length
            case 0xF0...: i += 4
            case 0xE0...: i += 3
            default: i += 2
            }
        }
        return true
    }

    private static func foldAndSetAside(bytes: UnsafeBufferPointer<UInt8>) -> NormalizedText {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var stickers: [String] = []
        var pendingSpace = false
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b < 0x80 {
                i += 1
                switch b {
                case 0x09...0x0D, 0x20:
                    pendingSpace = true
                    continue
                case 0x00...0x1F, 0x7F:
                    continue
                case UInt8(ascii: "["):
                    if let end = stickerEnd(bytes, from: i - 1) {
                        stickers.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[(i - 1)..<end]), as: UTF8.self))
                        i = end
                        continue
                    }
                default:
                    break
                }
                if pendingSpace, !out.isEmpty { out.append(0x20) }
                pendingSpace = false
                out.append(b >= 0x41 && b <= 0x5A ? b + 0x20 : b)
                continue
            }
            let (value, length) = decode(bytes, at: i)
            let start = i
            i += length
            if isWhitespace(value) {
                pendingSpace = true
                continue
            }
            if (0x80...0x9F).contains(value) || value == 0x200B || value == 0xFEFF { continue }  // C1 controls, zero-width space, BOM
            if pendingSpace, !out.isEmpty { out.append(0x20) }
            pendingSpace = false
            for k in start..<i { out.append(bytes[k]) }
        }
        return NormalizedText(text: String(decoding: out, as: UTF8.self), stickers: stickers)
    }

    /// The scalar value and byte length of the (valid) UTF-8 sequence at `i`.
    @inline(__always)
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> (UInt32, Int) {
        let b0 = UInt32(bytes[i])
        if b0 < 0x80 { return (b0, 1) }
        if b0 < 0xE0 { return ((b0 & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F), 2) }
        if b0 < 0xF0 { return ((b0 & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F), 3) }
        return ((b0 & 0x07) << 18 | UInt32(bytes[i + 1] & 0x3F) << 12 | UInt32(bytes[i + 2] & 0x3F) << 6 | UInt32(bytes[i + 3] & 0x3F), 4)
    }

    /// Unicode White_Space, without a property lookup.
    static func isWhitespace(_ v: UInt32) -> Bool {
        switch v {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: true
        default: false
        }
    }

    /// The end (exclusive) of a sticker code starting at `start` (a `[`), or nil.
    private static func stickerEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var hasCJK = false
        var j = start + 1
        var count = 0
        while j < bytes.count, count <= 8 {
            let (value, length) = decode(bytes, at: j)
            if value == 0x5D { return hasCJK && count > 0 ? j + 1 : nil }  // ]
            if value == 0x5B || value < 0x20 || isWhitespace(value) { return nil }
            if (0x4E00...0x9FFF).contains(value) { hasCJK = true }
            j += length
            count += 1
        }
        return nil
    }
}
