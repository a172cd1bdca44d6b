public import Foundation
public import Rules

/// The staff side of casework, shared by the chat (`接单 2026-0012` typed by a staff user id) and
/// the CLI (`shangliang case accept 2026-0012 --as staff:...`): turns a `StaffCommand` into a
/// lifecycle action, a listing or a case's details. Pure: the caller looks cases up, stores the
/// outcome and puts its notices in the outbox.
public struct CaseDesk: Sendable {
    /// What to answer the person who typed the command, and what to store.
    public struct Reply: Sendable, Hashable {
        /// Chinese text for the actor.
        public var text: String
        /// The change to store (record, events, notices); nil for listings and refusals.
        public var outcome: LifecycleOutcome?

        public init(text: String, outcome: LifecycleOutcome? = nil) {
            self.text = text
            self.outcome = outcome
        }
    }

    public var directory: CommunityDirectory
    public var router: Router
    public var lifecycle: Lifecycle
    /// Category id -> title; `category/subtopic` -> the sub-topic's title.
    public var categoryTitles: [String: String]

    public init(
        directory: CommunityDirectory, table: RoutingTable, categoryTitles: [String: String] = [:],
        timeZone: TimeZone = TimeZone(identifier: "Asia/Shanghai")!
    ) {
        self.directory = directory
        self.router = Router(directory: directory, table: table, categoryTitles: categoryTitles)
        self.lifecycle = Lifecycle(table: table, directory: directory, timeZone: timeZone)
        self.categoryTitles = categoryTitles
    }

    /// Said to a resident who types a staff command.
    public static let residentRefusal =
        "抱歉，这是社区工作人员使用的指令。您有什么诉求可以直接告诉我；想查看自己诉求的办理进度，请回复「我的诉求」。"

    /// Handles a staff command.
    /// - Parameters:
    ///   - userID: who typed it; a user the directory does not list gets `residentRefusal`.
    ///   - lookup: the case with a number, if any.
    ///   - openCases: every open case (for 我的待办 and 超时).
    ///   - events: the history of a case (for 查看).
    /// - Throws: `CaseworkError` (unknown case, wrong state, not this person's role, unknown
    ///   target); its description is the Chinese answer.
    public func handle(
        _ command: StaffCommand, from userID: String, at now: Date, lookup: (String) -> CaseRecord?,
        openCases: () -> [CaseRecord] = { [] }, events: (String) -> [CaseEvent] = { _ in [] }
    ) throws -> Reply {
        guard directory.isStaff(userID: userID) else { return Reply(text: Self.residentRefusal) }
        let actor = CaseActor(userID: userID, directory: directory)
        switch command {
        case .myTodo:
            let mine = todo(for: actor, in: openCases())
            return Reply(text: mine.isEmpty ? "您目前没有待办的诉求单。" : "您的待办（\(mine.count) 件）：\n" + list(mine, now: now))
        case .overdue:
            let late = openCases().filter { CaseFilter(overdueOnly: true).matches($0, now: now) }
            return Reply(text: late.isEmpty ? "目前没有超时的诉求单。" : "超时的诉求单（\(late.count) 件）：\n" + list(late, now: now))
        case .show(let number):
            guard let record = lookup(number) else { throw CaseworkError.unknownCase(number) }
            return Reply(text: detail(record, events: events(number), now: now))
        default:
            guard let number = command.caseNumber, let record = lookup(number) else {
                throw CaseworkError.unknownCase(command.caseNumber ?? "")
            }
            let outcome = try lifecycle.apply(action(for: command, on: record), to: record, by: actor, at: now)
            return Reply(text: outcome.summary, outcome: outcome)
        }
    }

    /// The lifecycle action a command stands for (not for 我的待办, 超时, 查看).
    /// - Throws: `CaseworkError.unknownTarget` for a 转派 to nobody known.
    public func action(for command: StaffCommand, on record: CaseRecord) throws -> CaseAction {
        switch command {
        case .accept: return .accept
        case .resolve(_, let note): return .resolve(note: note)
        case .confirmClose(_, let note): return .confirmClose(note: note)
        case .note(_, let text): return .note(text)
        case .refer(_, let to, let note): return .refer(to: to.flatMap(ReassignTarget.externalRole), note: note)
        case .reassign(_, let target, let note):
            switch ReassignTarget.resolve(target, directory: directory) {
            case .role(let role)?: return .reassign(router.route(record.draft, to: role), note: note)
            case .person(let userID)?:
                guard let decision = router.route(record.draft, toUserID: userID) else { throw CaseworkError.unknownTarget(target) }
                return .reassign(decision, note: note)
            case nil: throw CaseworkError.unknownTarget(target)
            }
        case .myTodo, .overdue, .show, .requests, .answer, .handled:
            throw CaseworkError.unknownTarget("")
        }
    }

