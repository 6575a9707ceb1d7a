import Foundation
import XCTest

@testable import CostReplayKit

/// SPEC §6.8 prompt-prefix caching. Prompt units are built to exact canonical sizes: unit 0
/// `{"model":"small","system":"…"}` is 100 bytes and every message is 100 bytes, so with units
/// 0..n `tokens(i) = floor(total × (i + 1) / (n + 1))`.
///
/// `small` per token: input $0.001, write 5m $0.00125, write 1h $0.002, read $0.0001.
final class PrefixCachePolicyTests: XCTestCase {
    private let system = PolicyLogBuilder.system(model: "small", unitBytes: 100)  // unit 0 of a call on small
    private let m1 = PolicyLogBuilder.message(role: "user", bytes: 100, fill: "a")
    private let m2 = PolicyLogBuilder.message(role: "assistant", bytes: 100, fill: "b")

    /// A call on `model` with units [unit 0 (100 bytes), messages…] and `input` uncached input tokens.
    private func prompt(
        _ id: String, at time: String, model: String = "small", twoMessages: Bool, input: Int64,
        _ configure: (inout PolicyCall) -> Void = { _ in }
    ) -> PolicyCall {
        PolicyCall(id, at: time) {
            $0.model = model
            $0.system = PolicyLogBuilder.system(model: model, unitBytes: 100)
            $0.messages = twoMessages ? [m1, m2] : [m1]
            $0.input = input
            $0.apiKey = "k1"
            configure(&$0)
        }
    }

    func testUnitSizesAreExact() throws {
        // Guards the arithmetic of every other test here.
        let unit0 = try JSONSerialization.data(withJSONObject: ["model": "small", "system": system], options: [.sortedKeys])
        XCTAssertEqual(unit0.count, 100)
        for message in [m1, m2] {
            XCTAssertEqual(try JSONSerialization.data(withJSONObject: message, options: [.sortedKeys]).count, 100)
        }
    }

    func testReadWriteRefreshAndExpiry() throws {
        let calls = [
            prompt("p1", at: "10:00:00", twoMessages: false, input: 2000),
            prompt("p2", at: "10:01:00", twoMessages: true, input: 3000),
            prompt("p3", at: "10:06:00", twoMessages: true, input: 3000),
            prompt("p4", at: "10:11:00.001", twoMessages: true, input: 3000),
        ]
        let output = try policyRun(calls, policy: "[prefix_cache]\n")
        // p1 (units 0..1, 2 000 tokens): nothing live; write tokens(1) = 2 000 → input 0, write 2 000:
        //    2 000 × 0.00125 = $2.5 (logged $2). h_0, h_1 live until 10:05.
        // p2 (units 0..2, 3 000): h_1 live, tokens(1) = floor(3000 × 200/300) = 2 000 read; write
        //    tokens(2) − read = 1 000; input 0: 2 000 × 0.0001 + 1 000 × 0.00125 = 0.2 + 1.25 = $1.45.
        //    h_1 refreshed, h_0 and h_2 written: all live until 10:06:00.
        // p3 at 10:06:00: expiry ≥ t → h_2 live → read 3 000, write 0 (h_n was the hit): $0.3.
        //    h_2 and h_0 live until 10:11:00.
        // p4 at 10:11:00.001: nothing live → write 3 000: $3.75 (logged $3).
        assertPolicyCall(output, "p1", "modified", cost: "2.5", policy: "prefix_cache", model: "small")
        assertPolicyCall(output, "p2", "modified", cost: "1.45", policy: "prefix_cache")
        assertPolicyCall(output, "p3", "modified", cost: "0.3", policy: "prefix_cache")
        assertPolicyCall(output, "p4", "modified", cost: "3.75", policy: "prefix_cache")
        // 2.5 + 1.45 + 0.3 + 3.75 = 8.0 of 2 + 3 + 3 + 3 = 11.
        assertPolicyCombined(output, cost: "8", savings: "3", avoided: 0, modified: 4)
        // Write premium never read again: p4's 3 000 × (0.00125 − 0.001) = $0.75 (p1's and p2's
        // writes were read by p2 and p3).
        XCTAssertEqual(output.result.replay?.wastedWritePremium["prefix_cache"], policyUSD("0.75"))
    }

