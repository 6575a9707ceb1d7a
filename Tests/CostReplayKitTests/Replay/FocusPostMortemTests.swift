import XCTest

@testable import CostReplayKit

/// `--focus`: which calls belong to the focus, when each policy would have stopped it, and the
/// post-mortem section and per-minute CSV built from that.
final class FocusPostMortemTests: XCTestCase {
    /// Session s1 repeats one tool call; the loop rule halts it after the response of s1-3 (the
    /// fourth copy: three before it in the window), so s1-4 is the first call it stops.
    private func loopingSession() -> [PolicyCall] {
        var calls: [PolicyCall] = []
        for index in 0..<6 {
            calls.append(
                PolicyCall("s1-\(index)", at: String(format: "10:%02d:00", index)) {
                    $0.session = "s1"
                    $0.user = "mallory"
                    $0.toolUses = [(name: "run_shell", input: ["command": "make test"])]
                })
        }
        calls.append(PolicyCall("other", at: "10:02:30") { $0.session = "s2" })
        return calls
    }

    private let loopPolicy = "[loop]\nrepeat_window = 5\nmax_repeats = 3\nalternating = 0\n"

    func testSessionFocusRecordsTheLoopStopAndTheMoneyFromThen() throws {
        let output = try policyRun(loopingSession(), policy: loopPolicy) {
            $0.focus = FocusTarget(kind: .session, value: "s1")
        }
        let focus = try XCTUnwrap(output.result.focus)
        XCTAssertEqual(focus.calls, 6)
        XCTAssertEqual(focus.actual, policyUSD("6"))
        let effect = try XCTUnwrap(output.result.replay?.focusEffects["isolated:loop"])
        XCTAssertEqual(effect.firstStop?.callID, "s1-4")
        XCTAssertEqual(effect.firstStop?.time, timestamp("2026-10-01T10:04:00Z"))
        XCTAssertEqual(effect.baselineFromFirstStop, policyUSD("2"))
        XCTAssertEqual(effect.savings, policyUSD("2"))
        XCTAssertEqual(effect.callsAvoided, 2)
        XCTAssertNil(effect.firstChange)
        XCTAssertEqual(output.result.replay?.focusEffects["combined"]?.firstStop?.callID, "s1-4")

        let report = try output.file("report.md")
        let summary = try XCTUnwrap(report.range(of: "## Summary"))
        let postMortem = try XCTUnwrap(report.range(of: "## Post-mortem: session s1"))
        let spend = try XCTUnwrap(report.range(of: "## Spend"))
        XCTAssertTrue(summary.upperBound < postMortem.lowerBound && postMortem.upperBound < spend.lowerBound)
        XCTAssertTrue(report.contains("| loop         | 2026-10-01T10:04:00.000Z"), report)
        XCTAssertTrue(report.contains("first call s1-0 at 2026-10-01T10:00:00.000Z"))
        XCTAssertTrue(report.contains("| run\\_shell | {\"command\":\"make test\"} |     6 |"), report)
        XCTAssertTrue(report.contains("![Spend per minute of session s1"))

        // One row per minute with a focused call; the rows add up to the focus's spend.
        let minutes = policyCSVRecords(try output.file("focus_minutes.csv"))
        XCTAssertEqual(minutes.count, 6)
        XCTAssertEqual(minutes.first?["minute"], "2026-10-01T10:00:00.000Z")
        let total = minutes.reduce(Money.zero) { $0 + policyUSD($1["cost_usd"]!) }
        XCTAssertEqual(total, focus.actual)
        let cf = minutes.reduce(Money.zero) { $0 + policyUSD($1["cf_cost_usd"]!) }
        XCTAssertEqual(cf, policyUSD("4"))
    }

    func testUserFocusListsItsBudgetCrossings() throws {
        let calls =
            (0..<4).map { index in
                PolicyCall("u\(index)", at: "1\(index):00:00") { $0.user = "bob" }
            } + [PolicyCall("x", at: "10:30:00") { $0.user = "carol" }]
        let policy = """
            [[budget]]
            name = "daily"
            scope = "user"
            period = "day"
            max_cost_usd = 2.5
            on_block = "drop_call"
            """
        let output = try policyRun(calls, policy: policy) { $0.focus = FocusTarget(kind: .user, value: "bob") }
        let report = try output.file("report.md")
        XCTAssertTrue(report.contains("## Post-mortem: user bob"))
        let crossings = try XCTUnwrap(report.components(separatedBy: "### Budget crossings").last)
        XCTAssertTrue(crossings.contains("budget_block"), crossings)
        XCTAssertTrue(crossings.contains("budget_alert"), crossings)
        let effect = try XCTUnwrap(output.result.replay?.focusEffects["isolated:daily"])
        XCTAssertEqual(effect.firstStop?.callID, "u2")
        XCTAssertEqual(effect.baselineFromFirstStop, policyUSD("2"))
        XCTAssertEqual(output.result.focus?.calls, 4)
    }

    func testAFocusWithoutCallsSaysSo() throws {
        let output = try policyRun(loopingSession(), policy: loopPolicy) {
            $0.focus = FocusTarget(kind: .team, value: "nobody")
        }
        XCTAssertTrue(try output.file("report.md").contains("No call in the inputs belongs to team nobody."))
    }

    func testFocusTargetParsing() {
        XCTAssertEqual(FocusTarget(text: "session:a:b"), FocusTarget(kind: .session, value: "a:b"))
        XCTAssertEqual(FocusTarget(text: "user:zoë"), FocusTarget(kind: .user, value: "zoë"))
        XCTAssertNil(FocusTarget(text: "user:"))
        XCTAssertNil(FocusTarget(text: "model:x"))
        XCTAssertNil(FocusTarget(text: "sybil"))
    }
}
