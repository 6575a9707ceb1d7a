import Foundation
import XCTest

@testable import CostReplayKit

/// SPEC §6.6 response cache (and §6.2 step 3 → step 7). Every call costs $1; calls with the same
/// `prompt` have the same request key.
final class ResponseCachePolicyTests: XCTestCase {
    func testHitWithinTTLOfTheFirstCallsEndAndExpiry() throws {
        let calls = [
            PolicyCall("c1", at: "10:00:00") { $0.latencyMs = 60_000 },  // inserted at its end, 10:01:00
            PolicyCall("c2", at: "10:06:00"),  // 300 s after 10:01:00 → hit
            PolicyCall("c3", at: "10:06:01"),  // 301 s (c2 was not made) → miss
            PolicyCall("c4", at: "10:06:02") { $0.status = 529 },  // a failed call can hit (c3 at 10:06:01)
            PolicyCall("c5", at: "11:00:00") {
                $0.prompt = "S"
                $0.latencyMs = 60_000
            },
            PolicyCall("c6", at: "11:00:30") { $0.prompt = "S" },  // before c5 ended: age −30 s → miss
            PolicyCall("c7", at: "12:00:00") {
                $0.prompt = "F"
                $0.status = 500  // failed: does not insert
            },
            PolicyCall("c8", at: "12:00:10") { $0.prompt = "F" },
        ]
        let output = try policyRun(calls, policy: "[response_cache]\n")
        XCTAssertEqual(
            output.actions,
            [
                "c1=kept", "c2=avoided", "c3=kept", "c4=avoided", "c5=kept", "c6=kept", "c7=kept",
                "c8=kept",
            ])
        assertPolicyCall(output, "c2", "avoided", cost: "0", policy: "response_cache")
        // Eight $1 calls (failed ones have usage), two avoided.
        assertPolicyCombined(output, cost: "6", savings: "2", avoided: 2, modified: 0)

        // With the TTL one second shorter, c2 (age 300 s) misses too.
        let shorter = try policyRun(calls, policy: "[response_cache]\nttl_seconds = 299\n")
        XCTAssertEqual(shorter.call("c2")["cf_action"], "kept")
    }

    func testScopeUserApiKeyAndGlobal() throws {
        let calls = [
            PolicyCall("c1", at: "10:00:00") { $0.apiKey = "k1" },
            PolicyCall("c2", at: "10:01:00") {
                $0.user = "bob"
                $0.apiKey = "k1"
            },
            PolicyCall("c3", at: "10:02:00") {
                $0.user = "carol"
                $0.apiKey = "k2"
            },
            PolicyCall("c4", at: "10:03:00") {
                $0.user = nil
                $0.apiKey = "k3"
            },
            PolicyCall("c5", at: "10:04:00") { $0.apiKey = "k9" },
        ]
        // user: only c5 (alice, like c1, 240 s later) hits; c4 has no user: no lookup, no insert.
        let user = try policyRun(calls, policy: "[response_cache]\nscope = \"user\"\n")
        XCTAssertEqual(user.actions, ["c1=kept", "c2=kept", "c3=kept", "c4=kept", "c5=avoided"])
        // api_key: only c2 (k1, like c1) hits.
        let key = try policyRun(calls, policy: "[response_cache]\nscope = \"api_key\"\n")
        XCTAssertEqual(key.actions, ["c1=kept", "c2=avoided", "c3=kept", "c4=kept", "c5=kept"])
        // global: everything after c1 hits.
        let global = try policyRun(calls, policy: "[response_cache]\nscope = \"global\"\n")
        XCTAssertEqual(global.actions, ["c1=kept", "c2=avoided", "c3=avoided", "c4=avoided", "c5=avoided"])
        assertPolicyCombined(global, cost: "1", savings: "4", avoided: 4, modified: 0)
    }

    func testAHitsToolCallsStillFeedTheLoopDetector() throws {
        let calls = (1...5).map { index in
            PolicyCall("c\(index)", at: "10:0\(index):00") {
                $0.session = "s1"
                $0.toolUses = [(name: "read_file", input: ["path": "a.txt"])]
            }
        }
        let output = try policyRun(calls, policy: "[loop]\n\n[response_cache]\n")
        // c1 made: history [A]. c2, c3 cache hits: the agent still receives A → [A, A, A]. c4 hit:
        // 3 copies among the last 5 → the session halts after c4. c5 is avoided by the loop halt
        // (were hits not fed to the detector, c5 would be one more cache hit).
        XCTAssertEqual(output.actions, ["c1=kept", "c2=avoided", "c3=avoided", "c4=avoided", "c5=avoided"])
        XCTAssertEqual(
            output.calls.map { $0["cf_policy"] ?? "" },
            ["", "response_cache", "response_cache", "response_cache", "loop"])
        XCTAssertEqual(output.incidents(kind: "loop_halt").first?["call_id"], "c4")
        XCTAssertEqual(policyInt(output.incidentCounts["loop_halts"]), 1)
    }
}
