/// Finds many literal strings in one pass over a text (Aho–Corasick over Unicode scalars).
///
/// Scalars that occur in some literal get a small symbol number; a scalar in no literal sends
/// the automaton back to its root. The root's transitions are a dense array by symbol, the other
/// states' transitions one open-addressing hash table: the whole automaton stays small enough for
/// the processor's caches, whatever the number of literals.
public struct LiteralMatcher: Sendable {
    /// A noncharacter that every text is taken to begin with: a literal that starts with it is
    /// found only at the start of a text (or after the same noncharacter in the text itself).
    public static let startMarker = Unicode.Scalar(UInt32(0xFDD0))!

    /// The literals, by id (their index).
    public let literals: [String]
    /// The state after reading `startMarker` from the root.
    private let startState: Int
    /// Symbol of each BMP scalar (0: in no literal).
    private let bmpSymbols: [UInt32]
    /// Symbols of scalars beyond the BMP.
    private let astralSymbols: [UInt32: UInt32]
    private let symbolCount: Int
    /// By symbol: true when some non-root state has a transition on it. A symbol that is not
    /// inner sends every state straight to the root's transition, with no probe.
    private let innerSymbols: [Bool]
    /// By state: true when it has no transition (a probe would only fail).
    private let leaves: [Bool]
    /// Root transitions by symbol.
    private let rootNext: [Int32]
    /// Other transitions, one open-addressing table: key `state << 21 | symbol` (0 = empty slot)
    /// and the next state side by side, so that a probe touches one cache line.
    private let edges: [Edge]
    private let edgeShift: UInt64
    private let fail: [Int32]
    /// Outputs of state s: `outputs[outputStart[s] ..< outputStart[s + 1]]`.
    private let outputStart: [Int32]
    private let outputs: [Int32]

    private struct Edge: Sendable {
        var key: UInt64
        var next: Int32
    }

    /// Builds the automaton. Empty literals never match.
    public init(_ literals: [String]) {
        self.literals = literals
        var bmp = [UInt32](repeating: 0, count: 0x10000)
        var astral: [UInt32: UInt32] = [:]
        var nextSymbol = 1
        func symbol(_ scalar: Unicode.Scalar, create: Bool) -> Int {
            let v = scalar.value
            if v < 0x10000 {
                if bmp[Int(v)] == 0, create {
                    bmp[Int(v)] = UInt32(nextSymbol)
                    nextSymbol += 1
                }
                return Int(bmp[Int(v)])
            }
            if astral[v] == nil, create {
                astral[v] = UInt32(nextSymbol)
                nextSymbol += 1
            }
            return Int(astral[v] ?? 0)
        }

        // Trie.
        var children: [UInt64: Int32] = [:]
        var childList: [[(symbol: Int, child: Int32)]] = [[]]
        var own: [[Int32]] = [[]]
        let scalarCount = literals.reduce(0) { $0 + $1.unicodeScalars.count }
        children.reserveCapacity(scalarCount)
        childList.reserveCapacity(scalarCount + 1)
        own.reserveCapacity(scalarCount + 1)
        for (id, literal) in literals.enumerated() where !literal.isEmpty {
            var state = 0
            for scalar in literal.unicodeScalars {
                let x = symbol(scalar, create: true)
                let key = UInt64(state) << 21 | UInt64(x)
                if let child = children[key] {
                    state = Int(child)
                } else {
                    let child = Int32(childList.count)
                    children[key] = child
                    childList.append([])
                    own.append([])
                    childList[state].append((x, child))
                    state = Int(child)
                }
            }
            own[state].append(Int32(id))
        }
        let stateCount = childList.count

        // Failure links and merged outputs, breadth-first.
        var fail = [Int32](repeating: 0, count: stateCount)
        var merged = own
        var queue: [Int] = [0]
        var head = 0
        func step(_ state: Int, _ x: Int) -> Int {
            var s = state
            while true {
                if let next = children[UInt64(s) << 21 | UInt64(x)] { return Int(next) }
                if s == 0 { return 0 }
                s = Int(fail[s])
            }
        }
        while head < queue.count {
            let state = queue[head]
            head += 1
            if state != 0, !merged[Int(fail[state])].isEmpty { merged[state] += merged[Int(fail[state])] }
            for (x, child) in childList[state] {
                fail[Int(child)] = state == 0 ? 0 : Int32(step(Int(fail[state]), x))
                queue.append(Int(child))
            }
        }

        var root = [Int32](repeating: 0, count: nextSymbol)
        for (x, child) in childList[0] { root[x] = child }
        let edgeCount = children.count - childList[0].count
        var bits: UInt64 = 4
        while (1 << bits) < max(16, edgeCount * 2) { bits += 1 }
        var table = [Edge](repeating: Edge(key: 0, next: 0), count: 1 << bits)
        let mask = (1 << bits) - 1
        for state in 1..<max(stateCount, 1) {
            for (x, child) in childList[state] {
                let key = UInt64(state) << 21 | UInt64(x)
                var slot = Int((key &* 0x9E37_79B9_7F4A_7C15) >> (64 - bits))
                while table[slot].key != 0 { slot = (slot + 1) & mask }
                table[slot] = Edge(key: key, next: child)
            }
        }

        var start: [Int32] = []
        var flat: [Int32] = []
        start.reserveCapacity(stateCount + 1)
        for state in 0..<stateCount {
            start.append(Int32(flat.count))
            flat += merged[state]
        }
        start.append(Int32(flat.count))

        bmpSymbols = bmp
        astralSymbols = astral
        symbolCount = nextSymbol
        var inner = [Bool](repeating: false, count: nextSymbol)
        for state in 1..<max(stateCount, 1) { for (x, _) in childList[state] { inner[x] = true } }
        innerSymbols = inner
        leaves = childList.map(\.isEmpty)
        rootNext = root
        edges = table
        edgeShift = 64 - bits
        self.fail = fail
        outputStart = start
        outputs = flat
        let marker = Int(bmp[Int(Self.startMarker.value)])
        startState = marker == 0 ? 0 : Int(root[marker])
    }

