import Foundation
import XCTest

@testable import CostReplayKit

/// SPEC §6.5 model selection. Tiny book: small $0.001 / $0.002 per token, mid $0.004 / $0.008,
/// big $0.01 / $0.02 (in / out); `twin` is priced exactly like `small`.
final class RoutePolicyTests: XCTestCase {
    private let tiering = """
        [[route]]
        name = "tiering"
        default_tier = "midtier"

        [[route.tiers]]
        name = "cheap"
        model = "small"
        tasks = ["classification"]
        max_complexity = 2

        [[route.tiers]]
        name = "midtier"
        model = "mid"
        tasks = ["coding"]
        max_complexity = 7

        [[route.tiers]]
        name = "top"
        model = "big"
        tasks = ["research"]
        max_complexity = 10

        [[route.rule]]
        task = "classification"
        has_tools = false
        max_input_tokens = 1500
        """

    func testTaskHintChoosesTheTierAndUnlistedTasksGoToTheDefaultTier() throws {
        func onBig(_ id: String, _ minute: Int, task: String) -> PolicyCall {
            PolicyCall(id, at: "10:0\(minute):00") {
                $0.model = "big"
                $0.task = task
            }
        }
        let calls = [
            onBig("t1", 1, task: "classification"), onBig("t2", 2, task: "coding"), onBig("t3", 3, task: "research"),
            onBig("t4", 4, task: "translation"),
        ]
        let output = try policyRun(calls, policy: tiering)
        // Each call: 1 000 input tokens, complexity 1, $10 on big.
        // t1 classification → cheap (small): $1. t2 coding → mid: $4. t3 research → big: the same
        // model, unchanged. t4 translation is in no tier → default midtier: $4.
        assertPolicyCall(output, "t1", "modified", cost: "1", policy: "tiering", model: "small")
        assertPolicyCall(output, "t2", "modified", cost: "4", policy: "tiering", model: "mid")
        assertPolicyCall(output, "t3", "kept", cost: "10", model: "big")
        assertPolicyCall(output, "t4", "modified", cost: "4", policy: "tiering", model: "mid")
        XCTAssertEqual(output.calls.map { $0["task"] ?? "" }, ["classification", "coding", "research", "translation"])
        // 1 + 4 + 10 + 4 = 19 of 40.
        assertPolicyCombined(output, cost: "19", savings: "21", avoided: 0, modified: 3)
    }

    func testRuleAssignsTheTaskElseUnknownGoesToTheDefaultTier() throws {
        let calls = [
            PolicyCall("r1", at: "10:01:00") { $0.model = "big" },
            PolicyCall("r2", at: "10:02:00") {
                $0.model = "big"
                $0.input = 1600
            },
            PolicyCall("r3", at: "10:03:00") {
                $0.model = "big"
                $0.toolsOffered = 1
            },
            PolicyCall("r4", at: "10:04:00") {
                $0.model = "big"
                $0.input = 1500
            },
            PolicyCall("r5", at: "10:05:00") {
                $0.model = "big"
                $0.input = 1000
                $0.cacheRead = 1000
            },
        ]
        let output = try policyRun(calls, policy: tiering)
        // r1: no tools, 1 000 ≤ 1 500 → classification, complexity 1 → small: $1 (was $10).
        // r2: 1 600 > 1 500 → unknown → default mid: 1 600 × 0.004 = $6.4 (was $16).
        // r3: offers a tool → unknown (complexity 2) → default mid: $4 (was $10).
        // r4: 1 500 is inside the inclusive bound → classification → small: $1.5 (was $15).
        // r5: 1 000 uncached + 1 000 read = 2 000 input tokens (all input buckets) > 1 500 → unknown
        //     → mid: 1 000 × 0.004 + 1 000 × 0.0004 = $4.4 (was 10 + 1 = $11).
        XCTAssertEqual(
            output.calls.map { $0["task"] ?? "" },
            ["classification", "unknown", "unknown", "classification", "unknown"])
        assertPolicyCall(output, "r1", "modified", cost: "1", policy: "tiering", model: "small")
        assertPolicyCall(output, "r2", "modified", cost: "6.4", policy: "tiering", model: "mid")
        assertPolicyCall(output, "r3", "modified", cost: "4", policy: "tiering", model: "mid")
        assertPolicyCall(output, "r4", "modified", cost: "1.5", policy: "tiering", model: "small")
        assertPolicyCall(output, "r5", "modified", cost: "4.4", policy: "tiering", model: "mid")
        // 1 + 6.4 + 4 + 1.5 + 4.4 = 17.3 of 10 + 16 + 10 + 15 + 11 = 62.
        assertPolicyCombined(output, cost: "17.3", savings: "44.7", avoided: 0, modified: 5)
    }

