import Foundation
import XCTest

@testable import CostReplayKit

/// SPEC §6.7 retry waste. Every call costs $1 unless noted; calls with the same `prompt` have the
/// same retry key (max_tokens and temperature are not part of it).
final class RetryPolicyTests: XCTestCase {
    private func truncated(_ id: String, at time: String, session: String?, reason: String = "max_tokens") -> PolicyCall {
        PolicyCall(id, at: time) {
            $0.session = session
            $0.latencyMs = 10_000
            $0.stopReason = reason
            $0.maxTokens = 100
        }
    }

    func testTruncatedCallResentWithinTheWindowIsAvoided() throws {
        let calls = [
            truncated("a1", at: "10:00:00", session: "s1"),  // ends 10:00:10
            PolicyCall("a2", at: "10:02:10") {  // end + 120 s exactly: within
                $0.session = "s1"
                $0.maxTokens = 200
                $0.temperature = 0.5
            },
            truncated("b1", at: "11:00:00", session: "s2"),  // ends 11:00:10
            PolicyCall("b2", at: "11:02:10.001") { $0.session = "s2" },  // 1 ms too late
        ]
        let output = try policyRun(calls, policy: "[retry]\n")
        XCTAssertEqual(output.actions, ["a1=avoided", "a2=kept", "b1=kept", "b2=kept"])
        assertPolicyCall(output, "a1", "avoided", cost: "0", policy: "retry")
        assertPolicyCombined(output, cost: "3", savings: "1", avoided: 1, modified: 0)

        // A wider window catches b1 too.
        let wide = try policyRun(calls, policy: "[retry]\nwindow_seconds = 121\n")
        XCTAssertEqual(wide.actions, ["a1=avoided", "a2=kept", "b1=avoided", "b2=kept"])
    }

    func testOnlyTheNextLoggedCallOfTheSameSessionOrUserCounts() throws {
        let calls = [
            // c1 is truncated; the next call of s1 (c3) is a different request → not a retry, even
            // though c2 (another session) and c4 (s1, later) repeat c1's request.
            truncated("c1", at: "10:00:00", session: "s1"),
            PolicyCall("c2", at: "10:00:30") { $0.session = "s2" },
            PolicyCall("c3", at: "10:00:40") {
                $0.session = "s1"
                $0.prompt = "something else"
            },
            PolicyCall("c4", at: "10:00:50") { $0.session = "s1" },
            // d1 has no session: the next session-less call of alice decides (d2 has a session).
            truncated("d1", at: "11:00:00", session: nil, reason: "model_context_window_exceeded"),
            PolicyCall("d2", at: "11:00:20") { $0.session = "s9" },
            PolicyCall("d3", at: "11:00:30"),
            // e1 (bob) is re-sent by carol: another user → not a retry.
            PolicyCall("e1", at: "12:00:00") {
                $0.user = "bob"
                $0.stopReason = "length"
            },
            PolicyCall("e2", at: "12:00:10") { $0.user = "carol" },
            // f1 completed normally: never a candidate.
            PolicyCall("f1", at: "13:00:00") { $0.session = "s5" },
            PolicyCall("f2", at: "13:00:10") { $0.session = "s5" },
        ]
        let output = try policyRun(calls, policy: "[retry]\n")
        XCTAssertEqual(
            output.actions,
            [
                "c1=kept", "c2=kept", "c3=kept", "c4=kept", "d1=avoided", "d2=kept", "d3=kept",
                "e1=kept", "e2=kept", "f1=kept", "f2=kept",
            ])
    }

    func testFailedCallWithUsageIsACandidateAndOneWithoutUsageIsNot() throws {
        let calls = [
            PolicyCall("g1", at: "14:00:00") {
                $0.session = "s6"
                $0.status = 500
                $0.hasResponse = false  // top-level usage: billed $1
            },
            PolicyCall("g2", at: "14:00:30") { $0.session = "s6" },
            PolicyCall("h1", at: "15:00:00") {
                $0.session = "s7"
                $0.status = 500
                $0.hasResponse = false
                $0.hasUsage = false  // nothing billed: $0, never unpriced
            },
            PolicyCall("h2", at: "15:00:10") { $0.session = "s7" },
        ]
        let output = try policyRun(calls, policy: "[retry]\n")
        XCTAssertEqual(output.actions, ["g1=avoided", "g2=kept", "h1=kept", "h2=kept"])
        XCTAssertEqual(output.call("h1")["cost_usd"], "0")
        XCTAssertEqual(output.call("h1")["cf_cost_usd"], "0")
        // Baseline g1 + g2 + h2 = $3 (h1 $0); g1 avoided.
        assertPolicyCombined(output, cost: "2", savings: "1", avoided: 1, modified: 0)
    }
}
