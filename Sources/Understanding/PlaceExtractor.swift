/// Finds where a message says the matter is (area, building, unit, room) and any case numbers,
/// in normalised text. Numbers become digits whatever form was used: 3栋, 三号楼, 3#, 3幢,
/// 3-2-501, 东区7幢, 五单元, 十二栋, 二十三号楼, 3栋2单元501.
public enum PlaceExtractor {
    private static let number = "(\\d{1,3}|[零〇一二两三四五六七八九十百]{1,5})"
    private static let notAfterNumber = "(?<![\\d零〇一二两三四五六七八九十百])"

    /// 3-2-501: building, unit, room.
    private static let triple = try! PCREPattern("(?<![\\d-])(\\d{1,3})-(\\d{1,2})-(\\d{2,4})(?![\\d-])")
    /// 12-301: building, room.
    private static let pair = try! PCREPattern("(?<![\\d-])(\\d{1,3})-(\\d{3,4})(?![\\d-])")
    /// 3栋, 三号楼, 3#, 3幢, 3座. Not counts or questions: 两栋楼, 哪一栋, 这一栋, 每栋, 几栋, and
    /// not a count of buildings in words after 管/共/有 (一个人管五栋楼, 一共有六栋楼).
    private static let building = try! PCREPattern(
        "(?<![\\d零〇一二两三四五六七八九十百哪几每这那整同多好])(\\d{1,3}|(?!两 ?(?:栋|幢|座))"
            + "(?:(?<![管共有])|(?![零〇一二两三四五六七八九十百]{1,5} ?(?:栋|幢)楼))[零〇一二两三四五六七八九十百]{1,5})"
            + " ?(?:号楼|栋|幢|#|号?座)")
    /// 五单元, 2单元.
    private static let unit = try! PCREPattern(notAfterNumber + number + " ?单元")
    /// A room after a building or unit (3栋501, 2单元501室), or a number followed by 室.
    private static let room = try! PCREPattern("(?:单元|栋|幢|#|号楼) ?(\\d{3,4})(?![\\d])|(?<![\\d-])(\\d{3,4}) ?(?:室|房间)")
    /// 东区, 北苑, a区.
    private static let area = try! PCREPattern("([东西南北中][区苑院]|(?<![a-z])[a-z]区)")
    /// 2026-0012.
    private static let caseNumber = try! PCREPattern("(?<![\\d-])(20\\d{2}-\\d{3,6})(?![\\d-])")

    private enum Marker {
        static let number: UInt8 = 1, dash: UInt8 = 2, building: UInt8 = 4, unit: UInt8 = 8, room: UInt8 = 16, area: UInt8 = 32
        /// What precedes 区 in an area: a direction or a Latin letter.
        static let areaPrefix: UInt8 = 64
    }

    /// Per BMP scalar: the `Marker` bits of the characters that announce a place.
    private static let markerTable: [UInt8] = {
        var table = [UInt8](repeating: 0, count: 0x10000)
        let classes: [(String, UInt8)] = [
            ("0123456789零〇一二两三四五六七八九十百", Marker.number), ("-", Marker.dash),
            // 号 rather than 楼: every building form (号楼, 栋, 幢, #, 座) and room form holds one of these.
            ("栋幢#号座", Marker.building),
            ("单", Marker.unit), ("室房", Marker.room), ("区苑院", Marker.area),
            ("东西南北中abcdefghijklmnopqrstuvwxyz", Marker.areaPrefix),
        ]
        for (characters, bit) in classes { for scalar in characters.unicodeScalars { table[Int(scalar.value)] |= bit } }
        return table
    }()

    /// The place and case numbers written in normalised `text`.
    public static func extract(from text: String) -> (place: Place, caseNumbers: [String]) {
        // Which markers occur decides which patterns can match at all.
        var seen: UInt8 = 0
        var text = text
        text.withUTF8 { bytes in
            markerTable.withUnsafeBufferPointer { table in
                var i = 0
                while i < bytes.count {
                    let (v, length) = TextNormalizer.decode(bytes, at: i)
                    i &+= length
                    if v < 0x10000 { seen |= table[Int(v)] }
                }
            }
        }
        var hasDash = seen & Marker.dash != 0, hasBuilding = seen & Marker.building != 0, hasUnit = seen & Marker.unit != 0
        var hasRoom = seen & Marker.room != 0
        let hasArea = seen & Marker.area != 0 && seen & Marker.areaPrefix != 0, hasNumber = seen & Marker.number != 0
        var place = Place()
        guard hasDash || hasBuilding || hasUnit || hasRoom || hasArea else { return (place, []) }
        if !hasNumber { hasDash = false; hasBuilding = false; hasUnit = false; hasRoom = false }  // every number-bearing form needs one
        func string(_ range: Range<String.Index>?) -> Substring? { range.map { text[$0] } }

        let caseNumbers = hasDash ? caseNumber.allMatches(in: text).compactMap { string($0[1]).map(String.init) } : []
        if hasDash, let m = triple.firstMatchGroups(in: text) {
            place.building = string(m[1]).flatMap(ChineseNumber.value)
            place.unit = string(m[2]).flatMap(ChineseNumber.value)
            place.room = string(m[3]).map(String.init)
        } else if hasBuilding, let m = building.firstMatchGroups(in: text) {
            place.building = string(m[1]).flatMap(ChineseNumber.value)
        } else if hasDash, let m = pair.firstMatchGroups(in: text) {
            place.building = string(m[1]).flatMap(ChineseNumber.value)
            place.room = string(m[2]).map(String.init)
        }
        if place.building == 0 { place.building = nil }
        if place.unit == nil, hasUnit, let m = unit.firstMatchGroups(in: text) {
            place.unit = string(m[1]).flatMap(ChineseNumber.value)
        }
        if place.room == nil, hasBuilding || hasUnit || hasRoom, let m = room.firstMatchGroups(in: text) {
            place.room = string(m[1] ?? m[2]).map(String.init)
        }
        if hasArea, let m = area.firstMatchGroups(in: text) {
            // Letters were lower-cased by normalisation; estates write them upper-case (A区).
            place.area = string(m[1]).map { $0.first?.isASCII == true ? $0.uppercased() : String($0) }
        }
        return (place, caseNumbers)
    }
}
