public import Rules
import Foundation

/// Where a 转派 sends a case: a role (the router finds the person by place) or a member of staff.
public enum ReassignTarget: Sendable, Hashable {
    case role(OwnerRole)
    case person(userID: String)

    /// Reads what staff typed: a role id (`mediation`), a role's Chinese name or a short form
    /// (调解室, 调解, 物业, 管家, 居委会 ...), or a member of staff by user id, person id or name.
    /// - Returns: nil when it is none of these.
    public static func resolve(_ text: String, directory: CommunityDirectory) -> ReassignTarget? {
        let t = text.trimmingCharacters(in: .whitespaces)
        if let role = role(t) { return .role(role) }
        if let person = directory.person(userID: t) ?? directory.person(id: t)
            ?? directory.community.people.first(where: { $0.name == t }) {
            return .person(userID: person.userID)
        }
        return nil
    }

    /// A role by id, title or short Chinese name.
    public static func role(_ text: String) -> OwnerRole? {
        if let role = OwnerRole(rawValue: text.lowercased()) { return role }
        if let role = OwnerRole.allCases.first(where: { $0.title == text }) { return role }
        return aliases[text]
    }

    /// An outside body a case can be referred to (转办): 12345, 110, 119, 120 and their names.
    public static func externalRole(_ text: String) -> OwnerRole? {
        guard let role = role(text), CommunityLoader.externalRoles.contains(role) else { return nil }
        return role
    }

    private static let aliases: [String: OwnerRole] = [
        "物业": .property, "物业公司": .property,
        "管家": .steward, "楼长": .steward,
        "业委会主任": .ownersCommittee, "业主委员会": .ownersCommittee,
        "党支部": .branch, "支部": .branch,
        "服务专员": .serviceOfficer, "专员": .serviceOfficer,
        "网格": .gridWorker,
        "调解": .mediation, "调解委员会": .mediation,
        "居委会": .residentsCommittee,
        "书记": .secretary, "书记直通车": .secretary,
        "律师": .lawyer,
        "热线": .hotline12345, "市民热线": .hotline12345,
    ]
}
