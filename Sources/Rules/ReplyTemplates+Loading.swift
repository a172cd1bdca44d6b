import Foundation
import Yams

extension ReplyTemplates {
    /// Every template key the program uses, with the placeholders each may contain.
    /// A missing key is an error; an unknown key a warning; an unknown placeholder an error.
    public static let knownKeys: [String: Set<String>] = {
        var keys: [String: Set<String>] = [:]
        for key in [
            "menu", "thanks", "nothing_pending", "resume_hint", "input_empty", "input_too_long",
            "ask_place", "ask_detail", "ask_since", "ask_households", "reask_place", "reask_detail", "reask_since",
            "reask_households", "item_place", "item_detail", "item_since", "item_households", "place_unknown",
            "readback_question", "readback_unclear", "edit_prompt", "cosign_which", "filed_needs_triage", "ask_proposal",
            "owner_pending", "effect_failed", "emergency_generic", "not_understood", "my_cases_none", "role_filed",
            "role_cosigned", "status_which", "cancelled", "nothing_to_cancel", "handoff_now", "handoff_secretary_now",
            "today", "tomorrow", "internal_error",
        ] { keys[key] = [] }
        for key in ["ask_place", "ask_detail", "ask_since", "ask_households", "reask_place", "reask_detail", "reask_since", "reask_households", "received"] {
            keys[key] = ["category"]
        }
        keys["greeting"] = ["name"]
        keys["skip_note"] = ["item"]
        keys["noted_place"] = ["place"]
        keys["summary"] = ["category", "place", "detail"]
        keys["summary_place"] = ["place"]
        keys["summary_since"] = ["since"]
        keys["summary_households"] = ["households"]
        keys["summary_corrected"] = ["place"]
        keys["readback"] = ["summary"]
        keys["readback_gaps"] = ["items"]
        keys["cosign_offer"] = ["number", "summary", "count"]
        keys["cosign_offer_unclear"] = ["number"]
        keys["cosigned"] = ["number", "count"]
        keys["cosign_not_open"] = ["number", "state"]
        keys["already_involved"] = ["number", "state"]
        keys["filed"] = ["number", "owner", "accept_within", "resolve_within"]
        keys["proposal_saved"] = ["number"]
        keys["proposal_none"] = ["number"]
        keys["non_discussable"] = ["category", "explanation", "redirect"]
        keys["emergency"] = ["title", "number", "advice"]
        keys["ambiguous"] = ["first", "second"]
        keys["my_cases_header"] = ["count"]
        keys["my_cases_line"] = ["number", "summary", "state", "role"]
        keys["status"] = ["number", "summary", "state", "owner"]
        keys["status_brief"] = ["number", "state"]
        keys["status_unknown"] = ["number"]
        keys["case_cancelled"] = ["number"]
        keys["cancel_not_yours"] = ["number"]
        keys["cancel_not_open"] = ["number", "state"]
        keys["handoff_later"] = ["when"]
        keys["handoff_secretary_later"] = ["when"]
        keys["notify_new_case"] = ["number", "category", "summary", "accept_within", "place", "owner"]
        keys["notify_emergency"] = ["place", "title", "number", "user"]
        keys["notify_handoff"] = ["user", "id"]
        keys["notify_cosigned"] = ["number", "count"]
        return keys
    }()

