/// Finds many literal strings in one pass over a text (Aho–Corasick over Unicode scalars).
///
/// Scalars that occur in some literal get a small symbol number (through a flat table for the
/// BMP); a scalar in no literal sends the automaton back to its root. The root's transitions are
/// a dense array by symbol; every other state keeps its few transitions side by side, sorted by
/// symbol, and a 16-byte record (failure link, output link, where its caller's payload starts);
/// a literal's outputs are stored once, at the state where it ends, and reached from longer
/// matches along output links: the automaton stays small for the processor's caches.
public struct LiteralMatcher: Sendable {
    /// A noncharacter that every text is taken to begin with: a literal that starts with it is
    /// found only at the start of a text (or after the same noncharacter in the text itself).
    public static let startMarker = Unicode.Scalar(UInt32(0xFDD0))!

    /// The literals, by id (their index).
    public let literals: [String]
    /// Symbol of each BMP scalar (0: in no literal; `overflowSymbol`: look in `otherSymbols`).
    private let bmpSymbols: [UInt16]
    /// Symbols of scalars beyond the BMP, and of BMP scalars whose symbol does not fit 16 bits.
    private let otherSymbols: [UInt32: UInt32]
    private static let overflowSymbol = UInt16.max
    private let symbolCount: Int
    /// By symbol: true when some non-root state has a transition on it. A symbol that is not
    /// inner sends every state straight to the root's transition, with no search.
    private let innerSymbols: [Bool]
    /// Root transitions by symbol, as `Edge.next`.
    private let rootNext: [UInt32]
    /// By state: where its transitions are, its failure link, its output link and where its
    /// payload starts; one more (with no links) at the end, so that state s's transitions are
    /// `edges[states[s].firstEdge ..< states[s + 1].firstEdge]`, by symbol.
    private let states: [State]
    private let edges: [Edge]
    /// Literals that end exactly at state s (not those of its suffixes):
    /// `outputs[outputStart[s] ..< outputStart[s + 1]]`.
    private let outputStart: [Int32]
    private let outputs: [Int32]
    /// The state after reading `startMarker` from the root.
    private let startState: Int

    /// One state of the automaton, in 16 bytes: what the walk reads of a state reached, and
    /// what its caller needs to act on the literals that end there, lie in one cache line.
    struct State: Sendable {
        var firstEdge: Int32
        var fail: Int32
        /// Where the payload of the literals that end exactly here begins (it ends where the
        /// next state's begins): the caller's entries for these literals, `payloadCounts[id]` of
        /// them per literal, literal after literal in state order; without `payloadCounts`, one
        /// per literal.
        var firstPayload: Int32
        /// The nearest state along the failure links that has literals of its own, or 0 (the
        /// root) for none. A state outputs its own literals, then its link's outputs: suffix
        /// literals are kept once, not copied into every state they end in.
        var link: Int32
    }

    private struct Edge: Sendable {
        var symbol: UInt32
        /// The target state, with `outputFlag` set when it outputs literals (so that the walk
        /// reads no state record just to learn that).
        var next: UInt32
    }

    private static let outputFlag: UInt32 = 1 << 31

