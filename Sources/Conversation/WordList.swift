/// Words to look for in a text, kept as UTF-8 so that a search is a plain byte loop over the
/// text's own storage (no per-word setup). UTF-8 is self-synchronising: a byte match of a whole
/// word is a match of its characters, as `String.includes` says.
struct WordList: Sendable {
    let words: [String]
    let bytes: [[UInt8]]

    init(_ words: [String]) {
        self.words = words
        self.bytes = words.map { Array($0.utf8) }
    }

    /// The first word of the list (in list order) that occurs in `text`, or nil.
    func first(in text: String) -> String? {
        var text = text
        return text.withUTF8 { haystack -> String? in
            for (index, needle) in bytes.enumerated() where Self.occurs(needle, in: haystack) {
                return words[index]
            }
            return nil
        }
    }

    static func occurs(_ needle: [UInt8], in haystack: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = needle.first else { return true }
        guard needle.count <= haystack.count else { return false }
        return needle.withUnsafeBufferPointer { n in
            let last = haystack.count - n.count
            var i = 0
            while i <= last {
                if haystack[i] == first {
                    var j = 1
                    while j < n.count && haystack[i + j] == n[j] { j += 1 }
                    if j == n.count { return true }
                }
                i += 1
            }
            return false
        }
    }
}
