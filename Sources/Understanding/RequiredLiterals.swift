/// Derives, from a regular expression, literals that must occur in any text the expression
/// matches; used as a prefilter in front of PCRE2. The result is a list of clauses, each a set of
/// literals of which at least one occurs in every match (so every clause must be satisfied).
/// Conservative: whenever the expression holds something this reader does not follow (inline
/// options, backreferences, \Q...\E), or some alternative has no mandatory literal, there is no
/// clause and the pattern runs on every message.
enum RequiredLiterals {
    /// At most this many clauses are kept per pattern, the most selective first.
    static let maximumClauses = 6

    /// The clauses of `regex`, most selective first, or nil when nothing is required.
    static func clauses(of regex: String) -> [[String]]? {
        var parser = Parser(Array(regex.unicodeScalars))
        guard let node = parser.parseAlternation(), parser.isAtEnd, !parser.failed else { return nil }
        var all = clauses(node)
        // A very wide clause (such as \d's every digit) is kept only when nothing better exists.
        if all.contains(where: { $0.count <= wideClause }) { all.removeAll { $0.count > wideClause } }
        var result: [[Literal]] = []
        for clause in all.map(sortedUnique) where !result.contains(clause) {
            result.append(clause)
        }
        result = sortedByQuality(result)
        return result.isEmpty ? nil : result.prefix(maximumClauses).map { $0.map { String(decoding: $0, as: UTF8.self) } }
    }

    /// A literal while it is derived: its UTF-8 bytes (cheaper to join, hash and sort than a
    /// `String`; byte order is the order of the scalars).
    typealias Literal = [UInt8]

    /// `literals` sorted, without repeats.
    private static func sortedUnique(_ literals: [Literal]) -> [Literal] {
        let sorted = literals.sorted { $0.lexicographicallyPrecedes($1) }
        var out: [Literal] = []
        out.reserveCapacity(sorted.count)
        for literal in sorted where out.last != literal { out.append(literal) }
        return out
    }

    private static func literal(_ scalar: Unicode.Scalar) -> Literal { Array(String(scalar).utf8) }

    /// The single most selective clause, or nil.
    static func derive(from regex: String) -> [String]? {
        clauses(of: regex)?.first
    }

    /// A parsed expression, reduced to what matters here.
    indirect enum Node {
        case alternation([Node])
        case sequence([Node])
        case literal(Unicode.Scalar)
        /// Exactly one of these characters (a small character class).
        case oneOf([Unicode.Scalar])
        /// `\d`: one of `decimalDigits`.
        case digit
        /// Consumes something we do not follow (class, dot, escape, repeat that may be empty).
        case opaque
        /// Mandatory group.
        case group(Node)
        /// Zero-width (`$`, `\b`, lookaround): consumes nothing, so what precedes and what
        /// follows it are contiguous in the text.
        case zeroWidth
        /// `^` or `\A`: the start of the subject (no multi-line option is ever set).
        case startAnchor
        /// Present once or not at all (`?`, `{0,1}`).
        case optional(Node)
        /// Repeated at least once: contents mandatory, but not contiguous with neighbours.
        case repeated(Node)
    }

    /// What is known of the texts a node matches: `exact`, when not nil, is every string it can
    /// match (at most `exactLimit`, possibly the empty string, possibly with repeats); `clauses`
    /// hold besides.
    private struct Info {
        var exact: [Literal]?
        var clauses: [[Literal]]

        static let nothing = Info(exact: nil, clauses: [])
        static let empty = Info(exact: [[]], clauses: [])
    }

    /// Largest set of exact strings followed through concatenation and alternation.
    static let exactLimit = 64

    /// A clause of more literals than this is kept only when no narrower one exists.
    static let wideClause = 64

    /// At most this many clauses come out of one alternation (the product of its branches'
    /// clauses, or their best ones taken side by side when the product is larger).
    static let alternationClauses = 8

    /// The clauses of a node: the exact set as one clause, and the others.
    private static func clauses(_ node: Node) -> [[Literal]] {
        let info = info(node)
        return info.clauses + (info.exact.flatMap(clause) .map { [$0] } ?? [])
    }

