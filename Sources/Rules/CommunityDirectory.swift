/// Look-ups over a loaded `Community`: building -> grid, grid worker and steward; role ->
/// people; user id -> staff member and roles.
public struct CommunityDirectory: Sendable, Hashable {
    public let community: Community
    private let peopleByID: [String: Community.Person]
    private let peopleByUserID: [String: Community.Person]
    private let buildingsByNumber: [Int: Community.Building]
    private let gridsByBuilding: [Int: Community.Grid]

    /// Indexes a community. With duplicates (which lint reports) the first one wins.
    public init(_ community: Community) {
        self.community = community
        peopleByID = Dictionary(community.people.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        peopleByUserID = Dictionary(community.people.map { ($0.userID, $0) }, uniquingKeysWith: { first, _ in first })
        buildingsByNumber = Dictionary(community.buildings.map { ($0.number, $0) }, uniquingKeysWith: { first, _ in first })
        var grids: [Int: Community.Grid] = [:]
        for grid in community.grids {
            for number in grid.buildingNumbers where grids[number] == nil { grids[number] = grid }
        }
        gridsByBuilding = grids
    }

    // MARK: Places

    /// The building with this number.
    public func building(_ number: Int) -> Community.Building? { buildingsByNumber[number] }

    /// The grid a building belongs to.
    public func grid(ofBuilding number: Int) -> Community.Grid? { gridsByBuilding[number] }

    /// The grid worker (网格员) of a building's grid.
    public func gridWorker(ofBuilding number: Int) -> Community.Person? {
        grid(ofBuilding: number).flatMap { person(id: $0.workerID) }
    }

    /// The steward (红色管家) of a building, or of one of its stairwells when it has its own.
    public func steward(ofBuilding number: Int, unit: Int? = nil) -> Community.Person? {
        guard let building = building(number) else { return nil }
        if let unit, let id = building.unitStewardIDs[unit], let person = person(id: id) { return person }
        return person(id: building.stewardID)
    }

    /// The area name of a building (东区), if it has one.
    public func areaName(ofBuilding number: Int) -> String? {
        guard let areaID = building(number)?.areaID else { return nil }
        return community.areas.first { $0.id == areaID }?.name
    }

    // MARK: People

    /// A person by their id in the file.
    public func person(id: String) -> Community.Person? { peopleByID[id] }

    /// The staff member who uses this chat user id, if any.
    public func person(userID: String) -> Community.Person? { peopleByUserID[userID] }

    /// True when the user id belongs to a member of staff (anyone listed in the directory).
    public func isStaff(userID: String) -> Bool { peopleByUserID[userID] != nil }

    /// The people holding a role, lead first. Stewards and grid workers are everyone who
    /// stewards a building or works a grid.
    public func people(in role: OwnerRole) -> [Community.Person] {
        let ids: [String]
        switch role {
        case .steward:
            ids = community.buildings.flatMap { [$0.stewardID] + $0.unitStewardIDs.sorted { $0.key < $1.key }.map(\.value) }
        case .gridWorker:
            ids = community.grids.map(\.workerID)
        default:
            ids = community.roles[role] ?? []
        }
        var seen = Set<String>()
        return ids.filter { seen.insert($0).inserted }.compactMap { person(id: $0) }
    }

    /// The roles a chat user holds (empty for residents).
    public func roles(ofUserID userID: String) -> Set<OwnerRole> {
        guard let person = person(userID: userID) else { return [] }
        var roles = Set<OwnerRole>()
        for (role, ids) in community.roles where ids.contains(person.id) { roles.insert(role) }
        if community.buildings.contains(where: { $0.stewardID == person.id || $0.unitStewardIDs.values.contains(person.id) }) {
            roles.insert(.steward)
        }
        if community.grids.contains(where: { $0.workerID == person.id }) { roles.insert(.gridWorker) }
        return roles
    }

    /// The buildings a user stewards (for "我的待办" and filters).
    public func buildings(stewardedBy userID: String) -> [Int] {
        guard let person = person(userID: userID) else { return [] }
        return community.buildings
            .filter { $0.stewardID == person.id || $0.unitStewardIDs.values.contains(person.id) }
            .map(\.number)
    }

    /// The secretaries (书记直通车): who escalations go to.
    public var secretaries: [Community.Person] { people(in: .secretary) }

    /// How a user is named to others: "王磊（物业服务企业）", or the user id when unknown.
    public func displayName(ofUserID userID: String) -> String {
        guard let person = person(userID: userID) else { return userID }
        if let title = person.title { return "\(person.name)（\(title)）" }
        return person.name
    }
}
