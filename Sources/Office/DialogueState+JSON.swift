import Casework
import Conversation
import Foundation
import Rules

extension DialogueState {
    /// The state as JSON in exactly the form the synthesised `Codable` conformance reads back
    /// (`JSONDecoder().decode(DialogueState.self, ...)`), written by hand because Foundation's
    /// `JSONEncoder` costs more than the rest of a turn. Tested against the decoder.
    public func jsonString() -> String {
        Self.jsonString(body: jsonBody(), updatedAt: updatedAt)
    }

    /// The JSON of a state whose `jsonBody()` is `body`, with `updatedAt`: a conversation whose
    /// only change is the time of its last turn (the most common change) is not encoded again.
    static func jsonString(body: [UInt8], updatedAt: Date?) -> String {
        var out = JSONWriter(continuing: body)
        if let updatedAt {
            out.key("updatedAt")
            out.number(updatedAt.timeIntervalSinceReferenceDate)
        }
        out.endObject()
        return out.text
    }

    /// The JSON object of everything but `updatedAt` (written last), left open.
    func jsonBody() -> [UInt8] {
        var out = JSONWriter()
        out.beginObject()
        out.key("phase")
        out.beginObject()
        switch phase {
        case .idle: out.key("idle"); out.emptyObject()
        case .collecting: out.key("collecting"); out.emptyObject()
        case .confirming: out.key("confirming"); out.emptyObject()
        case .editing: out.key("editing"); out.emptyObject()
        case .filing: out.key("filing"); out.emptyObject()
        case .offeringCosign(let number):
            out.key("offeringCosign"); out.beginObject(); out.field("caseNumber", number); out.endObject()
        case .cosigning(let number):
            out.key("cosigning"); out.beginObject(); out.field("caseNumber", number); out.endObject()
        case .proposing(let number):
            out.key("proposing"); out.beginObject(); out.field("caseNumber", number); out.endObject()
        case .choosing(let ids):
            out.key("choosing"); out.beginObject(); out.key("categoryIDs"); out.array(ids); out.endObject()
        }
        out.endObject()
        if let draft {
            out.key("draft")
            out.beginObject()
            out.field("categoryID", draft.categoryID)
            out.field("subtopicID", draft.subtopicID)
            out.key("place")
            out.beginObject()
            out.field("area", draft.place.area)
            out.field("building", draft.place.building)
            out.field("unit", draft.place.unit)
            out.field("room", draft.place.room)
            out.field("spot", draft.place.spot)
            out.endObject()
            out.field("opening", draft.opening)
            out.field("detail", draft.detail)
            out.field("since", draft.since)
            out.field("households", draft.households)
            out.field("urgency", draft.urgency.rawValue)
            out.field("pending", draft.pending?.rawValue)
            out.key("attempts")
            out.beginObject()
            for (key, value) in draft.attempts.sorted(by: { $0.key < $1.key }) { out.field(key, value) }
            out.endObject()
            out.key("skipped")
            out.array(draft.skipped.map { $0.rawValue })
            if let subtopics = draft.candidateSubtopics {
                out.key("candidateSubtopics")
                out.beginObject()
                for (key, value) in subtopics.sorted(by: { $0.key < $1.key }) { out.field(key, value) }
                out.endObject()
            }
            out.endObject()
        }
        return out.bytes
    }
}

/// A minimal JSON writer: objects, arrays, strings, integers, doubles. Writes UTF-8 bytes
/// (appending to a `String` piece by piece cost more than the rest of the encoding). A
/// struct with explicit begin/end calls: no closures, no exclusivity checks of a class.
struct JSONWriter {
    private(set) var bytes: [UInt8] = []
    private var needsComma = false

    init() { bytes.reserveCapacity(512) }

    /// Goes on after `bytes`, an object left open with at least one member written.
    init(continuing bytes: [UInt8]) {
        self.bytes = bytes
        self.bytes.reserveCapacity(bytes.count + 40)
        needsComma = true
    }

    /// The JSON written so far.
    var text: String { String(decoding: bytes, as: UTF8.self) }

    mutating func beginObject() {
        bytes.append(UInt8(ascii: "{"))
        needsComma = false
    }

    mutating func endObject() {
        bytes.append(UInt8(ascii: "}"))
        needsComma = true
    }

    mutating func emptyObject() {
        beginObject()
        endObject()
    }

    mutating func array(_ strings: [String]) {
        bytes.append(UInt8(ascii: "["))
        for (index, element) in strings.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            string(element)
        }
        bytes.append(UInt8(ascii: "]"))
        needsComma = true
    }

    mutating func key(_ name: String) {
        if needsComma { bytes.append(UInt8(ascii: ",")) }
        string(name)
        bytes.append(UInt8(ascii: ":"))
        needsComma = false
    }

    mutating func field(_ name: String, _ value: String?) {
        guard let value else { return }
        key(name)
        string(value)
        needsComma = true
    }

    mutating func field(_ name: String, _ value: Int?) {
        guard let value else { return }
        key(name)
        bytes.append(contentsOf: String(value).utf8)
        needsComma = true
    }

    mutating func number(_ value: Double) {
        // Round-trips exactly: Swift prints the shortest representation that reads back the same.
        bytes.append(contentsOf: "\(value)".utf8)
        needsComma = true
    }

    mutating func string(_ value: String) {
        bytes.append(UInt8(ascii: "\""))
        // Most strings need no escaping: copied whole.
        if !value.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            bytes.append(contentsOf: value.utf8)
            bytes.append(UInt8(ascii: "\""))
            return
        }
        // Only ASCII bytes are escaped; the bytes of other characters are copied as they are.
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
            case UInt8(ascii: "\\"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
            case UInt8(ascii: "\n"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case UInt8(ascii: "\r"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            case UInt8(ascii: "\t"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            case 0..<0x20:
                let hex = String(byte, radix: 16)
                bytes.append(contentsOf: ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8)
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
