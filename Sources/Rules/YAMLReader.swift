public import Yams

/// Reads typed values out of a `YAMLDocument`, collecting a `Diagnostic` for every problem
/// instead of stopping at the first one. Loaders of rule files share it.
///
/// ```swift
/// var reader = YAMLReader(document)
/// if let map = reader.mapping(document.root, allowedKeys: ["id", "title"], what: "category file") {
///     let title = reader.requiredString(map, "title", in: document.root)
/// }
/// let problems = reader.diagnostics
/// ```
public struct YAMLReader {
    public let document: YAMLDocument
    /// Every problem found so far, in the order found.
    public private(set) var diagnostics: [Diagnostic] = []

    public init(_ document: YAMLDocument) {
        self.document = document
    }

    /// True when at least one error was reported.
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    /// Records an error at `node`.
    public mutating func error(_ message: String, at node: Node?, columnOffset: Int = 0) {
        diagnostics.append(document.diagnostic(.error, message, at: node, columnOffset: columnOffset))
    }

    /// Records a diagnostic built elsewhere.
    public mutating func report(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
    }

    /// Where `node` is.
    public func location(of node: Node?) -> SourceLocation { document.location(of: node) }

    /// The entries of a mapping keyed by their string keys, in file order.
    /// Reports a non-mapping, non-string keys and keys outside `allowedKeys` (when given).
    public mutating func mapping(_ node: Node?, allowedKeys: Set<String>? = nil, what: String) -> KeyedNodes? {
        guard let node else { error("\(what) is empty: expected a mapping", at: nil); return nil }
        guard case let .mapping(mapping) = node else {
            error("\(what) must be a mapping (key: value)", at: node)
            return nil
        }
        var keyed = KeyedNodes(node: node)
        for (key, value) in mapping {
            guard let name = key.scalar?.string else { error("keys of \(what) must be strings", at: key); continue }
            if let allowedKeys, !allowedKeys.contains(name) {
                error("unknown key '\(name)' in \(what); expected one of: \(allowedKeys.sorted().joined(separator: ", "))", at: key)
                continue
            }
            keyed.append(key: name, keyNode: key, value: value)
        }
        return keyed
    }

    /// The items of a sequence; reports anything else.
    public mutating func sequence(_ node: Node, what: String) -> [Node]? {
        guard case let .sequence(sequence) = node else {
            error("\(what) must be a list", at: node)
            return nil
        }
        return Array(sequence)
    }

    /// A scalar as a string; reports lists, mappings and empty values.
    public mutating func string(_ node: Node, what: String, allowEmpty: Bool = false) -> String? {
        guard case let .scalar(scalar) = node else {
            error("\(what) must be a single value, not a list or mapping", at: node)
            return nil
        }
        if scalar.string.isEmpty && !allowEmpty {
            error("\(what) is empty", at: node)
            return nil
        }
        return scalar.string
    }

    /// A number (integer or decimal).
    public mutating func number(_ node: Node, what: String) -> Double? {
        guard case let .scalar(scalar) = node, scalar.style == .plain, let value = Double(scalar.string), value.isFinite else {
            error("\(what) must be a number", at: node)
            return nil
        }
        return value
    }

    /// A list of strings; a single scalar is accepted as a one-item list when `allowSingle`.
    public mutating func stringList(_ node: Node, what: String, allowSingle: Bool = false) -> [(value: String, node: Node)]? {
        if allowSingle, case .scalar = node {
            return string(node, what: what).map { [($0, node)] }
        }
        guard let items = sequence(node, what: what) else { return nil }
        return items.compactMap { item in string(item, what: "an item of \(what)").map { ($0, item) } }
    }

    /// The value of a required key as a string; reports it when missing.
    public mutating func requiredString(_ map: KeyedNodes, _ key: String, what: String) -> String? {
        guard let value = map[key] else {
            error("missing required key '\(key)' in \(what)", at: map.node)
            return nil
        }
        return string(value, what: "'\(key)'")
    }

    /// The value of an optional key as a string.
    public mutating func optionalString(_ map: KeyedNodes, _ key: String) -> String? {
        map[key].flatMap { string($0, what: "'\(key)'") }
    }
}

/// The entries of one YAML mapping, by string key, keeping their nodes for positions.
public struct KeyedNodes {
    /// The mapping node itself.
    public let node: Node
    /// Keys in file order.
    public private(set) var keys: [String] = []
    private var values: [String: Node] = [:]
    private var keyNodes: [String: Node] = [:]

    init(node: Node) { self.node = node }

    mutating func append(key: String, keyNode: Node, value: Node) {
        if values[key] == nil { keys.append(key) }
        values[key] = value
        keyNodes[key] = keyNode
    }

    /// The value node for `key`.
    public subscript(key: String) -> Node? { values[key] }

    /// The key node for `key` (for positions of key-level problems).
    public func keyNode(_ key: String) -> Node? { keyNodes[key] }

    /// Entries in file order.
    public var entries: [(key: String, keyNode: Node, value: Node)] {
        keys.map { ($0, keyNodes[$0]!, values[$0]!) }
    }
}
