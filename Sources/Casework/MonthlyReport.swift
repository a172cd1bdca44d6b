public import Foundation
public import Rules

/// The monthly figures (响应率 / 解决率 / 满意率) for the cases filed in one month, in total,
/// per category and per owner. Render with `markdown()`, `csv()` or `html()`.
///
/// - Response rate: accepted within the accept limit, over cases that were accepted or whose
///   accept limit has passed by `asOf` (cancelled and referred cases are left out of the rates).
/// - Resolution rate: first resolved within the resolve limit, over cases resolved or past it.
/// - Satisfaction rate: (满意 + 基本满意) over rated cases (the latest verdict of each case).
/// - Overdue: cases escalated at least once. Medians: hours from filing to the first 接单 / 办结.
/// The limits are the routing table's for the case's urgency, counted from filing.
public struct MonthlyReport: Sendable, Hashable {
    /// The figures of one group of cases.
    public struct Row: Sendable, Hashable {
        /// Category id, owner user id (or role id when nobody was named), or `total`.
        public var key: String
        /// What is shown: 公共空间, 孙玉兰（3栋红色管家）, 合计.
        public var label: String
        public var cases = 0
        public var responseDue = 0
        public var respondedInTime = 0
        public var resolutionDue = 0
        public var resolvedInTime = 0
        public var rated = 0
        /// 满意 + 基本满意.
        public var satisfied = 0
        public var overdue = 0
        public var medianHoursToAccept: Double?
        public var medianHoursToResolve: Double?

        public init(key: String, label: String) {
            self.key = key
            self.label = label
        }

        /// nil when no case was due.
        public var responseRate: Double? { rate(respondedInTime, responseDue) }
        public var resolutionRate: Double? { rate(resolvedInTime, resolutionDue) }
        public var satisfactionRate: Double? { rate(satisfied, rated) }

        private func rate(_ part: Int, _ whole: Int) -> Double? { whole == 0 ? nil : Double(part) / Double(whole) }
    }

    public var month: YearMonth
    /// The community's name for the title (幸福里社区).
    public var communityName: String
    /// When the figures were computed; limits not yet passed at this time do not count.
    public var asOf: Date
    public var total: Row
    /// In the order of `categoryOrder`, then by id.
    public var byCategory: [Row]
    /// By number of cases, most first.
    public var byOwner: [Row]

