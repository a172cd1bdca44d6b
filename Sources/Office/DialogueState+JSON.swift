import Casework
import Conversation
import Foundation
import Rules

extension DialogueState {
    /// The state as JSON in exactly the form the synthesised `Codable` conformance reads back
    /// (`JSONDecoder().decode(DialogueState.self, ...)`), written by hand because Foundation's
    /// `JSONEncoder` costs more than the rest of a turn. Tested against the decoder.
    public func jsonString() -> String {
        let out = JSONWriter()
        out.object {
            out.key("phase")
            out.object {
                switch phase {
                case .idle: out.key("idle"); out.object {}
                case .collecting: out.key("collecting"); out.object {}
                case .confirming: out.key("confirming"); out.object {}
                case .editing: out.key("editing"); out.object {}
                case .filing: out.key("filing"); out.object {}
                case .offeringCosign(let number):
                    out.key("offeringCosign"); out.object { out.field("caseNumber", number) }
                case .cosigning(let number):
                    out.key("cosigning"); out.object { out.field("caseNumber", number) }
                case .proposing(let number):
                    out.key("proposing"); out.object { out.field("caseNumber", number) }
                case .choosing(let ids):
                    out.key("choosing"); out.object { out.key("categoryIDs"); out.array(ids) }
                }
            }
            if let draft {
                out.key("draft")
                out.object {
                    out.field("categoryID", draft.categoryID)
                    out.field("subtopicID", draft.subtopicID)
                    out.key("place")
                    out.object {
                        out.field("area", draft.place.area)
                        out.field("building", draft.place.building)
                        out.field("unit", draft.place.unit)
                        out.field("room", draft.place.room)
                        out.field("spot", draft.place.spot)
                    }
                    out.field("opening", draft.opening)
                    out.field("detail", draft.detail)
                    out.field("since", draft.since)
                    out.field("households", draft.households)
                    out.field("urgency", draft.urgency.rawValue)
                    out.field("pending", draft.pending?.rawValue)
                    out.key("attempts")
                    out.object { for (key, value) in draft.attempts.sorted(by: { $0.key < $1.key }) { out.field(key, value) } }
                    out.key("skipped")
                    out.array(draft.skipped.map(\.rawValue))
                    if let subtopics = draft.candidateSubtopics {
                        out.key("candidateSubtopics")
                        out.object { for (key, value) in subtopics.sorted(by: { $0.key < $1.key }) { out.field(key, value) } }
                    }
                }
            }
            if let updatedAt {
                out.key("updatedAt")
                out.number(updatedAt.timeIntervalSinceReferenceDate)
            }
        }
        return out.text
    }
}

/// A minimal JSON writer: objects, arrays, strings, integers, doubles.
final class JSONWriter {
    var text = ""
    private var needsComma = false

    func object(_ body: () -> Void) {
        text += "{"
        needsComma = false
        body()
        text += "}"
        needsComma = true
    }

    func array(_ strings: [String]) {
        text += "["
        for (index, element) in strings.enumerated() {
            if index > 0 { text += "," }
            string(element)
        }
        text += "]"
        needsComma = true
    }

    func key(_ name: String) {
        if needsComma { text += "," }
        string(name)
        text += ":"
        needsComma = false
    }

    func field(_ name: String, _ value: String?) {
        guard let value else { return }
        key(name)
        string(value)
        needsComma = true
    }

    func field(_ name: String, _ value: Int?) {
        guard let value else { return }
        key(name)
        text += String(value)
        needsComma = true
    }

    func number(_ value: Double) {
        // Round-trips exactly: Swift prints the shortest representation that reads back the same.
        text += "\(value)"
        needsComma = true
    }

    func string(_ value: String) {
        text += "\""
        // Most strings need no escaping: append them whole.
        if !value.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            text += value
            text += "\""
            return
        }
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case "\n": text += "\\n"
            case "\r": text += "\\r"
            case "\t": text += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                text += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: text.unicodeScalars.append(scalar)
            }
        }
        text += "\""
    }
}
