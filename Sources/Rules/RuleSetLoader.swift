import Foundation

/// Reads a rules directory into a `RuleSet`, collecting every problem as a `Diagnostic`.
public struct RuleSetLoader {
    public let directory: URL
    /// How the directory is shown in diagnostics (`rules` in `rules/parking.yaml:3:1`).
    public let displayRoot: String

    public init(directory: URL, displayRoot: String? = nil) {
        self.directory = directory
        self.displayRoot = displayRoot ?? directory.relativePath
    }

    /// The rule set (possibly partial) and every problem of shape found.
    public func load() -> (RuleSet, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            return (RuleSet(categories: []), [Diagnostic(.error, "rules directory not found", at: SourceLocation(file: displayRoot, line: 1, column: 1))])
        }
        var settings = ClassifierSettings()
        if let doc = document("settings.yaml", &diagnostics) {
            var reader = YAMLReader(doc)
            settings = SettingsReader.read(&reader)
            diagnostics += reader.diagnostics
        }
        var emergency: Category?
        if let doc = document("emergency.yaml", &diagnostics) {
            var reader = YAMLReader(doc)
            emergency = CategoryReader(expectedID: "emergency", expectedKind: .emergency).read(&reader)
            diagnostics += reader.diagnostics
        }
        var moves: [Move] = []
        if let doc = document("moves.yaml", &diagnostics) {
            var reader = YAMLReader(doc)
            moves = MovesReader.read(&reader)
            diagnostics += reader.diagnostics
        }
        var categories: [Category] = []
        for kind in [CategoryKind.discussable, .nonDiscussable] {
            for name in yamlFiles(in: kind.rawValue) {
                guard let doc = document(kind.rawValue + "/" + name, &diagnostics) else { continue }
                var reader = YAMLReader(doc)
                if let category = CategoryReader(expectedID: String(name.dropLast(5)), expectedKind: kind).read(&reader) {
                    categories.append(category)
                }
                diagnostics += reader.diagnostics
            }
        }
        var ruleSet = RuleSet(categories: categories, emergency: emergency, moves: moves, settings: settings)
        ruleSet.hash = RuleSetHasher.hash(directory: directory)
        diagnostics += duplicateIDs(ruleSet)
        return (ruleSet, diagnostics)
    }

    /// Problems of the set as a whole: exactly the seven discussable and five non-discussable
    /// files with the ids of rules/README.md, and the emergency and moves files present.
    public func structuralDiagnostics(of ruleSet: RuleSet) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for kind in [CategoryKind.discussable, .nonDiscussable] {
            let required = RuleSet.requiredIDs[kind] ?? []
            let present = ruleSet.categories.filter { $0.kind == kind }
            let presentIDs = Set(present.map(\.id))
            let folder = "\(displayRoot)/\(kind.rawValue)"
            if present.count != required.count {
                diagnostics.append(Diagnostic(.error, "\(kind.rawValue)/ must hold exactly \(required.count) category files, found \(present.count)", at: SourceLocation(file: folder, line: 1, column: 1)))
            }
            for id in required where !presentIDs.contains(id) {
                diagnostics.append(Diagnostic(.error, "missing category file \(kind.rawValue)/\(id).yaml", at: SourceLocation(file: folder, line: 1, column: 1)))
            }
            for category in present where !required.contains(category.id) {
                diagnostics.append(Diagnostic(.error, "unexpected category '\(category.id)' in \(kind.rawValue)/; expected one of: \(required.joined(separator: ", "))", at: SourceLocation(file: category.file, line: 1, column: 1)))
            }
        }
        if ruleSet.emergency == nil, !exists("emergency.yaml") {
            diagnostics.append(Diagnostic(.error, "missing emergency.yaml", at: SourceLocation(file: displayRoot, line: 1, column: 1)))
        }
        if ruleSet.moves.isEmpty, !exists("moves.yaml") {
            diagnostics.append(Diagnostic(.error, "missing moves.yaml", at: SourceLocation(file: displayRoot, line: 1, column: 1)))
        }
        return diagnostics
    }

    private func exists(_ relative: String) -> Bool {
        FileManager.default.fileExists(atPath: directory.appendingPathComponent(relative).path)
    }

    private func document(_ relative: String, _ diagnostics: inout [Diagnostic]) -> YAMLDocument? {
        let url = directory.appendingPathComponent(relative)
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        let (doc, problems) = YAMLDocument.load(contentsOf: url, path: "\(displayRoot)/\(relative)")
        diagnostics += problems
        return doc
    }

    private func yamlFiles(in folder: String) -> [String] {
        let url = directory.appendingPathComponent(folder)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
        return names.filter { $0.hasSuffix(".yaml") }.sorted()
    }

    private func duplicateIDs(_ ruleSet: RuleSet) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var seen: [String: String] = [:]
        for category in ruleSet.allCategories {
            if let other = seen[category.id] {
                diagnostics.append(Diagnostic(.error, "duplicate category id '\(category.id)' (also in \(other))", at: SourceLocation(file: category.file, line: 1, column: 1)))
            }
            seen[category.id] = category.file
        }
        return diagnostics
    }
}
