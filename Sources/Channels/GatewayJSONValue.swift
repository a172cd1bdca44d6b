/// A parsed JSON value, as the gateway codec reads input lines.
///
/// Numbers keep only their `Double` value: the protocol reads no number but `v`, and `meta`
/// is echoed from its raw text, never re-serialized from this value.
public enum GatewayJSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([GatewayJSONValue])
    case object([String: GatewayJSONValue])

    /// The string, if this value is one.
    public var stringValue: String? {
        if case .string(let string) = self { return string }
        return nil
    }

    /// The members, if this value is an object.
    public var objectValue: [String: GatewayJSONValue]? {
        if case .object(let members) = self { return members }
        return nil
    }

    /// A short name of the value's JSON type, for error messages ("a string", "an object", ...).
    public var typeDescription: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }
}
