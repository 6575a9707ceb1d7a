import XCTest

@testable import CostReplayKit

/// `--period`, the run-rate forecast, the previous-month change and `--attribution`.
final class MonthlyFinanceTests: XCTestCase {
    /// $1 calls (1,000 input tokens of `small`): two in September, three on 2026-10-01, one on
    /// 2026-10-02 at $3, one in November.
    private func months() -> [PolicyCall] {
        [
            PolicyCall("sep-1", at: "2026-09-15T10:00:00Z") { $0.team = "web" },
            PolicyCall("sep-2", at: "2026-09-30T23:59:59Z") { $0.team = "api" },
            PolicyCall("oct-1", at: "2026-10-01T00:00:00Z") { $0.team = "web" },
            PolicyCall("oct-2", at: "2026-10-01T08:00:00Z") { $0.team = "web" },
            PolicyCall("oct-3", at: "2026-10-01T09:00:00Z") { $0.team = "web" },
            PolicyCall("oct-4", at: "2026-10-02T09:00:00Z") {
                $0.team = "api"
                $0.input = 3000
            },
            PolicyCall("nov-1", at: "2026-11-01T00:00:00Z"),
        ]
    }

    private func octoberRun(timezone: String = "UTC", calls: [PolicyCall]? = nil) throws -> PolicyRunOutput {
        let october = ReportPeriod(year: 2026, month: 10)!
        let clock = ZoneClock(identifier: timezone)!
        return try policyRun(calls ?? months(), policy: "", timezone: timezone) {
            let bounds = october.bounds(in: clock)
            let previous = october.previous.bounds(in: clock)
            $0.period = october
            $0.since = bounds.start
            $0.until = bounds.end
            $0.comparisonRange = previous.start..<previous.end
        }
    }

    func testPeriodKeepsTheMonthAndCountsTheRest() throws {
        let output = try octoberRun()
        XCTAssertEqual(output.calls.map { $0["call_id"]! }, ["oct-1", "oct-2", "oct-3", "oct-4"])
        XCTAssertEqual(output.result.inputs.outsidePeriod, 3)
        XCTAssertEqual(output.result.spend.total.cost, policyUSD("6"))
        let previous = try XCTUnwrap(output.result.inputs.previousPeriod)
        XCTAssertEqual(previous.calls, 2)
        XCTAssertEqual(previous.cost, policyUSD("2"))
        XCTAssertEqual(previous.byTeam, ["web": policyUSD("1"), "api": policyUSD("1")])
    }

    func testForecastFromTheDaysSeen() throws {
        let output = try octoberRun()
        let forecast = try XCTUnwrap(MonthForecast(period: output.result.period!, spend: output.result.spend))
        XCTAssertEqual(forecast.daysSeen, 2)
        XCTAssertEqual(forecast.daysLeft, 29)
        XCTAssertEqual(forecast.meanDay, policyUSD("3"))
        XCTAssertEqual(forecast.forecast, policyUSD("93"))
        XCTAssertEqual(forecast.medianDay, policyUSD("3"))
        XCTAssertEqual(forecast.medianForecast, policyUSD("93"))
        let report = try output.file("report.md")
        XCTAssertTrue(report.hasPrefix("# costreplay report: 2026-10 (calls starting in the month, UTC)"))
        XCTAssertTrue(report.contains("| Forecast to month end (average day) | $93.00 |"), report)
        XCTAssertTrue(report.contains("| Spend (2026-10 so far)   |   $2.00 |   $6.00 |  +$4.00 |  +200.0% |"), report)
        XCTAssertTrue(report.contains("| Calls outside the period (excluded) |     3 |"), report)
    }

    func testMedianDayResistsOneRunawayDay() throws {
        let calls = [
            PolicyCall("a", at: "2026-10-01T10:00:00Z"),
            PolicyCall("b", at: "2026-10-03T10:00:00Z") { $0.input = 10_000 },
            PolicyCall("c", at: "2026-10-04T10:00:00Z"),
        ]
        let output = try octoberRun(calls: calls)
        let forecast = try XCTUnwrap(MonthForecast(period: output.result.period!, spend: output.result.spend))
        // Days seen 1–4 (the 2nd had no call: a $0 day); median of 0, 1, 1, 10 is $1.
        XCTAssertEqual(forecast.daysSeen, 4)
        XCTAssertEqual(forecast.medianDay, policyUSD("1"))
        XCTAssertEqual(forecast.medianForecast, policyUSD("39"))
        XCTAssertEqual(forecast.forecast, policyUSD("12") + Money(raw: policyUSD("3").raw * 27))
    }

