import Foundation
import Synchronization

/// Unicode NFKC for messages, fast in the common case: text made of characters NFKC leaves
/// alone is returned as is, full-width ASCII forms (Ａ１，！) and the ideographic space are mapped
/// directly, and only other text goes through Foundation.
enum CompatibilityMapping {
    /// NFKC of `text`.
    static func apply(_ text: String) -> String {
        let original = text
        var text = text
        return text.withUTF8 { bytes in
            var needsMapping = false
            var i = 0
            while i < bytes.count {
                if bytes[i] >= 0xE5, bytes[i] <= 0xE9 {  // U+5000 to U+9FFF: CJK ideographs, known stable
                    i += 3
                    continue
                }
                if bytes[i] < 0x80 {
                    if bytes[i] >= 0x20 || bytes[i] == 0x09 || bytes[i] == 0x0A || bytes[i] == 0x0D {
                        i += 1
                        continue
                    }
                }
                let (v, length) = TextNormalizer.decode(bytes, at: i)
                i += length
                if isKnownStable(v) { continue }
                if isFullWidthASCII(v) || v == 0x3000 {
                    needsMapping = true
                    continue
                }
                if isStable(v) { continue }
                return String(decoding: bytes, as: UTF8.self).precomposedStringWithCompatibilityMapping
            }
            guard needsMapping else { return original }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            i = 0
            while i < bytes.count {
                let (v, length) = TextNormalizer.decode(bytes, at: i)
                if isFullWidthASCII(v) {
                    out.append(UInt8(v - 0xFEE0))
                } else if v == 0x3000 {
                    out.append(0x20)
                } else {
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[i..<i + length]))
                }
                i += length
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// ！ to ～: NFKC maps each to the ASCII character 0xFEE0 below it.
    static func isFullWidthASCII(_ v: UInt32) -> Bool { (0xFF01...0xFF5E).contains(v) }

    /// Characters known to be left alone by NFKC and never to combine with a neighbour
    /// (checked exhaustively in the tests).
    static func isKnownStable(_ v: UInt32) -> Bool {
        switch v {
        case 0x09, 0x0A, 0x0D, 0x20...0x7E, 0x4E00...0x9FFF, 0x3001...0x3002, 0x3008...0x3011,
             0x2018...0x2019, 0x201C...0x201D, 0x2014, 0xB7, 0x1F300...0x1F64F, 0x1F680...0x1F6FF, 0x1F900...0x1F9FF:
            true
        default:
            false
        }
    }

    /// Per BMP scalar: 0 not yet known, 1 stable, 2 not. Filled on first sight.
    private static let verdicts = Mutex([UInt8](repeating: 0, count: 0x10000))

    /// True when NFKC leaves `v` alone and `v` cannot compose with what precedes it: it maps to
    /// itself, has combining class 0, is not a mark and not a Hangul jamo. Outside the BMP: false.
    static func isStable(_ v: UInt32) -> Bool {
        guard v < 0x10000 else { return false }
        let i = Int(v)
        return verdicts.withLock { table in
            if table[i] == 0 { table[i] = computeIsStable(v) ? 1 : 2 }
            return table[i] == 1
        }
    }

    static func computeIsStable(_ v: UInt32) -> Bool {
        guard let scalar = Unicode.Scalar(v) else { return false }
        let properties = scalar.properties
        if properties.canonicalCombiningClass != .notReordered { return false }
        switch properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark, .unassigned, .surrogate, .control, .format: return false
        default: break
        }
        if (0x1100...0x11FF).contains(v) || (0xA960...0xA97F).contains(v) || (0xD7B0...0xD7FF).contains(v) { return false }
        let s = String(scalar)
        return s.precomposedStringWithCompatibilityMapping.unicodeScalars.elementsEqual(s.unicodeScalars)
    }
}
