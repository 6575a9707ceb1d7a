import XCTest

@testable import CostReplayKit

/// Budget sizing: the per-period distribution and what each candidate cap blocks.
final class BudgetSizerTests: XCTestCase {
    func testCapsBlockOnceThePeriodsSpendWouldPassThem() throws {
        // alice: $1, $1, $1 on day 1 and $5 on day 2; bob: $0.5 on day 1.
        let calls = [
            PolicyCall("a1", at: "2026-10-01T10:00:00Z"), PolicyCall("a2", at: "2026-10-01T11:00:00Z"),
            PolicyCall("a3", at: "2026-10-01T12:00:00Z"),
            PolicyCall("a4", at: "2026-10-02T10:00:00Z") { $0.input = 5000 },
            PolicyCall("b1", at: "2026-10-01T10:30:00Z") {
                $0.user = "bob"
                $0.input = 500
            },
        ]
        let policy = "[[budget]]\nname = \"daily\"\nscope = \"user\"\nperiod = \"day\"\nmax_cost_usd = 2.5\n"
        let output = try policyRun(calls, policy: policy)
        let sizer = try XCTUnwrap(output.result.budgetSizing.first)
        XCTAssertEqual(sizer.periodTotals, [policyUSD("0.5"), policyUSD("3"), policyUSD("5")])
        XCTAssertEqual(BudgetSizer.percentile(50, of: sizer.periodTotals), policyUSD("3"))
        XCTAssertEqual(BudgetSizer.percentile(90, of: sizer.periodTotals), policyUSD("5"))
        XCTAssertEqual(sizer.callsInScope, 5)
        let cap2 = try XCTUnwrap(sizer.caps.firstIndex(of: policyUSD("2")))
        XCTAssertEqual(sizer.blockedCalls[cap2], 2)  // a3 and a4
        XCTAssertEqual(sizer.blockedCost[cap2], policyUSD("6"))
        let configured = try XCTUnwrap(sizer.caps.firstIndex(of: policyUSD("2.5")))
        XCTAssertEqual(sizer.blockedCalls[configured], 2)
        let cap5 = try XCTUnwrap(sizer.caps.firstIndex(of: policyUSD("5")))
        XCTAssertEqual(sizer.blockedCalls[cap5], 0)

        let rows = policyCSVRecords(try output.file("budget_sizing.csv"))
        XCTAssertEqual(rows.count, sizer.caps.count)
        let row = try XCTUnwrap(rows.first { $0["cap_usd"] == "2.5" })
        XCTAssertEqual(row["configured"], "true")
        XCTAssertEqual(row["key_periods_over_cap"], "2")
        XCTAssertEqual(row["calls_blocked"], "2")
        XCTAssertEqual(row["savings_usd"], "6.0")
        let report = try output.file("report.md")
        XCTAssertTrue(report.contains("### daily (user per day)"))
        XCTAssertTrue(report.contains("| $2.50 (configured) |"), report)
    }

    func testWithoutBudgetsAUserPerDayScopeIsSized() throws {
        let output = try policyRun([PolicyCall("a1", at: "10:00:00")], policy: "[loop]\n")
        XCTAssertEqual(output.result.budgetSizing.map(\.config.identity.name), ["user per day"])
        XCTAssertEqual(output.result.budgetSizing.first?.periodTotals, [policyUSD("1")])
    }

    func testCandidateCapsAreTheOneTwoFiveSeries() {
        let caps = BudgetSizer.candidateCaps(including: policyUSD("3"))
        XCTAssertEqual(caps.first, policyUSD("0.01"))
        XCTAssertEqual(caps.last, policyUSD("1000000"))
        XCTAssertTrue(caps.contains(policyUSD("3")))
        XCTAssertEqual(caps.count, 3 * 8 + 1 + 1)
        XCTAssertEqual(caps, caps.sorted())
    }
}

/// The first instant of a budget period, which the top users' chart restarts at.
final class BudgetPeriodStartTests: XCTestCase {
    private func rule(_ period: BudgetConfig.Period, _ zone: String) -> BudgetRule {
        let config = BudgetConfig(
            identity: PolicyIdentity(name: "b", kind: .budget, combined: true), scope: .user, period: period, timezone: zone)
        return BudgetRule(config: config, clock: ZoneClock(identifier: zone)!)
    }

    func testBucketStartInvertsBucket() {
        let cases: [(BudgetConfig.Period, String, String, String)] = [
            (.days(1), "UTC", "2026-10-02T11:19:16Z", "2026-10-02T00:00:00Z"),
            (.days(1), "America/New_York", "2026-10-02T03:00:00Z", "2026-10-01T04:00:00Z"),
            (.month, "America/New_York", "2026-11-15T12:00:00Z", "2026-11-01T04:00:00Z"),
            (.week, "UTC", "2026-10-01T12:00:00Z", "2026-09-28T00:00:00Z"),
            (.hours(6), "Asia/Kolkata", "2026-10-01T12:00:00Z", "2026-10-01T06:30:00Z"),
        ]
        for (period, zone, time, start) in cases {
            let rule = rule(period, zone)
            let bucket = rule.bucket(timestamp(time).micros)
            XCTAssertEqual(rule.bucketStart(bucket), timestamp(start), "\(period) \(zone) \(time)")
            XCTAssertEqual(rule.bucket(timestamp(start).micros), bucket)
            XCTAssertEqual(rule.bucket(timestamp(start).micros - 1), bucket - 1)
        }
    }
}