    func testRuleConditionsAreGlobsAndSubstringsAndTheFirstMatchingRuleWins() throws {
        let policy = """
            [[route]]
            name = "rules"
            default_tier = "same"

            # Only the task column matters here; one tier keeps every call on its own model
            # (the seed tiers' Claude models are not in the tiny price book).
            [[route.tiers]]
            name = "same"
            model = "small"
            tasks = []

            [[route.rule]]
            task = "research"
            system_contains = "Deep"

            [[route.rule]]
            task = "coding"
            team = "eng-*"

            [[route.rule]]
            task = "classification"
            user = "a?ice"

            [[route.rule]]
            task = "extraction"
            model = "sm*"

            [[route.rule]]
            task = "summarization"
            min_input_tokens = 10
            min_output_tokens = 100
            max_output_tokens = 200
            """
        let calls = [
            PolicyCall("k1", at: "10:01:00") { $0.system = "A Deep dive" },  // also matches user a?ice
            PolicyCall("k2", at: "10:02:00") {
                $0.user = nil
                $0.system = "deep"
                $0.team = "eng-core"
            },
            PolicyCall("k3", at: "10:03:00") { $0.model = "big" },  // alice
            PolicyCall("k4", at: "10:04:00") { $0.user = "alicia" },  // not a?ice; model small
            PolicyCall("k5", at: "10:05:00") {
                $0.user = nil
                $0.model = "big"
                $0.output = 200
            },
            PolicyCall("k6", at: "10:06:00") {
                $0.user = nil
                $0.model = "big"
                $0.output = 201
            },
            PolicyCall("k7", at: "10:07:00") {
                $0.user = nil
                $0.model = "big"
                $0.team = "ENG-core"  // case-sensitive
            },
            PolicyCall("k8", at: "10:08:00") {
                $0.user = nil
                $0.model = "big"  // no user, no team
            },
        ]
        let output = try policyRun(calls, policy: policy)
        XCTAssertEqual(
            output.calls.map { $0["task"] ?? "" },
            [
                "research", "coding", "classification", "extraction", "summarization", "unknown", "unknown", "unknown",
            ])
    }

    func testComplexityFormulaThresholds() throws {
        // Tiers for task "x": complexity 1 → small, 2–3 → mid, otherwise the default (big, the
        // logged model: unchanged). Every call is logged on big.
        let policy = """
            [[route]]
            name = "by-complexity"
            default_tier = "top"

            [[route.tiers]]
            name = "cheap"
            model = "small"
            tasks = ["x"]
            max_complexity = 1

            [[route.tiers]]
            name = "midtier"
            model = "mid"
            tasks = ["x"]
            max_complexity = 3

            [[route.tiers]]
            name = "top"
            model = "big"
            tasks = ["x"]
            max_complexity = 10
            """
        // (id, input, output, tools offered, messages, hint, expected complexity, expected model)
        let cases: [(String, Int64, Int64, Int, Int, Double?, Int, String)] = [
            ("x01", 2000, 1000, 0, 10, nil, 1, "small"),  // every term at its bound, none above
            ("x02", 2001, 0, 0, 1, nil, 2, "mid"),  // in > 2000
            ("x03", 1000, 1001, 0, 1, nil, 2, "mid"),  // out > 1000
            ("x04", 1000, 0, 1, 1, nil, 2, "mid"),  // tools > 0
            ("x05", 1000, 0, 0, 11, nil, 2, "mid"),  // messages > 10
            ("x06", 8001, 0, 0, 1, nil, 3, "mid"),  // in > 2000, > 8000
            ("x07", 8001, 1001, 0, 1, nil, 4, "big"),  // 1 + 2 + 1
            ("x08", 2001, 4001, 0, 1, nil, 4, "big"),  // 1 + 1 + 2
            ("x09", 1000, 0, 11, 1, nil, 3, "mid"),  // tools > 0, > 10
            ("x10", 1000, 0, 0, 41, nil, 3, "mid"),  // messages > 10, > 40
            ("x11", 32001, 0, 0, 1, nil, 4, "big"),  // in > 2000, 8000, 32000
            ("x12", 40000, 5000, 12, 41, 1, 1, "small"),  // the hint wins over the formula (which gives 10)
            ("x13", 1000, 0, 0, 1, 0, 1, "small"),  // hint clamped up to 1
            ("x14", 1000, 0, 0, 1, 15, 10, "big"),  // hint clamped down to 10
            ("x15", 1000, 0, 0, 1, 3.9, 3, "mid"),  // hint truncated
            ("x16", 1000, 0, 0, 1, 1.9, 1, "small"),  // hint truncated
            ("x17", 1000, 0, 0, 1, nil, 2, "mid"),  // 1 000 uncached + 1 001 read: in = 2 001 > 2000
        ]
        let calls = cases.enumerated().map { index, item in
            PolicyCall(item.0, at: "10:\(10 + index):00") {
                $0.model = "big"
                $0.task = "x"
                $0.input = item.1
                $0.output = item.2
                $0.toolsOffered = item.3
                $0.extraMessages = item.4 - 1
                $0.complexity = item.5
                if item.0 == "x17" { $0.cacheRead = 1001 }
            }
        }
        let output = try policyRun(calls, policy: policy)
        for item in cases {
            XCTAssertEqual(output.call(item.0)["cf_model"], item.7, "\(item.0): complexity \(item.6)")
        }
        // The engine reports calls per complexity for the route (SPEC §6.5): 1 ×4, 2 ×5, 3 ×4, 4 ×3, 10 ×1.
        let perComplexity = output.result.replay?.routedComplexity["by-complexity"] ?? [:]
        XCTAssertEqual(perComplexity, [1: 4, 2: 5, 3: 4, 4: 3, 10: 1])
    }

