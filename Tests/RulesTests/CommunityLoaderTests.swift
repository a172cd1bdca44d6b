import Foundation
import Rules
import Testing

/// The community file: loading, lint diagnostics with positions, and directory look-ups.
@Suite struct CommunityLoaderTests {
    static let valid = """
        id: demo
        name: 示例社区
        areas:
          - {id: east, name: 东区}
        people:
          - {id: chen, name: 陈书记, user: "staff:chen", title: 书记}
          - {id: wang, name: 王磊, user: "staff:wang"}
          - {id: zhao, name: 赵敏, user: "staff:zhao"}
          - {id: qian, name: 钱军, user: "staff:qian"}
          - {id: li, name: 李娜, user: "staff:li"}
        buildings:
          - {number: 1, area: east, units: 2, steward: zhao}
          - {number: 2, units: 3, steward: zhao, unit_stewards: {3: qian}}
        grids:
          - {id: grid-1, name: 第一网格, worker: li, buildings: [1, 2]}
        roles:
          secretary: [chen]
          property: [wang, chen]
        """

    /// Every diagnostic of a lint run as `line:col: severity: message`, for readable expectations.
    func lint(_ text: String) -> [Diagnostic] {
        CommunityLoader.lint(text: text, file: "community.yaml").1
    }

    func errors(_ text: String) -> [Diagnostic] { lint(text).filter { $0.severity == .error } }

    /// Replaces one line of the valid file (found by its text) with another.
    func variant(_ old: String, _ new: String) -> String {
        precondition(Self.valid.contains(old), "fixture has no \(old)")
        return Self.valid.replacingOccurrences(of: old, with: new)
    }

    @Test func theValidFileLoadsWithoutDiagnostics() throws {
        let (community, warnings) = try CommunityLoader.load(text: Self.valid, file: "community.yaml")
        #expect(warnings.isEmpty)
        #expect(community.name == "示例社区")
        #expect(community.buildings.map(\.number) == [1, 2])
        #expect(community.buildings[1].unitStewardIDs == [3: "qian"])
        #expect(community.roles[.property] == ["wang", "chen"])
        #expect(community.people.first?.location?.line == 6)
    }

    @Test func directoryLookups() throws {
        let directory = CommunityDirectory(try CommunityLoader.load(text: Self.valid, file: "c.yaml").0)
        #expect(directory.grid(ofBuilding: 2)?.id == "grid-1")
        #expect(directory.gridWorker(ofBuilding: 1)?.userID == "staff:li")
        #expect(directory.steward(ofBuilding: 2)?.id == "zhao")
        #expect(directory.steward(ofBuilding: 2, unit: 3)?.id == "qian")
        #expect(directory.steward(ofBuilding: 9) == nil)
        #expect(directory.areaName(ofBuilding: 1) == "东区")
        #expect(directory.areaName(ofBuilding: 2) == nil)
        #expect(directory.people(in: .property).map(\.id) == ["wang", "chen"])
        #expect(directory.people(in: .steward).map(\.id) == ["zhao", "qian"])
        #expect(directory.people(in: .mediation).isEmpty)
        #expect(directory.roles(ofUserID: "staff:chen") == [.secretary, .property])
        #expect(directory.roles(ofUserID: "staff:zhao") == [.steward])
        #expect(directory.roles(ofUserID: "staff:li") == [.gridWorker])
        #expect(directory.roles(ofUserID: "wx:resident").isEmpty)
        #expect(directory.isStaff(userID: "staff:qian"))
        #expect(!directory.isStaff(userID: "wx:resident"))
        #expect(directory.buildings(stewardedBy: "staff:zhao") == [1, 2])
        #expect(directory.secretaries.map(\.id) == ["chen"])
        #expect(directory.displayName(ofUserID: "staff:chen") == "陈书记（书记）")
    }

    @Test func unknownBuildingInAGridIsReportedAtItsPosition() {
        let found = errors(variant("buildings: [1, 2]}", "buildings: [1, 2, 7]}"))
        #expect(found.count == 1)
        let diagnostic = found[0]
        #expect(diagnostic.message.contains("unknown building 7"))
        #expect(diagnostic.location?.line == 15)
        #expect(diagnostic.location?.column == 60)
        #expect(diagnostic.description.hasPrefix("community.yaml:15:60: error: "))
        #expect(diagnostic.sourceLine?.contains("grid-1") == true)
        // The caret sits under the 7, counting the four wide characters of 第一网格 twice.
        let caretLine = diagnostic.description.split(separator: "\n").last.map(String.init) ?? ""
        #expect(caretLine.count == 59 + 4 + 1)
    }

    @Test func aBuildingInNoGridOrTwoGrids() {
        let none = errors(variant("buildings: [1, 2]}", "buildings: [1]}"))
        #expect(none.map(\.message) == ["building 2 is in no grid"])
        #expect(none.first?.location?.line == 13)
        let twice = errors(variant("buildings: [1, 2]}", "buildings: [1, 2]}\n  - {id: grid-2, name: 二, worker: li, buildings: [2]}"))
        #expect(twice.map(\.message) == ["building 2 is already in grid grid-1"])
    }

    @Test func aRoleWithoutAPerson() {
        let found = errors(variant("property: [wang, chen]", "property: []"))
        #expect(found.map(\.message) == ["role 'property' has no person"])
        #expect(found.first?.location?.line == 18)
        #expect(found.first?.location?.column == 3)
    }

