import Foundation

/// Reads the learned layer's examples: a TSV with a header naming at least the columns `text`
/// and `label` (the format of `shangliang eval`), one message a line.
enum LearnedExamplesReader {
    /// The examples of `path` (relative to `directory`), with a diagnostic for every problem:
    /// a missing file or column, a line without a label, a label no rule file defines.
    static func read(
        _ path: String, in directory: URL, displayRoot: String, knownLabels: Set<String>
    ) -> ([LearnedExample], [Diagnostic]) {
        let shown = "\(displayRoot)/\(path)"
        guard let data = FileManager.default.contents(atPath: directory.appendingPathComponent(path).path) else {
            return ([], [Diagnostic(.error, "learned_examples: file '\(path)' not found", at: SourceLocation(file: "\(displayRoot)/settings.yaml", line: 1, column: 1))])
        }
        // Split by bytes: a few thousand lines, read at every rule load.
        let bytes = [UInt8](data)
        var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
        if lines.last?.isEmpty == true { lines.removeLast() }
        func fields(_ line: ArraySlice<UInt8>) -> [ArraySlice<UInt8>] {
            let trimmed = line.last == 0x0D ? line.dropLast() : line
            return trimmed.split(separator: 0x09, omittingEmptySubsequences: false)
        }
        let header = lines.first.map { fields($0).map { String(decoding: $0, as: UTF8.self).trimmingCharacters(in: .whitespaces) } } ?? []
        guard let textColumn = header.firstIndex(of: "text"), let labelColumn = header.firstIndex(of: "label") else {
            return ([], [Diagnostic(.error, "the header must name the columns 'text' and 'label' (tab-separated)", at: SourceLocation(file: shown, line: 1, column: 1))])
        }
        var examples: [LearnedExample] = []
        examples.reserveCapacity(lines.count)
        var diagnostics: [Diagnostic] = []
        for (index, line) in lines.enumerated().dropFirst() {
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
            let columns = fields(line)
            let location = SourceLocation(file: shown, line: index + 1, column: 1)
            guard columns.count > max(textColumn, labelColumn) else {
                diagnostics.append(Diagnostic(.error, "expected \(header.count) tab-separated columns, found \(columns.count)", at: location))
                continue
            }
            let label = String(decoding: columns[labelColumn], as: UTF8.self).trimmingCharacters(in: .whitespaces)
            guard knownLabels.contains(label) else {
                diagnostics.append(Diagnostic(.error, "unknown label '\(label)': expected a category id, 'emergency' or 'none'", at: location))
                continue
            }
            examples.append(LearnedExample(text: String(decoding: columns[textColumn], as: UTF8.self), label: label))
        }
        return (examples, diagnostics)
    }
}
