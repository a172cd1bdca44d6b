extension String {
    /// Whether `needle` occurs in the string: a plain byte search over UTF-8, much cheaper than
    /// `String.contains` for the many short words the dialogue looks for. UTF-8 is
    /// self-synchronising, so a byte match of a whole valid string is a character match.
    func includes(_ needle: String) -> Bool {
        var haystack = self
        var needle = needle
        haystack.makeContiguousUTF8()
        needle.makeContiguousUTF8()
        return haystack.utf8.withContiguousStorageIfAvailable { h in
            needle.utf8.withContiguousStorageIfAvailable { n in
                guard let first = n.first else { return true }
                guard n.count <= h.count else { return false }
                var i = 0
                let last = h.count - n.count
                while i <= last {
                    if h[i] == first {
                        var j = 1
                        while j < n.count && h[i + j] == n[j] { j += 1 }
                        if j == n.count { return true }
                    }
                    i += 1
                }
                return false
            } ?? false
        } ?? false
    }
}
