import XCTest

@testable import CostReplayKit

/// Regressions for problems a code review found: hostile request limits, extreme policy values,
/// unknown models named by policies, the retry look-ahead's hold, and the unit-0 memo key.
final class ReviewRegressionPolicyTests: XCTestCase {
    private let maxTokensBudget = """
        [[budget]]
        name = "cap"
        scope = "user"
        period = "none"
        max_tokens = 100000
        estimate = "max_tokens"
        on_block = "drop_call"
        """

    /// A request limit of Int64.max used to overflow the estimate and crash the run.
    func testAbsurdRequestLimitIsIgnoredNotACrash() throws {
        let calls = [
            PolicyCall("a", at: "10:00:00") {
                $0.maxTokens = Int64.max; $0.input = 1000; $0.output = 10
            }
        ]
        let output = try policyRun(calls, policy: maxTokensBudget)
        // The limit is treated as absent: the estimate is input + actual output = 1,010 tokens, admitted.
        XCTAssertEqual(output.call("a")["cf_action"], "kept")
    }

    /// A negative request limit used to make the estimate negative and sneak calls under a budget.
    func testNegativeRequestLimitDoesNotLowerTheEstimate() throws {
        let budget = maxTokensBudget.replacingOccurrences(of: "max_tokens = 100000", with: "max_tokens = 100")
        let calls = [
            PolicyCall("n1", at: "10:00:00") {
                $0.maxTokens = -100_000; $0.input = 500
            }
        ]
        let output = try policyRun(calls, policy: budget)
        // 500 input tokens alone exceed the 100-token limit: blocked (dropped).
        XCTAssertEqual(output.call("n1")["cf_action"], "avoided")
    }

    func testDurationsTooLongAreKeyPathErrors() {
        let cases = [
            ("[retry]\nwindow_seconds = 100000000000000\n", "retry.window_seconds"),
            ("[response_cache]\nttl_seconds = 100000000000000\n", "response_cache.ttl_seconds"),
            ("[[budget]]\nscope = \"user\"\nperiod = \"3000000000h\"\nmax_cost_usd = 1\n", "budget[0].period"),
            ("[[budget]]\nscope = \"user\"\nperiod = \"106740000d\"\nmax_cost_usd = 1\n", "budget[0].period"),
        ]
        for (text, keyPath) in cases {
            XCTAssertThrowsError(try PolicyFileLoader.load(text: text, source: "p.toml", defaultTimezone: "UTC")) { error in
                XCTAssertEqual((error as? ConfigError)?.keyPath, keyPath, text)
            }
        }
    }

    func testModelsNamedByPoliciesMustBePriced() throws {
        let book = try PolicyPrices.tiny()
        let downgrade = try policySet(
            """
            [[budget]]
            scope = "user"
            max_requests = 0
            on_exceed = "downgrade"
            downgrade_to = "claude-haiku-typo"
            """)
        XCTAssertThrowsError(try downgrade.validateModels(in: book)) { error in
            XCTAssertEqual((error as? ConfigError)?.keyPath, "budget[0].downgrade_to")
        }
        let route = try policySet(
            """
            [[route]]
            default_tier = "only"
            [[route.tiers]]
            name = "only"
            model = "no-such-model"
            tasks = ["unknown"]
            """)
        XCTAssertThrowsError(try route.validateModels(in: book)) { error in
            XCTAssertEqual((error as? ConfigError)?.keyPath, "route[0].tiers[0].model")
        }
    }

    /// One call that runs for ten days must not make the look-ahead hold every later call.
    func testRetryLookaheadHoldIsBounded() {
        var lookahead = RetryLookahead(windowMicros: 120_000_000)
        func call(_ id: Int, user: String, start: Int64, latency: Int64, failed: Bool) -> ReplayedCall {
            var record = CallRecord(
                id: "c\(id)", origin: RecordOrigin(fileIndex: 0, line: Int64(id)), start: Timestamp(micros: start),
                end: Timestamp(micros: start + latency), model: "m")
            record.user = user
            record.succeeded = !failed
            record.usage = Usage(input: 10)
            return ReplayedCall(
                record: record, session: nil, sessionInferred: false, pricedModel: nil, priceEntry: nil, usage: .zero, cost: nil)
        }
        var released = lookahead.push(call(0, user: "lonely", start: 0, latency: 864_000_000_000, failed: true)).count
        for index in 1...5_000 {
            released +=
                lookahead.push(call(index, user: "busy", start: Int64(index) * 1_000_000, latency: 1_000, failed: false)).count
        }
        // 5,000 s later the hour-long hold (plus the window) has passed: almost everything is out.
        XCTAssertGreaterThan(released, 4_000)
        released += lookahead.finish().count
        XCTAssertEqual(released, 5_001)
    }

    /// Unit 0 of an Anthropic body with `system` and of a Responses body with `instructions` must
    /// not share a memo entry: the canonical objects differ by their key.
    func testUnitZeroMemoKeepsKeyNamesApart() throws {
        let cache = PromptUnitCache()
        func unitZero(_ json: String, shape: BodyShape) throws -> PromptUnit? {
            var bytes = Array(json.utf8)
            return try bytes.withUnsafeMutableBytes { raw -> PromptUnit? in
                var tape = JSONTape()
                try tape.parse(UnsafeRawBufferPointer(raw))
                var facts = BodyFacts()
                _ = BodyFactsReader.readPromptUnits(
                    tape, tape.root, layout: BodyFactsReader.PromptLayout.of(shape), cache: cache, into: &facts)
                return facts.promptUnits.first
            }
        }
        let anthropic = try unitZero(
            #"{"model":"m","system":"X","messages":[{"role":"user","content":"hi"}]}"#, shape: .anthropic)
        let responses = try unitZero(#"{"model":"m","instructions":"X","input":"hi"}"#, shape: .openaiResponses)
        XCTAssertNotNil(anthropic)
        XCTAssertNotEqual(anthropic?.prefixHash, responses?.prefixHash)
    }
}
