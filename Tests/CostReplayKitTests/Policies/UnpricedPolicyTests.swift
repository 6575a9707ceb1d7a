import Foundation
import XCTest

@testable import CostReplayKit

/// SPEC §6.1: unpriced calls have no cost in any scenario and are left out of every sum;
/// transforms do not touch them; they can still be avoided and add their tokens, but $0, to budgets.
/// `mystery` is in no price book.
final class UnpricedPolicyTests: XCTestCase {
    func testTransformsLeaveUnpricedCallsAloneInEveryScenario() throws {
        let policy = """
            [[route]]
            name = "tiering"
            default_tier = "cheap"

            [[route.tiers]]
            name = "cheap"
            model = "small"
            tasks = ["classification"]
            max_complexity = 10

            [prefix_cache]

            [compaction]
            max_input_tokens = 500

            [output_cap]
            max_output_tokens = 100

            [batch]
            """
        let calls = [
            PolicyCall("u1", at: "10:01:00") {
                $0.model = "mystery"
                $0.task = "classification"
                $0.apiKey = "k1"
                $0.input = 2000
                $0.output = 1000
            },
            PolicyCall("p1", at: "10:02:00") {
                $0.model = "mid"
                $0.task = "classification"
                $0.apiKey = "k1"
                $0.input = 2000
                $0.output = 1000
            },
        ]
        let output = try policyRun(calls, policy: policy)
        let u1 = output.call("u1")
        XCTAssertEqual(u1["cost_usd"], "")
        XCTAssertEqual(u1["cf_cost_usd"], "")
        XCTAssertEqual(u1["cf_action"], "kept")
        XCTAssertEqual(u1["cf_model"], "")
        XCTAssertEqual(u1["cf_policy"], "")
        XCTAssertEqual(u1["priced_model"], "")
        // p1 on mid: 2 000 × 0.004 + 1 000 × 0.008 = $16. Route → small: 2 + 2 = $4; prefix cache
        // (one unit): write tokens(1) = 2 000 → uncached 0, write 2 000 (compaction has nothing
        // uncached to trim); output capped to 100; batch ×0.5: (2 000 × 0.00125 + 100 × 0.002) × 0.5
        // = (2.5 + 0.2) × 0.5 = $1.35.
        assertPolicyCall(
            output, "p1", "modified", cost: "1.35", policy: "tiering+prefix_cache+output_cap+batch",
            model: "small")
        XCTAssertEqual(policyDouble(output.baseline["cost_usd"]), 16.0)
        XCTAssertEqual(output.exactBaselineCost, policyUSD("16"))
        XCTAssertEqual(policyInt(output.summary["inputs"].flatMap { ($0 as? [String: Any])?["unpriced_calls"] }), 1)
        assertPolicyCombined(output, cost: "1.35", savings: "14.65", avoided: 0, modified: 1)
        // In every isolated scenario only p1 can be modified, and only p1 is in the cost.
        for entry in output.policies {
            let isolated = entry["isolated"] as? [String: Any] ?? [:]
            XCTAssertEqual(policyInt(isolated["calls_modified"]), 1, "\(entry["name"] ?? "?")")
            XCTAssertEqual(policyInt(isolated["calls_avoided"]), 0, "\(entry["name"] ?? "?")")
        }
        // Each isolated cost is p1's alone (on mid: input $0.004, write 5m $0.005, output $0.008).
        XCTAssertEqual(output.exactIsolatedCost("tiering"), policyUSD("4"))
        XCTAssertEqual(output.exactIsolatedCost("compaction"), policyUSD("10"))  // 500 × 0.004 + 1 000 × 0.008
        XCTAssertEqual(output.exactIsolatedCost("output_cap"), policyUSD("8.8"))  // 2 000 × 0.004 + 100 × 0.008
        XCTAssertEqual(output.exactIsolatedCost("batch"), policyUSD("4"))  // 16 × 0.25 (mid)
        // prefix cache on mid: write 2 000 × 0.005 + 1 000 × 0.008 = $18.
        XCTAssertEqual(output.exactIsolatedCost("prefix_cache"), policyUSD("18"))
    }

