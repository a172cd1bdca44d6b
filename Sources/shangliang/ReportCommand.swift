import ArgumentParser
import Casework
import Foundation
import Office

/// `shangliang report --month 2026-11 [--format md|csv|html] [--output FILE]`: the monthly
/// figures (响应率、解决率、满意率 ...) per category and per owner.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Monthly figures per category and per owner: response, resolution and satisfaction rates.")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case md, csv, html
    }

    @OptionGroup var options: GlobalOptions

    @Option(help: ArgumentHelp("The month (Beijing time) whose filed cases are counted; default: this month.", valueName: "YYYY-MM"))
    var month: String?

    @Option(help: "md (Markdown), csv (RFC 4180) or html (one page with inline SVG charts).")
    var format: Format = .md

    @Option(help: ArgumentHelp("Write to this file instead of stdout.", valueName: "file"))
    var output: String?

    func validate() throws {
        if let month, YearMonth(month) == nil { throw ValidationError("--month must be YYYY-MM, e.g. 2026-11") }
    }

    func run() throws {
        let office = try options.makeOffice(logger: GlobalOptions.stderrLogger("shangliang.report"))
        let timeZone = office.ruleBook.casework?.timeZone ?? TimeZone(identifier: "Asia/Shanghai")!
        let month = self.month.flatMap { YearMonth($0) } ?? YearMonth(containing: office.now, timeZone: timeZone)
        let report = try office.monthlyReport(for: month)
        let text = switch format {
        case .md: report.markdown()
        case .csv: report.csv()
        case .html: report.html()
        }
        if let output {
            do {
                try Data(text.utf8).write(to: URL(fileURLWithPath: output))
            } catch {
                throw ValidationError("cannot write \(output)")
            }
        } else {
            print(text, terminator: text.hasSuffix("\n") ? "" : "\n")
        }
    }
}
