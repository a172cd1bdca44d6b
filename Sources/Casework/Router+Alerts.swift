public import Rules

extension Router {
    /// Who is alerted at once about an emergency at a place: the grid worker of the building's
    /// grid (every grid worker when the building is unknown), the building's steward, and the
    /// people the `emergency` route informs (the secretary in the bundled table).
    public func emergencyRecipients(for place: CasePlace) -> [String] {
        var out: [String] = []
        func add(_ person: Community.Person?) {
            if let person, !out.contains(person.userID) { out.append(person.userID) }
        }
        if let number = place.building, directory.building(number) != nil {
            add(directory.gridWorker(ofBuilding: number))
            add(directory.steward(ofBuilding: number, unit: place.unit))
        } else {
            directory.people(in: .gridWorker).forEach { add($0) }
        }
        let route = table.route(category: "emergency")
        for role in route.informRoles where role != .steward && role != .gridWorker {
            add(directory.people(in: role).first)
        }
        route.informPeople.forEach { add(directory.person(id: $0)) }
        return out
    }

    /// Who is told when a resident asks for a person (转人工): the secretary for 书记直通车
    /// (`reason` "secretary"), otherwise the lead of the triage role (居委会).
    public func handoffRecipients(reason: String) -> [String] {
        let role: OwnerRole = reason == "secretary" ? .secretary : table.triageRole
        return directory.people(in: role).prefix(1).map(\.userID)
    }
}