    func testOneHourTTLUsesTheOneHourWriteRate() throws {
        let calls = [
            prompt("p1", at: "10:00:00", twoMessages: false, input: 2000),
            prompt("p2", at: "10:01:00", twoMessages: true, input: 3000),
            prompt("p3", at: "10:06:00", twoMessages: true, input: 3000),
            prompt("p4", at: "10:11:00.001", twoMessages: true, input: 3000),
        ]
        let output = try policyRun(calls, policy: "[prefix_cache]\nttl = \"1h\"\n")
        // p1: write 2 000 × 0.002 = $4. p2: read 2 000 × 0.0001 + write 1 000 × 0.002 = $2.2.
        // p3, p4: h_2 live (refreshed to t + 1h) → read 3 000 = $0.3 each.
        XCTAssertEqual(output.cfCosts, ["4", "2.2", "0.3", "0.3"])
        XCTAssertEqual(output.calls.map { $0["cache_write_1h_tokens"] ?? "" }, ["0", "0", "0", "0"])  // logged usage
        assertPolicyCombined(output, cost: "6.8", savings: "4.2", avoided: 0, modified: 4)
    }

    func testMinTokensGatesReadsAndWrites() throws {
        let calls = [
            prompt("q1", at: "10:00:00", twoMessages: false, input: 3000),
            prompt("q2", at: "10:01:00", twoMessages: true, input: 3000),
            prompt("q3", at: "10:02:00", twoMessages: false, input: 2000),
        ]
        let output = try policyRun(calls, policy: "[prefix_cache]\nmin_tokens = 2500\n")
        // q1: tokens(1) = 3 000 ≥ 2 500 → write 3 000: $3.75.
        // q2: h_1 live but tokens(1) = 2 000 < 2 500, h_0 live but tokens(0) = 1 000 < 2 500 → no
        //     read; write tokens(2) = 3 000: $3.75.
        // q3: tokens(1) = floor(2000 × 200/200) = 2 000 < 2 500: neither read nor write → unchanged $2.
        assertPolicyCall(output, "q1", "modified", cost: "3.75", policy: "prefix_cache")
        assertPolicyCall(output, "q2", "modified", cost: "3.75", policy: "prefix_cache")
        assertPolicyCall(output, "q3", "kept", cost: "2")
        assertPolicyCombined(output, cost: "9.5", savings: "-1.5", avoided: 0, modified: 2)
    }

    func testZeroMinTokensMeansTheModelsMinimum() throws {
        // cachey is priced like small with min_cacheable_tokens = 2 500: the same calls as
        // testMinTokensGatesReadsAndWrites give the same costs without min_tokens in the policy.
        let calls = [
            prompt("q1", at: "10:00:00", model: "cachey", twoMessages: false, input: 3000),
            prompt("q2", at: "10:01:00", model: "cachey", twoMessages: true, input: 3000),
            prompt("q3", at: "10:02:00", model: "cachey", twoMessages: false, input: 2000),
        ]
        let output = try policyRun(calls, policy: "[prefix_cache]\n")
        XCTAssertEqual(output.cfCosts, ["3.75", "3.75", "2"])
        // An explicit min_tokens replaces the model's: with 1, q2 reads tokens(1) = 2 000 ($1.45)
        // and q3 reads its whole prompt h_1 (2 000 × 0.0001 = $0.2).
        let explicit = try policyRun(calls, policy: "[prefix_cache]\nmin_tokens = 1\n")
        XCTAssertEqual(explicit.cfCosts, ["3.75", "1.45", "0.2"])
    }

    func testScopeAndProviders() throws {
        let calls = [
            prompt("p1", at: "10:00:00", twoMessages: false, input: 2000),
            prompt("p2", at: "10:01:00", twoMessages: true, input: 3000) { $0.apiKey = "k2" },
        ]
        // api_key (default): p2's key k2 has no state → write 3 000: $3.75.
        let byKey = try policyRun(calls, policy: "[prefix_cache]\n")
        XCTAssertEqual(byKey.cfCosts, ["2.5", "3.75"])
        // user: both alice → p2 reads 2 000: $1.45.
        let byUser = try policyRun(calls, policy: "[prefix_cache]\nscope = \"user\"\n")
        XCTAssertEqual(byUser.cfCosts, ["2.5", "1.45"])
        let global = try policyRun(calls, policy: "[prefix_cache]\nscope = \"global\"\n")
        XCTAssertEqual(global.cfCosts, ["2.5", "1.45"])
        // providers = ["openai"]: small is an anthropic model → untouched.
        let openai = try policyRun(calls, policy: "[prefix_cache]\nproviders = [\"openai\"]\n")
        XCTAssertEqual(openai.actions, ["p1=kept", "p2=kept"])
        XCTAssertEqual(openai.cfCosts, ["2", "3"])
    }

