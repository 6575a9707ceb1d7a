import Foundation
import XCTest

@testable import CostReplayKit

/// SPEC §6.9 `[batch]`. Calls of 2 000 input tokens on `small` cost $2, $1 at the batch tier
/// (multiplier 0.5); `mid`'s batch multiplier is 0.25.
final class BatchPolicyTests: XCTestCase {
    func testEmptyTableMatchesEveryCallNotAlreadyAtTheBatchTier() throws {
        let calls = [
            PolicyCall("b1", at: "10:01:00") { $0.input = 2000 },
            PolicyCall("b2", at: "10:02:00") {
                $0.input = 2000
                $0.serviceTier = "batch"  // already billed at the batch rate: $1
            },
            PolicyCall("b3", at: "10:03:00") {
                $0.input = 2000
                $0.user = nil
            },
        ]
        let output = try policyRun(calls, policy: "[batch]\n")
        assertPolicyCall(output, "b1", "modified", cost: "1", policy: "batch")
        assertPolicyCall(output, "b2", "kept", cost: "1")
        assertPolicyCall(output, "b3", "modified", cost: "1", policy: "batch")
        XCTAssertEqual(output.call("b2")["cost_usd"], "1")
        // 1 + 1 + 1 of 2 + 1 + 2.
        assertPolicyCombined(output, cost: "3", savings: "2", avoided: 0, modified: 2)
    }

    func testSelectorsAreAndedAcrossAndOredWithin() throws {
        func call(_ id: String, _ minute: Int, task: String, user: String?, tags: [String: String]) -> PolicyCall {
            PolicyCall(id, at: "10:0\(minute):00") {
                $0.input = 2000
                $0.task = task
                $0.user = user
                $0.tags = tags
            }
        }
        let calls = [
            call("s1", 1, task: "extraction", user: "alice", tags: ["env": "prod", "app": "chat"]),
            call("s2", 2, task: "extraction", user: "bob", tags: ["env": "staging", "app": "chat"]),
            call("s3", 3, task: "extraction", user: "carol", tags: ["env": "prod", "app": "chat"]),  // user
            call("s4", 4, task: "coding", user: "alice", tags: ["env": "prod", "app": "chat"]),  // task
            call("s5", 5, task: "extraction", user: "alice", tags: ["env": "dev", "app": "chat"]),  // env value
            call("s6", 6, task: "extraction", user: "alice", tags: ["env": "prod"]),  // app missing
            call("s7", 7, task: "extraction", user: nil, tags: ["env": "prod", "app": "chat"]),  // no user
        ]
        let policy = """
            [batch]
            tasks = ["extract*"]
            users = ["a*", "bob"]
            tags = { env = ["prod", "staging"], app = "chat" }
            """
        let output = try policyRun(calls, policy: policy)
        XCTAssertEqual(output.actions, ["s1=modified", "s2=modified", "s3=kept", "s4=kept", "s5=kept", "s6=kept", "s7=kept"])
        // 1 + 1 + 5 × 2 = 12 of 14.
        assertPolicyCombined(output, cost: "12", savings: "2", avoided: 0, modified: 2)
    }

    func testTeamsSelector() throws {
        let teams: [String?] = ["search", "ml-infra", nil, "growth"]
        let calls = teams.enumerated().map { index, team in
            PolicyCall("t\(index + 1)", at: "10:0\(index):00") {
                $0.input = 2000
                $0.team = team
            }
        }
        let output = try policyRun(calls, policy: "[batch]\nteams = [\"search\", \"ml-*\"]\n")
        XCTAssertEqual(output.actions, ["t1=modified", "t2=modified", "t3=kept", "t4=kept"])
    }

    func testBatchMultiplierIsTheRoutedModels() throws {
        let calls = [
            PolicyCall("r1", at: "10:01:00") {
                $0.model = "big"
                $0.task = "classification"
            }
        ]
        let policy = """
            [[route]]
            name = "to-mid"
            default_tier = "m"

            [[route.tiers]]
            name = "m"
            model = "mid"
            tasks = ["classification"]
            max_complexity = 10

            [batch]
            """
        let output = try policyRun(calls, policy: policy)
        // big $10 → routed to mid $4 → batch at mid's 0.25: $1 (big's 0.5 would give $2).
        assertPolicyCall(output, "r1", "modified", cost: "1", policy: "to-mid+batch", model: "mid")
        // Waterfall: route saves 10 − 4 = 6, batch 4 − 1 = 3.
        XCTAssertEqual(output.waterfall.map(\.0), ["to-mid", "batch"])
        XCTAssertEqual(output.waterfall.map(\.1), [6.0, 3.0])
        // Batch alone on big: 10 × 0.5 = $5.
        XCTAssertEqual(output.exactIsolatedCost("batch"), policyUSD("5"))
    }
}