    /// `strings` as a clause, or nil when it would hold for every text (it has the empty string,
    /// or a string of nothing but the start marker).
    private static func clause(_ strings: [Literal]) -> [Literal]? {
        if strings.isEmpty { return nil }
        for string in strings where isOnlyMarkers(string) { return nil }
        return strings
    }

    private static let markerBytes = literal(LiteralMatcher.startMarker)

    /// True for the empty literal and for one made of start markers alone.
    private static func isOnlyMarkers(_ literal: Literal) -> Bool {
        guard literal.count % markerBytes.count == 0 else { return false }
        for (i, byte) in literal.enumerated() where byte != markerBytes[i % markerBytes.count] { return false }
        return true
    }

    private static func info(_ node: Node) -> Info {
        switch node {
        case .literal(let scalar):
            // A space is left out of literals: blanking an exclusion's span (Classifier) writes
            // spaces, and a literal without one is found in the blanked text only where it is in
            // the original.
            return scalar == " " ? .nothing : Info(exact: [literal(scalar)], clauses: [])
        case .oneOf(let members):
            if members.contains(" ") { return .nothing }
            if members.count > exactLimit { return Info(exact: nil, clauses: [members.map(literal)]) }
            return Info(exact: members.map(literal), clauses: [])
        case .digit:
            return Info(exact: nil, clauses: [digitClause])
        case .opaque:
            return .nothing
        case .zeroWidth:
            return .empty
        case .startAnchor:
            return Info(exact: [markerBytes], clauses: [])
        case .group(let inner):
            return info(inner)
        case .optional(let inner):
            let inner = info(inner)
            guard var exact = inner.exact else { return .nothing }
            if !exact.contains([]) { exact.append([]) }
            return exact.count > exactLimit ? .nothing : Info(exact: exact, clauses: [])
        case .repeated(let inner):
            // x+: the first x is contiguous with what precedes, the last one with what follows.
            return info(.sequence([inner, .opaque, inner]))
        case .sequence(let items):
            // Exact items side by side make one run of exact strings (their product); anything
            // else ends the run, which becomes a clause.
            var run: [Literal]? = [[]]
            var clauses: [[Literal]] = []
            var isExact = true
            func flush() {
                if let exact = run, let clause = clause(exact) { clauses.append(clause) }
                run = nil
                isExact = false
            }
            func append(_ item: Info) {
                clauses += item.clauses
                guard let exact = item.exact else { return flush() }
                if var x = run, exact.count == 1 {
                    // The common case, one more character: no repeat can appear.
                    run = nil
                    for k in x.indices { x[k] += exact[0] }
                    run = x
                } else if let x = run, x.count * exact.count <= exactLimit {
                    // Repeats are possible (a + bc = ab + c) and harmless: clauses are made unique.
                    var product: [Literal] = []
                    product.reserveCapacity(x.count * exact.count)
                    for p in x { for q in exact { product.append(p + q) } }
                    run = product
                } else {
                    flush()
                    run = exact
                }
            }
            for item in items {
                if case .repeated(let inner) = item {
                    append(info(inner))
                    flush()
                    append(info(inner))
                } else {
                    append(info(item))
                }
            }
            if isExact, let exact = run { return Info(exact: exact, clauses: clauses) }
            flush()
            return Info(exact: nil, clauses: clauses)
        case .alternation(let branches):
            let infos = branches.map(info)
            if infos.allSatisfy({ $0.exact != nil && $0.clauses.isEmpty }) {
                var union: [Literal] = []
                for info in infos { union += info.exact! }
                if union.count <= exactLimit { return Info(exact: union, clauses: []) }
            }
            var lists: [[[Literal]]] = []
            for info in infos {
                var list = info.clauses
                if let exact = info.exact, let clause = clause(exact) { list.append(clause) }
                if list.isEmpty { return .nothing }  // a branch that may match anything
                if list.contains(where: { $0.count <= wideClause }) { list.removeAll { $0.count > wideClause } }
                lists.append(sortedByQuality(list))
            }
            var product = 1
            for list in lists { product = min(product * list.count, alternationClauses + 1) }
            var choices: [[Int]] = []
            if product <= alternationClauses {
                choices = [[]]
                for list in lists { choices = choices.flatMap { c in list.indices.map { c + [$0] } } }
            } else {
                let depth = min(lists.map(\.count).max()!, alternationClauses)
                choices = (0..<depth).map { j in lists.map { min(j, $0.count - 1) } }
            }
            // A union wider than `wideClause` literals is dropped whenever a narrower clause
            // exists (see `clauses(of:)`): only the first choice, the best of every branch, is
            // always kept.
            var clauses: [[Literal]] = []
            for (k, choice) in choices.enumerated() {
                var size = 0
                for (list, c) in zip(lists, choice) { size += list[c].count }
                if k > 0, size > wideClause { continue }
                clauses.append(zip(lists, choice).flatMap { $0[$1] })  // made unique at the end
            }
            return Info(exact: nil, clauses: clauses)
        }
    }

