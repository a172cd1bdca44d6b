/// The community directory as written in `rules/community.yaml`: areas, buildings with their
/// stairwells, grids, the people behind each owner role. Residents are not listed.
///
/// Load it with `CommunityLoader`; look things up through `CommunityDirectory`.
public struct Community: Sendable, Hashable {
    /// A part of the estate (东区, 西区).
    public struct Area: Sendable, Hashable {
        public var id: String
        public var name: String
        public var location: SourceLocation?

        public init(id: String, name: String, location: SourceLocation? = nil) {
            self.id = id
            self.name = name
            self.location = location
        }
    }

    /// A building (楼栋) and its stairwells (单元).
    public struct Building: Sendable, Hashable {
        /// The number residents say: 3 in "3栋". Unique in the community.
        public var number: Int
        /// The id of its area, if the community has areas.
        public var areaID: String?
        /// How many stairwells (单元) it has; units are numbered 1...units.
        public var units: Int
        /// The person id of its steward (红色管家).
        public var stewardID: String
        /// Stairwells with a steward of their own: unit number -> person id.
        public var unitStewardIDs: [Int: String]
        public var location: SourceLocation?

        public init(
            number: Int, areaID: String? = nil, units: Int = 1, stewardID: String, unitStewardIDs: [Int: String] = [:],
            location: SourceLocation? = nil
        ) {
            self.number = number
            self.areaID = areaID
            self.units = units
            self.stewardID = stewardID
            self.unitStewardIDs = unitStewardIDs
            self.location = location
        }
    }

    /// A grid (网格): a group of buildings with one grid worker.
    public struct Grid: Sendable, Hashable {
        public var id: String
        public var name: String
        /// The person id of its grid worker (网格员).
        public var workerID: String
        public var buildingNumbers: [Int]
        public var location: SourceLocation?

        public init(id: String, name: String, workerID: String, buildingNumbers: [Int], location: SourceLocation? = nil) {
            self.id = id
            self.name = name
            self.workerID = workerID
            self.buildingNumbers = buildingNumbers
            self.location = location
        }
    }

    /// A member of staff: who they are and the user id they use in the chat or the gateway.
    public struct Person: Sendable, Hashable {
        public var id: String
        /// Their name as shown to residents: 王磊.
        public var name: String
        /// The user id their messages carry (`staff:wang-lei`); how the chat knows they are staff.
        public var userID: String
        /// Optional job title: 物业项目经理.
        public var title: String?
        public var location: SourceLocation?

        public init(id: String, name: String, userID: String, title: String? = nil, location: SourceLocation? = nil) {
            self.id = id
            self.name = name
            self.userID = userID
            self.title = title
            self.location = location
        }
    }

    public var id: String
    /// The Chinese name: 幸福里社区.
    public var name: String
    public var areas: [Area]
    public var buildings: [Building]
    public var grids: [Grid]
    public var people: [Person]
    /// The people (person ids, lead first) behind each role other than `steward` and
    /// `grid-worker`, which come from the buildings and the grids.
    public var roles: [OwnerRole: [String]]

    public init(
        id: String, name: String, areas: [Area] = [], buildings: [Building], grids: [Grid], people: [Person],
        roles: [OwnerRole: [String]]
    ) {
        self.id = id
        self.name = name
        self.areas = areas
        self.buildings = buildings
        self.grids = grids
        self.people = people
        self.roles = roles
    }
}