    /// Computes the figures.
    /// - Parameters:
    ///   - cases: any cases; those filed in `month` (in `timeZone`) are counted.
    ///   - events: their events (any order); used for the first 接单 / 办结 and escalations.
    ///   - categoryTitles: category id -> Chinese title; its key order is not used, `categoryOrder` is.
    public static func make(
        month: YearMonth, cases: [CaseRecord], events: [CaseEvent], asOf: Date, table: RoutingTable,
        directory: CommunityDirectory? = nil, categoryTitles: [String: String] = [:], categoryOrder: [String] = [],
        timeZone: TimeZone = TimeZone(identifier: "Asia/Shanghai")!
    ) -> MonthlyReport {
        let span = month.interval(in: timeZone)
        let filed = cases.filter { $0.filedAt >= span.start && $0.filedAt < span.end }
        let eventsByCase = Dictionary(grouping: events, by: \.caseNumber)
        let deadlines = Deadlines(table: table)

        var total = Accumulator(key: "total", label: "合计")
        var categories: [String: Accumulator] = [:]
        var owners: [String: Accumulator] = [:]
        for record in filed {
            let history = (eventsByCase[record.number] ?? []).sorted { $0.at < $1.at }
            let fact = Fact(record, history, deadlines: deadlines, asOf: asOf)
            total.add(fact)
            let cat = record.draft.categoryID
            categories[cat, default: Accumulator(key: cat, label: categoryTitles[cat] ?? cat)].add(fact)
            let (ownerKey, ownerLabel) = owner(of: record, directory)
            owners[ownerKey, default: Accumulator(key: ownerKey, label: ownerLabel)].add(fact)
        }
        let rank = Dictionary(categoryOrder.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        let byCategory = categories.values.map(\.row).sorted {
            (rank[$0.key] ?? Int.max, $0.key) < (rank[$1.key] ?? Int.max, $1.key)
        }
        let byOwner = owners.values.map(\.row).sorted { ($1.cases, $0.key) < ($0.cases, $1.key) }
        return MonthlyReport(
            month: month, communityName: directory?.community.name ?? "", asOf: asOf, total: total.row,
            byCategory: byCategory, byOwner: byOwner)
    }

    private static func owner(of record: CaseRecord, _ directory: CommunityDirectory?) -> (String, String) {
        if let user = record.ownerUserID {
            if let person = directory?.person(userID: user) {
                let role = record.ownerRole.map { "（\($0.title)）" } ?? ""
                return (user, person.name + role)
            }
            return (user, user)
        }
        if let role = record.ownerRole { return (role.rawValue, "\(role.title)（未指定人员）") }
        return ("unassigned", "待分派")
    }

    /// What one case contributes.
    private struct Fact {
        var responseDue = false, respondedInTime = false
        var resolutionDue = false, resolvedInTime = false
        var rating: Rating?
        var overdue = false
        var hoursToAccept: Double?, hoursToResolve: Double?

        init(_ record: CaseRecord, _ history: [CaseEvent], deadlines: Deadlines, asOf: Date) {
            let urgency = record.effectiveUrgency ?? record.draft.urgency
            let limits = deadlines.limits(for: record.draft, urgency: urgency)
            let acceptDeadline = record.filedAt.addingTimeInterval(limits.accept)
            let resolveDeadline = record.filedAt.addingTimeInterval(limits.resolve)
            let accepted = history.first { $0.kind == .accepted }?.at ?? record.acceptedAt
            let resolved = history.first { $0.kind == .resolved }?.at ?? record.resolvedAt
            let counted = record.state != .cancelled && record.state != .referred
            if counted {
                if let accepted {
                    responseDue = true
                    respondedInTime = accepted <= acceptDeadline
                } else if asOf > acceptDeadline {
                    responseDue = true
                }
                if let resolved {
                    resolutionDue = true
                    resolvedInTime = resolved <= resolveDeadline
                } else if asOf > resolveDeadline {
                    resolutionDue = true
                }
            }
            rating = history.last { $0.kind == .rated }?.rating ?? record.rating
            overdue = record.isOverdue || history.contains { $0.kind == .escalated }
            hoursToAccept = accepted.map { $0.timeIntervalSince(record.filedAt) / 3600 }
            hoursToResolve = resolved.map { $0.timeIntervalSince(record.filedAt) / 3600 }
        }
    }

    private struct Accumulator {
        var row: Row
        var accepts: [Double] = []
        var resolves: [Double] = []

        init(key: String, label: String) { row = Row(key: key, label: label) }

        mutating func add(_ fact: Fact) {
            row.cases += 1
            if fact.responseDue { row.responseDue += 1 }
            if fact.respondedInTime { row.respondedInTime += 1 }
            if fact.resolutionDue { row.resolutionDue += 1 }
            if fact.resolvedInTime { row.resolvedInTime += 1 }
            if let rating = fact.rating {
                row.rated += 1
                if rating != .unsatisfied { row.satisfied += 1 }
            }
            if fact.overdue { row.overdue += 1 }
            if let h = fact.hoursToAccept { accepts.append(h) }
            if let h = fact.hoursToResolve { resolves.append(h) }
            row.medianHoursToAccept = MonthlyReport.median(accepts)
            row.medianHoursToResolve = MonthlyReport.median(resolves)
        }
    }

    /// The median of some numbers (mean of the middle two for an even count); nil when empty.
    static func median(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let mid = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
    }

    // MARK: Formatting helpers shared by the renderers

    /// "87.5%", or "—" when there is nothing to rate.
    static func percent(_ value: Double?) -> String {
        guard let value else { return "—" }
        return String(format: "%.1f%%", value * 100)
    }

    /// "3.5小时", "2.0天" (from 48 hours up), or "—".
    static func duration(_ hours: Double?) -> String {
        guard let hours else { return "—" }
        return hours >= 48 ? String(format: "%.1f天", hours / 24) : String(format: "%.1f小时", hours)
    }

    /// The report's title: "幸福里社区 2026年11月诉求办理月报".
    public var title: String {
        (communityName.isEmpty ? "" : communityName + " ") + "\(month.title)诉求办理月报"
    }
}
