internal import CPCRE2

/// Why a regular expression did not compile: PCRE2's message and where, in characters.
public struct PatternCompileError: Error, Sendable, Hashable, CustomStringConvertible {
    /// PCRE2's error code.
    public var code: Int
    /// PCRE2's message.
    public var message: String
    /// Characters from the start of the pattern to the error.
    public var offset: Int

    public var description: String { "\(message) at offset \(offset)" }
}

/// A PCRE2 regular expression compiled in UTF + UCP mode and JIT-compiled when possible.
///
/// The compiled code is shared freely between threads (pcre2api(3)); match data is not, so each
/// call to `firstMatch(in:)` takes a `PCREMatchData` owned by the caller.
public final class PCREPattern: @unchecked Sendable {
    // @unchecked Sendable: `code` is never modified after init; PCRE2 compiled code may be
    // used by several threads at once.
    let code: OpaquePointer
    /// The source text of the pattern.
    public let source: String
    /// True when the JIT compiler accepted the pattern.
    public let isJITCompiled: Bool

    /// Compiles `source`.
    /// - Throws: `PatternCompileError` with PCRE2's message and the character offset of the error.
    public init(_ source: String) throws(PatternCompileError) {
        var errorCode: Int32 = 0
        var errorOffset = 0
        let bytes = Array(source.utf8)
        let compiled = bytes.withUnsafeBufferPointer { buffer in
            pcre2_compile_8(buffer.baseAddress, buffer.count, UInt32(PCRE2_UTF | PCRE2_UCP), &errorCode, &errorOffset, nil)
        }
        guard let compiled else {
            let prefix = bytes.prefix(min(errorOffset, bytes.count))
            let characters = String(decoding: prefix, as: UTF8.self).unicodeScalars.count
            throw PatternCompileError(code: Int(errorCode), message: Self.message(for: errorCode), offset: characters)
        }
        code = compiled
        self.source = source
        isJITCompiled = pcre2_jit_compile_8(compiled, UInt32(PCRE2_JIT_COMPLETE)) == 0
    }

    deinit { pcre2_code_free_8(code) }

    /// The byte range of the first match in `subject` at or after `start`, or nil.
    /// `subject` must be valid UTF-8 (it is not checked again).
    public func firstMatch(in subject: UnsafeBufferPointer<UInt8>, from start: Int = 0, using matchData: PCREMatchData) -> Range<Int>? {
        let base = subject.baseAddress ?? Self.emptySubject
        // The JIT fast path skips pcre2_match's option checks; the subject is valid UTF-8.
        let rc = isJITCompiled
            ? pcre2_jit_match_8(code, base, subject.count, start, 0, matchData.pointer, nil)
            : pcre2_match_8(code, base, subject.count, start, UInt32(PCRE2_NO_UTF_CHECK), matchData.pointer, nil)
        guard rc >= 0 else { return nil }
        let ovector = pcre2_get_ovector_pointer_8(matchData.pointer)!
        return ovector[0]..<max(ovector[0], ovector[1])
    }

    /// The compiled code, to match without holding a reference to the pattern (which must
    /// outlive every use).
    struct Code: @unchecked Sendable {
        // @unchecked Sendable: compiled code may be used by several threads at once.
        let code: OpaquePointer
        let isJITCompiled: Bool

        /// True when the pattern matches somewhere in `subject` (valid UTF-8).
        @inline(__always)
        func matches(_ subject: UnsafeBufferPointer<UInt8>, using matchData: PCREMatchData) -> Bool {
            let base = subject.baseAddress ?? PCREPattern.emptySubject
            let rc = isJITCompiled
                ? pcre2_jit_match_8(code, base, subject.count, 0, 0, matchData.pointer, nil)
                : pcre2_match_8(code, base, subject.count, 0, UInt32(PCRE2_NO_UTF_CHECK), matchData.pointer, nil)
            return rc >= 0
        }
    }

