import Foundation

/// The identity of a rule set: `sha256:<hex>` over the bytes of every `.yaml` and `.tsv` file
/// (the learned layer's examples) under the directory, concatenated in sorted relative-path order.
public enum RuleSetHasher {
    /// The hash of the `.yaml` and `.tsv` files under `directory`.
    public static func hash(directory: URL) -> String {
        var hasher = SHA256()
        for path in yamlPaths(under: directory) {
            if let data = FileManager.default.contents(atPath: directory.appendingPathComponent(path).path) {
                hasher.update(data)
            }
        }
        return "sha256:" + SHA256.hex(hasher.finalize())
    }

    /// Relative paths of the `.yaml` and `.tsv` files under `directory`, sorted.
    public static func yamlPaths(under directory: URL) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: directory.path) else { return [] }
        var paths: [String] = []
        while let path = enumerator.nextObject() as? String {
            if path.hasSuffix(".yaml") || path.hasSuffix(".yml") || path.hasSuffix(".tsv") { paths.append(path) }
        }
        return paths.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
    }
}
