import Yams

/// Reads one category file (discussable, non-discussable or emergency).
struct CategoryReader {
    let expectedID: String
    let expectedKind: CategoryKind

    static let keys: Set<String> = [
        "id", "kind", "title", "summary", "owners", "asks", "keywords", "patterns", "exclude",
        "subtopics", "examples", "explanation", "redirect",
    ]
    static let subtopicKeys: Set<String> = ["id", "title", "keywords", "patterns", "owners", "number", "advice"]

    func read(_ reader: inout YAMLReader) -> Category? {
        let root = reader.document.root
        guard let map = reader.mapping(root, allowedKeys: Self.keys, what: "a category file") else { return nil }
        let what = "a category file"
        let idNode = map["id"]
        let id = expectedID
        if let idNode, let value = reader.identifier(idNode, what: "id") {
            if value != expectedID {
                reader.error("id '\(value)' must equal the file name '\(expectedID)'", at: idNode)
            }
        } else if idNode == nil {
            reader.error("missing required key 'id' in \(what)", at: root)
        }
        if let kindNode = map["kind"] {
            if let value = reader.string(kindNode, what: "kind") {
                if let kind = CategoryKind(rawValue: value) {
                    if kind != expectedKind {
                        reader.error("kind '\(value)' does not match where the file is; expected '\(expectedKind.rawValue)'", at: kindNode)
                    }
                } else {
                    reader.error("unknown kind '\(value)'; expected discussable, non-discussable or emergency", at: kindNode)
                }
            }
        } else {
            reader.error("missing required key 'kind' in \(what)", at: root)
        }
        let title = reader.requiredString(map, "title", what: what) ?? id
        let summary = expectedKind == .emergency ? (reader.optionalString(map, "summary") ?? "") : (reader.requiredString(map, "summary", what: what) ?? "")
        let owners = map["owners"].map { reader.owners($0) } ?? []
        let asks: [Ask] = map["asks"].map { node in
            (reader.stringList(node, what: "asks", allowSingle: true) ?? []).compactMap { value, item in
                guard let ask = Ask(rawValue: value) else {
                    reader.error("unknown ask '\(value)'; expected one of: place, detail, since, households", at: item)
                    return nil
                }
                return ask
            }
        } ?? []
        let keywords = map["keywords"].map { reader.keywords($0) } ?? []
        let patterns = map["patterns"].map { reader.patterns($0, defaultWeight: 2, what: "patterns") } ?? []
        let exclusions = map["exclude"].map { reader.patterns($0, defaultWeight: 0, what: "exclude") } ?? []
        let subtopics = map["subtopics"].map { readSubtopics($0, &reader) } ?? []
        let examples = map["examples"].map { reader.examples($0, defaultLabel: id) } ?? []
        if examples.isEmpty {
            reader.error("no examples: add at least three under 'examples:', some of them negative", at: map.keyNode("examples") ?? root)
        }
        var explanation: String?
        var redirect: String?
        if expectedKind == .nonDiscussable {
            explanation = reader.requiredString(map, "explanation", what: "a non-discussable category file")
            redirect = reader.requiredString(map, "redirect", what: "a non-discussable category file")
        } else {
            for key in ["explanation", "redirect"] where map[key] != nil {
                reader.error("'\(key)' is only for non-discussable categories", at: map.keyNode(key))
            }
        }
        for example in examples {
            if let subtopic = example.subtopic, !subtopics.contains(where: { $0.id == subtopic }) {
                reader.report(reader.document.diagnostic(.error, "example names unknown sub-topic '\(subtopic)'", at: example.location ?? SourceLocation(file: reader.document.path, line: 1, column: 1)))
            }
        }
        return Category(
            id: id, kind: expectedKind, title: title, summary: summary, owners: owners, asks: asks,
            keywords: keywords, patterns: patterns, exclusions: exclusions, subtopics: subtopics,
            examples: examples, explanation: explanation, redirect: redirect, file: reader.document.path)
    }

    private func readSubtopics(_ node: Node, _ reader: inout YAMLReader) -> [Subtopic] {
        var out: [Subtopic] = []
        var seen: Set<String> = []
        for item in reader.sequence(node, what: "subtopics") ?? [] {
            guard let map = reader.mapping(item, allowedKeys: Self.subtopicKeys, what: "a sub-topic") else { continue }
            guard let idNode = map["id"] else { reader.error("missing required key 'id' in a sub-topic", at: item); continue }
            guard let id = reader.identifier(idNode, what: "sub-topic id") else { continue }
            if !seen.insert(id).inserted { reader.error("duplicate sub-topic id '\(id)'", at: idNode) }
            let title = reader.requiredString(map, "title", what: "a sub-topic") ?? id
            var number: String?
            var advice: String?
            if expectedKind == .emergency {
                number = reader.requiredString(map, "number", what: "an emergency sub-topic")
                advice = reader.requiredString(map, "advice", what: "an emergency sub-topic")
            } else {
                for key in ["number", "advice"] where map[key] != nil {
                    reader.error("'\(key)' is only for emergency sub-topics", at: map.keyNode(key))
                }
            }
            out.append(Subtopic(
                id: id, title: title,
                keywords: map["keywords"].map { reader.keywords($0) } ?? [],
                patterns: map["patterns"].map { reader.patterns($0, defaultWeight: 2, what: "patterns") } ?? [],
                owners: map["owners"].map { reader.owners($0) },
                number: number, advice: advice, location: reader.location(of: idNode)))
        }
        return out
    }
}
