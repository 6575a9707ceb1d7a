import Foundation
import XCTest

@testable import CostReplayKit

/// SPEC §6.9 `[output_cap]`. `small` output: $0.002 per token; no input tokens in these calls.
final class OutputCapPolicyTests: XCTestCase {
    private var calls: [PolicyCall] {
        [
            PolicyCall("o1", at: "10:01:00") {
                $0.task = "classification"
                $0.input = 0
                $0.output = 1000
            },
            PolicyCall("o2", at: "10:02:00") {
                $0.task = "coding"
                $0.input = 0
                $0.output = 1000
            },
            PolicyCall("o3", at: "10:03:00") {  // no task hint, no rules: unknown
                $0.input = 0
                $0.output = 1000
            },
            PolicyCall("o4", at: "10:04:00") {
                $0.task = "classification"
                $0.input = 0
                $0.output = 400
            },
        ]
    }

    func testOutputAboveTheCapIsBilledAtTheCapForMatchingTasks() throws {
        let output = try policyRun(calls, policy: "[output_cap]\nmax_output_tokens = 500\ntasks = [\"class*\"]\n")
        // o1 classification, 1 000 → 500: $1 (was $2). o2 coding and o3 unknown do not match the
        // glob: $2 each. o4 is under the cap: $0.8.
        assertPolicyCall(output, "o1", "modified", cost: "1", policy: "output_cap")
        assertPolicyCall(output, "o2", "kept", cost: "2")
        assertPolicyCall(output, "o3", "kept", cost: "2")
        assertPolicyCall(output, "o4", "kept", cost: "0.8")
        assertPolicyCombined(output, cost: "5.8", savings: "1", avoided: 0, modified: 1)
    }

    func testWithoutTasksEveryCallIsCapped() throws {
        let output = try policyRun(calls, policy: "[output_cap]\nname = \"cap-500\"\nmax_output_tokens = 500\n")
        // o1, o2, o3 → $1 each; o4 $0.8 unchanged. 3.8 of 6.8.
        XCTAssertEqual(output.cfCosts, ["1", "1", "1", "0.8"])
        XCTAssertEqual(output.calls.map { $0["cf_policy"] ?? "" }, ["cap-500", "cap-500", "cap-500", ""])
        assertPolicyCombined(output, cost: "3.8", savings: "3", avoided: 0, modified: 3)
    }
}
