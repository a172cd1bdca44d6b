public import Casework
public import Foundation
import Rules
import Understanding

// Rendering and formatting shared by the dialogue.
extension Dialogue {
    func render(_ key: String, _ values: [String: String] = [:]) -> String { replies.render(key, values) }

    func itemTitle(_ ask: Ask) -> String { render("item_\(ask.rawValue)") }

    func filedValues(_ record: CaseRecord) -> [String: String] {
        [
            "number": record.number,
            "owner": record.ownerRole?.title ?? render("owner_pending"),
            "accept_within": record.acceptBy.map { Self.duration(from: record.filedAt, to: $0) } ?? render("owner_pending"),
            "resolve_within": record.resolveBy.map { Self.duration(from: record.filedAt, to: $0) } ?? render("owner_pending"),
        ]
    }

    func casePlace(_ place: Place) -> CasePlace {
        CasePlace(area: place.area, building: place.building, unit: place.unit, room: place.room)
    }

    /// `东区3栋2单元501 楼道`, or nil when nothing is known.
    public static func describe(_ place: CasePlace) -> String? {
        var out = place.area ?? ""
        if let building = place.building { out += "\(building)栋" }
        if let unit = place.unit { out += "\(unit)单元" }
        if let room = place.room { out += room.allSatisfy(\.isNumber) ? "\(room)室" : room }
        if let spot = place.spot, !out.contains(spot) { out += out.isEmpty ? spot : " " + spot }
        return out.isEmpty ? nil : out
    }

    /// `2小时`, `24小时`, `7天`: the time between two dates in the unit a resident expects.
    public static func duration(from start: Date, to end: Date) -> String {
        let hours = Int((end.timeIntervalSince(start) / 3600).rounded())
        if hours <= 48 && (hours < 24 || hours % 24 != 0 || hours == 24) { return "\(max(hours, 1))小时" }
        return "\(Int((Double(hours) / 24).rounded()))天"
    }

    /// Drops surrounding whitespace and trailing punctuation.
    static func trimmed(_ text: String) -> String {
        var scalars = Substring(trimmingSpaces(text)).unicodeScalars[...]
        while let last = scalars.last, trailingPunctuation.contains(last) { scalars.removeLast() }
        return String(scalars)
    }

    /// A correction without its lead-in: "是电动车堵在门口" -> "电动车堵在门口".
    static func droppingLeadIn(_ text: String) -> String {
        for lead in ["不对，", "不对,", "其实是", "应该是", "就是", "是"] where text.hasPrefix(lead) && text.count > lead.count + 2 {
            return String(text.dropFirst(lead.count))
        }
        return text
    }

    static let trailingPunctuation: Set<Unicode.Scalar> = ["。", ".", "!", "！", "?", "？", "~", "～", "，", ",", "、", ";", "；"]

    /// Without leading and trailing white space (ASCII, ideographic space, line breaks).
    static func trimmingSpaces(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        if first == scalars.startIndex && last == scalars.index(before: scalars.endIndex) { return text }
        return String(scalars[first...last])
    }
}