    var rawCode: Code { Code(code: code, isJITCompiled: isJITCompiled) }

    /// True when the pattern matches somewhere in `subject`.
    public func matches(_ subject: UnsafeBufferPointer<UInt8>, using matchData: PCREMatchData) -> Bool {
        let base = subject.baseAddress ?? Self.emptySubject
        let rc = isJITCompiled
            ? pcre2_jit_match_8(code, base, subject.count, 0, 0, matchData.pointer, nil)
            : pcre2_match_8(code, base, subject.count, 0, UInt32(PCRE2_NO_UTF_CHECK), matchData.pointer, nil)
        return rc >= 0
    }

    /// Every non-overlapping match in `text`, each as the byte ranges of the whole match
    /// (index 0) and of each capture group (nil when the group did not take part).
    public func allMatches(in text: String) -> [[Range<String.Index>?]] {
        allMatches(in: text, limit: .max)
    }

    /// The first match in `text`, as `allMatches(in:)` gives it, or nil.
    public func firstMatchGroups(in text: String) -> [Range<String.Index>?]? {
        allMatches(in: text, limit: 1).first
    }

    private func allMatches(in text: String, limit: Int) -> [[Range<String.Index>?]] {
        let utf8 = text.utf8
        var text = text
        return text.withUTF8 { buffer in
            guard let data = pcre2_match_data_create_from_pattern_8(code, nil) else { return [] }
            defer { pcre2_match_data_free_8(data) }
            var out: [[Range<String.Index>?]] = []
            var start = 0
            while start <= buffer.count, out.count < limit {
                let rc = pcre2_match_8(code, buffer.baseAddress ?? Self.emptySubject, buffer.count, start, UInt32(PCRE2_NO_UTF_CHECK), data, nil)
                guard rc > 0 else { break }
                let ovector = pcre2_get_ovector_pointer_8(data)!
                var groups: [Range<String.Index>?] = []
                for g in 0..<Int(rc) {
                    let lo = ovector[2 * g], hi = ovector[2 * g + 1]
                    if lo == cpcre2_unset() || hi < lo {
                        groups.append(nil)
                    } else {
                        groups.append(utf8.index(utf8.startIndex, offsetBy: lo)..<utf8.index(utf8.startIndex, offsetBy: hi))
                    }
                }
                let count = Int(pcre2_get_ovector_count_8(data))
                while groups.count < count { groups.append(nil) }
                out.append(groups)
                let end = ovector[1]
                if end > ovector[0] {
                    start = end
                } else {
                    start = end + 1
                    while start < buffer.count, buffer[start] & 0xC0 == 0x80 { start += 1 }
                }
            }
            return out
        }
    }

    /// Convenience for one-off use: does the pattern match `text`?
    public func matches(_ text: String) -> Bool {
        let matchData = PCREMatchData()
        var text = text
        return text.withUTF8 { matches($0, using: matchData) }
    }

    /// A never-written one-byte buffer for empty subjects (PCRE2 wants a non-null pointer).
    nonisolated(unsafe) fileprivate static let emptySubject: UnsafePointer<UInt8> = {
        let p = UnsafeMutablePointer<UInt8>.allocate(capacity: 1)
        p.pointee = 0
        return UnsafePointer(p)
    }()

    static func message(for code: Int32) -> String {
        var buffer = [UInt8](repeating: 0, count: 256)
        let n = buffer.withUnsafeMutableBufferPointer { pcre2_get_error_message_8(code, $0.baseAddress, $0.count) }
        return n > 0 ? String(decoding: buffer.prefix(Int(n)), as: UTF8.self) : "PCRE2 error \(code)"
    }
}

/// Scratch space for one match at a time; owned by one thread.
public final class PCREMatchData {
    let pointer: OpaquePointer

    /// Room for the whole-match span, which is all the classifier needs.
    public init() {
        pointer = pcre2_match_data_create_8(1, nil)!
    }

    deinit { pcre2_match_data_free_8(pointer) }
}