    func testOnlyAStrictlyCheaperChoiceIsApplied() throws {
        let policy = """
            [[route]]
            name = "tiering"
            default_tier = "top"

            [[route.tiers]]
            name = "cheap"
            model = "twin"
            tasks = ["classification"]
            max_complexity = 2

            [[route.tiers]]
            name = "top"
            model = "big"
            tasks = ["research"]
            max_complexity = 10
            """
        let calls = [
            PolicyCall("s1", at: "10:01:00") { $0.task = "classification" },  // small → twin: same price
            PolicyCall("s2", at: "10:02:00") { $0.task = "research" },  // small → big: dearer
            PolicyCall("s3", at: "10:03:00") {
                $0.task = "classification"
                $0.model = "mid"  // mid → twin: cheaper
            },
        ]
        let output = try policyRun(calls, policy: policy)
        // s1 $1 = $1 on twin: not strictly cheaper, unchanged. s2 would cost $10 on big: unchanged.
        // s3: $4 → $1 on twin.
        assertPolicyCall(output, "s1", "kept", cost: "1", model: "small")
        assertPolicyCall(output, "s2", "kept", cost: "1", model: "small")
        assertPolicyCall(output, "s3", "modified", cost: "1", policy: "tiering", model: "twin")
        assertPolicyCombined(output, cost: "3", savings: "3", avoided: 0, modified: 1)
    }

    func testProvidersFilterUsesTheResolvedModelsProvider() throws {
        let calls = [
            // The label says anthropic, but oai-big is an openai model in the price book.
            PolicyCall("o1", at: "10:01:00") {
                $0.model = "oai-big"
                $0.task = "classification"
            },
            PolicyCall("a1", at: "10:02:00") {
                $0.model = "big"
                $0.task = "classification"
            },
        ]
        // Default providers ["anthropic"]: only a1 is routed ($10 → $1).
        let anthropic = try policyRun(calls, policy: tiering)
        assertPolicyCall(anthropic, "o1", "kept", cost: "10", model: "oai-big")
        assertPolicyCall(anthropic, "a1", "modified", cost: "1", policy: "tiering", model: "small")

        let openai = try policyRun(
            calls,
            policy: """
                [[route]]
                name = "oai"
                providers = ["openai"]
                default_tier = "mini"

                [[route.tiers]]
                name = "mini"
                model = "oai-small"
                tasks = ["classification"]
                max_complexity = 10
                """)
        assertPolicyCall(openai, "o1", "modified", cost: "1", policy: "oai", model: "oai-small")
        assertPolicyCall(openai, "a1", "kept", cost: "10", model: "big")
    }

