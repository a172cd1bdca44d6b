public import Rules

/// Who is acting on a case: a chat user with the roles the directory gives them (none for a
/// resident), or the system clock.
public struct CaseActor: Sendable, Hashable {
    /// The chat user id; `system` for the clock.
    public var userID: String
    /// Owner roles held (from `CommunityDirectory.roles(ofUserID:)`); empty for residents.
    public var roles: Set<OwnerRole>

    public init(userID: String, roles: Set<OwnerRole> = []) {
        self.userID = userID
        self.roles = roles
    }

    /// A chat user, with their roles looked up in the directory.
    public init(userID: String, directory: CommunityDirectory) {
        self.init(userID: userID, roles: directory.roles(ofUserID: userID))
    }

    /// The clock: escalations, reminders, closing unrated cases.
    public static let system = CaseActor(userID: "system")

    public var isSystem: Bool { userID == CaseActor.system.userID && roles.isEmpty }
    /// True for anyone holding a role (staff).
    public var isStaff: Bool { !roles.isEmpty }
    public var isSecretary: Bool { roles.contains(.secretary) }
}
