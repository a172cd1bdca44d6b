/// Why an action on a case was refused. The description is Chinese, for the staff member or
/// resident who tried (it never quotes a resident's text).
public enum CaseworkError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The action does not fit the case's state (e.g. rating a case not yet resolved).
    case wrongState(caseNumber: String, action: String, state: CaseState)
    /// This person may not do this (a resident resolving, an owner rating, a steward of
    /// another building accepting).
    case forbidden(caseNumber: String, action: String, reason: String)
    /// Nothing to do: already co-signed, already reminded ...
    case redundant(caseNumber: String, reason: String)
    /// No case with this number.
    case unknownCase(String)
    /// A reassignment target that is neither a role nor a member of staff.
    case unknownTarget(String)

    public var description: String {
        switch self {
        case .wrongState(let number, let action, let state):
            "诉求单 \(number) 目前是「\(state.title)」，不能\(action)。"
        case .forbidden(let number, let action, let reason):
            "不能对诉求单 \(number) \(action)：\(reason)"
        case .redundant(let number, let reason):
            "诉求单 \(number)：\(reason)"
        case .unknownCase(let number):
            "没有找到诉求单 \(number)，请核对编号。"
        case .unknownTarget(let target):
            "不认识「\(target)」：请写责任角色（如 mediation、物业、调解室）或工作人员的用户 id。"
        }
    }
}
