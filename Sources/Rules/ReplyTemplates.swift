public import Foundation

/// The texts the assistant says, from `rules/replies.yaml`: one template per key, with
/// `{placeholders}` filled in when a reply is rendered. Staff reword replies there, not in code.
public struct ReplyTemplates: Sendable, Hashable {
    /// Template text by key.
    public var templates: [String: String] {
        didSet { parsed = Self.parse(templates) }
    }
    /// The templates cut into text and placeholders once, so rendering is only concatenation.
    private var parsed: [String: [Segment]]
    /// When staff answer a handoff (转人工), as minutes after midnight in `timeZone`.
    public var officeHours: ClosedRange<Int>
    /// The office's time zone (the clock is UTC; replies speak local time).
    public var timeZone: TimeZone

    /// Creates a template set.
    /// - Parameters:
    ///   - templates: template text by key.
    ///   - officeHours: opening and closing time as minutes after midnight (default 08:30-17:30).
    ///   - timeZone: the office's time zone (default Asia/Shanghai).
    public init(
        _ templates: [String: String], officeHours: ClosedRange<Int> = 510...1050,
        timeZone: TimeZone = TimeZone(identifier: "Asia/Shanghai")!
    ) {
        self.templates = templates
        self.parsed = Self.parse(templates)
        self.officeHours = officeHours
        self.timeZone = timeZone
    }

    /// Renders the template `key`, replacing each `{name}` with `values[name]`.
    /// A placeholder without a value is left out; a missing key renders as `[key]` so that a
    /// broken template shows up in transcripts instead of crashing (lint catches it first).
    public func render(_ key: String, _ values: [String: String] = [:]) -> String {
        guard let segments = parsed[key] else { return "[\(key)]" }
        if segments.count == 1, case .text(let text) = segments[0] { return text }
        var out = ""
        for segment in segments {
            switch segment {
            case .text(let text): out += text
            case .placeholder(let name): if let value = values[name] { out += value }
            }
        }
        return out
    }

    /// A piece of a template.
    enum Segment: Sendable, Hashable {
        case text(String)
        case placeholder(String)
    }

    static func parse(_ templates: [String: String]) -> [String: [Segment]] {
        templates.mapValues(segments)
    }

    /// Cuts a template into text and `{placeholder}` segments.
    static func segments(_ template: String) -> [Segment] {
        let scalars = template.unicodeScalars
        var out: [Segment] = []
        var text = String.UnicodeScalarView()
        var index = scalars.startIndex
        while index < scalars.endIndex {
            let scalar = scalars[index]
            if scalar == "{", let close = scalars[index...].firstIndex(of: "}") {
                let name = String(scalars[scalars.index(after: index)..<close])
                if isPlaceholderName(name) {
                    if !text.isEmpty { out.append(.text(String(text))) }
                    text = String.UnicodeScalarView()
                    out.append(.placeholder(name))
                    index = scalars.index(after: close)
                    continue
                }
            }
            text.append(scalar)
            index = scalars.index(after: index)
        }
        if !text.isEmpty || out.isEmpty { out.append(.text(String(text))) }
        return out
    }

    /// Whether the set has a template for `key`.
    public func has(_ key: String) -> Bool { templates[key] != nil }

    /// Replaces `{name}` placeholders in `template`.
    public static func fill(_ template: String, _ values: [String: String]) -> String {
        ReplyTemplates(["t": template]).render("t", values)
    }

    /// The placeholder names used in `template`.
    public static func placeholders(in template: String) -> [String] {
        var names: [String] = []
        var rest = template[...]
        while let open = rest.firstIndex(of: "{") {
            let afterOpen = rest.index(after: open)
            guard let close = rest[afterOpen...].firstIndex(of: "}") else { break }
            let name = String(rest[afterOpen..<close])
            if isPlaceholderName(name) { names.append(name) }
            rest = rest[rest.index(after: close)...]
        }
        return names
    }

    static func isPlaceholderName(_ name: String) -> Bool {
        !name.isEmpty && name.unicodeScalars.allSatisfy { ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) || $0 == "_" }
    }
}
