/// Finds many literal strings in one pass over a text's UTF-8 bytes (Aho–Corasick, compiled to
/// a dense automaton over byte classes: bytes that occur in no literal share one class).
///
/// Cost per message is one table step per byte, whatever the number of literals.
public struct LiteralMatcher: Sendable {
    /// The literals, by id (their index).
    public let literals: [String]
    private let byteClass: [UInt16]
    private let classCount: Int
    private let transitions: [Int32]
    private let outputStart: [Int32]
    private let outputs: [Int32]

    /// Builds the automaton. Empty literals never match.
    public init(_ literals: [String]) {
        self.literals = literals
        var classOf = [UInt16](repeating: 0, count: 256)
        var nextClass: UInt16 = 1
        for literal in literals {
            for b in literal.utf8 where classOf[Int(b)] == 0 {
                classOf[Int(b)] = nextClass
                nextClass += 1
            }
        }
        let classes = Int(nextClass)

        // Trie.
        var children: [[Int32]] = [[Int32](repeating: -1, count: classes)]
        var own: [[Int32]] = [[]]
        for (id, literal) in literals.enumerated() where !literal.isEmpty {
            var state = 0
            for b in literal.utf8 {
                let c = Int(classOf[Int(b)])
                if children[state][c] < 0 {
                    children[state][c] = Int32(children.count)
                    children.append([Int32](repeating: -1, count: classes))
                    own.append([])
                }
                state = Int(children[state][c])
            }
            own[state].append(Int32(id))
        }

        // Breadth-first: failure links, dense transitions, merged outputs.
        let stateCount = children.count
        var table = [Int32](repeating: 0, count: stateCount * classes)
        var fail = [Int32](repeating: 0, count: stateCount)
        var merged = own
        var queue: [Int] = []
        queue.reserveCapacity(stateCount)
        for c in 0..<classes {
            let child = children[0][c]
            if child >= 0 {
                table[c] = child
                fail[Int(child)] = 0
                queue.append(Int(child))
            } else {
                table[c] = 0
            }
        }
        var head = 0
        while head < queue.count {
            let state = queue[head]
            head += 1
            merged[state] += merged[Int(fail[state])]
            for c in 0..<classes {
                let child = children[state][c]
                let viaFail = table[Int(fail[state]) * classes + c]
                if child >= 0 {
                    table[state * classes + c] = child
                    fail[Int(child)] = viaFail
                    queue.append(Int(child))
                } else {
                    table[state * classes + c] = viaFail
                }
            }
        }
        // Class 0 (bytes in no literal) always leads back to the root.
        for state in 0..<stateCount { table[state * classes] = 0 }

        var start: [Int32] = []
        var flat: [Int32] = []
        start.reserveCapacity(stateCount + 1)
        for state in 0..<stateCount {
            start.append(Int32(flat.count))
            flat += merged[state]
        }
        start.append(Int32(flat.count))

        byteClass = classOf
        classCount = classes
        transitions = table
        outputStart = start
        outputs = flat
    }

    /// Number of automaton states (for figures).
    public var stateCount: Int { outputStart.count - 1 }

    /// Calls `body` with the id of every literal occurrence in `bytes`, in order of where the
    /// occurrence ends (the same id may come several times).
    public func forEachMatch(in bytes: UnsafeBufferPointer<UInt8>, _ body: (Int) -> Void) {
        scan(bytes, body)
    }

    func scan(_ bytes: UnsafeBufferPointer<UInt8>, _ body: (Int) -> Void) {
        transitions.withUnsafeBufferPointer { table in
            byteClass.withUnsafeBufferPointer { classes in
                outputStart.withUnsafeBufferPointer { start in
                    var state = 0
                    let width = classCount
                    for b in bytes {
                        state = Int(table[state * width + Int(classes[Int(b)])])
                        let lo = Int(start[state]), hi = Int(start[state + 1])
                        if lo != hi {
                            for k in lo..<hi { body(Int(outputs[k])) }
                        }
                    }
                }
            }
        }
    }

    /// The distinct ids of literals found in `bytes`, ascending.
    public func matches(in bytes: UnsafeBufferPointer<UInt8>) -> [Int] {
        var found: [Int] = []
        scan(bytes) { found.append($0) }
        if found.count > 1 {
            found.sort()
            var unique: [Int] = []
            unique.reserveCapacity(found.count)
            for id in found where unique.last != id { unique.append(id) }
            return unique
        }
        return found
    }

    /// The distinct ids of literals found in `text`.
    public func matches(in text: String) -> [Int] {
        var text = text
        return text.withUTF8 { matches(in: $0) }
    }
}
