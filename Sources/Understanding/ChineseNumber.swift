/// Numbers as residents write them: `12`, `十二`, `二十三`, `一百零五`, `两`, `三〇一`.
public enum ChineseNumber {
    private static let digits: [Character: Int] = [
        "零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
    ]

    /// The value of `text` (ASCII digits or Chinese numerals up to 9999), or nil.
    public static func value(of text: some StringProtocol) -> Int? {
        if text.isEmpty { return nil }
        if text.allSatisfy(\.isASCII), let value = Int(text) { return value }
        let characters = Array(text)
        // Digit by digit (三〇一 = 301) when there is no unit character.
        if !characters.contains(where: { "十百千".contains($0) }) {
            var value = 0
            for c in characters {
                guard let d = digits[c] else { return nil }
                value = value * 10 + d
            }
            return value
        }
        var total = 0
        var current: Int?
        for c in characters {
            if let d = digits[c] {
                current = d
            } else if let unit = ["十": 10, "百": 100, "千": 1000][c] {
                total += (current ?? 1) * unit
                current = nil
            } else {
                return nil
            }
        }
        return total + (current ?? 0)
    }
}
