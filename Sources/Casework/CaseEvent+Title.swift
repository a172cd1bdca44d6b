extension CaseEvent.Kind {
    /// The Chinese word shown in a case's history.
    public var title: String {
        switch self {
        case .filed: "登记"
        case .cosigned: "附议"
        case .dispatched: "派单"
        case .accepted: "接单"
        case .resolved: "办结"
        case .closed: "办结确认"
        case .reopened: "重新办理"
        case .cancelled: "撤销"
        case .referred: "转办"
        case .reassigned: "转派"
        case .noted: "备注"
        case .escalated: "督办"
        case .rated: "评价"
        case .reminded: "提醒评价"
        case .meetingOpened: "提交商量会议"
        case .meetingConcluded: "商量会议结束"
        }
    }
}