    func testNonCombinedRouteIsOnlyItsOwnIsolatedScenarioAndTasksComeFromTheCombinedRoute() throws {
        let policy = """
            [[route]]
            name = "r1"
            default_tier = "top"

            [[route.tiers]]
            name = "cheap"
            model = "small"
            tasks = ["classification"]
            max_complexity = 2

            [[route.tiers]]
            name = "top"
            model = "big"
            tasks = ["research"]
            max_complexity = 10

            [[route.rule]]
            task = "classification"
            has_tools = false

            [[route]]
            name = "r2"
            combined = false
            default_tier = "b"

            [[route.tiers]]
            name = "m"
            model = "mid"
            tasks = ["classification"]
            max_complexity = 10

            [[route.tiers]]
            name = "b"
            model = "big"
            tasks = ["research"]
            max_complexity = 10

            [[route.rule]]
            task = "research"
            """
        let calls = [
            PolicyCall("p1", at: "10:01:00") { $0.model = "big" },
            PolicyCall("p2", at: "10:02:00") {
                $0.model = "big"
                $0.toolsOffered = 1
            },
        ]
        let output = try policyRun(calls, policy: policy)
        // Tasks come from r1's rules (the combined route): p1 classification, p2 unknown.
        XCTAssertEqual(output.calls.map { $0["task"] ?? "" }, ["classification", "unknown"])
        // Combined = r1 only: p1 → small $1, p2 → default top (big) unchanged $10. Baseline $20.
        assertPolicyCall(output, "p1", "modified", cost: "1", policy: "r1", model: "small")
        assertPolicyCall(output, "p2", "kept", cost: "10", model: "big")
        assertPolicyCombined(output, cost: "11", savings: "9", avoided: 0, modified: 1)
        XCTAssertEqual(output.waterfall.map(\.0), ["r1"])
        XCTAssertEqual(output.waterfall.map(\.1), [9.0])
        // r2 alone: p1 classification → mid $4; p2 unknown → default b (big) unchanged. $14, saves $6.
        // (Had r2 used its own rule, p1 would be research → big → no saving.)
        XCTAssertEqual(output.policy("r2")["combined"] as? Bool, false)
        XCTAssertEqual(output.policy("r2")["kind"] as? String, "route")
        XCTAssertEqual(output.policies.map { $0["name"] as? String ?? "?" }, ["r1", "r2"])
        XCTAssertEqual(output.policy("r1")["combined"] as? Bool, true)
        XCTAssertEqual(policyDouble(output.isolated("r2")["cost_usd"]), 14.0)
        XCTAssertEqual(policyDouble(output.isolated("r2")["savings_usd"]), 6.0)
        XCTAssertEqual(policyInt(output.isolated("r2")["calls_modified"]), 1)
        XCTAssertEqual(output.exactIsolatedCost("r2"), policyUSD("14"))
        XCTAssertEqual(policyDouble(output.isolated("r1")["cost_usd"]), 11.0)
    }

    func testSeedTiersWithTheEmbeddedPriceBook() throws {
        // 1 000 input + 1 000 output tokens. opus-4 $15/$75 per M: 0.015 + 0.075 = $0.09;
        // sonnet-4 $3/$15: 0.003 + 0.015 = $0.018; haiku-3 $0.25/$1.25: 0.00025 + 0.00125 = $0.0015.
        let calls = [
            PolicyCall("e1", at: "10:01:00") {
                $0.model = "claude-opus-4-20250514"
                $0.task = "classification"
                $0.output = 1000
            },
            PolicyCall("e2", at: "10:02:00") {
                $0.model = "claude-opus-4-20250514"
                $0.output = 1000
            },
            PolicyCall("e3", at: "10:03:00") {
                $0.model = "claude-3-haiku-20240307"
                $0.task = "research"
                $0.output = 1000
            },
        ]
        let output = try policyRun(calls, policy: "[[route]]\n", prices: PriceBookLoader.embedded())
        // e1 classification, complexity 1 → haiku. e2 unknown → default sonnet. e3 research → opus:
        // dearer, unchanged.
        assertPolicyCall(output, "e1", "modified", cost: "0.0015", policy: "route", model: "claude-3-haiku")
        assertPolicyCall(output, "e2", "modified", cost: "0.018", policy: "route", model: "claude-sonnet-4")
        assertPolicyCall(output, "e3", "kept", cost: "0.0015", model: "claude-3-haiku")
        // 0.0015 + 0.018 + 0.0015 = 0.021 of 0.09 + 0.09 + 0.0015 = 0.1815.
        assertPolicyCombined(output, cost: "0.021", savings: "0.1605", avoided: 0, modified: 2)
    }
}
