/// Who a case can be routed to (DOMAIN.md, "Owner roles").
public enum OwnerRole: String, Sendable, Hashable, CaseIterable, Codable {
    case property
    case steward
    case ownersCommittee = "owners-committee"
    case branch
    case serviceOfficer = "service-officer"
    case gridWorker = "grid-worker"
    case mediation
    case residentsCommittee = "residents-committee"
    case secretary
    case lawyer
    /// External referrals: the city hotline and the emergency numbers.
    case hotline12345 = "12345"
    case police110 = "110"
    case fire119 = "119"
    case ambulance120 = "120"

    /// The Chinese name shown to residents and staff.
    public var title: String {
        switch self {
        case .property: "物业服务企业"
        case .steward: "红色管家"
        case .ownersCommittee: "业委会"
        case .branch: "小区党支部"
        case .serviceOfficer: "社区服务专员"
        case .gridWorker: "网格员"
        case .mediation: "调解室"
        case .residentsCommittee: "社区居委会"
        case .secretary: "社区党委书记"
        case .lawyer: "社区律师"
        case .hotline12345: "12345市民服务热线"
        case .police110: "110"
        case .fire119: "119"
        case .ambulance120: "120"
        }
    }
}

/// The three kinds of category file.
public enum CategoryKind: String, Sendable, Hashable, Codable {
    case discussable
    case nonDiscussable = "non-discussable"
    case emergency
}
