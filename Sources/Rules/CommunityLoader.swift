public import Foundation
import Yams

/// Loads and lints `rules/community.yaml`. Every problem is collected as a `Diagnostic`
/// (`file:line:col: error: ...`); loading fails once, at the end, with all of them.
///
/// ```yaml
/// id: xingfuli
/// name: 幸福里社区
/// areas:     [{id: east, name: 东区}]
/// people:    [{id: wang-lei, name: 王磊, user: "staff:wang-lei", title: 物业项目经理}]
/// buildings: [{number: 1, area: east, units: 3, steward: zhao-min, unit_stewards: {3: qian-li}}]
/// grids:     [{id: grid-1, name: 第一网格, worker: li-na, buildings: [1, 2, 3, 4]}]
/// roles:     {property: [wang-lei], secretary: [chen-jianguo], ...}
/// ```
public enum CommunityLoader {
    /// Roles that are filled by buildings (`steward`) and grids (`grid-worker`), not under `roles`.
    static let placeRoles: Set<OwnerRole> = [.steward, .gridWorker]
    /// Roles outside the community: a case is referred to them, nobody stands behind them here.
    public static let externalRoles: Set<OwnerRole> = [.hotline12345, .police110, .fire119, .ambulance120]

    /// Reads and lints a community file.
    /// - Throws: `DiagnosticError` with every error (and warning) found.
    public static func load(contentsOf url: URL, displayPath: String? = nil) throws -> (Community, [Diagnostic]) {
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw DiagnosticError([Diagnostic(.error, "cannot read the community file: \(url.path)")])
        }
        return try load(text: text, file: displayPath ?? url.path)
    }

    /// Lints a community file given as text.
    /// - Returns: the community and any warnings.
    /// - Throws: `DiagnosticError` when there is at least one error.
    public static func load(text: String, file: String) throws -> (Community, [Diagnostic]) {
        let (community, diagnostics) = lint(text: text, file: file)
        guard let community, !diagnostics.contains(where: { $0.severity == .error }) else {
            throw DiagnosticError(diagnostics)
        }
        return (community, diagnostics)
    }

    /// Parses and lints; never throws. The community is nil when the file is unusable.
    public static func lint(text: String, file: String) -> (Community?, [Diagnostic]) {
        var reader = CommunityYAMLReader(text: text, file: file)
        guard let root = reader.compose(text) else { return (nil, reader.diagnostics) }
        let community = parse(root, &reader)
        return (community, reader.diagnostics)
    }

    // MARK: Parsing

    private static func parse(_ root: Node, _ r: inout CommunityYAMLReader) -> Community? {
        guard let top = r.object(root, "the community file",
            allowed: ["id", "name", "areas", "people", "buildings", "grids", "roles"],
            required: ["id", "name", "people", "buildings", "grids", "roles"])
        else { return nil }

        let id = top["id"].flatMap { r.identifier($0.value, "id") } ?? ""
        let name = top["name"].flatMap { r.string($0.value, "name") } ?? ""

        // People first: everything else refers to them.
        var people: [Community.Person] = []
        var personNodes: [String: Node] = [:]
        var userNodes: [String: Node] = [:]
        for item in top["people"].flatMap({ r.sequence($0.value, "people") }) ?? [] {
            guard let fields = r.object(item, "a person", allowed: ["id", "name", "user", "title"], required: ["id", "name", "user"]),
                let pid = fields["id"].flatMap({ r.identifier($0.value, "a person's id") }),
                let pname = fields["name"].flatMap({ r.string($0.value, "a person's name") }),
                let user = fields["user"].flatMap({ r.string($0.value, "a person's user id") })
            else { continue }
            if user.contains(where: \.isWhitespace) {
                r.error("user id '\(user)' must not contain spaces", at: fields["user"]?.value)
            }
            if personNodes[pid] != nil {
                r.error("duplicate person id '\(pid)'", at: fields["id"]?.value)
                continue
            }
            if userNodes[user] != nil {
                r.error("duplicate user id '\(user)' (already used by another person)", at: fields["user"]?.value)
                continue
            }
            personNodes[pid] = item
            userNodes[user] = item
            let title = fields["title"].flatMap { r.string($0.value, "a person's title") }
            people.append(Community.Person(id: pid, name: pname, userID: user, title: title, location: r.location(of: item)))
        }
        var usedPeople = Set<String>()
        func checkPerson(_ pid: String, _ node: Node?, _ what: String, _ r: inout CommunityYAMLReader) {
            if personNodes[pid] == nil {
                r.error("\(what): unknown person '\(pid)' (not listed under people)", at: node)
            } else {
                usedPeople.insert(pid)
            }
        }

        // Areas.
        var areas: [Community.Area] = []
        for item in top["areas"].flatMap({ r.sequence($0.value, "areas") }) ?? [] {
            guard let fields = r.object(item, "an area", allowed: ["id", "name"], required: ["id", "name"]),
                let aid = fields["id"].flatMap({ r.identifier($0.value, "an area's id") }),
                let aname = fields["name"].flatMap({ r.string($0.value, "an area's name") })
            else { continue }
            if areas.contains(where: { $0.id == aid }) {
                r.error("duplicate area id '\(aid)'", at: fields["id"]?.value)
                continue
            }
            areas.append(Community.Area(id: aid, name: aname, location: r.location(of: item)))
        }

        // Buildings.
        var buildings: [Community.Building] = []
        for item in top["buildings"].flatMap({ r.sequence($0.value, "buildings") }) ?? [] {
            guard let fields = r.object(item, "a building",
                allowed: ["number", "area", "units", "steward", "unit_stewards"], required: ["number", "steward"]),
                let number = fields["number"].flatMap({ r.int($0.value, "a building's number", minimum: 1) })
            else { continue }
            if buildings.contains(where: { $0.number == number }) {
                r.error("duplicate building \(number)", at: fields["number"]?.value)
                continue
            }
            let units = fields["units"].flatMap { r.int($0.value, "units", minimum: 1) } ?? 1
            var areaID: String?
            if let entry = fields["area"], let aid = r.identifier(entry.value, "a building's area") {
                if areas.contains(where: { $0.id == aid }) {
                    areaID = aid
                } else {
                    r.error("building \(number): unknown area '\(aid)'", at: entry.value)
                }
            }
            let stewardID = fields["steward"].flatMap { r.identifier($0.value, "a building's steward") } ?? ""
            if !stewardID.isEmpty { checkPerson(stewardID, fields["steward"]?.value, "building \(number)'s steward", &r) }
            var unitStewards: [Int: String] = [:]
            if let entry = fields["unit_stewards"] {
                for pair in r.mapping(entry.value, "unit_stewards") ?? [] {
                    guard let unit = Int(pair.key), unit >= 1 else {
                        r.error("unit_stewards keys must be stairwell numbers", at: pair.keyNode)
                        continue
                    }
                    if unit > units {
                        r.error("building \(number) has \(units) stairwell(s); there is no unit \(unit)", at: pair.keyNode)
                        continue
                    }
                    guard let pid = r.identifier(pair.value, "a stairwell's steward") else { continue }
                    checkPerson(pid, pair.value, "building \(number) unit \(unit)'s steward", &r)
                    unitStewards[unit] = pid
                }
            }
            buildings.append(Community.Building(
                number: number, areaID: areaID, units: units, stewardID: stewardID, unitStewardIDs: unitStewards,
                location: r.location(of: item)))
        }
        let buildingNumbers = Set(buildings.map(\.number))

        // Grids.
        var grids: [Community.Grid] = []
        var gridOfBuilding: [Int: String] = [:]
        for item in top["grids"].flatMap({ r.sequence($0.value, "grids") }) ?? [] {
            guard let fields = r.object(item, "a grid", allowed: ["id", "name", "worker", "buildings"], required: ["id", "name", "worker", "buildings"]),
                let gid = fields["id"].flatMap({ r.identifier($0.value, "a grid's id") })
            else { continue }
            if grids.contains(where: { $0.id == gid }) {
                r.error("duplicate grid id '\(gid)'", at: fields["id"]?.value)
                continue
            }
            let gname = fields["name"].flatMap { r.string($0.value, "a grid's name") } ?? gid
            let worker = fields["worker"].flatMap { r.identifier($0.value, "a grid's worker") } ?? ""
            if !worker.isEmpty { checkPerson(worker, fields["worker"]?.value, "grid \(gid)'s worker", &r) }
            var numbers: [Int] = []
            for node in fields["buildings"].flatMap({ r.sequence($0.value, "a grid's buildings") }) ?? [] {
                guard let number = r.int(node, "a building number", minimum: 1) else { continue }
                if !buildingNumbers.contains(number) {
                    r.error("grid \(gid): unknown building \(number) (not listed under buildings)", at: node)
                } else if let other = gridOfBuilding[number] {
                    r.error("building \(number) is already in grid \(other)", at: node)
                } else {
                    gridOfBuilding[number] = gid
                    numbers.append(number)
                }
            }
            grids.append(Community.Grid(id: gid, name: gname, workerID: worker, buildingNumbers: numbers, location: r.location(of: item)))
        }
        if top["grids"] != nil {
            for building in buildings where gridOfBuilding[building.number] == nil {
                r.report(.error, "building \(building.number) is in no grid", at: building.location)
            }
        }

        // Roles.
        var roles: [OwnerRole: [String]] = [:]
        if let entry = top["roles"] {
            for pair in r.mapping(entry.value, "roles") ?? [] {
                guard let role = OwnerRole(rawValue: pair.key) else {
                    let known = OwnerRole.allCases.filter { !placeRoles.contains($0) && !externalRoles.contains($0) }
                    r.error("unknown role '\(pair.key)' (known: \(known.map(\.rawValue).joined(separator: ", ")))", at: pair.keyNode)
                    continue
                }
                if placeRoles.contains(role) {
                    r.error("'\(role.rawValue)' is assigned per building or grid, not under roles", at: pair.keyNode)
                    continue
                }
                if externalRoles.contains(role) {
                    r.error("'\(role.rawValue)' is outside the community; cases are referred to it, nobody is listed", at: pair.keyNode)
                    continue
                }
                let members = r.scalarList(pair.value, "the people of \(role.rawValue)")
                if members.isEmpty {
                    r.error("role '\(role.rawValue)' has no person", at: pair.keyNode)
                    continue
                }
                var ids: [String] = []
                for (pid, node) in members {
                    checkPerson(pid, node, "role \(role.rawValue)", &r)
                    if ids.contains(pid) {
                        r.error("role '\(role.rawValue)' lists '\(pid)' twice", at: node)
                    } else {
                        ids.append(pid)
                    }
                }
                roles[role] = ids
            }
            if roles[.secretary] == nil {
                r.error("roles needs a 'secretary' (escalations go to 书记直通车)", at: entry.keyNode)
            }
        }
        for person in people where !usedPeople.contains(person.id) {
            r.warning("person '\(person.id)' holds no role, building or grid", at: personNodes[person.id])
        }

        return Community(id: id, name: name, areas: areas, buildings: buildings, grids: grids, people: people, roles: roles)
    }
}
