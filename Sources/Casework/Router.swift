public import Rules

/// Decides where a case goes: category (and sub-topic) -> owner role by the routing table,
/// then place -> person by the community directory. Pure; every decision carries its reason.
public struct Router: Sendable {
    public var directory: CommunityDirectory
    public var table: RoutingTable
    /// Category id -> Chinese title (公共空间), for the reasons; ids are shown when missing.
    public var categoryTitles: [String: String]

    public init(directory: CommunityDirectory, table: RoutingTable, categoryTitles: [String: String] = [:]) {
        self.directory = directory
        self.table = table
        self.categoryTitles = categoryTitles
    }

    /// Routes a draft by the table.
    public func route(_ draft: CaseDraft) -> RoutingDecision {
        let route = table.route(category: draft.categoryID, subtopic: draft.subtopicID)
        var why = "类别「\(title(of: draft.categoryID))」"
        if let sub = route.subtopicID { why += "（\(sub)）" }
        if route.isKnown {
            why += "按派单规则由\(route.owner.title)负责"
        } else {
            why += "没有派单规则，交\(route.owner.title)分派"
        }
        var decision = decide(draft, role: route.owner, informRoles: route.informRoles, informPeople: route.informPeople, why: why)
        if !route.isKnown {
            decision.needsTriage = true
            decision.triageUserIDs = triagePeople(excluding: decision.personUserID)
        }
        let routeUrgency = Urgency(route.urgency)
        decision.urgency = draft.urgency.rank >= routeUrgency.rank ? draft.urgency : routeUrgency
        decision.needsMeeting = route.needsMeeting
        if decision.needsMeeting { decision.reason += "；此类事项需召开商量会议" }
        return decision
    }

    /// Routes a draft to a given role (转派), keeping the table's informed roles for its category.
    public func route(_ draft: CaseDraft, to role: OwnerRole) -> RoutingDecision {
        let route = table.route(category: draft.categoryID, subtopic: draft.subtopicID)
        var decision = decide(draft, role: role, informRoles: route.informRoles, informPeople: route.informPeople,
            why: "转派给\(role.title)")
        let routeUrgency = Urgency(route.urgency)
        decision.urgency = draft.urgency.rank >= routeUrgency.rank ? draft.urgency : routeUrgency
        decision.needsMeeting = route.needsMeeting
        return decision
    }

    /// Routes a draft to a named member of staff (转派 to a person), under their first role that
    /// fits: the case's routed role if they hold it, else their first role.
    /// - Returns: nil when the user id is not staff.
    public func route(_ draft: CaseDraft, toUserID userID: String) -> RoutingDecision? {
        let roles = directory.roles(ofUserID: userID)
        guard !roles.isEmpty else { return nil }
        let routed = table.route(category: draft.categoryID, subtopic: draft.subtopicID)
        let role = roles.contains(routed.owner) ? routed.owner : roles.sorted { $0.rawValue < $1.rawValue }.first!
        var decision = self.route(draft, to: role)
        decision.personUserID = userID
        decision.needsTriage = false
        decision.triageUserIDs = []
        decision.informedUserIDs.removeAll { $0 == userID }
        decision.reason = "转派给\(role.title)\(directory.displayName(ofUserID: userID))"
        return decision
    }

    // MARK: Resolution

    private func decide(_ draft: CaseDraft, role: OwnerRole, informRoles: [OwnerRole], informPeople: [String], why: String) -> RoutingDecision {
        var reasons = [why]
        let place = draft.place
        var knownBuilding: Int?
        if let number = place.building {
            if directory.building(number) != nil {
                knownBuilding = number
                var where_ = "地点为\(describe(place))"
                let extra = [directory.areaName(ofBuilding: number), directory.grid(ofBuilding: number)?.name].compactMap { $0 }
                if !extra.isEmpty { where_ += "（" + extra.joined(separator: "，") + "）" }
                reasons.append(where_)
            } else {
                reasons.append("社区名录中没有\(number)栋")
            }
        }

        var person: String?
        var triage = false
        switch role {
        case .steward, .gridWorker:
            if let number = knownBuilding {
                let found = role == .steward ? directory.steward(ofBuilding: number, unit: place.unit) : directory.gridWorker(ofBuilding: number)
                if let found {
                    person = found.userID
                    let label = role == .steward && place.unit != nil && directory.building(number)?.unitStewardIDs[place.unit!] != nil
                        ? "\(number)栋\(place.unit!)单元" : "\(number)栋"
                    reasons.append("\(label)的\(role.title)是\(found.name)")
                } else {
                    triage = true
                    reasons.append("\(number)栋没有登记\(role.title)，需人工分派")
                }
            } else {
                triage = true
                if place.building == nil { reasons.append("没有说明楼栋，无法确定\(role.title)，需人工分派") }
                else { reasons.append("无法确定\(role.title)，需人工分派") }
            }
        case .hotline12345, .police110, .fire119, .ambulance120:
            reasons.append("转\(role.title)办理")
        default:
            if let lead = directory.people(in: role).first {
                person = lead.userID
                reasons.append("\(role.title)牵头人是\(lead.name)")
            } else {
                triage = true
                reasons.append("社区名录中没有\(role.title)的人员，需人工分派")
            }
        }

        var informed: [String] = []
        var informedNames: [String] = []
        func add(_ p: Community.Person, as label: String) {
            guard p.userID != person, !informed.contains(p.userID) else { return }
            informed.append(p.userID)
            informedNames.append("\(label)\(p.name)")
        }
        for informRole in informRoles where informRole != role || person == nil {
            switch informRole {
            case .steward:
                if let number = knownBuilding, let p = directory.steward(ofBuilding: number, unit: place.unit) { add(p, as: "\(number)栋红色管家") }
            case .gridWorker:
                if let number = knownBuilding, let p = directory.gridWorker(ofBuilding: number) { add(p, as: "网格员") }
            default:
                if let p = directory.people(in: informRole).first { add(p, as: informRole.title) }
            }
        }
        for pid in informPeople {
            if let p = directory.person(id: pid) { add(p, as: "") }
        }
        if !informedNames.isEmpty { reasons.append("同时告知" + informedNames.joined(separator: "、")) }

        return RoutingDecision(
            role: role, personUserID: person, informedUserIDs: informed, reason: reasons.joined(separator: "；"),
            needsTriage: triage, triageUserIDs: triage ? triagePeople(excluding: person) : [], urgency: draft.urgency)
    }

    private func triagePeople(excluding userID: String?) -> [String] {
        directory.people(in: table.triageRole).map(\.userID).filter { $0 != userID }
    }

    private func title(of categoryID: String) -> String { categoryTitles[categoryID] ?? categoryID }

    /// "3栋2单元楼道" from a place.
    func describe(_ place: CasePlace) -> String {
        CasePlace.describe(place)
    }
}

extension CasePlace {
    /// A short Chinese description: "东区3栋2单元501 楼道"; "未说明地点" when empty.
    public static func describe(_ place: CasePlace) -> String {
        var out = place.area ?? ""
        if let building = place.building { out += "\(building)栋" }
        if let unit = place.unit { out += "\(unit)单元" }
        if let room = place.room { out += room }
        if let spot = place.spot { out += (out.isEmpty ? "" : " ") + spot }
        return out.isEmpty ? "未说明地点" : out
    }
}
