internal import COpenCC
import Foundation
import Synchronization

/// Traditional to Simplified conversion with OpenCC's `t2s` configuration.
///
/// OpenCC does not document its converter as thread-safe, so every call into the handle holds
/// `lock`. Messages that contain no character `t2s` would change skip OpenCC entirely: at first
/// use the converter runs every CJK character once through OpenCC and remembers which ones
/// stay the same (`isStable`).
public final class ChineseConverter: @unchecked Sendable {
    // @unchecked Sendable: `handle` is only used while `lock` is held; `stable` is immutable
    // after init.
    private let handle: UnsafeMutableRawPointer
    private let lock = Mutex(())
    /// One bit per scalar in `stableRange`: set when t2s leaves the character alone.
    private var stable: [UInt64] = []
    private static let stableRange: ClosedRange<UInt32> = 0x2E80...0xFFFF

    /// The process-wide t2s converter, or nil when OpenCC's data is missing.
    public static let shared: ChineseConverter? = ChineseConverter(configuration: "t2s.json")

    /// Opens an OpenCC configuration by name (searched in OpenCC's data directory) or path.
    public init?(configuration: String) {
        var opened: UnsafeMutableRawPointer?
        for candidate in [configuration, "/usr/share/opencc/" + configuration] {
            if let h = opencc_open(candidate), copencc_is_valid(h) != 0 {
                opened = h
                break
            }
        }
        guard let opened else { return nil }
        handle = opened
        stable = computeStableTable()
    }

    deinit { opencc_close(handle) }

    /// `text` converted; unchanged text is returned as is without calling OpenCC.
    public func convert(_ text: String) -> String {
        if isStable(text) { return text }
        return convertAlways(text)
    }

    /// `text` through OpenCC, with no shortcut.
    public func convertAlways(_ text: String) -> String {
        var input = text
        return input.withUTF8 { buffer in
            lock.withLock { _ in
                guard let base = buffer.baseAddress else { return text }
                let raw = UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self)
                guard let out = opencc_convert_utf8(handle, raw, buffer.count) else { return text }
                defer { opencc_convert_utf8_free(out) }
                return String(cString: out)
            }
        }
    }

    /// True when no scalar of `text` is one that t2s changes (phrase-level conversions of
    /// characters that are Simplified on their own, such as 乾燥, are not caught: documented trade-off).
    public func isStable(_ text: String) -> Bool {
        for scalar in text.unicodeScalars where scalar.value >= Self.stableRange.lowerBound {
            let v = scalar.value
            guard v <= Self.stableRange.upperBound else {
                if (0x20000...0x3FFFF).contains(v) { return false }
                continue
            }
            let i = Int(v - Self.stableRange.lowerBound)
            if stable[i >> 6] & (1 << UInt64(i & 63)) == 0 { return false }
        }
        return true
    }

    private func computeStableTable() -> [UInt64] {
        let range = Self.stableRange
        var table = [UInt64](repeating: 0, count: Int(range.upperBound - range.lowerBound) / 64 + 1)
        var scalars: [UInt32] = []
        var input = ""
        input.reserveCapacity(range.count * 4)
        for v in range {
            guard let s = Unicode.Scalar(v), s.properties.generalCategory != .unassigned,
                  !(0xD800...0xDFFF).contains(v), s != "\n" else { continue }
            scalars.append(v)
            input.unicodeScalars.append(s)
            input.unicodeScalars.append("\n")
        }
        let output = convertAlways(input)
        let lines = output.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.count >= scalars.count else { return table }  // every character then goes through OpenCC
        for (v, line) in zip(scalars, lines) {
            let scalarsOfLine = line.unicodeScalars
            if scalarsOfLine.count == 1, scalarsOfLine.first?.value == v {
                let i = Int(v - range.lowerBound)
                table[i >> 6] |= 1 << UInt64(i & 63)
            }
        }
        return table
    }
}
