/// The finite set of strings matched by a regular expression made only of literal characters,
/// groups (`(...)`, `(?:...)`), alternation and `?` after a character or group, such as
/// `(鸽子|鸟|狗|猫)(屎|粪)` or `开(个|一个)?小店`. Such a pattern matches a text exactly when one
/// of those strings occurs in it, so the literal matcher decides it and PCRE2 need not run.
///
/// Conservative: anything else (escapes, classes, anchors, `.`, other quantifiers, lazy `??`,
/// inline options, named groups), a string set larger than `limit`, or an empty string in the
/// set (the pattern would match everywhere) gives nil.
enum LiteralExpansion {
    static func strings(of regex: String, limit: Int = 64) -> [String]? {
        // Most patterns hold a class, a dot, an escape or a quantifier: refuse them in one pass.
        if regex.utf8.contains(where: { Self.refused[Int($0)] }) { return nil }
        var parser = Parser(scalars: Array(regex.unicodeScalars), limit: limit)
        guard let set = parser.alternation(), parser.position == parser.scalars.count, !set.isEmpty,
              !set.contains(where: \.isEmpty) else { return nil }
        var seen: Set<[Unicode.Scalar]> = []
        return set.filter { seen.insert($0).inserted }.map { String(String.UnicodeScalarView($0)) }
    }

    /// ASCII bytes that make a pattern more than a set of literals (`?` and `(` are parsed).
    private static let refused: [Bool] = (0..<256).map { "\\^$.[]{}*+".utf8.contains(UInt8($0)) }

    private struct Parser {
        let scalars: [Unicode.Scalar]
        let limit: Int
        var position = 0

        init(scalars: [Unicode.Scalar], limit: Int) {
            self.scalars = scalars
            self.limit = limit
        }

        /// Alternatives up to `)` or the end.
        mutating func alternation() -> [[Unicode.Scalar]]? {
            var out: [[Unicode.Scalar]] = []
            while true {
                guard let branch = sequence() else { return nil }
                out += branch
                if out.count > limit { return nil }
                guard position < scalars.count, scalars[position] == "|" else { return out }
                position += 1
            }
        }

        /// Atoms up to `|`, `)` or the end: their strings' cartesian product.
        mutating func sequence() -> [[Unicode.Scalar]]? {
            var product: [[Unicode.Scalar]] = [[]]
            while position < scalars.count, scalars[position] != "|", scalars[position] != ")" {
                guard var atom = self.atom() else { return nil }
                if position < scalars.count, scalars[position] == "?" {
                    position += 1
                    if position < scalars.count, "?+".unicodeScalars.contains(scalars[position]) { return nil }  // lazy, possessive
                    atom.append([])
                }
                var next: [[Unicode.Scalar]] = []
                for head in product {
                    for tail in atom { next.append(head + tail) }
                    if next.count > limit { return nil }
                }
                product = next
            }
            return product
        }

        mutating func atom() -> [[Unicode.Scalar]]? {
            let c = scalars[position]
            if c == "(" {
                position += 1
                if position < scalars.count, scalars[position] == "?" {
                    guard position + 1 < scalars.count, scalars[position + 1] == ":" else { return nil }
                    position += 2
                }
                guard let inner = alternation(), position < scalars.count, scalars[position] == ")" else { return nil }
                position += 1
                return inner
            }
            if "\\^$.[]{}*+?".unicodeScalars.contains(c) { return nil }
            position += 1
            return [[c]]
        }
    }
}
