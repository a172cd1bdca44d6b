internal import COpenCC
import Foundation
import Synchronization

/// Traditional to Simplified conversion with OpenCC's `t2s` configuration.
///
/// OpenCC does not document its converter as thread-safe, so every use of the handle holds
/// `lock`. Most messages are already Simplified: when the converter opens, it asks OpenCC once
/// which characters t2s changes on their own, adds the characters that t2s changes only inside a
/// phrase (`phraseTriggers`), and a message with none of them skips OpenCC entirely, without
/// taking the lock.
public final class ChineseConverter: @unchecked Sendable {
    // @unchecked Sendable: `handle` is only used while `lock` is held; `triggers` is never
    // modified after init.
    private let handle: UnsafeMutableRawPointer
    private let lock = Mutex(())
    /// One bit per BMP scalar: set when t2s may change it (alone or inside a phrase).
    private let triggers: [UInt64]

    /// The scalars below this are never changed by t2s (ASCII, Latin, symbols).
    private static let firstCJK: UInt32 = 0x2E80

    /// Characters that t2s leaves alone on their own but changes inside some phrase of OpenCC's
    /// `TSPhrases` dictionary (藉口 → 借口, 反覆 → 反复, 明瞭 → 明了, 沈默 → 沉默, 牴牾 → 抵牾,
    /// 衹得 → 只得).
    ///
    /// Derived from OpenCC 1.1.6's dictionaries: for each `TSPhrases` entry made only of
    /// characters that `TSCharacters` leaves alone (a phrase with any other character already
    /// sends its message to OpenCC) and whose first value differs from it, the key's characters
    /// that differ from the value (a value of another length would add all its key's characters;
    /// none does). To check against another OpenCC version:
    /// `opencc_dict -i /usr/share/opencc/TSPhrases.ocd2 -o TSPhrases.txt -f ocd2 -t text` (and
    /// the same for TSCharacters), then repeat that comparison;
    /// `ChineseConverterTests.phraseTriggersCoverOpenCCPhrases` checks the listed phrases.
    static let phraseTriggers: Set<Unicode.Scalar> = ["沈", "牴", "瞭", "藉", "衹", "覆"]

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
        triggers = Self.triggerTable(handle: opened)
    }

    deinit { opencc_close(handle) }

    /// `text` converted; text with no character that t2s changes, alone or in a phrase, is
    /// returned as is without calling OpenCC.
    public func convert(_ text: String) -> String {
        if isStable(text) { return text }
        return convertAlways(text)
    }

    /// `text` through OpenCC, with no shortcut.
    public func convertAlways(_ text: String) -> String {
        lock.withLock { _ in Self.convert(text, handle: handle) }
    }

    /// True when t2s certainly leaves `text` alone: no scalar of it is one that t2s changes on
    /// its own or inside a phrase.
    public func isStable(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { isStable(bytes: $0) }
    }

    /// `isStable` on valid UTF-8.
    func isStable(bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        triggers.withUnsafeBufferPointer { table in
            var i = 0
            let n = bytes.count
            while i < n {
                let b0 = bytes[i]
                if b0 < 0xE0 {  // ASCII and two-byte sequences: below U+0800, never changed
                    i &+= b0 < 0x80 ? 1 : 2
                    continue
                }
                let (v, length) = TextNormalizer.decode(bytes, at: i)
                i &+= length
                if v < Self.firstCJK { continue }
                if v < 0x10000 {
                    if table[Int(v >> 6)] & (1 << UInt64(v & 63)) != 0 { return false }
                } else if (0x20000...0x3FFFF).contains(v) {
                    return false  // CJK extensions B+: ask OpenCC
                }
            }
            return true
        }
    }

    /// Which BMP characters t2s may change: the CJK blocks' characters converted in one OpenCC
    /// call, one per line (no dictionary key spans a line break, so each is converted alone),
    /// plus `phraseTriggers`. The other scripts above U+2E80 (Yi, Hangul, private use) are not
    /// asked about and count as changed: always correct, only slower for them. If OpenCC's
    /// answer cannot be lined up, every character counts as changed.
    private static func triggerTable(handle: UnsafeMutableRawPointer) -> [UInt64] {
        var table = [UInt64](repeating: 0, count: 0x10000 / 64)
        func set(_ v: UInt32) { table[Int(v >> 6)] |= 1 << UInt64(v & 63) }
        let asked: [ClosedRange<UInt32>] = [firstCJK...0x9FFF, 0xF900...0xFFFF]
        let scalars = asked.flatMap { $0.compactMap(Unicode.Scalar.init) }
        var input = String.UnicodeScalarView()
        for scalar in scalars {
            input.append(scalar)
            input.append("\n")
        }
        let output = convert(String(input), handle: handle).utf8.split(separator: 0x0A, omittingEmptySubsequences: false)
        if output.count >= scalars.count {
            for (k, scalar) in scalars.enumerated() where !output[k].elementsEqual(String(scalar).utf8) { set(scalar.value) }
        } else {
            for v in firstCJK...0xFFFF { set(v) }
        }
        for v in UInt32(0xA000)...0xF8FF { set(v) }
        for scalar in phraseTriggers { set(scalar.value) }
        return table
    }

    /// Converts with `handle`; the caller holds the lock (or is the initialiser).
    private static func convert(_ text: String, handle: UnsafeMutableRawPointer) -> String {
        var input = text
        return input.withUTF8 { buffer in
            guard let base = buffer.baseAddress else { return text }
            let raw = UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self)
            guard let out = opencc_convert_utf8(handle, raw, buffer.count) else { return text }
            defer { opencc_convert_utf8_free(out) }
            return String(cString: out)
        }
    }
}
