import Foundation

/// Case numbers residents type: `2026-0012` (the year, then a counter per year, at least four digits).
public enum CaseNumber {
    /// "2026-0012".
    public static func format(year: Int, serial: Int) -> String {
        String(format: "%04d-%04d", year, serial)
    }

    /// The year and counter of a number; nil when it is not one.
    public static func parse(_ text: String) -> (year: Int, serial: Int)? {
        let parts = text.split(separator: "-")
        guard parts.count == 2, parts[0].count == 4, (1...5).contains(parts[1].count),
            parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            let year = Int(parts[0]), let serial = Int(parts[1])
        else { return nil }
        return (year, serial)
    }

    /// The next number of `year`, after the highest of `existing` in that year.
    public static func next(after existing: some Sequence<String>, year: Int) -> String {
        let highest = existing.compactMap(parse).filter { $0.year == year }.map(\.serial).max() ?? 0
        return format(year: year, serial: highest + 1)
    }
}
