import Foundation
import Rules
import Testing
@testable import Casework

/// A month of cases driven through the lifecycle, then the figures checked against what the
/// definitions give by hand.
@Suite struct MonthlyReportTests {
    let lifecycle = Fixture.lifecycle
    let hour = Fixture.hour, day = Fixture.day
    let steward = Fixture.actor("staff:s3")
    let property = Fixture.actor("staff:wang")
    let resident = CaseActor(userID: Fixture.resident)
    let asOf = Fixture.at(11, 30, 20)

    /// Files a case and applies steps; returns the final record and every event.
    func scenario(_ draft: CaseDraft, _ number: String, at filedAt: Date, _ steps: [(CaseAction, CaseActor, TimeInterval)]) throws -> (CaseRecord, [CaseEvent]) {
        var outcome = Fixture.filed(draft, number: number, at: filedAt)
        var events = outcome.events
        for (action, actor, offset) in steps {
            outcome = try lifecycle.apply(action, to: outcome.record, by: actor, at: filedAt + offset)
            events += outcome.events
        }
        return (outcome.record, events)
    }

    func november() throws -> ([CaseRecord], [CaseEvent]) {
        let clutter = Fixture.draft("public-space", building: 3)
        let roof = Fixture.draft("facilities", building: 2)
        let all = [
            // A: accepted in 2 h, resolved in 20 h, 满意.
            try scenario(clutter, "2026-0001", at: Fixture.at(11, 2, 9), [
                (.accept, steward, 2 * hour), (.resolve(note: nil), steward, 20 * hour), (.rate(.satisfied, comment: nil), resident, 21 * hour),
            ]),
            // B: escalated at 25 h, accepted at 30 h (late), resolved at 72 h (in time), 不满意 -> reopened.
            try scenario(clutter, "2026-0002", at: Fixture.at(11, 3, 9), [
                (.escalate(.accept), .system, 25 * hour), (.accept, steward, 30 * hour), (.resolve(note: nil), steward, 72 * hour),
                (.rate(.unsatisfied, comment: nil), resident, 80 * hour),
            ]),
            // C: never accepted, escalated twice.
            try scenario(roof, "2026-0003", at: Fixture.at(11, 4, 9), [
                (.escalate(.accept), .system, 25 * hour), (.escalate(.resolve), .system, 8 * day),
            ]),
            // D: filed the day before the report, not due yet.
            try scenario(roof, "2026-0004", at: Fixture.at(11, 29, 21), []),
            // E: cancelled: counted, but not in the rates.
            try scenario(clutter, "2026-0005", at: Fixture.at(11, 5, 9), [(.cancel(note: nil), resident, 30 * hour)]),
            // F: accepted in 1 h, resolved in 10 h, 基本满意.
            try scenario(roof, "2026-0006", at: Fixture.at(11, 6, 9), [
                (.accept, property, hour), (.resolve(note: nil), property, 10 * hour), (.rate(.basicallySatisfied, comment: nil), resident, 11 * hour),
            ]),
            // Outside November in Beijing time (the first is 31 Oct 23:00, the second 1 Dec 00:30).
            try scenario(clutter, "2026-0007", at: Fixture.at(10, 31, 23), [(.accept, steward, hour)]),
            try scenario(clutter, "2026-0008", at: Fixture.at(12, 1, 0, 30), []),
        ]
        return (all.map(\.0), all.flatMap(\.1))
    }

    func report() throws -> MonthlyReport {
        let (cases, events) = try november()
        return MonthlyReport.make(
            month: YearMonth("2026-11")!, cases: cases, events: events.shuffled(), asOf: asOf, table: Fixture.table,
            directory: Fixture.directory, categoryTitles: Fixture.titles, categoryOrder: ["sanitation", "public-space", "facilities"])
    }

    @Test func totals() throws {
        let total = try report().total
        #expect(total.cases == 6)
        #expect((total.responseDue, total.respondedInTime) == (4, 2))  // A, F in time; B late; C never; D not due; E cancelled
        #expect((total.resolutionDue, total.resolvedInTime) == (4, 3))  // A, B, F in time; C past the limit
        #expect((total.rated, total.satisfied) == (3, 2))
        #expect(total.responseRate == 0.5)
        #expect(total.resolutionRate == 0.75)
        #expect(total.satisfactionRate == 2.0 / 3.0)
        #expect(total.overdue == 2)
        #expect(total.medianHoursToAccept == 2)  // 1, 2, 30
        #expect(total.medianHoursToResolve == 20)  // 10, 20, 72
    }

