import Foundation
import Rules
@testable import Casework

/// A small community, built in code: buildings 1–4 in grid-a (worker li-na), 5–6 in grid-b
/// (worker zhang-wei); building 3 unit 2 has its own steward; one person per fixed role.
enum Fixture {
    static let beijing = TimeZone(identifier: "Asia/Shanghai")!

    /// A time in Beijing.
    static func at(_ month: Int, _ day: Int, _ hour: Int, _ minute: Int = 0, year: Int = 2026) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = beijing
        return calendar.date(from: DateComponents(year: year, month: month, day: day, hour: hour, minute: minute))!
    }

    static let hour: TimeInterval = 3600
    static let day: TimeInterval = 86400

    static let community = Community(
        id: "test", name: "测试社区",
        areas: [.init(id: "east", name: "东区")],
        buildings: [
            .init(number: 1, areaID: "east", units: 2, stewardID: "s1"),
            .init(number: 2, areaID: "east", units: 2, stewardID: "s2"),
            .init(number: 3, areaID: "east", units: 2, stewardID: "s3", unitStewardIDs: [2: "s3b"]),
            .init(number: 4, units: 1, stewardID: "s4"),
            .init(number: 5, units: 1, stewardID: "s5"),
            .init(number: 6, units: 1, stewardID: "s5"),
        ],
        grids: [
            .init(id: "grid-a", name: "甲网格", workerID: "li-na", buildingNumbers: [1, 2, 3, 4]),
            .init(id: "grid-b", name: "乙网格", workerID: "zhang-wei", buildingNumbers: [5, 6]),
        ],
        people: [
            .init(id: "s1", name: "赵一", userID: "staff:s1"),
            .init(id: "s2", name: "钱二", userID: "staff:s2"),
            .init(id: "s3", name: "孙三", userID: "staff:s3"),
            .init(id: "s3b", name: "孙三乙", userID: "staff:s3b"),
            .init(id: "s4", name: "李四", userID: "staff:s4"),
            .init(id: "s5", name: "周五", userID: "staff:s5"),
            .init(id: "li-na", name: "李娜", userID: "staff:li-na"),
            .init(id: "zhang-wei", name: "张伟", userID: "staff:zhang-wei"),
            .init(id: "wang", name: "王磊", userID: "staff:wang", title: "物业项目经理"),
            .init(id: "sun", name: "孙慧", userID: "staff:sun"),
            .init(id: "chen", name: "陈书记", userID: "staff:chen"),
            .init(id: "zheng", name: "郑调解", userID: "staff:zheng"),
            .init(id: "feng", name: "冯主任", userID: "staff:feng"),
            .init(id: "wu", name: "吴专员", userID: "staff:wu"),
        ],
        roles: [
            .property: ["wang", "sun"], .secretary: ["chen"], .mediation: ["zheng"], .residentsCommittee: ["feng"],
            .serviceOfficer: ["wu"],
        ])

    static let directory = CommunityDirectory(community)

    static let table = RoutingTable(
        categories: [
            "public-space": .init(categoryID: "public-space", route: .init(owner: .steward), subtopics: [
                "activity-room": .init(owner: .residentsCommittee, informRoles: [])
            ]),
            "facilities": .init(categoryID: "facilities", route: .init(owner: .property, informRoles: [.steward]), subtopics: [
                "add-lift": .init(owner: .serviceOfficer, urgency: .complex, needsMeeting: true)
            ]),
            "neighbourhood": .init(categoryID: "neighbourhood", route: .init(
                owner: .mediation, informRoles: [.steward], limits: [.general: .init(resolve: 5 * day)])),
            "sanitation": .init(categoryID: "sanitation", route: .init(owner: .property, informRoles: [.steward, .gridWorker])),
            "community-life": .init(categoryID: "community-life", route: .init(owner: .residentsCommittee)),
            "parking": .init(categoryID: "parking", route: .init(owner: .property), subtopics: [
                "fire-lane": .init(urgency: .urgent)
            ]),
            "emergency": .init(categoryID: "emergency", route: .init(owner: .gridWorker, informRoles: [.secretary], urgency: .urgent)),
            "outside": .init(categoryID: "outside", route: .init(owner: .hotline12345)),
        ])

    static let titles = ["public-space": "公共空间", "facilities": "设施维修", "neighbourhood": "邻里关系", "sanitation": "环境卫生"]

    static let router = Router(directory: directory, table: table, categoryTitles: titles)
    static let lifecycle = Lifecycle(table: table, directory: directory)

    static func actor(_ userID: String) -> CaseActor { CaseActor(userID: userID, directory: directory) }

    static let resident = "wx:resident-1"

    static func draft(
        _ category: String = "public-space", subtopic: String? = nil, building: Int? = 3, unit: Int? = nil,
        urgency: Urgency = .general
    ) -> CaseDraft {
        CaseDraft(
            categoryID: category, subtopicID: subtopic, place: CasePlace(building: building, unit: unit, spot: "楼道"),
            summary: "楼道堆放杂物", urgency: urgency)
    }

    /// A case filed and dispatched at `at`.
    static func filed(
        _ draft: CaseDraft = draft(), number: String = "2026-0001", by resident: String = resident, at: Date = at(11, 2, 9)
    ) -> LifecycleOutcome {
        lifecycle.file(draft, number: number, filedBy: resident, at: at, decision: router.route(draft))
    }
}