    /// Loads and checks `replies.yaml`.
    /// - Parameters:
    ///   - path: the file to read (e.g. `rules/replies.yaml`).
    /// - Returns: the templates, and the warnings found.
    /// - Throws: `DiagnosticError` with every error (and warning) when the file is not usable.
    public static func load(contentsOf path: String) throws -> (templates: ReplyTemplates, warnings: [Diagnostic]) {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw DiagnosticError([Diagnostic(.error, "cannot read the reply templates", at: SourceLocation(file: path, line: 1, column: 1))])
        }
        return try parse(text, file: path)
    }

    /// Parses and checks the text of a `replies.yaml` file named `file` (for diagnostics).
    /// - Throws: `DiagnosticError` with every diagnostic when there is at least one error.
    public static func parse(_ text: String, file: String) throws -> (templates: ReplyTemplates, warnings: [Diagnostic]) {
        let lines = text.components(separatedBy: "\n")
        var diagnostics: [Diagnostic] = []
        func report(_ severity: Diagnostic.Severity, _ message: String, _ mark: Mark?) {
            let line = mark?.line ?? 1
            let location = SourceLocation(file: file, line: line, column: mark?.column ?? 1)
            diagnostics.append(Diagnostic(severity, message, at: location, sourceLine: line <= lines.count ? lines[line - 1] : nil))
        }
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            report(.error, "not valid YAML: \(Self.describe(error))", nil)
            throw DiagnosticError(diagnostics)
        } catch {
            report(.error, "not valid YAML", nil)
            throw DiagnosticError(diagnostics)
        }
        guard let mapping = root?.mapping else {
            report(.error, "expected a mapping with `kind: replies` and `templates:`", root?.mark)
            throw DiagnosticError(diagnostics)
        }
        var templates: [String: String] = [:]
        var officeHours = 510...1050
        var timeZone = TimeZone(identifier: "Asia/Shanghai")!
        for (keyNode, value) in mapping {
            switch keyNode.string ?? "" {
            case "kind":
                if value.string != "replies" { report(.error, "`kind` must be `replies`", value.mark) }
            case "office_hours":
                if let range = value.string.flatMap(Self.parseHours) {
                    officeHours = range
                } else {
                    report(.error, "`office_hours` must look like \"08:30-17:30\"", value.mark)
                }
            case "time_zone":
                if let zone = value.string.flatMap(TimeZone.init(identifier:)) {
                    timeZone = zone
                } else {
                    report(.error, "unknown time zone; use an identifier like Asia/Shanghai", value.mark)
                }
            case "templates":
                guard let entries = value.mapping else {
                    report(.error, "`templates` must be a mapping of key: text", value.mark)
                    continue
                }
                for (name, body) in entries {
                    let key = name.string ?? ""
                    guard let string = body.string, body.scalar != nil else {
                        report(.error, "template `\(key)` must be text", body.mark)
                        continue
                    }
                    if templates[key] != nil { report(.error, "duplicate template `\(key)`", name.mark) }
                    templates[key] = string
                    guard let allowed = knownKeys[key] else {
                        report(.warning, "unknown template `\(key)` is never used", name.mark)
                        continue
                    }
                    for placeholder in placeholders(in: string) where !allowed.contains(placeholder) {
                        let known = allowed.isEmpty ? "none" : allowed.sorted().map { "{\($0)}" }.joined(separator: ", ")
                        report(.error, "unknown placeholder {\(placeholder)} in `\(key)` (known: \(known))", body.mark)
                    }
                }
            default:
                report(.warning, "unknown key `\(keyNode.string ?? "?")`", keyNode.mark)
            }
        }
        for key in knownKeys.keys.sorted() where templates[key] == nil {
            report(.error, "missing template `\(key)`", mapping["templates"]?.mark ?? root?.mark)
        }
        if diagnostics.contains(where: { $0.severity == .error }) { throw DiagnosticError(diagnostics) }
        return (ReplyTemplates(templates, officeHours: officeHours, timeZone: timeZone), diagnostics)
    }

    /// "08:30-17:30" as minutes after midnight.
    static func parseHours(_ text: String) -> ClosedRange<Int>? {
        let parts = text.split(separator: "-").map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count == 2 else { return nil }
        func minutes(_ hhmm: String) -> Int? {
            let pieces = hhmm.split(separator: ":")
            guard pieces.count == 2, let h = Int(pieces[0]), let m = Int(pieces[1]), (0..<24).contains(h), (0..<60).contains(m) else { return nil }
            return h * 60 + m
        }
        guard let start = minutes(parts[0]), let end = minutes(parts[1]), start < end else { return nil }
        return start...end
    }

    static func describe(_ error: YamlError) -> String {
        // YamlError's description quotes the file's text: fine here (rule files, not residents' text).
        String(describing: error).components(separatedBy: "\n").first ?? "syntax error"
    }
}