    /// A staff member's open work: cases they own or follow; unassigned cases of a role they hold
    /// (for steward and grid-worker cases, only in their buildings); cases awaiting triage for
    /// the triage role; rated cases awaiting 办结确认 for the secretary. Oldest first.
    public func todo(for actor: CaseActor, in cases: [CaseRecord]) -> [CaseRecord] {
        let myBuildings = Set(directory.buildings(stewardedBy: actor.userID))
        let myGridBuildings = Set(directory.community.grids.filter { directory.person(id: $0.workerID)?.userID == actor.userID }
            .flatMap(\.buildingNumbers))
        return cases.filter { record in
            guard record.state.isOpen else { return false }
            if record.ownerUserID == actor.userID || record.followerUserID == actor.userID {
                // An owner's resolved case waits on the resident, not on them.
                return record.state != .resolved || record.ownerUserID != actor.userID
            }
            if actor.isSecretary && record.state == .resolved && record.rating != nil && record.rating != .unsatisfied { return true }
            if record.needsTriage && actor.roles.contains(lifecycle.table.triageRole) { return true }
            if record.ownerUserID == nil, let role = record.ownerRole, actor.roles.contains(role) {
                switch role {
                case .steward: return record.draft.place.building.map(myBuildings.contains) ?? true
                case .gridWorker: return record.draft.place.building.map(myGridBuildings.contains) ?? true
                default: return true
                }
            }
            return false
        }.sorted { ($0.filedAt, $0.number) < ($1.filedAt, $1.number) }
    }

    // MARK: Rendering

    /// One line per case: number, state, category, place, summary, the next limit.
    public func list(_ records: [CaseRecord], now: Date) -> String {
        records.map { record in
            var line = "\(record.number) · \(record.state.title) · \(title(of: record.draft.categoryID)) · "
            line += "\(CasePlace.describe(record.draft.place)) · \(record.draft.summary)"
            switch record.state {
            case .new, .dispatched, .reopened: line += " · \(lifecycle.time(record.acceptBy))前接单"
            case .accepted: line += " · \(lifecycle.time(record.resolveBy))前办结"
            case .resolved: line += record.rating.map { " · 居民评价：\($0.rawValue)" } ?? " · 待居民评价"
            default: break
            }
            if record.isPastLimit(at: now) { line += "【超时】" }
            if record.needsTriage { line += "【待分派】" }
            return line
        }.joined(separator: "\n")
    }

    /// A case's details and history, for `查看` and `shangliang case show`: including why it went
    /// where it went.
    public func detail(_ record: CaseRecord, events: [CaseEvent], now: Date) -> String {
        let urgency = (record.effectiveUrgency ?? record.draft.urgency).title
        var lines = ["诉求单 \(record.number) · \(record.state.title)\(record.isPastLimit(at: now) ? "【超时】" : "")"]
        var category = "类别：\(title(of: record.draft.categoryID))"
        if let sub = record.draft.subtopicID { category += "（\(categoryTitles["\(record.draft.categoryID)/\(sub)"] ?? sub)）" }
        lines.append(category + " · 紧急程度：\(urgency)")
        lines.append("地点：\(CasePlace.describe(record.draft.place))")
        lines.append("内容：\(record.draft.summary)")
        if let detail = record.draft.detail { lines.append("详情：\(detail)") }
        if let since = record.draft.since { lines.append("持续：\(since)") }
        if let households = record.draft.households { lines.append("影响：\(households)") }
        if let proposal = record.draft.proposal { lines.append("居民建议：\(proposal)") }
        lines.append("登记：\(lifecycle.time(record.filedAt))，\(record.filedBy)")
        var owner = "责任：\(lifecycle.ownerLabel(record))"
        if let follower = record.followerUserID { owner += " · 首问负责人：\(lifecycle.name(follower))" }
        lines.append(owner)
        if !record.informedUserIDs.isEmpty {
            lines.append("告知：" + record.informedUserIDs.map { lifecycle.name($0) }.joined(separator: "、"))
        }
        if let reason = record.routingReason { lines.append("派单理由：\(reason)") }
        if record.needsTriage { lines.append("待分派：需要人工确定责任人") }
        lines.append("时限：\(lifecycle.time(record.acceptBy))前接单 · \(lifecycle.time(record.resolveBy))前办结")
        if !record.cosigners.isEmpty { lines.append("附议：\(record.cosigners.count) 人") }
        if record.needsMeeting { lines.append("需召开商量会议") }
        if let rating = record.rating {
            lines.append("评价：\(rating.rawValue)" + (record.ratingComment.map { "（\($0)）" } ?? ""))
        }
        if let related = record.relatedCaseNumber { lines.append("关联原诉求单：\(related)") }
        let history = events.filter { $0.caseNumber == record.number }.sorted { $0.at < $1.at }
        if !history.isEmpty {
            lines.append("经过：")
            for event in history {
                let who = event.actor == CaseActor.system.userID ? "系统" : lifecycle.name(event.actor)
                var line = "  \(lifecycle.time(event.at)) \(event.kind.title)（\(who)）"
                if let rating = event.rating { line += "：\(rating.rawValue)" }
                if let note = event.note { line += (event.rating == nil ? "：" : "，") + note }
                lines.append(line)
            }
        }
        return lines.joined(separator: "\n")
    }

    private func title(of categoryID: String) -> String { categoryTitles[categoryID] ?? categoryID }
}