    /// Builds the automaton. Empty literals never match.
    /// - Parameter payloadCounts: by literal id, how many entries the caller keeps for it (see
    ///   `State.firstPayload`); nil for one each.
    public init(_ literals: [String], payloadCounts: [Int]? = nil) {
        self.literals = literals
        var bmp = [UInt16](repeating: 0, count: 0x10000)
        var other: [UInt32: UInt32] = [:]
        var nextSymbol = 1
        func symbol(_ scalar: Unicode.Scalar) -> Int {
            let v = scalar.value
            if v < 0x10000, bmp[Int(v)] != 0, bmp[Int(v)] != Self.overflowSymbol { return Int(bmp[Int(v)]) }
            if let x = other[v] { return Int(x) }
            let x = nextSymbol
            nextSymbol += 1
            if v < 0x10000, x < Int(Self.overflowSymbol) {
                bmp[Int(v)] = UInt16(x)
            } else {
                if v < 0x10000 { bmp[Int(v)] = Self.overflowSymbol }
                other[v] = UInt32(x)
            }
            return x
        }

        // Trie: transitions found through one dictionary, listed flat in creation order.
        var children: [UInt64: Int32] = [:]
        var edgeParent: [Int32] = [], edgeSymbol: [Int32] = [], edgeChild: [Int32] = []
        var terminals: [(state: Int32, id: Int32)] = []
        let scalarCount = literals.reduce(0) { $0 + $1.unicodeScalars.count }
        children.reserveCapacity(scalarCount)
        edgeParent.reserveCapacity(scalarCount); edgeSymbol.reserveCapacity(scalarCount); edgeChild.reserveCapacity(scalarCount)
        var stateCount = 1
        for (id, literal) in literals.enumerated() where !literal.isEmpty {
            var state: Int32 = 0
            for scalar in literal.unicodeScalars {
                let x = symbol(scalar)
                let key = UInt64(state) << 21 | UInt64(x)
                if let child = children[key] {
                    state = child
                } else {
                    let child = Int32(stateCount)
                    stateCount += 1
                    children[key] = child
                    edgeParent.append(state); edgeSymbol.append(Int32(x)); edgeChild.append(child)
                    state = child
                }
            }
            terminals.append((state, Int32(id)))
        }
        // Each state's transitions and own literals, grouped by state (stable: creation order).
        func grouped(_ keys: [Int32]) -> (start: [Int32], order: [Int32]) {
            var start = [Int32](repeating: 0, count: stateCount + 1)
            for k in keys { start[Int(k) + 1] += 1 }
            for s in 0..<stateCount { start[s + 1] += start[s] }
            var fill = start
            var order = [Int32](repeating: 0, count: keys.count)
            for (n, k) in keys.enumerated() {
                order[Int(fill[Int(k)])] = Int32(n)
                fill[Int(k)] += 1
            }
            return (start, order)
        }
        let (childStart, childOrder) = grouped(edgeParent)
        let (ownStart, ownOrder) = grouped(terminals.map(\.state))

        // Failure links, breadth-first.
        var fail = [Int32](repeating: 0, count: stateCount)
        var queue: [Int] = [0]
        queue.reserveCapacity(stateCount)
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
            for k in Int(childStart[state])..<Int(childStart[state + 1]) {
                let e = Int(childOrder[k])
                let child = Int(edgeChild[e])
                fail[child] = state == 0 ? 0 : Int32(step(Int(fail[state]), Int(edgeSymbol[e])))
                queue.append(child)
            }
        }

        // States renumbered in breadth-first order: the shallow states, visited most, lie together.
        // A state's outputs are its own literals, then those of its output link (numbered before it).
        var number = [Int32](repeating: 0, count: stateCount)
        for (n, state) in queue.enumerated() { number[state] = Int32(n) }
        // Outputs first (a transition's target says whether it has any), then the transitions.
        var flat: [Int32] = []
        var starts: [Int32] = []
        var links = [Int32](repeating: 0, count: stateCount)
        starts.reserveCapacity(stateCount + 1)
        flat.reserveCapacity(terminals.count)
        for (n, state) in queue.enumerated() {
            starts.append(Int32(flat.count))
            for k in Int(ownStart[state])..<Int(ownStart[state + 1]) { flat.append(terminals[Int(ownOrder[k])].id) }
            if state != 0 {
                let f = Int(number[Int(fail[state])])
                links[n] = ownStart[Int(fail[state])] != ownStart[Int(fail[state]) + 1] ? Int32(f) : links[f]
            }
        }
        starts.append(Int32(flat.count))
        var payloadStart = starts
        if let payloadCounts {
            var total: Int32 = 0
            for n in 0..<stateCount {
                payloadStart[n] = total
                for k in Int(starts[n])..<Int(starts[n + 1]) { total += Int32(payloadCounts[Int(flat[k])]) }
            }
            payloadStart[stateCount] = total
        }
        func target(_ n: Int32) -> UInt32 {
            let outputs = starts[Int(n)] != starts[Int(n) + 1] || links[Int(n)] != 0
            return UInt32(n) | (outputs ? Self.outputFlag : 0)
        }
        var root = [UInt32](repeating: 0, count: nextSymbol)
        var inner = [Bool](repeating: false, count: nextSymbol)
        var stateTable: [State] = []
        var edgeList: [Edge] = []
        stateTable.reserveCapacity(stateCount + 1)
        edgeList.reserveCapacity(max(edgeChild.count, 0))
        var outgoing: [Edge] = []
        for (n, state) in queue.enumerated() {
            let firstEdge = Int32(edgeList.count)
            outgoing.removeAll(keepingCapacity: true)
            for k in Int(childStart[state])..<Int(childStart[state + 1]) {
                let e = Int(childOrder[k])
                outgoing.append(Edge(symbol: UInt32(edgeSymbol[e]), next: target(number[Int(edgeChild[e])])))
            }
            if state == 0 {
                for edge in outgoing { root[Int(edge.symbol)] = edge.next }
            } else {
                outgoing.sort { $0.symbol < $1.symbol }
                for edge in outgoing { inner[Int(edge.symbol)] = true }
                edgeList += outgoing
            }
            stateTable.append(State(firstEdge: firstEdge, fail: number[Int(fail[state])], firstPayload: payloadStart[n], link: links[n]))
        }
        stateTable.append(State(firstEdge: Int32(edgeList.count), fail: 0, firstPayload: payloadStart[stateCount], link: 0))