    func testUnpricedCallsAddTokensButNoCostToBudgetsAndCanBeAvoided() throws {
        let policy = """
            [[budget]]
            name = "tok"
            scope = "user"
            period = "none"
            max_tokens = 4000
            on_block = "drop_call"

            [[budget]]
            name = "usd"
            scope = "user"
            period = "none"
            max_cost_usd = 1.5
            on_block = "drop_call"
            """
        let calls = [
            PolicyCall("u1", at: "10:01:00") {
                $0.model = "mystery"
                $0.input = 3000
            },
            PolicyCall("p1", at: "10:02:00"),
            PolicyCall("p2", at: "10:03:00"),
            PolicyCall("u2", at: "10:04:00") {
                $0.model = "mystery"
                $0.input = 10
            },
        ]
        let output = try policyRun(calls, policy: policy)
        // u1: 3 000 tokens ≤ 4 000, $0 → admitted, records 3 000 tokens and $0.
        // p1 ($1, 1 000 tokens): tok 3 000 + 1 000 = 4 000 ≤ 4 000; usd 0 + 1 ≤ 1.5 → admitted.
        // p2: tok 4 000 + 1 000 > 4 000 → blocked. u2: 4 000 + 10 > 4 000 → blocked (avoided,
        // no cost).
        XCTAssertEqual(output.actions, ["u1=kept", "p1=kept", "p2=avoided", "u2=avoided"])
        XCTAssertEqual(output.cfCosts, ["", "1", "0", ""])
        XCTAssertEqual(output.calls.map { $0["cost_usd"] ?? "?" }, ["", "1", "1", ""])
        XCTAssertEqual(output.call("u2")["cf_policy"], "tok")
        // Baseline $2 (p1, p2); combined $1; both avoided calls count.
        assertPolicyCombined(output, cost: "1", savings: "1", avoided: 2, modified: 0)
        XCTAssertEqual(policyInt(output.incidentCounts["budget_blocks"]), 2)
    }

    func testUnpricedCallsAreAvoidedByLoopHaltsAndRetries() throws {
        var calls = (1...4).map { index in
            PolicyCall("c\(index)", at: "10:0\(index):00") {
                $0.session = "s1"
                $0.toolUses = [(name: "read_file", input: ["path": "a.txt"])]
            }
        }
        calls.append(
            PolicyCall("c5", at: "10:05:00") {
                $0.session = "s1"
                $0.model = "mystery"
            })
        // A truncated unpriced call re-sent at once: a wasted retry.
        calls.append(
            PolicyCall("r1", at: "11:00:00") {
                $0.session = "s2"
                $0.model = "mystery"
                $0.stopReason = "max_tokens"
            })
        calls.append(
            PolicyCall("r2", at: "11:00:05") {
                $0.session = "s2"
                $0.model = "mystery"
            })
        let output = try policyRun(calls, policy: "[loop]\n\n[retry]\n")
        // c4 is the 4th identical tool call → halt; c5 (unpriced) avoided by the loop. r1 avoided
        // as a wasted retry.
        XCTAssertEqual(output.actions, ["c1=kept", "c2=kept", "c3=kept", "c4=kept", "c5=avoided", "r1=avoided", "r2=kept"])
        XCTAssertEqual(output.call("c5")["cf_cost_usd"], "")
        XCTAssertEqual(output.call("c5")["cf_policy"], "loop")
        XCTAssertEqual(output.call("r1")["cf_cost_usd"], "")
        XCTAssertEqual(output.call("r1")["cf_policy"], "retry")
        // The halt avoided only an unpriced call: $0.
        XCTAssertEqual(output.incidents(kind: "loop_halt").first?["cost_avoided_usd"], "0.0")
        // Baseline $4 (c1–c4); nothing priced was avoided, yet two calls were.
        assertPolicyCombined(output, cost: "4", savings: "0", avoided: 2, modified: 0)
        XCTAssertEqual(policyInt(output.isolated("retry")["calls_avoided"]), 1)
        XCTAssertEqual(policyInt(output.isolated("loop")["calls_avoided"]), 1)
    }
}