    /// `decimalDigits` as one clause, made once.
    private static let digitClause: [Literal] = sortedUnique(decimalDigits.map(literal))

    /// Every character \d matches in UCP mode (general category Nd): 77 runs of ten digits
    /// (Unicode 16; the tests check this list against the standard library's properties).
    static let decimalDigits: [Unicode.Scalar] = decimalDigitBlockStarts.flatMap { start in
        (start..<start + 10).compactMap(Unicode.Scalar.init)
    }

    static let decimalDigitBlockStarts: [UInt32] = [
        0x30, 0x660, 0x6F0, 0x7C0, 0x966, 0x9E6, 0xA66, 0xAE6, 0xB66, 0xBE6, 0xC66, 0xCE6, 0xD66, 0xDE6, 0xE50,
        0xED0, 0xF20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0, 0x1A80, 0x1A90, 0x1B50, 0x1BB0, 0x1C40,
        0x1C50, 0xA620, 0xA8D0, 0xA900, 0xA9D0, 0xA9F0, 0xAA50, 0xABF0, 0xFF10, 0x104A0, 0x10D30, 0x10D40,
        0x11066, 0x110F0, 0x11136, 0x111D0, 0x112F0, 0x11450, 0x114D0, 0x11650, 0x116C0, 0x116D0, 0x116DA,
        0x11730, 0x118E0, 0x11950, 0x11BF0, 0x11C50, 0x11D50, 0x11DA0, 0x11DE0, 0x11F50, 0x16130, 0x16A60,
        0x16AC0, 0x16B50, 0x16D70, 0x1CCF0, 0x1D7CE, 0x1D7D8, 0x1D7E2, 0x1D7EC, 0x1D7F6, 0x1E140, 0x1E2F0,
        0x1E4F0, 0x1E5F1, 0x1E950, 0x1FBF0,
    ]

    /// The members of a simple class such as `[车位]`, `[0-9]` or `[一二三]` (no negation, escapes
    /// of letters, POSIX names), when there are at most 64; otherwise nil.
    static func members(ofClass text: [Unicode.Scalar]) -> [Unicode.Scalar]? {
        guard text.count >= 3, text.first == "[", text.last == "]", text[1] != "^" else { return nil }
        var body = Array(text[1..<(text.count - 1)])
        var members: [Unicode.Scalar] = []
        var i = 0
        func next() -> Unicode.Scalar? {
            guard i < body.count else { return nil }
            if body[i] == "\\" {
                guard i + 1 < body.count else { return nil }
                let c = body[i + 1]
                if c.isASCII && (c.properties.isAlphabetic || ("0"..."9").contains(c)) { return nil }
                i += 2
                return c
            }
            if body[i] == "[" { return nil }
            i += 1
            return body[i - 1]
        }
        if body.first == "]" { body[0] = "]" }
        while i < body.count {
            guard let low = next() else { return nil }
            if i + 1 < body.count, body[i] == "-" {
                i += 1
                guard let high = next(), low.value <= high.value, high.value - low.value < 64 else { return nil }
                for v in low.value...high.value { if let s = Unicode.Scalar(v) { members.append(s) } }
            } else {
                members.append(low)
            }
            if members.count > 64 { return nil }
        }
        return members.isEmpty ? nil : members
    }