    @Test func theSecretaryIsRequired() {
        let found = errors(variant("  secretary: [chen]\n", ""))
        #expect(found.count == 1)
        #expect(found.first?.message.contains("secretary") == true)
    }

    @Test func unknownRolesAndRolesThatComeFromPlaces() {
        let found = errors(variant("secretary: [chen]", "secretary: [chen]\n  janitor: [wang]\n  steward: [zhao]\n  \"12345\": [wang]"))
        #expect(found.count == 3)
        #expect(found[0].message.hasPrefix("unknown role 'janitor'"))
        #expect(found[0].location?.line == 18)
        #expect(found[1].message.contains("per building or grid"))
        #expect(found[2].message.contains("outside the community"))
    }

    @Test func duplicateIds() {
        let people = errors(variant("- {id: li, name: 李娜, user: \"staff:li\"}", "- {id: li, name: 李娜, user: \"staff:li\"}\n  - {id: li, name: 李四, user: \"staff:li4\"}"))
        #expect(people.map(\.message) == ["duplicate person id 'li'"])
        #expect(people.first?.location?.line == 11)
        let users = errors(variant("- {id: li, name: 李娜, user: \"staff:li\"}", "- {id: li, name: 李娜, user: \"staff:li\"}\n  - {id: li4, name: 李四, user: \"staff:li\"}"))
        #expect(users.first?.message.contains("duplicate user id 'staff:li'") == true)
        let buildings = errors(variant("- {number: 1, area: east, units: 2, steward: zhao}", "- {number: 1, area: east, units: 2, steward: zhao}\n  - {number: 1, steward: qian}"))
        #expect(buildings.map(\.message) == ["duplicate building 1"])
        let keys = errors(variant("name: 示例社区", "name: 示例社区\nname: 又一个"))
        #expect(keys.count == 1)
        // Reported by the shared YAMLDocument, at the mapping (Yams gives no key position).
        #expect(keys.first?.message.contains("duplicate key") == true)
        #expect(keys.first?.message.contains("name") == true)
        #expect((1...3).contains(keys.first?.location?.line ?? 0))
    }

    @Test func unknownPeopleAreasUnitsAndKeys() {
        let found = errors(variant("- {number: 1, area: east, units: 2, steward: zhao}", "- {number: 1, area: north, units: 2, steward: zhou, unit_stewards: {4: qian}, colour: red}"))
        let messages = found.map(\.message)
        #expect(messages.contains { $0.hasPrefix("unknown key 'colour' in a building") })
        #expect(messages.contains("building 1: unknown area 'north'"))
        #expect(messages.contains("building 1's steward: unknown person 'zhou' (not listed under people)"))
        #expect(messages.contains("building 1 has 2 stairwell(s); there is no unit 4"))
        #expect(found.allSatisfy { $0.location?.line == 12 })
    }

    @Test func syntaxErrorsCarryThePosition() {
        let found = errors("id: demo\nname: [unclosed\npeople: []\n")
        #expect(found.count == 1)
        #expect(found.first?.message.hasPrefix("YAML syntax") == true)
        #expect(found.first?.location?.line == 3)
    }

    @Test func missingKeysAndWrongShapes() {
        let found = errors("id: demo\nname: x\npeople: {a: b}\n")
        let messages = found.map(\.message)
        #expect(messages.contains("the community file needs 'buildings'"))
        #expect(messages.contains("the community file needs 'grids'"))
        #expect(messages.contains("the community file needs 'roles'"))
        #expect(messages.contains("people must be a list"))
    }

    @Test func aPersonWithNothingToDoIsAWarning() throws {
        let text = variant("- {id: li, name: 李娜, user: \"staff:li\"}", "- {id: li, name: 李娜, user: \"staff:li\"}\n  - {id: idle, name: 闲人, user: \"staff:idle\"}")
        let (_, warnings) = try CommunityLoader.load(text: text, file: "c.yaml")
        #expect(warnings.map(\.severity) == [.warning])
        #expect(warnings.first?.message.contains("'idle'") == true)
    }

    @Test func loadThrowsEveryErrorAtOnce() {
        let broken = variant("property: [wang, chen]", "property: []\n  janitor: [wang]")
        #expect {
            try CommunityLoader.load(text: broken, file: "c.yaml")
        } throws: { error in
            (error as? DiagnosticError)?.errorCount == 2
        }
    }

    @Test func theBundledCommunityIsValid() throws {
        let url = Self.repositoryRoot.appendingPathComponent("rules/community.yaml")
        let (community, warnings) = try CommunityLoader.load(contentsOf: url)
        #expect(warnings.isEmpty)
        let directory = CommunityDirectory(community)
        #expect(community.buildings.count == 12)
        #expect(community.grids.count == 3)
        #expect(Set(community.buildings.map(\.number)) == Set(1...12))
        for building in community.buildings {
            #expect(directory.steward(ofBuilding: building.number) != nil)
            #expect(directory.gridWorker(ofBuilding: building.number) != nil)
        }
        #expect(directory.secretaries.count == 1)
        for role in [OwnerRole.property, .ownersCommittee, .branch, .serviceOfficer, .mediation, .residentsCommittee, .lawyer] {
            #expect(!directory.people(in: role).isEmpty, "nobody in \(role.rawValue)")
        }
    }

    static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }
}