        bmpSymbols = bmp
        otherSymbols = other
        symbolCount = nextSymbol
        innerSymbols = inner
        rootNext = root
        states = stateTable
        edges = edgeList
        outputStart = starts
        outputs = flat
        let marker = Int(bmp[Int(Self.startMarker.value)])
        startState = marker == 0 ? 0 : Int(root[marker] & ~Self.outputFlag)
    }

    /// Number of automaton states (for figures).
    public var stateCount: Int { states.count - 1 }

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
        outputStart.withUnsafeBufferPointer { start in
        outputs.withUnsafeBufferPointer { outputs in
        states.withUnsafeBufferPointer { states in
            walk(bytes) { state in
                var s = state
                repeat {
                    for k in Int(start[s])..<Int(start[s &+ 1]) { found.append(outputs[k]) }
                    s = Int(states[s].link)
                } while s != 0
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
            found.removeLast(found.count &- unique)
        }
    }

    /// The literal ids that end exactly at each state, by state number (as `walk` reports
    /// states): `ids[start[s] ..< start[s + 1]]`. The literals a state outputs are its own,
    /// then those its `State.link` outputs, and so on.
    var ownOutputsByState: (start: [Int32], ids: [Int32]) {
        (outputStart, outputs)
    }

    /// Calls `body` with the states, by number (one more at the end), to read their payload
    /// ranges and links.
    @inline(__always)
    func withStates<R>(_ body: (UnsafeBufferPointer<State>) -> R) -> R {
        states.withUnsafeBufferPointer(body)
    }

    /// Runs the automaton over `bytes` (valid UTF-8) and calls `body` with the number of every
    /// state reached that outputs literals (once per position; a literal occurring twice is
    /// reported twice).
    @inline(__always)
    func walk(_ bytes: UnsafeBufferPointer<UInt8>, _ body: (Int) -> Void) {
        let other = otherSymbols
        bmpSymbols.withUnsafeBufferPointer { bmp in
        rootNext.withUnsafeBufferPointer { root in
        states.withUnsafeBufferPointer { states in
        edges.withUnsafeBufferPointer { edges in
        innerSymbols.withUnsafeBufferPointer { inner in
            var state = startState
            if state != 0, outputStart[state] != outputStart[state + 1] || states[state].link != 0 { body(state) }
            var i = 0
            let n = bytes.count
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
                var x: Int
                if v < 0x10000 {
                    x = Int(bmp[Int(v)])
                    if x == Int(Self.overflowSymbol) { x = Int(other[v] ?? 0) }
                } else {
                    x = Int(other[v] ?? 0)
                }
                if x == 0 {
                    state = 0
                    continue
                }
                // Follow the transition, or failure links until one exists.
                let symbol = UInt32(truncatingIfNeeded: x)
                var target: UInt32
                while true {
                    if state == 0 || !inner[x] {
                        target = root[x]
                        break
                    }
                    var lo = Int(states[state].firstEdge), hi = Int(states[state &+ 1].firstEdge)
                    // Binary search down to a few edges, then a linear scan.
                    while hi &- lo > 8 {
                        let mid = (lo &+ hi) >> 1
                        if edges[mid].symbol <= symbol { lo = mid } else { hi = mid }
                    }
                    var found = false
                    target = 0
                    while lo < hi {
                        let edge = edges[lo]
                        if edge.symbol >= symbol {
                            if edge.symbol == symbol { target = edge.next; found = true }
                            break
                        }
                        lo &+= 1
                    }
                    if found { break }
                    state = Int(states[state].fail)
                }
                state = Int(target & ~Self.outputFlag)
                if target & Self.outputFlag != 0 { body(state) }
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