    @Test func perCategoryInTheGivenOrder() throws {
        let rows = try report().byCategory
        #expect(rows.map(\.key) == ["public-space", "facilities"])
        #expect(rows.map(\.label) == ["公共空间", "设施维修"])
        let clutter = rows[0], roof = rows[1]
        #expect(clutter.cases == 3)
        #expect(clutter.responseRate == 0.5)
        #expect(clutter.resolutionRate == 1)
        #expect(clutter.satisfactionRate == 0.5)
        #expect(clutter.overdue == 1)
        #expect(clutter.medianHoursToAccept == 16)  // 2 and 30
        #expect(clutter.medianHoursToResolve == 46)  // 20 and 72
        #expect(roof.cases == 3)
        #expect(roof.responseRate == 0.5)
        #expect(roof.resolutionRate == 0.5)
        #expect(roof.satisfactionRate == 1)
        #expect(roof.overdue == 1)
    }

    @Test func perOwner() throws {
        let rows = try report().byOwner
        #expect(rows.map(\.key) == ["staff:s3", "staff:wang"])
        #expect(rows[0].label == "孙三（红色管家）")
        #expect(rows[1].label == "王磊（物业服务企业）")
        #expect(rows.map(\.cases) == [3, 3])
    }

    @Test func anEmptyMonth() {
        let report = MonthlyReport.make(month: YearMonth("2026-02")!, cases: [], events: [], asOf: asOf, table: Fixture.table)
        #expect(report.total.cases == 0)
        #expect(report.total.responseRate == nil)
        #expect(report.byCategory.isEmpty)
        #expect(report.markdown().contains("—"))
        #expect(report.html().contains("本月没有诉求"))
    }

    @Test func markdown() throws {
        let text = try report().markdown()
        #expect(text.hasPrefix("# 测试社区 2026年11月诉求办理月报\n"))
        #expect(text.contains("本月共受理诉求 6 件：响应率 50.0%，解决率 75.0%，满意率 66.7%，超时 2 件。"))
        #expect(text.contains("| 公共空间 | 3 | 50.0% | 100.0% | 50.0% | 1 | 16.0小时 | 46.0小时 |"))
        #expect(text.contains("| **合计** | 6 | 50.0% | 75.0% | 66.7% | 2 | 2.0小时 | 20.0小时 |"))
        #expect(text.contains("## 按责任人"))
    }

    @Test func csv() throws {
        let text = try report().csv()
        let lines = text.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(lines.count == 1 + 2 + 2 + 1)
        #expect(lines[0].hasPrefix("月份,分组,键,名称,诉求数,应接单,按时接单,响应率(%)"))
        #expect(lines[1] == "2026-11,类别,public-space,公共空间,3,2,1,50.0,2,2,100.0,2,1,50.0,1,16.0,46.0")
        #expect(lines.last == "2026-11,合计,total,合计,6,4,2,50.0,4,3,75.0,3,2,66.7,2,2.0,20.0")
        #expect(MonthlyReport.csvField("a,\"b\"") == "\"a,\"\"b\"\"\"")
    }

    @Test func htmlIsSelfContainedWithCharts() throws {
        let text = try report().html()
        #expect(text.hasPrefix("<!DOCTYPE html>"))
        #expect(text.contains("<html lang=\"zh-CN\">"))
        #expect(text.components(separatedBy: "<svg").count - 1 == 2)
        // One bar per category in the count chart, three per category in the rate chart.
        #expect(text.contains("<title>公共空间：3 件</title>"))
        #expect(text.contains("<title>设施维修 解决率：50.0%</title>"))
        #expect(!text.contains("<script"))
        #expect(!text.contains("src="))
        #expect(!text.contains("href="))
        #expect(!text.contains("https://"))
        #expect(text.contains("<b>66.7%</b>"))
    }

    @Test func htmlEscapesLabels() throws {
        let (cases, events) = try november()
        let report = MonthlyReport.make(
            month: YearMonth("2026-11")!, cases: cases, events: events, asOf: asOf, table: Fixture.table,
            categoryTitles: ["public-space": "<b>公共&空间</b>"])
        let html = report.html()
        #expect(html.contains("&lt;b&gt;公共&amp;空间&lt;/b&gt;"))
        #expect(!html.contains("<b>公共"))
    }

    @Test func yearMonth() {
        #expect(YearMonth("2026-11")?.description == "2026-11")
        #expect(YearMonth("2026-13") == nil)
        #expect(YearMonth("26-11") == nil)
        #expect(YearMonth("2026-1")?.title == "2026年1月")
        let span = YearMonth("2026-12")!.interval(in: Fixture.beijing)
        #expect(span.start == Fixture.at(12, 1, 0))
        #expect(span.end == Fixture.at(1, 1, 0, year: 2027))
        #expect(YearMonth(containing: Fixture.at(11, 1, 0, 30), timeZone: Fixture.beijing) == YearMonth("2026-11"))
        #expect(MonthlyReport.median([3, 1, 2]) == 2)
        #expect(MonthlyReport.median([4, 1]) == 2.5)
        #expect(MonthlyReport.median([]) == nil)
        #expect(MonthlyReport.duration(72) == "3.0天")
        #expect(MonthlyReport.duration(47) == "47.0小时")
        #expect(MonthlyReport.percent(nil) == "—")
    }
}
