public import Yams

extension YAMLReader {
    /// `keywords:` as a mapping `{word: weight}` or a list of words (weight 1 each) or of
    /// one-entry mappings.
    public mutating func keywords(_ node: Node) -> [Keyword] {
        var out: [Keyword] = []
        switch node {
        case .mapping:
            guard let map = mapping(node, what: "keywords") else { return [] }
            for (word, keyNode, value) in map.entries {
                guard !word.isEmpty else { error("empty keyword", at: keyNode); continue }
                if let weight = number(value, what: "the weight of keyword '\(word)'") {
                    out.append(Keyword(word, weight: weight, location: location(of: keyNode)))
                }
            }
        case .sequence:
            for item in sequence(node, what: "keywords") ?? [] {
                if case .mapping = item {
                    out += keywords(item)
                } else if let word = string(item, what: "a keyword") {
                    out.append(Keyword(word, weight: 1, location: location(of: item)))
                }
            }
        default:
            error("keywords must be a mapping (word: weight) or a list of words", at: node)
        }
        return out
    }

    /// `patterns:` or `exclude:`: a list of regexes (weight `defaultWeight`) or of mappings
    /// `{regex, weight, why}`.
    public mutating func patterns(_ node: Node, defaultWeight: Double, what: String) -> [PatternRule] {
        var out: [PatternRule] = []
        for item in sequence(node, what: what) ?? [] {
            if case .mapping = item {
                guard let map = mapping(item, allowedKeys: ["regex", "weight", "why"], what: "a pattern") else { continue }
                guard let regexNode = map["regex"] else { error("missing required key 'regex' in a pattern", at: item); continue }
                let weight = map["weight"].flatMap { number($0, what: "'weight'") } ?? defaultWeight
                let why = optionalString(map, "why")
                if let rule = pattern(regexNode, weight: weight, why: why) { out.append(rule) }
            } else if let rule = pattern(item, weight: defaultWeight, why: nil) {
                out.append(rule)
            }
        }
        return out
    }

    private mutating func pattern(_ node: Node, weight: Double, why: String?) -> PatternRule? {
        guard let regex = string(node, what: "a pattern") else { return nil }
        let quoted = node.scalar.map { $0.style == .singleQuoted || $0.style == .doubleQuoted } ?? false
        return PatternRule(regex, weight: weight, why: why, location: location(of: node), valueColumnOffset: quoted ? 1 : 0)
    }

    /// `examples:`: a list of mappings `{text, label, subtopic}` or of bare texts.
    public mutating func examples(_ node: Node, defaultLabel: String) -> [RuleExample] {
        var out: [RuleExample] = []
        for item in sequence(node, what: "examples") ?? [] {
            if case .mapping = item {
                guard let map = mapping(item, allowedKeys: ["text", "label", "subtopic"], what: "an example") else { continue }
                guard let text = requiredString(map, "text", what: "an example") else { continue }
                let label = optionalString(map, "label") ?? defaultLabel
                out.append(RuleExample(text: text, label: label, subtopic: optionalString(map, "subtopic"), location: location(of: map["text"])))
            } else if let text = string(item, what: "an example") {
                out.append(RuleExample(text: text, label: defaultLabel, location: location(of: item)))
            }
        }
        return out
    }

    /// A list of owner roles; reports unknown ones.
    public mutating func owners(_ node: Node) -> [OwnerRole] {
        (stringList(node, what: "owners", allowSingle: true) ?? []).compactMap { value, item in
            guard let role = OwnerRole(rawValue: value) else {
                error("unknown owner role '\(value)'; expected one of: \(OwnerRole.allCases.map(\.rawValue).joined(separator: ", "))", at: item)
                return nil
            }
            return role
        }
    }

    /// An identifier: lower-case ASCII letters, digits and hyphens.
    public mutating func identifier(_ node: Node, what: String) -> String? {
        guard let id = string(node, what: what) else { return nil }
        let valid = id.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" }
        if !valid { error("\(what) '\(id)' must use only a-z, 0-9, '-' and '_'", at: node) }
        return id
    }
}
