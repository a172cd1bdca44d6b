import Foundation

extension MonthlyReport {
    /// The report as Markdown: a summary line, then a table per category and per owner.
    public func markdown() -> String {
        var out = "# \(title)\n\n"
        out += "本月共受理诉求 \(total.cases) 件：响应率 \(Self.percent(total.responseRate))，"
        out += "解决率 \(Self.percent(total.resolutionRate))，满意率 \(Self.percent(total.satisfactionRate))，"
        out += "超时 \(total.overdue) 件。\n\n"
        out += "## 按类别\n\n" + Self.markdownTable(byCategory + [total], head: "类别") + "\n"
        out += "## 按责任人\n\n" + Self.markdownTable(byOwner + [total], head: "责任人") + "\n"
        out += "说明：响应率 = 按时接单 / 应接单；解决率 = 按时办结 / 应办结；满意率 = （满意 + 基本满意）/ 已评价。"
        out += "时限按派单规则自登记时起算；撤销、转办的诉求不计入比率。\n"
        return out
    }

    static func markdownTable(_ rows: [Row], head: String) -> String {
        var out = "| \(head) | 诉求数 | 响应率 | 解决率 | 满意率 | 超时数 | 接单用时中位数 | 办结用时中位数 |\n"
        out += "|---|---:|---:|---:|---:|---:|---:|---:|\n"
        for row in rows {
            let label = row.label.replacingOccurrences(of: "|", with: "\\|")
            out += "| \(row.key == "total" ? "**\(label)**" : label) | \(row.cases) | \(percent(row.responseRate)) | "
            out += "\(percent(row.resolutionRate)) | \(percent(row.satisfactionRate)) | \(row.overdue) | "
            out += "\(duration(row.medianHoursToAccept)) | \(duration(row.medianHoursToResolve)) |\n"
        }
        return out
    }
}
