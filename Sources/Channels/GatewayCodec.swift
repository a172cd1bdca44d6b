import Foundation
import Office

/// Decodes input lines of the gateway protocol (`shangliang-jsonl/1`).
///
/// Input is one JSON object per line. Unknown fields are ignored; `null` counts as absent for
/// optional fields. Error messages name fields and never quote the line.
public enum GatewayCodec {
    /// Longest accepted `id`, in UTF-8 bytes.
    public static let maximumIDLength = 512

    /// Decodes one line (without its line terminator).
    /// - Returns: the request, or the error to report (its `line` is left nil for the caller).
    public static func decode(_ line: [UInt8]) -> Result<GatewayRequest, GatewayProtocolError> {
        // Almost every line is a plain message: decoded in one pass when it is one.
        if let inbound = decodePlainMessage(line) { return .success(.message(inbound)) }
        return decodeInGeneral(line)
    }

    /// Decodes any line, saying what is wrong with a bad one.
    static func decodeInGeneral(_ line: [UInt8]) -> Result<GatewayRequest, GatewayProtocolError> {
        guard String(validating: line, as: UTF8.self) != nil else {
            return .failure(GatewayProtocolError(code: .parseError, message: "the line is not valid UTF-8"))
        }
        let document: GatewayJSONParser.Document
        do {
            document = try GatewayJSONParser.parse(line)
        } catch {
            return .failure(GatewayProtocolError(code: .parseError, message: "the line is not valid JSON: \(error)"))
        }
        guard case .object(let fields) = document.value else {
            return .failure(GatewayProtocolError(code: .parseError, message: "the line is not a JSON object"))
        }
        let id = fields["id"]?.stringValue
        func invalid(_ message: String) -> Result<GatewayRequest, GatewayProtocolError> {
            .failure(GatewayProtocolError(code: .invalidField, inReplyTo: id, message: message))
        }

        switch fields["v"] {
        case nil, .null?: break
        case .number(let version)?:
            if version != 1 {
                return .failure(GatewayProtocolError(
                    code: .unsupportedVersion, inReplyTo: id,
                    message: "protocol version \(versionText(version)) is not supported; this is \(GatewayOutputLine.protocolName)"))
            }
        case let other?:
            return invalid("v must be the number 1, not \(other.typeDescription)")
        }

        guard let typeValue = fields["type"] else { return invalid("type is missing") }
        guard case .string(let type) = typeValue else { return invalid("type must be a string, not \(typeValue.typeDescription)") }
        switch type {
        case "message":
            return decodeMessage(fields, line: line, ranges: document.memberRanges)
        case "ping":
            if let value = fields["id"], value != .null, id == nil { return invalid("id must be a string, not \(value.typeDescription)") }
            return .success(.ping(id: id))
        case "control":
            if let value = fields["id"], value != .null, id == nil { return invalid("id must be a string, not \(value.typeDescription)") }
            guard let actionValue = fields["action"] else { return invalid("action is missing") }
            guard case .string(let actionName) = actionValue else {
                return invalid("action must be a string, not \(actionValue.typeDescription)")
            }
            guard let action = GatewayControlAction(rawValue: actionName) else {
                return invalid("action must be one of: \(GatewayControlAction.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            return .success(.control(action, id: id))
        default:
            return invalid("type must be one of: message, ping, control")
        }
    }

    private static func decodeMessage(
        _ fields: [String: GatewayJSONValue], line: [UInt8], ranges: [String: Range<Int>]
    ) -> Result<GatewayRequest, GatewayProtocolError> {
        let id = fields["id"]?.stringValue
        func invalid(_ message: String) -> Result<GatewayRequest, GatewayProtocolError> {
            .failure(GatewayProtocolError(code: .invalidField, inReplyTo: id, message: message))
        }
        switch fields["id"] {
        case nil, .null?: return invalid("id is missing")
        case .string(let value)?:
            if value.isEmpty { return invalid("id is empty") }
            if value.utf8.count > maximumIDLength { return invalid("id is longer than \(maximumIDLength) bytes") }
        case let other?: return invalid("id must be a string, not \(other.typeDescription)")
        }
        guard let messageID = id else { return invalid("id is missing") }

        let userFields: [String: GatewayJSONValue]
        switch fields["user"] {
        case nil, .null?: return invalid("user is missing")
        case .object(let members)?: userFields = members
        case let other?: return invalid("user must be an object, not \(other.typeDescription)")
        }
        let userID: String
        switch userFields["id"] {
        case nil, .null?: return invalid("user.id is missing")
        case .string(let value)?:
            if value.isEmpty { return invalid("user.id is empty") }
            userID = value
        case let other?: return invalid("user.id must be a string, not \(other.typeDescription)")
        }
        let userName: String?
        switch userFields["name"] {
        case nil, .null?: userName = nil
        case .string(let value)?: userName = value
        case let other?: return invalid("user.name must be a string, not \(other.typeDescription)")
        }

        let text: String
        switch fields["text"] {
        case nil, .null?: return invalid("text is missing")
        case .string(let value)?:
            if value.allSatisfy({ $0.isWhitespace }) { return invalid("text is empty") }
            text = value
        case let other?: return invalid("text must be a string, not \(other.typeDescription)")
        }

        let conversation: String?
        switch fields["conversation"] {
        case nil, .null?: conversation = nil
        case .string(let value)?:
            if value.isEmpty { return invalid("conversation is empty") }
            conversation = value
        case let other?: return invalid("conversation must be a string, not \(other.typeDescription)")
        }

        let channel: String?
        switch fields["channel"] {
        case nil, .null?: channel = nil
        case .string(let value)?: channel = value
        case let other?: return invalid("channel must be a string, not \(other.typeDescription)")
        }

        let sentAt: Date?
        switch fields["ts"] {
        case nil, .null?: sentAt = nil
        case .string(let value)?:
            guard let date = parseTimestamp(value) else {
                return invalid("ts must be an ISO 8601 date-time with a time zone, e.g. 2026-11-26T08:00:00+08:00")
            }
            sentAt = date
        case let other?: return invalid("ts must be a string, not \(other.typeDescription)")
        }

        var meta: String?
        if let range = ranges["meta"], fields["meta"] != .null {
            meta = String(decoding: GatewayJSONParser.compact(line[range]), as: UTF8.self)
        }

        return .success(.message(Inbound(
            messageID: messageID, conversationID: conversation, userID: userID, userName: userName,
            text: text, sentAt: sentAt, channel: channel, meta: meta)))
    }

    private static func versionText(_ version: Double) -> String {
        if version == version.rounded(), abs(version) < 1e15 { return String(Int64(version)) }
        return String(version)
    }

    /// Parses an RFC 3339 / ISO 8601 date-time with a zone offset or `Z`, with or without
    /// fractional seconds.
    static func parseTimestamp(_ text: String) -> Date? {
        if let date = try? Date(text, strategy: Date.ISO8601FormatStyle()) { return date }
        return try? Date(text, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }
}
