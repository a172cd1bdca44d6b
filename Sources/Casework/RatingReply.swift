import Foundation

/// Reads a resident's verdict from a chat message after a case was resolved (评效果):
/// `满意`, `基本满意，挺快的`, `不满意 根本没修好`. Pure; the caller decides which case it is for.
public enum RatingReply {
    /// Leading words and the verdict they stand for, longest first so that 不满意 is not read as 满意.
    static let words: [(String, Rating)] = [
        ("非常不满意", .unsatisfied), ("很不满意", .unsatisfied), ("不太满意", .unsatisfied), ("不满意", .unsatisfied),
        ("基本满意", .basicallySatisfied), ("比较满意", .basicallySatisfied), ("还算满意", .basicallySatisfied),
        ("非常满意", .satisfied), ("很满意", .satisfied), ("满意", .satisfied),
        ("差评", .unsatisfied), ("好评", .satisfied), ("还行", .basicallySatisfied), ("还可以", .basicallySatisfied),
        ("一般", .basicallySatisfied),
    ]

    static let separators: Set<Character> = Set("」”\"，,。.！!：:；;、~～")

    /// The verdict and the optional comment after it, or nil when the message does not start
    /// with a verdict (then it is not a rating).
    public static func parse(_ text: String) -> (rating: Rating, comment: String?)? {
        let trimmed = text.drop { $0.isWhitespace || "「“\"".contains($0) }
        for (word, rating) in words where trimmed.hasPrefix(word) {
            var rest = trimmed.dropFirst(word.count)
            rest = rest.drop { "的了啊吧呀哈".contains($0) }
            // "不满意物业的服务……" is a complaint, not a verdict: the word must stand alone.
            guard rest.isEmpty || rest.first!.isWhitespace || Self.separators.contains(rest.first!) else { return nil }
            rest = rest.drop { $0.isWhitespace || Self.separators.contains($0) }
            var comment = String(rest).trimmingCharacters(in: .whitespacesAndNewlines)
            while let last = comment.last, "。.！!~～".contains(last) { comment.removeLast() }
            return (rating, comment.isEmpty ? nil : comment)
        }
        return nil
    }
}
