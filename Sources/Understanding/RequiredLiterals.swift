/// Derives, from a regular expression, literals of which at least one must occur in any text
/// the expression matches; used as a prefilter in front of PCRE2. Conservative: whenever the
/// expression holds something this reader does not follow (inline options, lookarounds,
/// backreferences, \Q...\E), or some alternative has no mandatory literal, it returns nil and the
/// pattern runs on every message.
enum RequiredLiterals {
    /// The literals (any one of them occurs in every match), or nil.
    static func derive(from regex: String) -> [String]? {
        var parser = Parser(Array(regex.unicodeScalars))
        guard let node = parser.parseAlternation(), parser.isAtEnd, !parser.failed else { return nil }
        return required(node).map { Array(Set($0)).sorted() }
    }

    /// A parsed expression, reduced to what matters here.
    indirect enum Node {
        case alternation([Node])
        case sequence([Node])
        case literal(Unicode.Scalar)
        /// Consumes something we do not follow (class, dot, escape, optional part).
        case opaque
        /// Mandatory group.
        case group(Node)
        /// Zero-width (anchor, lookaround): neither consumes nor breaks the sequence's literals
        /// in a way we can rely on.
        case zeroWidth
        /// Repeated at least once: contents mandatory, but not contiguous with neighbours.
        case repeated(Node)
    }

    private static func required(_ node: Node) -> [String]? {
        switch node {
        case .alternation(let branches):
            var all: [String] = []
            for branch in branches {
                guard let literals = required(branch) else { return nil }
                all += literals
            }
            return all
        case .sequence(let items):
            var candidates: [[String]] = []
            var run = String.UnicodeScalarView()
            func flush() {
                if !run.isEmpty { candidates.append([String(run)]) }
                run = String.UnicodeScalarView()
            }
            for item in items {
                switch item {
                case .literal(let scalar):
                    run.append(scalar)
                case .group(let inner) where pureLiteral(inner) != nil:
                    run.append(contentsOf: pureLiteral(inner)!.unicodeScalars)
                case .repeated(let inner) where pureLiteral(inner) != nil:
                    // x+: one x is contiguous with what precedes, the last one with what follows.
                    let literal = pureLiteral(inner)!
                    run.append(contentsOf: literal.unicodeScalars)
                    flush()
                    run.append(contentsOf: literal.unicodeScalars)
                case .group(let inner), .repeated(let inner):
                    flush()
                    if let literals = required(inner) { candidates.append(literals) }
                default:
                    flush()
                }
            }
            flush()
            return candidates.max { better($1, than: $0) }
        case .literal(let scalar):
            return [String(scalar)]
        case .group(let inner), .repeated(let inner):
            return required(inner)
        case .opaque, .zeroWidth:
            return nil
        }
    }

    /// The text of a node made only of literals (and groups of literals), or nil.
    private static func pureLiteral(_ node: Node) -> String? {
        switch node {
        case .literal(let scalar):
            return String(scalar)
        case .group(let inner):
            return pureLiteral(inner)
        case .sequence(let items) where !items.isEmpty:
            var out = ""
            for item in items {
                guard let part = pureLiteral(item) else { return nil }
                out += part
            }
            return out
        default:
            return nil
        }
    }

    /// Prefers the set whose shortest literal is longest (in bytes), then the smaller set.
    private static func better(_ a: [String], than b: [String]) -> Bool {
        let ma = a.map(\.utf8.count).min() ?? 0, mb = b.map(\.utf8.count).min() ?? 0
        if ma != mb { return ma > mb }
        return a.count < b.count
    }

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
                return skipClass() ? .opaque : nil
            case ".":
                i += 1
                return .opaque
            case "^", "$":
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
            case "b", "B", "A", "z", "Z", "G":
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
                return .opaque  // \d \w \s \h \v \R \X \n \t ...
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
            switch s[i] {
            case "?", "*":
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
                while s[i] != "}" { i += 1 }
                i += 1
            default:
                return atom
            }
            if i < s.count, s[i] == "?" || s[i] == "+" { i += 1 }  // lazy or possessive
            if minimum == 0 { return .opaque }
            if case .zeroWidth = atom { return .zeroWidth }
            return .repeated(atom)
        }
    }
}
