/// Finds many literal strings in one pass over a text's UTF-8 bytes (Aho–Corasick, compiled to
/// a dense automaton over byte classes: bytes that occur in no literal share one class).
///
/// Cost per message is one table step per byte, whatever the number of literals.
public struct LiteralMatcher: Sendable {
    /// The literals, by id (their index).
    public let literals: [String]
    private let byteClass: [UInt16]
    private let classCount: Int
    /// The dense automaton, `stateCount x classCount`, in 16 bits when the states fit (half the
    /// memory, so the hot rows stay in cache), otherwise in 32 bits.
    private let transitions16: [UInt16]
    private let transitions32: [UInt32]
    private let outputStart: [Int32]
    private let outputs: [Int32]

    /// Builds the automaton. Empty literals never match.
    public init(_ literals: [String]) {
        self.init(literals, compactLimit: Int(UInt16.max))
    }

    /// `compactLimit`: most states for the 16-bit table (tests lower it to exercise the 32-bit one).
    init(_ literals: [String], compactLimit: Int) {
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

        // Trie: children as sibling lists (the dense rows come later).
        var firstChild: [Int32] = [-1]
        var nextSibling: [Int32] = [-1]
        var classOfState: [UInt16] = [0]
        var own: [[Int32]] = [[]]
        for (id, literal) in literals.enumerated() where !literal.isEmpty {
            var state = 0
            for b in literal.utf8 {
                let c = classOf[Int(b)]
                var child = firstChild[state]
                while child >= 0, classOfState[Int(child)] != c { child = nextSibling[Int(child)] }
                if child < 0 {
                    child = Int32(firstChild.count)
                    firstChild.append(-1)
                    nextSibling.append(firstChild[state])
                    classOfState.append(c)
                    own.append([])
                    firstChild[state] = child
                }
                state = Int(child)
            }
            own[state].append(Int32(id))
        }

        // Breadth-first: each row starts as its failure state's row, then its own children.
        let stateCount = firstChild.count
        var table = [Int32](repeating: 0, count: stateCount * classes)
        var fail = [Int32](repeating: 0, count: stateCount)
        var merged = own
        var queue: [Int] = [0]
        queue.reserveCapacity(stateCount)
        var head = 0
        table.withUnsafeMutableBufferPointer { table in
            while head < queue.count {
                let state = queue[head]
                head += 1
                if state != 0 {
                    let f = Int(fail[state])
                    if !merged[f].isEmpty { merged[state] += merged[f] }
                    for c in 0..<classes { table[state * classes + c] = table[f * classes + c] }
                }
                var child = firstChild[state]
                while child >= 0 {
                    let c = Int(classOfState[Int(child)])
                    fail[Int(child)] = state == 0 ? 0 : table[Int(fail[state]) * classes + c]
                    table[state * classes + c] = child
                    queue.append(Int(child))
                    child = nextSibling[Int(child)]
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
        // Each entry carries, in its top bit, whether the target state has outputs, so the scan
        // only looks at `outputStart` when something was found.
        let hasOutput = (0..<stateCount).map { start[$0] != start[$0 + 1] }
        if stateCount <= min(compactLimit, Int(UInt16.max >> 1)) {
            transitions16 = table.map { UInt16(truncatingIfNeeded: $0) | (hasOutput[Int($0)] ? 0x8000 : 0) }
            transitions32 = []
        } else {
            transitions16 = []
            transitions32 = table.map { UInt32(truncatingIfNeeded: $0) | (hasOutput[Int($0)] ? 0x8000_0000 : 0) }
        }
        outputStart = start
        outputs = flat
    }

    /// Number of automaton states (for figures).
    public var stateCount: Int { outputStart.count - 1 }

    /// Number of byte classes (for figures).
    public var byteClassCount: Int { classCount }

    /// The distinct ids of literals found in `bytes`, ascending.
    public func matches(in bytes: UnsafeBufferPointer<UInt8>) -> [Int] {
        var found: [Int] = []
        if transitions32.isEmpty {
            transitions16.withUnsafeBufferPointer { collect(bytes, table: $0, into: &found) }
        } else {
            transitions32.withUnsafeBufferPointer { collect(bytes, table: $0, into: &found) }
        }
        if found.count > 1 {
            found.sort()
            var unique = 1
            for i in 1..<found.count where found[i] != found[unique - 1] {
                found[unique] = found[i]
                unique += 1
            }
            found.removeLast(found.count - unique)
        }
        return found
    }

    @inline(__always)
    private func collect<State: FixedWidthInteger & UnsignedInteger>(_ bytes: UnsafeBufferPointer<UInt8>, table: UnsafeBufferPointer<State>, into found: inout [Int]) {
        byteClass.withUnsafeBufferPointer { classes in
            outputStart.withUnsafeBufferPointer { start in
                outputs.withUnsafeBufferPointer { outputs in
                    let flag = State(1) << (State.bitWidth - 1)
                    var state = 0
                    let width = classCount
                    for b in bytes {
                        let entry = table[state &* width &+ Int(classes[Int(b)])]
                        state = Int(entry & ~flag)
                        if entry & flag != 0 {
                            var k = Int(start[state])
                            let hi = Int(start[state &+ 1])
                            while k < hi {
                                found.append(Int(outputs[k]))
                                k &+= 1
                            }
                        }
                    }
                }
            }
        }
    }

    /// The distinct ids of literals found in `text`.
    public func matches(in text: String) -> [Int] {
        var text = text
        return text.withUTF8 { matches(in: $0) }
    }
}
