/// Words to look for in a text, kept as UTF-8. A search walks the text's scalars once: only
/// where a scalar starts some word (a bit table says, then a dictionary) are those words
/// compared, byte by byte. UTF-8 is self-synchronising: a byte match of a whole word at a
/// scalar boundary is a match of its characters, as `String.includes` says.
struct WordList: Sendable {
    let words: [String]
    let bytes: [[UInt8]]
    /// Word indexes (ascending) by the raw bytes of their first scalar.
    private let byFirstScalar: [UInt32: [Int]]
    /// A bit per first scalar (its low 12 bits): most scalars of a text start no word.
    private let filter: [UInt64]
    /// The first empty word (it occurs in every text).
    private let emptyWord: Int?

    init(_ words: [String]) {
        self.words = words
        self.bytes = words.map { Array($0.utf8) }
        var byFirstScalar: [UInt32: [Int]] = [:]
        var filter = [UInt64](repeating: 0, count: 64)
        for (index, word) in bytes.enumerated() where !word.isEmpty {
            let key = word.withUnsafeBufferPointer { Self.scalarBytes($0, at: 0).key }
            byFirstScalar[key, default: []].append(index)
            filter[Int(key & 4095) >> 6] |= 1 << (key & 63)
        }
        self.byFirstScalar = byFirstScalar
        self.filter = filter
        self.emptyWord = bytes.firstIndex { $0.isEmpty }
    }

    /// The first word of the list (in list order) that occurs in `text`, or nil.
    func first(in text: String) -> String? {
        var text = text
        var best = emptyWord ?? Int.max
        text.withUTF8 { haystack in
            var i = 0
            while i < haystack.count {
                let (key, width) = Self.scalarBytes(haystack, at: i)
                if filter[Int(key & 4095) >> 6] & (1 << (key & 63)) != 0, let candidates = byFirstScalar[key] {
                    for index in candidates {
                        if index >= best { break }
                        if Self.occurs(bytes[index], in: haystack, at: i) {
                            best = index
                            break
                        }
                    }
                }
                i += width
            }
        }
        return best == Int.max ? nil : words[best]
    }

    /// The raw bytes of the scalar starting at `i` packed in a number, and its width.
    private static func scalarBytes(_ buffer: UnsafeBufferPointer<UInt8>, at i: Int) -> (key: UInt32, width: Int) {
        let lead = buffer[i]
        let width = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
        var key: UInt32 = 0
        var j = i
        while j < i + width && j < buffer.count {
            key = key << 8 | UInt32(buffer[j])
            j += 1
        }
        return (key, width)
    }

    private static func occurs(_ needle: [UInt8], in haystack: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        guard i + needle.count <= haystack.count else { return false }
        var j = 0
        while j < needle.count {
            if haystack[i + j] != needle[j] { return false }
            j += 1
        }
        return true
    }
}
