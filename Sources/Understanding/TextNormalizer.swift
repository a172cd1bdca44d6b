import Foundation

/// Normalises a message once, before any rule sees it (rules/README.md, "How a message is matched"):
/// control characters dropped, Unicode NFKC, Traditional to Simplified (OpenCC t2s), Latin
/// letters lower-cased, runs of whitespace folded to one space, sticker codes like `[捂脸]` set aside.
///
/// Keywords are normalised with the same function when rules are compiled.
public struct TextNormalizer: Sendable {
    private let converter: ChineseConverter?

    /// - Parameter converter: the t2s converter; nil skips Traditional to Simplified.
    public init(converter: ChineseConverter? = ChineseConverter.shared) {
        self.converter = converter
    }

    /// Normalises `text`.
    public func normalize(_ text: String) -> NormalizedText {
        var s = text
        if !Self.isNFKCStable(s) { s = s.precomposedStringWithCompatibilityMapping }
        if let converter { s = converter.convert(s) }
        return Self.foldAndSetAside(s)
    }

    /// True when every scalar is one NFKC leaves alone and that cannot combine with a neighbour,
    /// so the Foundation call can be skipped (checked exhaustively in the tests).
    static func isNFKCStable(_ text: String) -> Bool {
        for scalar in text.unicodeScalars where !isNFKCStable(scalar.value) { return false }
        return true
    }

    static func isNFKCStable(_ v: UInt32) -> Bool {
        switch v {
        case 0x20...0x7E, 0x4E00...0x9FFF, 0x3001...0x3002, 0x3008...0x3011, 0x2018...0x2019, 0x201C...0x201D, 0x2014, 0xB7, 0x1F300...0x1F64F, 0x1F680...0x1F6FF, 0x1F900...0x1F9FF:
            true
        case 0x09, 0x0A, 0x0D:
            true
        default:
            false
        }
    }

    /// Lower-cases ASCII, turns control characters and whitespace runs into one space, trims,
    /// and removes sticker codes (`[` + 1 to 8 characters with at least one CJK + `]`).
    static func foldAndSetAside(_ s: String) -> NormalizedText {
        var out = String.UnicodeScalarView()
        var stickers: [String] = []
        let scalars = Array(s.unicodeScalars)
        var pendingSpace = false
        var i = 0
        while i < scalars.count {
            let c = scalars[i]
            if c == "[", let end = stickerEnd(scalars, from: i) {
                stickers.append(String(String.UnicodeScalarView(scalars[i...end])))
                i = end + 1
                continue
            }
            i += 1
            if c.properties.isWhitespace || c.value < 0x20 || (0x7F...0x9F).contains(c.value) {
                // control characters other than whitespace are dropped, whitespace folds
                if c.properties.isWhitespace { pendingSpace = true }
                continue
            }
            if c.value == 0x200B || c.value == 0xFEFF { continue }  // zero-width space, BOM
            if pendingSpace, !out.isEmpty { out.append(" ") }
            pendingSpace = false
            if c.value >= 0x41 && c.value <= 0x5A {
                out.append(Unicode.Scalar(c.value + 0x20)!)
            } else {
                out.append(c)
            }
        }
        return NormalizedText(text: String(out), stickers: stickers)
    }

    private static func stickerEnd(_ scalars: [Unicode.Scalar], from start: Int) -> Int? {
        var hasCJK = false
        var j = start + 1
        while j < scalars.count, j - start <= 9 {
            let c = scalars[j]
            if c == "]" { return hasCJK && j > start + 1 ? j : nil }
            if c == "[" || c.properties.isWhitespace { return nil }
            if (0x4E00...0x9FFF).contains(c.value) { hasCJK = true }
            j += 1
        }
        return nil
    }
}
