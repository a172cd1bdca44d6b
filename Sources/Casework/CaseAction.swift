public import Rules

/// Something done to a filed case. `Lifecycle.apply` checks who may do it in which state.
public enum CaseAction: Sendable, Hashable {
    /// 派单: send a new case to its owner (the system at filing, or whoever triages).
    case dispatch(RoutingDecision)
    /// 接单: the owner takes the case; the first taker becomes its follower (首问负责).
    case accept
    /// 办结: the owner marks it resolved; the resident is asked to rate it.
    case resolve(note: String?)
    /// 评价: the resident's verdict. 不满意 reopens (or, after the window, asks for a new case).
    case rate(Rating, comment: String?)
    /// 办结确认: the secretary closes a resolved case.
    case confirmClose(note: String?)
    /// 撤销: the resident (or the secretary) withdraws it.
    case cancel(note: String?)
    /// 转办: handed to an outside body (12345, a department); the note says where.
    case refer(to: OwnerRole?, note: String?)
    /// 转派: to another owner. The follower stays.
    case reassign(RoutingDecision, note: String?)
    /// 备注: a staff note; nothing changes state.
    case note(String)
    /// 附议: another resident joins the case.
    case cosign
    /// A 商量会议 is opened on the case.
    case openMeeting(note: String?)
    /// The 商量会议 ended; handling resumes.
    case concludeMeeting(note: String?)
    /// 督办: the clock found a time limit passed.
    case escalate(DeadlineKind)
    /// The clock reminds the resident to rate.
    case remindRating
    /// The clock closes a resolved case the resident never rated.
    case closeUnrated

    /// Which limit an escalation is about.
    public enum DeadlineKind: String, Sendable, Hashable, Codable {
        case accept, resolve
    }

    /// The Chinese name of the action, for messages.
    public var title: String {
        switch self {
        case .dispatch: "派单"
        case .accept: "接单"
        case .resolve: "办结"
        case .rate: "评价"
        case .confirmClose: "办结确认"
        case .cancel: "撤销"
        case .refer: "转办"
        case .reassign: "转派"
        case .note: "备注"
        case .cosign: "附议"
        case .openMeeting: "召开商量会议"
        case .concludeMeeting: "结束商量会议"
        case .escalate: "督办"
        case .remindRating: "提醒评价"
        case .closeUnrated: "逾期未评价办结"
        }
    }
}
