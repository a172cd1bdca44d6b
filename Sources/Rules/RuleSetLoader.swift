import Dispatch
import Foundation
import Synchronization

/// Reads a rules directory into a `RuleSet`, collecting every problem as a `Diagnostic`.
public struct RuleSetLoader: Sendable {
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
        // Every file is read and checked on its own, on all cores (YAML parsing is most of the
        // time spent loading rules); the results are put together in a fixed order.
        enum FileResult: Sendable {
            case settings(ClassifierSettings)
            case emergency(Category?)
            case moves([Move])
            case category(Category?)
        }
        var jobs: [(path: String, read: @Sendable (inout YAMLReader) -> FileResult)] = [
            ("settings.yaml", { .settings(SettingsReader.read(&$0)) }),
            ("emergency.yaml", { .emergency(CategoryReader(expectedID: "emergency", expectedKind: .emergency).read(&$0)) }),
            ("moves.yaml", { .moves(MovesReader.read(&$0)) }),
        ]
        for kind in [CategoryKind.discussable, .nonDiscussable] {
            for name in yamlFiles(in: kind.rawValue) {
                let id = String(name.dropLast(5))
                jobs.append((kind.rawValue + "/" + name, { .category(CategoryReader(expectedID: id, expectedKind: kind).read(&$0)) }))
            }
        }
        let results = Mutex([(FileResult?, [Diagnostic])](repeating: (nil, []), count: jobs.count))
        let loader = self
        let work = jobs
        DispatchQueue.concurrentPerform(iterations: work.count) { i in
            var problems: [Diagnostic] = []
            var result: FileResult?
            if let doc = loader.document(work[i].path, &problems) {
                var reader = YAMLReader(doc)
                result = work[i].read(&reader)
                problems += reader.diagnostics
            }
            let done = (result, problems)
            results.withLock { $0[i] = done }
        }
        var settings = ClassifierSettings()
        var emergency: Category?
        var moves: [Move] = []
        var categories: [Category] = []
        for (result, problems) in results.withLock({ $0 }) {
            diagnostics += problems
            switch result {
            case .settings(let value): settings = value
            case .emergency(let value): emergency = value
            case .moves(let value): moves = value
            case .category(let value): if let value { categories.append(value) }
            case nil: break
            }
        }
        var ruleSet = RuleSet(categories: categories, emergency: emergency, moves: moves, settings: settings)
        if let path = settings.learnedExamples {
            let labels = Set(ruleSet.allCategories.map(\.id) + ["emergency", "none"])
            let (examples, problems) = LearnedExamplesReader.read(path, in: directory, displayRoot: displayRoot, knownLabels: labels)
            ruleSet.learnedExamples = examples
            diagnostics += problems
        }
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
            let present = yamlFiles(in: kind.rawValue).map { String($0.dropLast(5)) }
            let folder = "\(displayRoot)/\(kind.rawValue)"
            if present.count != required.count {
                diagnostics.append(Diagnostic(.error, "\(kind.rawValue)/ must hold exactly \(required.count) category files, found \(present.count)", at: SourceLocation(file: folder, line: 1, column: 1)))
            }
            for id in required where !present.contains(id) {
                diagnostics.append(Diagnostic(.error, "missing category file \(kind.rawValue)/\(id).yaml", at: SourceLocation(file: folder, line: 1, column: 1)))
            }
            for id in present where !required.contains(id) {
                diagnostics.append(Diagnostic(.error, "unexpected category file '\(id).yaml' in \(kind.rawValue)/; expected one of: \(required.joined(separator: ", "))", at: SourceLocation(file: "\(folder)/\(id).yaml", line: 1, column: 1)))
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

    /// The text of the line `location` points at, when it is in one of this directory's files.
    public func sourceLine(at location: SourceLocation) -> String? {
        let prefix = displayRoot + "/"
        guard location.file.hasPrefix(prefix) else { return nil }
        let url = directory.appendingPathComponent(String(location.file.dropFirst(prefix.count)))
        guard let data = FileManager.default.contents(atPath: url.path) else { return nil }
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        guard location.line >= 1, location.line <= lines.count else { return nil }
        var line = String(lines[location.line - 1])
        if line.hasSuffix("\r") { line.removeLast() }
        return line
    }

    /// Examples whose expected label or sub-topic names nothing in the rule set.
    public func exampleDiagnostics(of ruleSet: RuleSet) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        // Ids of files that did not parse still count, so one broken file does not cascade.
        var labels = Set(ruleSet.allCategories.map(\.id) + ["none", "emergency"])
        for kind in [CategoryKind.discussable, .nonDiscussable] {
            labels.formUnion(RuleSet.requiredIDs[kind] ?? [])
            labels.formUnion(yamlFiles(in: kind.rawValue).map { String($0.dropLast(5)) })
        }
        for category in ruleSet.allCategories {
            for example in category.examples where !labels.contains(example.label) {
                diagnostics.append(diagnostic("example label '\(example.label)' is not a category id, 'emergency' or 'none'", at: example.location, file: category.file))
            }
            for example in category.examples {
                if let subtopic = example.subtopic, let target = ruleSet.category(example.label), target.id != category.id, target.subtopic(subtopic) == nil {
                    diagnostics.append(diagnostic("example sub-topic '\(subtopic)' is not a sub-topic of '\(target.id)'", at: example.location, file: category.file))
                }
            }
        }
        let moveIDs = Set(ruleSet.moves.map(\.id) + ["none"])
        for move in ruleSet.moves {
            for example in move.examples where !moveIDs.contains(example.label) {
                diagnostics.append(diagnostic("example label '\(example.label)' is not a move id or 'none'", at: example.location, file: displayRoot + "/moves.yaml"))
            }
        }
        return diagnostics
    }

    private func diagnostic(_ message: String, at location: SourceLocation?, file: String) -> Diagnostic {
        let location = location ?? SourceLocation(file: file, line: 1, column: 1)
        return Diagnostic(.error, message, at: location, sourceLine: sourceLine(at: location))
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
