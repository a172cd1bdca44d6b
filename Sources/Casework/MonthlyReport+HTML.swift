import Foundation

extension MonthlyReport {
    /// The report as one self-contained HTML page (inline CSS and SVG, no network): headline
    /// figures, a bar chart of cases per category, a grouped bar chart of the three rates per
    /// category, and the tables per category and per owner.
    public func html() -> String {
        var out = """
            <!DOCTYPE html>
            <html lang="zh-CN">
            <head>
            <meta charset="utf-8">
            <title>\(Self.escape(title))</title>
            <style>
            body { font-family: "PingFang SC", "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; margin: 2em auto; max-width: 960px; color: #222; }
            h1 { color: #b71c1c; } h2 { border-bottom: 2px solid #b71c1c; padding-bottom: .2em; }
            .cards { display: flex; gap: 1em; flex-wrap: wrap; }
            .card { border: 1px solid #ddd; border-radius: 8px; padding: .8em 1.2em; min-width: 8em; }
            .card b { display: block; font-size: 1.8em; color: #b71c1c; }
            table { border-collapse: collapse; width: 100%; margin: 1em 0; }
            th, td { border: 1px solid #ccc; padding: .35em .6em; text-align: right; }
            th:first-child, td:first-child { text-align: left; }
            tr.total { font-weight: bold; background: #fafafa; }
            .note { color: #666; font-size: .9em; }
            </style>
            </head>
            <body>
            <h1>\(Self.escape(title))</h1>
            <div class="cards">
            """
        let cards: [(String, String)] = [
            ("诉求数", "\(total.cases)"), ("响应率", Self.percent(total.responseRate)),
            ("解决率", Self.percent(total.resolutionRate)), ("满意率", Self.percent(total.satisfactionRate)),
            ("超时数", "\(total.overdue)"),
        ]
        for (label, value) in cards {
            out += "<div class=\"card\">\(label)<b>\(Self.escape(value))</b></div>\n"
        }
        out += "</div>\n"
        out += "<h2>各类别诉求数</h2>\n" + countChart() + "\n"
        out += "<h2>各类别响应率、解决率、满意率</h2>\n" + rateChart() + "\n"
        out += "<h2>按类别</h2>\n" + Self.htmlTable(byCategory, total: total, head: "类别")
        out += "<h2>按责任人</h2>\n" + Self.htmlTable(byOwner, total: total, head: "责任人")
        out += """
            <p class="note">响应率 = 按时接单 / 应接单；解决率 = 按时办结 / 应办结；满意率 = （满意 + 基本满意）/ 已评价。\
            时限按派单规则自登记时起算；撤销、转办的诉求不计入比率。</p>
            </body>
            </html>

            """
        return out
    }

    /// Horizontal bars: cases per category.
    func countChart() -> String {
        let rows = byCategory
        let barHeight = 26, gap = 10, left = 150, width = 760, chartWidth = 520
        let height = max(1, rows.count) * (barHeight + gap) + gap
        let maxCases = max(1, rows.map(\.cases).max() ?? 1)
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"各类别诉求数\" width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\">\n"
        for (i, row) in rows.enumerated() {
            let y = gap + i * (barHeight + gap)
            let w = max(1, row.cases * chartWidth / maxCases)
            svg += "<text x=\"\(left - 8)\" y=\"\(y + barHeight * 2 / 3)\" text-anchor=\"end\" font-size=\"14\">\(Self.escape(row.label))</text>"
            svg += "<rect x=\"\(left)\" y=\"\(y)\" width=\"\(w)\" height=\"\(barHeight)\" fill=\"#c62828\"><title>\(Self.escape(row.label))：\(row.cases) 件</title></rect>"
            svg += "<text x=\"\(left + w + 6)\" y=\"\(y + barHeight * 2 / 3)\" font-size=\"13\">\(row.cases)</text>\n"
        }
        if rows.isEmpty { svg += "<text x=\"10\" y=\"24\" font-size=\"14\">本月没有诉求</text>\n" }
        return svg + "</svg>"
    }

    /// Grouped vertical bars: the three rates per category (0–100%).
    func rateChart() -> String {
        let rows = byCategory
        let series: [(String, String, (Row) -> Double?)] = [
            ("响应率", "#1565c0", { $0.responseRate }), ("解决率", "#2e7d32", { $0.resolutionRate }),
            ("满意率", "#ef6c00", { $0.satisfactionRate }),
        ]
        let bar = 16, groupGap = 28, top = 30, plot = 200, left = 50
        let groupWidth = series.count * bar + groupGap
        let width = max(400, left + rows.count * groupWidth + 20), height = top + plot + 60
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"各类别响应率、解决率、满意率\" width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\">\n"
        for tick in stride(from: 0, through: 100, by: 25) {
            let y = top + plot - tick * plot / 100
            svg += "<line x1=\"\(left)\" y1=\"\(y)\" x2=\"\(width - 10)\" y2=\"\(y)\" stroke=\"#ddd\"/>"
            svg += "<text x=\"\(left - 6)\" y=\"\(y + 4)\" text-anchor=\"end\" font-size=\"11\">\(tick)%</text>\n"
        }
        for (s, (name, color, _)) in series.enumerated() {
            let x = left + s * 90
            svg += "<rect x=\"\(x)\" y=\"6\" width=\"12\" height=\"12\" fill=\"\(color)\"/><text x=\"\(x + 16)\" y=\"16\" font-size=\"12\">\(name)</text>\n"
        }
        for (i, row) in rows.enumerated() {
            let x0 = left + 10 + i * groupWidth
            for (s, (name, color, value)) in series.enumerated() {
                let x = x0 + s * bar
                if let v = value(row) {
                    let h = Int((v * Double(plot)).rounded())
                    svg += "<rect x=\"\(x)\" y=\"\(top + plot - h)\" width=\"\(bar - 2)\" height=\"\(max(h, 1))\" fill=\"\(color)\"><title>\(Self.escape(row.label)) \(name)：\(Self.percent(v))</title></rect>"
                } else {
                    svg += "<text x=\"\(x + bar / 2)\" y=\"\(top + plot - 4)\" text-anchor=\"middle\" font-size=\"10\" fill=\"#999\">—</text>"
                }
            }
            svg += "<text x=\"\(x0 + series.count * bar / 2)\" y=\"\(top + plot + 18)\" text-anchor=\"middle\" font-size=\"12\">\(Self.escape(row.label))</text>\n"
        }
        return svg + "</svg>"
    }

    static func htmlTable(_ rows: [Row], total: Row, head: String) -> String {
        var out = "<table>\n<tr><th>\(head)</th><th>诉求数</th><th>响应率</th><th>解决率</th><th>满意率</th><th>超时数</th><th>接单用时中位数</th><th>办结用时中位数</th></tr>\n"
        for row in rows + [total] {
            out += "<tr\(row.key == "total" ? " class=\"total\"" : "")><td>\(escape(row.label))</td><td>\(row.cases)</td>"
            out += "<td>\(percent(row.responseRate))</td><td>\(percent(row.resolutionRate))</td><td>\(percent(row.satisfactionRate))</td>"
            out += "<td>\(row.overdue)</td><td>\(duration(row.medianHoursToAccept))</td><td>\(duration(row.medianHoursToResolve))</td></tr>\n"
        }
        return out + "</table>\n"
    }

    static func escape(_ text: String) -> String {
        var out = ""
        for ch in text {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(ch)
            }
        }
        return out
    }
}
