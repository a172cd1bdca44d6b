public import Foundation
import Yams

/// Loads and lints `rules/routing.yaml`. Category ids are checked against the ids the
/// category files define (passed in, since the engine loads those), people against the
/// community file.
///
/// ```yaml
/// time_limits:
///   urgent:  {accept: 2h, resolve: 24h}
///   general: {accept: 24h, resolve: 7d}
///   complex: {accept: 24h, resolve: 15d}
/// rating: {remind_after: 48h, close_unrated_after: 7d}
/// reopen_within: 30d
/// triage: residents-committee
/// meetings: {cosigner_threshold: 5}
/// routes:
///   facilities:
///     owner: property
///     inform: [steward]
///     subtopics:
///       add-lift: {owner: service-officer, urgency: complex, meeting: true}
/// ```
public enum RoutingLoader {
    /// What the other rule files define, for cross-checks. Leave a field nil to skip its check.
    public struct Context: Sendable {
        /// Every category id the category files define (and `emergency`).
        public var knownCategoryIDs: Set<String>?
        /// Sub-topic ids per category; categories absent here are not checked.
        public var knownSubtopics: [String: Set<String>]
        /// Categories that must have a route (the seven discussable ones).
        public var requiredCategoryIDs: Set<String>
        /// The community, to check `inform_people` and that routed roles have someone.
        public var community: Community?

        public init(
            knownCategoryIDs: Set<String>? = nil, knownSubtopics: [String: Set<String>] = [:],
            requiredCategoryIDs: Set<String> = [], community: Community? = nil
        ) {
            self.knownCategoryIDs = knownCategoryIDs
            self.knownSubtopics = knownSubtopics
            self.requiredCategoryIDs = requiredCategoryIDs
            self.community = community
        }
    }

