internal import COpenCC
import Foundation
import Synchronization

/// Traditional to Simplified conversion with OpenCC's `t2s` configuration.
///
/// OpenCC does not document its converter as thread-safe, so every use of the handle holds
/// `state`'s lock. Most messages are already Simplified: the converter remembers, character by
/// character, whether t2s changes it (asking OpenCC the first time it meets a character), and a
/// message made only of characters t2s leaves alone skips OpenCC entirely.
public final class ChineseConverter: @unchecked Sendable {
    // @unchecked Sendable: `handle` is only used while `state`'s lock is held.
    private let handle: UnsafeMutableRawPointer

    private struct State {
        /// Per scalar of `cachedRange`: 0 not yet known, 1 unchanged by t2s, 2 changed.
        var verdicts: [UInt8]
    }

    private let state: Mutex<State>
    private static let cachedRange: ClosedRange<UInt32> = 0x2E80...0xFFFF

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
        state = Mutex(State(verdicts: [UInt8](repeating: 0, count: Self.cachedRange.count)))
    }

    deinit { opencc_close(handle) }

    /// `text` converted; text with no character that t2s changes is returned as is without
    /// calling OpenCC (phrase-level conversions of characters that are Simplified on their own,
    /// such as 乾燥, are then not made: a documented trade-off).
    public func convert(_ text: String) -> String {
        if isStable(text) { return text }
        return convertAlways(text)
    }

    /// `text` through OpenCC, with no shortcut.
    public func convertAlways(_ text: String) -> String {
        state.withLock { _ in convertLocked(text) }
    }

    /// True when no scalar of `text` is one that t2s changes.
    public func isStable(_ text: String) -> Bool {
        // Most text is ASCII and common Chinese: look at the scalars before taking the lock.
        guard text.unicodeScalars.contains(where: { $0.value >= Self.cachedRange.lowerBound }) else { return true }
        return state.withLock { state in
            for scalar in text.unicodeScalars where scalar.value >= Self.cachedRange.lowerBound {
                guard scalar.value <= Self.cachedRange.upperBound else {
                    if (0x20000...0x3FFFF).contains(scalar.value) { return false }  // CJK extensions B+
                    continue
                }
                let i = Int(scalar.value - Self.cachedRange.lowerBound)
                if state.verdicts[i] == 0 {
                    let s = String(scalar)
                    state.verdicts[i] = convertLocked(s) == s ? 1 : 2
                }
                if state.verdicts[i] == 2 { return false }
            }
            return true
        }
    }

    /// Converts; the caller holds the lock.
    private func convertLocked(_ text: String) -> String {
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