    func testMonthBoundsFollowTheTimeZone() {
        let newYork = ZoneClock(identifier: "America/New_York")!
        let october = ReportPeriod(text: "2026-10")!
        XCTAssertEqual(october.bounds(in: newYork).start, timestamp("2026-10-01T04:00:00Z"))
        XCTAssertEqual(october.bounds(in: newYork).end, timestamp("2026-11-01T04:00:00Z"))
        let march = ReportPeriod(text: "2026-03")!
        XCTAssertEqual(march.bounds(in: newYork).start, timestamp("2026-03-01T05:00:00Z"))
        XCTAssertEqual(march.bounds(in: newYork).end, timestamp("2026-04-01T04:00:00Z"))
        XCTAssertEqual(ReportPeriod(text: "2026-01")!.previous.label, "2025-12")
        XCTAssertNil(ReportPeriod(text: "2026-13"))
        XCTAssertNil(ReportPeriod(text: "2026-1"))
        XCTAssertNil(ReportPeriod(text: "26-10-01"))
    }

    func testAttributionReplacesTeamsBeforeGroupingAndBudgets() throws {
        let table = try AttributionTable(
            text: "user,api_key,team,cost_center\nalice,,research,CC-1\n,key-ci,platform,CC-9\nbob,,,CC-2\n",
            source: "attr.csv")
        let calls = [
            PolicyCall("a1", at: "10:00:00") {
                $0.user = "alice"
                $0.team = "logged-team"
            },
            PolicyCall("a2", at: "10:01:00") {
                $0.user = "alice"
                $0.apiKey = "key-ci"
            },
            PolicyCall("b1", at: "10:02:00") {
                $0.user = "bob"
                $0.team = "mobile"
            },
            PolicyCall("c1", at: "10:03:00") { $0.user = "carol" },
        ]
        let policy =
            "[[budget]]\nname = \"team-cap\"\nscope = \"team\"\nperiod = \"day\"\nmax_cost_usd = 0.5\non_block = \"drop_call\"\n"
        let output = try policyRun(calls, policy: policy) { $0.attribution = table }
        XCTAssertEqual(output.calls.map { $0["team"]! }, ["research", "platform", "mobile", ""])
        XCTAssertEqual(output.result.inputs.attributedCalls, 3)
        XCTAssertEqual(output.result.spend.byCostCenter["CC-1"]?.calls, 1)
        XCTAssertEqual(output.result.spend.byCostCenter["CC-9"]?.calls, 1)
        XCTAssertEqual(output.result.spend.byCostCenter["CC-2"]?.calls, 1)
        // The team budget keys on the attributed team.
        XCTAssertEqual(Set(output.incidents(kind: "budget_block").map { $0["key"]! }), ["research", "platform", "mobile"])
        let costCenters = policyCSVRecords(try output.file("cost_centers.csv"))
        XCTAssertEqual(Set(costCenters.map { $0["cost_center"]! }), ["CC-1", "CC-2", "CC-9", ""])
        XCTAssertTrue(try output.file("report.md").contains("3 of 4 calls matched a row"))
    }

    func testAttributionFileErrorsNameTheLine() {
        func message(_ text: String) -> String? {
            do {
                _ = try AttributionTable(text: text, source: "attr.csv")
                return nil
            } catch { return error.description }
        }
        XCTAssertEqual(message(""), "attr.csv: empty file; expected a header row user,api_key,team,cost_center")
        XCTAssertEqual(message("user,squad\n"), "attr.csv:1: unknown column \"squad\"; expected user, api_key, team, cost_center")
        XCTAssertEqual(message("team,cost_center\n"), "attr.csv:1: needs a user or an api_key column")
        XCTAssertEqual(message("user,team\nalice,a\nalice,b\n"), "attr.csv:3: user \"alice\" is already attributed")
        XCTAssertEqual(
            message("user,api_key,team\nalice,k,a\n"), "attr.csv:2: names both a user and an api_key; use one row for each")
        XCTAssertEqual(message("user,team\n\nalice\n"), "attr.csv:3: 1 cells; the header has 2")
        XCTAssertEqual(message("user,team\nalice,\n"), "attr.csv:2: gives neither a team nor a cost_center")
        XCTAssertEqual(message("user,team\n\"alice,x\n"), "attr.csv:2: unterminated quoted cell")
        XCTAssertNil(message("\u{FEFF}User , Team\r\n\"o'neil, jr\",\"a \"\"b\"\"\"\r\n"))
    }

    func testCSVTableReaderHandlesQuotesAndLineBreaks() throws {
        let rows = try CSVTableReader.rows("a,b\n\"x\ny\",\"q\"\"\"\n\nlast,\n", file: "t.csv")
        XCTAssertEqual(
            rows,
            [
                .init(line: 1, cells: ["a", "b"]), .init(line: 2, cells: ["x\ny", "q\""]), .init(line: 5, cells: ["last", ""]),
            ])
    }
}