    /// `clauses` sorted best first, preferring the clause whose shortest literal is longest (in
    /// bytes, as `selectivity` counts), then the smaller clause (each clause's key computed once).
    private static func sortedByQuality(_ clauses: [[Literal]]) -> [[Literal]] {
        guard clauses.count > 1 else { return clauses }
        let keyed = clauses.map { (clause: $0, selectivity: $0.map(selectivity).min() ?? 0) }
        return keyed.sorted { a, b in
            if a.selectivity != b.selectivity { return a.selectivity > b.selectivity }
            return a.clause.count < b.clause.count
        }.map(\.clause)
    }

    /// How rarely `literal` is likely to occur: its length in bytes, but a single character among
    /// the most frequent in Chinese counts as one byte (it occurs in most messages).
    private static func selectivity(_ literal: Literal) -> Int {
        if literal.count <= 4, let scalar = String(validating: literal, as: UTF8.self)?.unicodeScalars,
           scalar.count == 1, frequentCharacters.contains(scalar.first!) { return 1 }
        return literal.count
    }

    /// About two hundred of the most frequent characters of written Chinese, plus sentence particles.
    static let frequentCharacters: Set<Unicode.Scalar> = Set("的一是不了在人有我他这个们中来上大为和国地到以说时要就出会可也你对生能而子那得于着下自之年过发后作里用道行所然家种事成方多经么去法学如都同现当没动面起看定天分还进好小部其些主样理心她本前开但因只从想实日军者意无力它与长把机十民第公此已工使情明性知全三又关点正业外将两高间由问很最重并物手应战向头文体政美相见被利什二等产或新己制身果加西斯月话合回特代内信表化老给世位次度门任常先海通教儿原东声提立及比员吗呢吧啊嘛呀哦".unicodeScalars)

    private struct Parser {
        let s: [Unicode.Scalar]
        var i = 0
        var failed = false

        init(_ s: [Unicode.Scalar]) { self.s = s }

        var isAtEnd: Bool { i >= s.count }

        mutating func parseAlternation() -> Node? {
            var branches: [Node] = [parseSequence()]
            while !failed, i < s.count, s[i] == "|" {
                i += 1
                branches.append(parseSequence())
            }
            if failed { return nil }
            return branches.count == 1 ? branches[0] : .alternation(branches)
        }

        mutating func parseSequence() -> Node {
            var items: [Node] = []
            while !failed, i < s.count, s[i] != "|", s[i] != ")" {
                guard let atom = parseAtom() else { failed = true; break }
                items.append(applyQuantifier(to: atom))
            }
            return .sequence(items)
        }

        /// One atom, without its quantifier.
        mutating func parseAtom() -> Node? {
            let c = s[i]
            switch c {
            case "(":
                i += 1
                if i < s.count, s[i] == "?" {
                    // Non-capturing, named and lookaround groups are followed; anything else
                    // (inline options, comments, recursion, conditionals) gives up.
                    let next = i + 1 < s.count ? s[i + 1] : "?"
                    let after = i + 2 < s.count ? s[i + 2] : "?"
                    if next == ":" {
                        i += 2
                    } else if next == "=" || next == "!" || (next == "<" && (after == "=" || after == "!")) {
                        i += next == "<" ? 3 : 2
                        guard parseAlternation() != nil, i < s.count, s[i] == ")" else { return nil }
                        i += 1
                        return .zeroWidth
                    } else if next == "<" || (next == "P" && after == "<") {
                        while i < s.count, s[i] != ">" { i += 1 }
                        guard i < s.count else { return nil }
                        i += 1
                    } else if next == "'" {
                        i += 2
                        while i < s.count, s[i] != "'" { i += 1 }
                        guard i < s.count else { return nil }
                        i += 1
                    } else {
                        return nil
                    }
                } else if i < s.count, s[i] == "*" {
                    return nil  // (*VERB)
                }
                guard let inner = parseAlternation(), i < s.count, s[i] == ")" else { return nil }
                i += 1
                return .group(inner)
            case "[":
                let start = i
                guard skipClass() else { return nil }
                if let members = RequiredLiterals.members(ofClass: Array(s[start..<i])) { return .oneOf(members) }
                return .opaque
            case ".":
                i += 1
                return .opaque
            case "^":
                i += 1
                return .startAnchor
            case "$":
                i += 1
                return .zeroWidth
            case "\\":
                return parseEscape()
            case "*", "+", "?", "{":
                if c == "{", !isQuantifier(at: i) {
                    i += 1
                    return .literal(c)
                }
                return nil  // a quantifier with nothing to repeat
            default:
                i += 1
                return .literal(c)
            }
        }