    func testUnitZeroAloneIsAReadablePrefix() throws {
        let other = PolicyLogBuilder.message(role: "user", bytes: 100, fill: "z")
        let calls = [
            prompt("p1", at: "10:00:00", twoMessages: false, input: 2000),
            prompt("p2", at: "10:01:00", twoMessages: false, input: 2000) { $0.messages = [other] },
        ]
        let output = try policyRun(calls, policy: "[prefix_cache]\n")
        // p2 shares only unit 0 with p1: h_1 differs, h_0 is live → read tokens(0) = 1 000, write
        // 2 000 − 1 000 = 1 000: 0.1 + 1.25 = $1.35.
        XCTAssertEqual(output.cfCosts, ["2.5", "1.35"])
    }

    func testStateIsKeptPerModelAfterRouting() throws {
        let policy = """
            [[route]]
            name = "tiering"
            default_tier = "top"

            [[route.tiers]]
            name = "cheap"
            model = "small"
            tasks = ["classification"]
            max_complexity = 10

            [[route.tiers]]
            name = "top"
            model = "big"
            tasks = ["research"]
            max_complexity = 10

            [prefix_cache]
            """
        // Identical request bodies on big; x1 and x3 are routed to small, x2 stays on big.
        let calls = [
            prompt("x1", at: "10:00:00", model: "big", twoMessages: false, input: 2000) { $0.task = "classification" },
            prompt("x2", at: "10:01:00", model: "big", twoMessages: true, input: 3000) { $0.task = "research" },
            prompt("x3", at: "10:02:00", model: "big", twoMessages: true, input: 3000) { $0.task = "classification" },
        ]
        let output = try policyRun(calls, policy: policy)
        // x1: small, write 2 000 × 0.00125 = $2.5 under (k1, small).
        // x2: big, (k1, big) is empty → write 3 000 × 0.0125 = $37.5 (sharing x1's state would
        //     have read 2 000: 2 + 12.5 = $14.5).
        // x3: small, reads x1's h_1: 2 000 × 0.0001 + 1 000 × 0.00125 = $1.45.
        assertPolicyCall(output, "x1", "modified", cost: "2.5", policy: "tiering+prefix_cache", model: "small")
        assertPolicyCall(output, "x2", "modified", cost: "37.5", policy: "prefix_cache", model: "big")
        assertPolicyCall(output, "x3", "modified", cost: "1.45", policy: "tiering+prefix_cache", model: "small")
        assertPolicyCombined(output, cost: "41.45", savings: "38.55", avoided: 0, modified: 3)
    }

    func testProvidersFilterLooksAtTheModelAfterRouting() throws {
        let policy = """
            [[route]]
            name = "oai"
            providers = ["openai"]
            default_tier = "s"

            [[route.tiers]]
            name = "s"
            model = "small"
            tasks = ["classification"]
            max_complexity = 10

            [prefix_cache]
            """
        let calls = [
            prompt("y1", at: "10:00:00", model: "oai-big", twoMessages: false, input: 2000) { $0.task = "classification" }
        ]
        let output = try policyRun(calls, policy: policy)
        // oai-big ($20) is routed to small, an anthropic model: the prefix cache applies ($2.5).
        assertPolicyCall(output, "y1", "modified", cost: "2.5", policy: "oai+prefix_cache", model: "small")
        // Alone, the prefix cache sees an openai model and leaves it at $20.
        XCTAssertEqual(output.exactIsolatedCost("prefix_cache"), policyUSD("20"))
    }

    func testACallThatUsedCachingKeepsItsCostButUpdatesTheState() throws {
        let calls = [
            // 1 000 uncached + 1 000 read = 2 000 input tokens: 1 + 0.1 = $1.1 as logged.
            prompt("u1", at: "10:00:00", twoMessages: false, input: 1000) { $0.cacheRead = 1000 },
            prompt("u2", at: "10:01:00", twoMessages: true, input: 3000),
        ]
        let output = try policyRun(calls, policy: "[prefix_cache]\n")
        // u1 keeps its cost but writes h_1 (tokens(1) = 2 000); u2 reads 2 000 and writes 1 000: $1.45.
        assertPolicyCall(output, "u1", "kept", cost: "1.1")
        assertPolicyCall(output, "u2", "modified", cost: "1.45", policy: "prefix_cache")
        assertPolicyCombined(output, cost: "2.55", savings: "1.55", avoided: 0, modified: 1)
    }
}
