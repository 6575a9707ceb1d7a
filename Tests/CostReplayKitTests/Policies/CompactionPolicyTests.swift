import Foundation
import XCTest

@testable import CostReplayKit

/// SPEC §6.9 `[compaction]`. `small`: input $0.001, read $0.0001 per token; `tiered`: $0.001 input
/// up to 1 500 input tokens, $0.002 above (the whole call).
final class CompactionPolicyTests: XCTestCase {
    func testUncachedInputIsTrimmedToTheCapAndTheTierIsRecomputed() throws {
        let calls = [
            PolicyCall("m1", at: "10:01:00") { $0.input = 2000 },
            PolicyCall("m2", at: "10:02:00") {
                $0.input = 300
                $0.cacheRead = 1500
            },
            PolicyCall("m3", at: "10:03:00") {
                $0.input = 100
                $0.cacheRead = 2000
            },
            PolicyCall("m4", at: "10:04:00") { $0.input = 1500 },
            PolicyCall("m5", at: "10:05:00") {
                $0.model = "tiered"
                $0.input = 2000
            },
            PolicyCall("m6", at: "10:06:00") {
                $0.input = 0
                $0.cacheRead = 2000
            },
        ]
        let output = try policyRun(calls, policy: "[compaction]\nmax_input_tokens = 1500\n")
        // m1: 2 000 → 1 500 uncached: $1.5 (was $2).
        // m2: 1 800 total, 300 over → uncached 0, read 1 500 stays: $0.15 (was 0.3 + 0.15 = $0.45).
        // m3: 2 100 total, 600 over, only 100 uncached → 0 (not below): read 2 000 = $0.2 (was $0.3).
        // m4: exactly at the cap: unchanged $1.5.
        // m5: 2 000 on tiered is billed at the tier above 1 500: 2 000 × 0.002 = $4; trimmed to
        //     1 500 it is back on the base rates: 1 500 × 0.001 = $1.5.
        // m6: nothing uncached to trim: unchanged $0.2.
        assertPolicyCall(output, "m1", "modified", cost: "1.5", policy: "compaction")
        assertPolicyCall(output, "m2", "modified", cost: "0.15", policy: "compaction")
        assertPolicyCall(output, "m3", "modified", cost: "0.2", policy: "compaction")
        assertPolicyCall(output, "m4", "kept", cost: "1.5")
        assertPolicyCall(output, "m5", "modified", cost: "1.5", policy: "compaction", model: "tiered")
        assertPolicyCall(output, "m6", "kept", cost: "0.2")
        XCTAssertEqual(output.call("m5")["cost_usd"], "4")
        // 1.5 + 0.15 + 0.2 + 1.5 + 1.5 + 0.2 = 5.05 of 2 + 0.45 + 0.3 + 1.5 + 4 + 0.2 = 8.45.
        assertPolicyCombined(output, cost: "5.05", savings: "3.4", avoided: 0, modified: 4)
    }
}