        mutating func parseEscape() -> Node? {
            i += 1
            guard i < s.count else { return nil }
            let c = s[i]
            i += 1
            let isAlphanumeric = c.isASCII && (c.properties.isAlphabetic || ("0"..."9").contains(c))
            if !isAlphanumeric { return .literal(c) }  // \. \( \- ...
            switch c {
            case "Q", "E", "K", "g", "k", "c":
                return nil
            case "A":
                return .startAnchor
            case "b", "B", "z", "Z", "G":
                return .zeroWidth
            case "p", "P", "x", "o", "N":
                if i < s.count, s[i] == "{" {
                    while i < s.count, s[i] != "}" { i += 1 }
                    guard i < s.count else { return nil }
                    i += 1
                } else if c == "x" {
                    var n = 0
                    while n < 2, i < s.count, s[i].properties.isASCIIHexDigit { i += 1; n += 1 }
                } else if c == "p" || c == "P" {
                    guard i < s.count else { return nil }
                    i += 1
                }
                return .opaque
            default:
                if ("0"..."9").contains(c) { return nil }  // backreference or octal
                if c == "d" { return .digit }
                return .opaque  // \w \s \h \v \R \X \n \t ...
            }
        }

        mutating func skipClass() -> Bool {
            i += 1
            if i < s.count, s[i] == "^" { i += 1 }
            if i < s.count, s[i] == "]" { i += 1 }
            while i < s.count {
                switch s[i] {
                case "\\":
                    i += 2
                case "[" where i + 1 < s.count && (s[i + 1] == ":" || s[i + 1] == "." || s[i + 1] == "="):
                    let close = s[i + 1]
                    i += 2
                    while i + 1 < s.count, !(s[i] == close && s[i + 1] == "]") { i += 1 }
                    i += 2
                case "]":
                    i += 1
                    return true
                default:
                    i += 1
                }
            }
            return false
        }

        func isQuantifier(at j: Int) -> Bool {
            // {n} {n,} {n,m} {,m}
            var k = j + 1
            var digits = 0
            while k < s.count, ("0"..."9").contains(s[k]) { k += 1; digits += 1 }
            if k < s.count, s[k] == "," {
                k += 1
                while k < s.count, ("0"..."9").contains(s[k]) { k += 1; digits += 1 }
            }
            return digits > 0 && k < s.count && s[k] == "}"
        }

        /// Reads a quantifier after `atom`, if any, and says what the atom then guarantees.
        mutating func applyQuantifier(to atom: Node) -> Node {
            guard i < s.count else { return atom }
            var minimum: Int
            var maximum: Int?
            switch s[i] {
            case "?":
                minimum = 0
                maximum = 1
                i += 1
            case "*":
                minimum = 0
                i += 1
            case "+":
                minimum = 1
                i += 1
            case "{" where isQuantifier(at: i):
                i += 1
                var digits = ""
                while ("0"..."9").contains(s[i]) { digits.unicodeScalars.append(s[i]); i += 1 }
                minimum = Int(digits) ?? 0
                if s[i] == "}" {
                    maximum = minimum
                } else {
                    i += 1  // ,
                    var upper = ""
                    while ("0"..."9").contains(s[i]) { upper.unicodeScalars.append(s[i]); i += 1 }
                    maximum = Int(upper)
                }
                while s[i] != "}" { i += 1 }
                i += 1
            default:
                return atom
            }
            if i < s.count, s[i] == "?" || s[i] == "+" { i += 1 }  // lazy or possessive
            switch atom {
            case .zeroWidth, .startAnchor: return minimum == 0 ? .zeroWidth : atom
            default: break
            }
            if minimum == 0 { return maximum.map { $0 <= 1 } == true ? .optional(atom) : .opaque }
            if minimum == 1, maximum == 1 { return atom }
            return .repeated(atom)
        }
    }
}