    /// Number of automaton states (for figures).
    public var stateCount: Int { outputStart.count - 1 }

    /// Number of distinct characters in the literals (for figures).
    public var alphabetSize: Int { symbolCount - 1 }

    /// The distinct ids of literals found in `bytes` (valid UTF-8), ascending.
    public func matches(in bytes: UnsafeBufferPointer<UInt8>) -> [Int] {
        var found: [Int32] = []
        matches(in: bytes, into: &found)
        return found.map(Int.init)
    }

    /// Replaces the contents of `found` with the distinct ids of literals found in `bytes`
    /// (valid UTF-8), ascending; `found`'s storage is reused, so a caller that keeps it between
    /// messages allocates nothing here.
    public func matches(in bytes: UnsafeBufferPointer<UInt8>, into found: inout [Int32]) {
        found.removeAll(keepingCapacity: true)
        bmpSymbols.withUnsafeBufferPointer { bmp in
            rootNext.withUnsafeBufferPointer { root in
                edges.withUnsafeBufferPointer { edges in
                    fail.withUnsafeBufferPointer { fail in
                        outputStart.withUnsafeBufferPointer { start in
                            outputs.withUnsafeBufferPointer { outputs in
                            innerSymbols.withUnsafeBufferPointer { inner in
                            leaves.withUnsafeBufferPointer { leaf in
                                let mask = edges.count &- 1
                                let shift = edgeShift
                                var state = startState
                                var i = 0
                                let n = bytes.count
                                for k in Int(start[state])..<Int(start[state &+ 1]) { found.append(outputs[k]) }
                                while i < n {
                                    // Decode one scalar.
                                    let b0 = UInt32(bytes[i])
                                    var v: UInt32
                                    if b0 < 0x80 {
                                        v = b0
                                        i &+= 1
                                    } else if b0 < 0xE0 {
                                        v = (b0 & 0x1F) << 6 | UInt32(bytes[i &+ 1] & 0x3F)
                                        i &+= 2
                                    } else if b0 < 0xF0 {
                                        v = (b0 & 0x0F) << 12 | UInt32(bytes[i &+ 1] & 0x3F) << 6 | UInt32(bytes[i &+ 2] & 0x3F)
                                        i &+= 3
                                    } else {
                                        v = (b0 & 0x07) << 18 | UInt32(bytes[i &+ 1] & 0x3F) << 12 | UInt32(bytes[i &+ 2] & 0x3F) << 6 | UInt32(bytes[i &+ 3] & 0x3F)
                                        i &+= 4
                                    }
                                    let x = v < 0x10000 ? Int(bmp[Int(v)]) : Int(astralSymbols[v] ?? 0)
                                    if x == 0 {
                                        state = 0
                                        continue
                                    }
                                    // Follow the transition, or failure links until one exists.
                                    while true {
                                        if state == 0 || !inner[x] {
                                            state = Int(root[x])
                                            break
                                        }
                                        if leaf[state] {
                                            state = Int(fail[state])
                                            continue
                                        }
                                        let key = UInt64(truncatingIfNeeded: state) << 21 | UInt64(truncatingIfNeeded: x)
                                        var slot = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
                                        var next = -1
                                        while true {
                                            let edge = edges[slot]
                                            if edge.key == key {
                                                next = Int(edge.next)
                                                break
                                            }
                                            if edge.key == 0 { break }
                                            slot = (slot &+ 1) & mask
                                        }
                                        if next >= 0 {
                                            state = next
                                            break
                                        }
                                        state = Int(fail[state])
                                    }
                                    var k = Int(start[state])
                                    let hi = Int(start[state &+ 1])
                                    while k < hi {
                                        found.append(outputs[k])
                                        k &+= 1
                                    }
                                }
                            }
                            }
                            }
                        }
                    }
                }
            }
        }
        if found.count > 1 {
            found.sort()
            var unique = 1
            for i in 1..<found.count where found[i] != found[unique &- 1] {
                found[unique] = found[i]
                unique &+= 1
            }
            found.removeLast(found.count - unique)
        }
    }

    /// The distinct ids of literals found in `text`.
    public func matches(in text: String) -> [Int] {
        var text = text
        return text.withUTF8 { matches(in: $0) }
    }
}
