import Yams

/// Reads `moves.yaml`.
enum MovesReader {
    static func read(_ reader: inout YAMLReader) -> [Move] {
        let root = reader.document.root
        guard let map = reader.mapping(root, allowedKeys: ["kind", "moves"], what: "moves.yaml") else { return [] }
        if let kindNode = map["kind"], let kind = reader.string(kindNode, what: "kind"), kind != "moves" {
            reader.error("kind must be 'moves'", at: kindNode)
        }
        guard let movesNode = map["moves"] else {
            reader.error("missing required key 'moves' in moves.yaml", at: root)
            return []
        }
        var moves: [Move] = []
        var seen: Set<String> = []
        for item in reader.sequence(movesNode, what: "moves") ?? [] {
            guard let move = reader.mapping(item, allowedKeys: ["id", "title", "keywords", "patterns", "examples"], what: "a move") else { continue }
            guard let idNode = move["id"] else { reader.error("missing required key 'id' in a move", at: item); continue }
            guard let id = reader.identifier(idNode, what: "move id") else { continue }
            if !seen.insert(id).inserted { reader.error("duplicate move id '\(id)'", at: idNode) }
            moves.append(Move(
                id: id,
                title: reader.requiredString(move, "title", what: "a move") ?? id,
                keywords: move["keywords"].map { reader.keywords($0) } ?? [],
                patterns: move["patterns"].map { reader.patterns($0, defaultWeight: 2, what: "patterns") } ?? [],
                examples: move["examples"].map { reader.examples($0, defaultLabel: id) } ?? [],
                location: reader.location(of: idNode)))
        }
        if !moves.isEmpty, moves.allSatisfy({ $0.examples.isEmpty }) {
            reader.error("no examples: give the moves examples", at: movesNode)
        }
        return moves
    }
}
