import Foundation

/// A readable line diff between an expected and an actual transcript (`-` expected, `+` actual),
/// with a few lines of context around each change.
public enum TerminalTranscriptDiff {
    /// The diff, or nil when the texts are equal (ignoring trailing spaces and the final newline).
    public static func diff(expected: String, actual: String, context: Int = 2) -> String? {
        let a = lines(expected)
        let b = lines(actual)
        guard a != b else { return nil }
        // Longest common subsequence table (transcripts are small).
        var lcs = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : max(lcs[i + 1][j], lcs[i][j + 1])
            }
        }
        var ops: [(Character, String, Int)] = []  // (" " / "-" / "+", text, expected line number)
        var i = 0
        var j = 0
        while i < a.count || j < b.count {
            if i < a.count, j < b.count, a[i] == b[j] {
                ops.append((" ", a[i], i + 1))
                i += 1
                j += 1
            } else if j < b.count, i == a.count || lcs[i][j + 1] >= lcs[i + 1][j] {
                ops.append(("+", b[j], i + 1))
                j += 1
            } else {
                ops.append(("-", a[i], i + 1))
                i += 1
            }
        }
        var show = Array(repeating: false, count: ops.count)
        for (index, op) in ops.enumerated() where op.0 != " " {
            for k in max(0, index - context)...min(ops.count - 1, index + context) { show[k] = true }
        }
        var out: [String] = []
        var lastShown = -2
        for (index, op) in ops.enumerated() where show[index] {
            if index != lastShown + 1 { out.append("@@ line \(op.2) @@") }
            out.append("\(op.0) \(op.1)")
            lastShown = index
        }
        return out.joined(separator: "\n")
    }

    static func lines(_ text: String) -> [String] {
        var lines = text.components(separatedBy: "\n").map { line -> String in
            var line = line
            while line.last == " " || line.last == "\r" { line.removeLast() }
            return line
        }
        while lines.last == "" { lines.removeLast() }
        return lines
    }
}