    /// Reads and lints a routing file.
    /// - Returns: the table and any warnings.
    /// - Throws: `DiagnosticError` with every problem when there is at least one error.
    public static func load(contentsOf url: URL, displayPath: String? = nil, context: Context = Context()) throws -> (RoutingTable, [Diagnostic]) {
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw DiagnosticError([Diagnostic(.error, "cannot read the routing file: \(url.path)")])
        }
        return try load(text: text, file: displayPath ?? url.path, context: context)
    }

    /// Lints a routing file given as text; throws `DiagnosticError` when there is an error.
    public static func load(text: String, file: String, context: Context = Context()) throws -> (RoutingTable, [Diagnostic]) {
        let (table, diagnostics) = lint(text: text, file: file, context: context)
        guard let table, !diagnostics.contains(where: { $0.severity == .error }) else {
            throw DiagnosticError(diagnostics)
        }
        return (table, diagnostics)
    }

    /// Parses and lints; never throws. The table is nil when the file is unusable.
    public static func lint(text: String, file: String, context: Context = Context()) -> (RoutingTable?, [Diagnostic]) {
        var reader = CommunityYAMLReader(text: text, file: file)
        guard let root = reader.compose(text) else { return (nil, reader.diagnostics) }
        let table = parse(root, context, &reader)
        return (table, reader.diagnostics)
    }

    // MARK: Parsing

    private static func parse(_ root: Node, _ context: Context, _ r: inout CommunityYAMLReader) -> RoutingTable? {
        guard let top = r.object(root, "the routing file",
            allowed: ["time_limits", "rating", "reopen_within", "triage", "meetings", "routes"], required: ["routes"])
        else { return nil }
        var table = RoutingTable()
        let directory = context.community.map(CommunityDirectory.init)

        if let entry = top["time_limits"], let pairs = r.mapping(entry.value, "time_limits") {
            for pair in pairs {
                guard let urgency = urgency(pair.key, pair.keyNode, &r) else { continue }
                guard let fields = r.object(pair.value, "time_limits.\(pair.key)", allowed: ["accept", "resolve"], required: ["accept", "resolve"]),
                    let accept = fields["accept"].flatMap({ r.duration($0.value, "accept") }),
                    let resolve = fields["resolve"].flatMap({ r.duration($0.value, "resolve") })
                else { continue }
                if accept > resolve {
                    r.error("\(pair.key): the time to accept is longer than the time to resolve", at: fields["accept"]?.value)
                }
                table.limits[urgency] = TimeLimits(accept: accept, resolve: resolve)
            }
        }
        if let entry = top["rating"], let fields = r.object(entry.value, "rating", allowed: ["remind_after", "close_unrated_after"]) {
            if let value = fields["remind_after"].flatMap({ r.duration($0.value, "remind_after") }) { table.ratingReminderAfter = value }
            if let value = fields["close_unrated_after"].flatMap({ r.duration($0.value, "close_unrated_after") }) {
                table.closeUnratedAfter = value
            }
            if table.ratingReminderAfter >= table.closeUnratedAfter {
                r.error("rating: remind_after must come before close_unrated_after", at: fields["remind_after"]?.value ?? entry.value)
            }
        }
        if let entry = top["reopen_within"], let value = r.duration(entry.value, "reopen_within") { table.reopenWindow = value }
        if let entry = top["triage"], let role = role(entry.value, "triage", &r) {
            if CommunityLoader.externalRoles.contains(role) || role == .steward || role == .gridWorker {
                r.error("triage must be a role with fixed people (e.g. residents-committee), not '\(role.rawValue)'", at: entry.value)
            } else {
                table.triageRole = role
                checkStaffed(role, entry.value, "triage", directory, &r)
            }
        }
        if let entry = top["meetings"], let fields = r.object(entry.value, "meetings", allowed: ["cosigner_threshold"]) {
            if let value = fields["cosigner_threshold"].flatMap({ r.int($0.value, "cosigner_threshold", minimum: 1) }) {
                table.meetingCosignerThreshold = value
            }
        }

        if let entry = top["routes"], let pairs = r.mapping(entry.value, "routes") {
            for pair in pairs {
                let categoryID = pair.key
                if let known = context.knownCategoryIDs, !known.contains(categoryID) {
                    r.error("unknown category '\(categoryID)' (known: \(known.sorted().joined(separator: ", ")))", at: pair.keyNode)
                    continue
                }
                guard let fields = r.object(pair.value, "the route of \(categoryID)", allowed: routeKeys.union(["subtopics"]), required: ["owner"]),
                    let route = parseRoute(fields, pair.value, categoryID, directory, &r)
                else { continue }
                var subtopics: [String: RoutingTable.Route] = [:]
                if let subEntry = fields["subtopics"] {
                    for sub in r.mapping(subEntry.value, "subtopics of \(categoryID)") ?? [] {
                        if let known = context.knownSubtopics[categoryID], !known.contains(sub.key) {
                            let list = known.isEmpty ? "it has none" : "known: " + known.sorted().joined(separator: ", ")
                            r.error("unknown sub-topic '\(sub.key)' of \(categoryID) (\(list))", at: sub.keyNode)
                            continue
                        }
                        guard let subFields = r.object(sub.value, "the route of \(categoryID)/\(sub.key)", allowed: routeKeys),
                            let subRoute = parseRoute(subFields, sub.value, "\(categoryID)/\(sub.key)", directory, &r)
                        else { continue }
                        subtopics[sub.key] = subRoute
                    }
                }
                table.categories[categoryID] = RoutingTable.CategoryRoute(categoryID: categoryID, route: route, subtopics: subtopics)
            }
            for missing in context.requiredCategoryIDs.subtracting(table.categories.keys).sorted() {
                r.error("no route for category '\(missing)'", at: entry.keyNode)
            }
        }
        return table
    }

    private static let routeKeys: Set<String> = ["owner", "inform", "inform_people", "urgency", "time_limits", "meeting"]

    private static func parseRoute(
        _ fields: [String: CommunityYAMLReader.Entry], _ node: Node, _ what: String, _ directory: CommunityDirectory?,
        _ r: inout CommunityYAMLReader
    ) -> RoutingTable.Route? {
        var route = RoutingTable.Route(location: r.location(of: node))
        if let entry = fields["owner"], let owner = role(entry.value, "\(what): owner", &r) {
            route.owner = owner
            checkStaffed(owner, entry.value, "\(what): owner", directory, &r)
        }
        if let entry = fields["inform"] {
            var roles: [OwnerRole] = []
            for (_, node) in r.scalarList(entry.value, "inform") {
                if let role = role(node, "\(what): inform", &r) {
                    if CommunityLoader.externalRoles.contains(role) {
                        r.error("\(what): cannot inform '\(role.rawValue)', it is outside the community", at: node)
                    } else {
                        roles.append(role)
                        checkStaffed(role, node, "\(what): inform", directory, &r)
                    }
                }
            }
            route.informRoles = roles
        }
        if let entry = fields["inform_people"] {
            var people: [String] = []
            for (pid, node) in r.scalarList(entry.value, "inform_people") {
                if let directory, directory.person(id: pid) == nil {
                    r.error("\(what): unknown person '\(pid)' (not in the community file)", at: node)
                } else {
                    people.append(pid)
                }
            }
            route.informPeople = people
        }
        if let entry = fields["urgency"], let text = r.string(entry.value, "urgency") {
            route.urgency = urgency(text, entry.value, &r)
        }
        if let entry = fields["time_limits"], let pairs = r.mapping(entry.value, "\(what): time_limits") {
            for pair in pairs {
                guard let urgency = urgency(pair.key, pair.keyNode, &r),
                    let limit = r.object(pair.value, "\(what): time_limits.\(pair.key)", allowed: ["accept", "resolve"])
                else { continue }
                route.limits[urgency] = TimeLimitsOverride(
                    accept: limit["accept"].flatMap { r.duration($0.value, "accept") },
                    resolve: limit["resolve"].flatMap { r.duration($0.value, "resolve") })
            }
        }
        if let entry = fields["meeting"] { route.needsMeeting = r.bool(entry.value, "meeting") }
        return route
    }

    private static func role(_ node: Node, _ what: String, _ r: inout CommunityYAMLReader) -> OwnerRole? {
        guard let text = r.string(node, what) else { return nil }
        guard let role = OwnerRole(rawValue: text) else {
            r.error("\(what): unknown role '\(text)' (known: \(OwnerRole.allCases.map(\.rawValue).joined(separator: ", ")))", at: node)
            return nil
        }
        return role
    }

    private static func urgency(_ text: String, _ node: Node, _ r: inout CommunityYAMLReader) -> RoutingUrgency? {
        guard let urgency = RoutingUrgency(rawValue: text) else {
            r.error("unknown urgency '\(text)' (known: urgent, general, complex)", at: node)
            return nil
        }
        return urgency
    }

    /// With a community: a routed role must have someone behind it.
    private static func checkStaffed(_ role: OwnerRole, _ node: Node, _ what: String, _ directory: CommunityDirectory?, _ r: inout CommunityYAMLReader) {
        guard let directory, !CommunityLoader.externalRoles.contains(role), directory.people(in: role).isEmpty else { return }
        r.error("\(what): nobody holds the role '\(role.rawValue)' in the community file", at: node)
    }
}
