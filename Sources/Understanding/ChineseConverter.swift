internal import COpenCC
import Foundation
import Synchronization

/// Traditional to Simplified conversion with OpenCC's `t2s` configuration.
///
/// OpenCC does not document its converter as thread-safe, so every use of the handle holds
/// `lock`. Most messages are already Simplified: the converter remembers, character by character,
/// whether t2s may change it (asking OpenCC the first time it meets a character; the characters
/// of `phraseTriggers`, which t2s changes only inside a phrase, count as changed), and a message
/// made only of characters t2s leaves alone skips OpenCC entirely. Reading a remembered verdict
/// takes no lock.
public final class ChineseConverter: @unchecked Sendable {
    // @unchecked Sendable: `handle` is only used while `lock` is held; `verdicts` is only
    // accessed atomically, and a verdict is the same whichever thread computes it.
    private let handle: UnsafeMutableRawPointer
    private let lock = Mutex(())
    /// Per scalar of `cachedRange`: 0 not yet known, 1 unchanged by t2s, 2 maybe changed.
    private let verdicts: UnsafeMutablePointer<Atomic<UInt8>>
    private static let cachedRange: ClosedRange<UInt32> = 0x2E80...0xFFFF

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
    /// `ChineseConverterTests` checks phrases of each.
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
        verdicts = .allocate(capacity: Self.cachedRange.count)
        for i in 0..<Self.cachedRange.count { (verdicts + i).initialize(to: Atomic(0)) }
    }

    deinit {
        verdicts.deinitialize(count: Self.cachedRange.count)
        verdicts.deallocate()
        opencc_close(handle)
    }

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
            if v < Self.cachedRange.lowerBound { continue }
            guard v <= Self.cachedRange.upperBound else {
                if (0x20000...0x3FFFF).contains(v) { return false }  // CJK extensions B+: ask OpenCC
                continue
            }
            if verdict(v) == 2 { return false }
        }
        return true
    }

    /// True when t2s leaves `v` alone, alone or inside any phrase; `v` is in U+2E80...U+FFFF.
    @inline(__always)
    func leavesAlone(_ v: UInt32) -> Bool { verdict(v) == 1 }

    /// 1 when t2s leaves `v` (in `cachedRange`) alone, 2 when it may change it.
    @inline(__always)
    private func verdict(_ v: UInt32) -> UInt8 {
        let slot = verdicts + Int(v - Self.cachedRange.lowerBound)
        let known = slot.pointee.load(ordering: .relaxed)
        if known != 0 { return known }
        let scalar = Unicode.Scalar(v)!
        let s = String(scalar)
        let computed: UInt8 = Self.phraseTriggers.contains(scalar) || convertAlways(s) != s ? 2 : 1
        slot.pointee.store(computed, ordering: .relaxed)
        return computed
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
