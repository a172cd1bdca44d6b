import Foundation

extension MonthlyReport {
    /// The report as CSV (RFC 4180, UTF-8, CRLF line ends): one row per category, per owner and
    /// the total, with the raw counts next to the rates (percent, one decimal; empty when n/a).
    public func csv() -> String {
        var lines = [[
            "月份", "分组", "键", "名称", "诉求数", "应接单", "按时接单", "响应率(%)", "应办结", "按时办结", "解决率(%)",
            "已评价", "满意(含基本满意)", "满意率(%)", "超时数", "接单用时中位数(小时)", "办结用时中位数(小时)",
        ]]
        func line(_ group: String, _ row: Row) -> [String] {
            [
                month.description, group, row.key, row.label, "\(row.cases)", "\(row.responseDue)", "\(row.respondedInTime)",
                Self.number(row.responseRate.map { $0 * 100 }), "\(row.resolutionDue)", "\(row.resolvedInTime)",
                Self.number(row.resolutionRate.map { $0 * 100 }), "\(row.rated)", "\(row.satisfied)",
                Self.number(row.satisfactionRate.map { $0 * 100 }), "\(row.overdue)", Self.number(row.medianHoursToAccept),
                Self.number(row.medianHoursToResolve),
            ]
        }
        lines += byCategory.map { line("类别", $0) }
        lines += byOwner.map { line("责任人", $0) }
        lines.append(line("合计", total))
        return lines.map { $0.map(Self.csvField).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    static func number(_ value: Double?) -> String {
        value.map { String(format: "%.1f", $0) } ?? ""
    }

    static func csvField(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
