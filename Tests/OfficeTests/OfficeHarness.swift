import Casework
import Conversation
import Foundation
import Office
import Rules
import Store
import TestSupport
import Understanding

/// An office over an in-memory (or given) store, a table classifier and the test catalog.
struct OfficeHarness {
    static let table: [String: Classification] = [
        "3栋电梯坏了": .category("facilities", subtopic: "lift", building: 3, text: "3栋电梯坏了"),
        "3栋电梯又坏了": .category("facilities", subtopic: "lift", building: 3, text: "3栋电梯又坏了"),
        "昨天": .nothing("昨天"),
        "整栋楼": .nothing("整栋楼"),
        "是": .moves(["yes"], text: "是"),
        "没有": .moves(["no"], text: "没有"),
        "附议": .moves(["cosign"], text: "附议"),
        "转人工": .moves(["handoff"], text: "转人工"),
        "5栋着火了": .emergency("fire", text: "5栋着火了", building: 5),
        "我的诉求": .moves(["my-cases"], text: "我的诉求"),
        "接单 2026-0001": .moves([], text: "接单 2026-0001", caseNumbers: ["2026-0001"]),
    ]

    let clock = FixedClock(iso: "2026-11-26T10:00:00+08:00")
    let store: Store
    let office: Office

    init(store: Store? = nil, router: (any CaseRouting)? = nil, interceptors: [any TurnInterceptor] = []) throws {
        let store = try store ?? Store.inMemory()
        self.store = store
        let book = RuleBook(
            classifier: TableClassifier(Self.table), catalog: Fixtures.catalog, replies: Fixtures.replies(), router: router,
            interceptors: interceptors, hash: "sha256:test")
        office = try Office(store: store, clock: clock.closure, loadRules: { book })
    }

    /// Sends one message (terminal style, no id unless given) and returns the outcome.
    @discardableResult
    func say(_ text: String, user: String = "u1", id: String? = nil) throws -> TurnOutcome {
        try office.handle([Inbound(messageID: id, userID: user, userName: "张阿姨", text: text, channel: "test")])[0]
    }
}

/// Routes to a named person and alerts a grid worker: what casework will plug in.
struct PersonRouting: CaseRouting {
    func route(_ record: CaseRecord, now: Date) -> CaseRecord {
        var routed = record
        routed.ownerRole = .property
        routed.ownerUserID = "wang-property"
        routed.informedUserIDs = ["steward-\(record.draft.place.building ?? 0)"]
        routed.acceptBy = now.addingTimeInterval(7200)
        routed.resolveBy = now.addingTimeInterval(86400)
        routed.state = .dispatched
        return routed
    }

    func emergencyRecipients(for place: CasePlace) -> [String] { ["grid-\(place.building ?? 0)"] }
}
