import Foundation
import XCTest

@testable import CostReplayKit

/// Properties of the scenarios (SPEC §6.1, §5.3, §3.4): the waterfall steps sum exactly to the
/// combined savings; limits nobody reaches change nothing; the way calls are split across files
/// does not change any output.
final class ScenarioPropertyPolicyTests: XCTestCase {
    /// Tests/CostReplayKitTests/Conformance (the source folder, next to this one).
    private var conformance: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Conformance").path
    }

    private func text(_ path: String) throws -> String {
        String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
    }

    private func conformancePrices() throws -> PriceBook {
        try PriceBookLoader.loadTOML(try text(conformance + "/prices.toml"), source: "prices.toml")
    }

    private func conformanceInputs() throws -> [InputFile] {
        try InputDiscovery.discover([conformance + "/set-p/logs"])
    }

    /// Sum of a calls.csv money column, exactly (empty cells are unpriced calls and skipped).
    private func exactSum(_ rows: [[String: String]], _ column: String) -> Money {
        rows.reduce(Money.zero) { sum, row in
            guard let cell = row[column], !cell.isEmpty else { return sum }
            guard let value = Money(dollarsText: cell) else {
                XCTFail("\(column) is not a plain decimal: \(cell)")
                return sum
            }
            return sum + value
        }
    }

    // MARK: (1) waterfall

    func testWaterfallStepsSumExactlyToTheCombinedSavingsOnTheConformanceLogs() throws {
        let policies = try PolicyFileLoader.load(
            text: try text(conformance + "/policies/aggressive.toml"),
            source: "aggressive.toml", defaultTimezone: "UTC")
        let prices = try conformancePrices()
        let inputs = try conformanceInputs()
        XCTAssertEqual(inputs.count, 3)

        // Through the library API: a Replayer feeding a ReplayEngine. (AnalyzeJob also tunes some
        // decoding options, e.g. keeping system texts for `system_contains`, so its figures may
        // differ from this run's; each run is checked against itself.)
        var options = AnalysisOptions(priceBook: prices)
        options.sessionGapMicros = policies.sessionGapMicros
        let engine = ReplayEngine(policySet: policies, priceBook: prices)
        var baseline = Money.zero
        var emittedCombined = Money.zero
        var emitted = 0
        var replayed = 0
        let record = { (context: CallContext, outcome: CallOutcome) in
            emitted += 1
            if context.call.cost != nil { emittedCombined = emittedCombined + (outcome.cost ?? .zero) }
        }
        _ = try Replayer(options: options).run(inputs) { call in
            replayed += 1
            if let cost = call.cost { baseline = baseline + cost }
            engine.push(call, emit: record)
        }
        engine.finish(emit: record)
        XCTAssertEqual(emitted, replayed, "every call is emitted once")
        let outcome = engine.outcome()
        let steps = outcome.waterfallSavings(baseline: baseline)

        // The combined policies in pipeline order; the non-combined route is not a step.
        let combinedNames = policies.identities.filter(\.combined).map(\.name)
        XCTAssertEqual(steps.map(\.policy.name), combinedNames)
        XCTAssertFalse(combinedNames.contains("route-openai-41"))
        XCTAssertEqual(outcome.waterfall.count, combinedNames.count)
        XCTAssertEqual(outcome.waterfall.last?.cost, outcome.combined.cost)

        let stepSum = steps.reduce(Money.zero) { $0 + $1.savings }
        XCTAssertEqual(stepSum, baseline - outcome.combined.cost, "steps sum exactly to baseline − combined")
        XCTAssertEqual(outcome.combined.savings, baseline - outcome.combined.cost)
        XCTAssertEqual(emittedCombined, outcome.combined.cost, "the per-call combined costs sum to the combined cost")
        // Step k saves cost(steps < k) − cost(steps ≤ k).
        var previous = baseline
        for (step, summary) in zip(steps, outcome.waterfall) {
            XCTAssertEqual(step.savings, previous - summary.cost, step.policy.name)
            previous = summary.cost
        }
        // The aggressive policies really save something, so the property is not vacuous.
        XCTAssertGreaterThan(outcome.combined.savings, .zero)
        XCTAssertGreaterThan(outcome.combined.callsAvoided, 0)
        XCTAssertGreaterThan(outcome.combined.callsModified, 0)

        // Through AnalyzeJob: the same identity from its result, and calls.csv sums exactly.
        let output = try policyRun(
            inputs: inputs, policies: policies, prices: prices,
            outputDirectory: try policyTemporaryDirectory() + "/out")
        let jobOutcome = try XCTUnwrap(output.result.replay)
        let jobBaseline = output.result.spend.total.cost
        let jobSteps = jobOutcome.waterfallSavings(baseline: jobBaseline)
        XCTAssertEqual(jobSteps.reduce(Money.zero) { $0 + $1.savings }, jobBaseline - jobOutcome.combined.cost)
        XCTAssertEqual(exactSum(output.calls, "cost_usd"), jobBaseline)
        XCTAssertEqual(exactSum(output.calls, "cf_cost_usd"), jobOutcome.combined.cost)
        // summary.json: each rounded step within half a micro-dollar of its exact value.
        XCTAssertEqual(output.waterfall.count, jobSteps.count)
        for ((name, rounded), exact) in zip(output.waterfall, jobSteps) {
            XCTAssertEqual(name, exact.policy.name)
            XCTAssertEqual(rounded, Double(exact.savings.roundedMicroDecimal)!, name)
        }
    }

    // MARK: (2) unreachable limits

    func testLimitsNoCallReachesLeaveEveryScenarioEqualToTheBaseline() throws {
        // Cost limits of $100M: at $1e9 the alert arithmetic overflows Int128 and traps (see
        // BudgetPolicyTests.testHugeCostLimitDoesNotCrash).
        let policy = """
            [loop]
            max_tool_calls = 0
            max_repeats = 0
            alternating = 0
            error_streak = 0
            max_requests = 0
            max_session_cost_usd = 0

            [prefix_cache]
            min_tokens = 1000000000000

            [compaction]
            max_input_tokens = 1000000000000

            [output_cap]
            max_output_tokens = 1000000000000

            [batch]
            users = ["no-such-user-*"]

            [[budget]]
            name = "b-calendar"
            scope = "user"
            period = "day"
            window = "calendar"
            timezone = "Asia/Kolkata"
            max_cost_usd = 100000000
            max_tokens = 1000000000000
            max_requests = 1000000000

            [[budget]]
            name = "b-rolling"
            scope = "team"
            period = "1h"
            window = "rolling"
            max_cost_usd = 100000000
            on_exceed = "downgrade"
            downgrade_to = "claude-opus-4-5"

            [[budget]]
            name = "b-from-first"
            scope = "session"
            period = "week"
            window = "from_first"
            max_requests = 1000000000
            estimate = "max_tokens"

            [[budget]]
            name = "b-none"
            scope = "global"
            period = "none"
            max_tokens = 1000000000000
            estimate = "input"
            on_block = "drop_call"

            [[budget]]
            name = "b-tag"
            scope = "tag:env"
            period = "month"
            max_cost_usd = 100000000
            on_exceed = "alert"
            """
        let policies = try policySet(policy)
        let output = try policyRun(
            inputs: try conformanceInputs(), policies: policies, prices: try conformancePrices(),
            outputDirectory: try policyTemporaryDirectory() + "/out")
        let replay = try XCTUnwrap(output.result.replay)
        let baseline = output.result.spend.total.cost
        XCTAssertGreaterThan(baseline, .zero)
        XCTAssertEqual(replay.isolated.count, policies.identities.count)
        for scenario in replay.isolated + replay.waterfall + [replay.combined] {
            XCTAssertEqual(scenario.cost, baseline, scenario.name)
            XCTAssertEqual(scenario.savings, .zero, scenario.name)
            XCTAssertEqual(scenario.callsAvoided, 0, scenario.name)
            XCTAssertEqual(scenario.callsModified, 0, scenario.name)
        }
        XCTAssertEqual(replay.loopHalts, 0)
        XCTAssertEqual(replay.budgetBlocks, 0)
        XCTAssertEqual(replay.budgetAlerts, 0)
        XCTAssertTrue(output.waterfall.allSatisfy { $0.1 == 0 })
        for row in output.calls {
            XCTAssertEqual(row["cf_action"], "kept", row["call_id"] ?? "")
            XCTAssertEqual(row["cf_cost_usd"], row["cost_usd"], row["call_id"] ?? "")
            XCTAssertEqual(row["cf_policy"], "", row["call_id"] ?? "")
            if row["cf_model"] != row["priced_model"] {
                XCTFail("\(row["call_id"] ?? ""): cf_model \(row["cf_model"] ?? "") ≠ \(row["priced_model"] ?? "")")
            }
        }
    }

    // MARK: (3) file split invariance

    /// A deterministic log that exercises every policy: repeated prompts (cache hits, retries),
    /// repeated tool calls (loops), tool errors, failures, several users, teams, keys and sessions,
    /// unpriced models. Start times are unique and increasing.
    private func generatedCalls(count: Int) -> [PolicyCall] {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % 1_000_003)
        }
        let users = ["alice", "bob", "carol", "dave"]
        let teams: [String?] = ["search", "growth", nil]
        let models = ["small", "small", "mid", "big", "mystery", "oai-big"]
        let tasks: [String?] = [nil, "classification", "coding", "extraction", nil, "research"]
        var millis = 8 * 3_600_000
        var calls: [PolicyCall] = []
        for index in 0..<count {
            millis += 5_000 + next() % 90_000
            let ms = millis % 1000, s = (millis / 1000) % 60, m = (millis / 60_000) % 60, h = millis / 3_600_000
            let time = String(format: "%02d:%02d:%02d.%03d", h, m, s, ms)
            let r = next()
            calls.append(
                PolicyCall("g\(String(format: "%04d", index))", at: time) {
                    let user = users[r % users.count]
                    $0.user = user
                    $0.session = r % 5 < 3 ? "sess-\(user)-\(r % 3)" : nil
                    $0.team = teams[r % teams.count]
                    $0.apiKey = "key_\(r % 3)"
                    $0.model = models[r % models.count]
                    $0.task = tasks[(r / 7) % tasks.count]
                    $0.prompt = "P\((r / 11) % 6)"
                    $0.system = (r / 13) % 2 == 0 ? "Be concise" : nil
                    $0.tags = ["env": (r / 17) % 2 == 0 ? "prod" : "dev"]
                    switch (r / 19) % 4 {
                    case 0: $0.toolUses = [(name: "read_file", input: ["path": "a.txt"])]
                    case 1: $0.toolUses = [(name: "read_file", input: ["path": "b.txt"])]
                    default: break
                    }
                    $0.toolsOffered = (r / 23) % 3
                    $0.toolErrors = (r / 29) % 7 == 0 ? 1 : 0
                    $0.stopReason = (r / 31) % 10 == 0 ? "max_tokens" : "end_turn"
                    $0.status = (r / 37) % 13 == 0 ? 500 : nil
                    $0.input = Int64(200 + (r / 41) % 3000)
                    $0.output = Int64((r / 43) % 1500)
                    $0.cacheRead = (r / 47) % 5 == 0 ? 300 : 0
                    $0.maxTokens = (r / 53) % 2 == 0 ? 1000 : nil
                    $0.latencyMs = Int64((r / 59) % 20_000)
                })
        }
        return calls
    }

    private let splitPolicy = """
        [loop]
        max_session_cost_usd = 30
        error_streak = 2

        [retry]

        [response_cache]
        scope = "api_key"

        [[route]]
        name = "tiering"
        default_tier = "midtier"

        [[route.tiers]]
        name = "cheap"
        model = "small"
        tasks = ["classification", "extraction"]
        max_complexity = 3

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

        [[route]]
        name = "oai"
        combined = false
        providers = ["openai"]
        default_tier = "mini"

        [[route.tiers]]
        name = "mini"
        model = "oai-small"
        tasks = []
        max_complexity = 10

        [prefix_cache]
        scope = "user"

        [compaction]
        max_input_tokens = 2500

        [output_cap]
        max_output_tokens = 800

        [batch]
        tasks = ["extraction"]

        [[budget]]
        name = "user-day"
        scope = "user"
        period = "day"
        max_cost_usd = 15
        on_block = "drop_call"

        [[budget]]
        name = "team-roll"
        scope = "team"
        period = "1h"
        window = "rolling"
        max_cost_usd = 10
        on_exceed = "downgrade"
        downgrade_to = "small"

        [[budget]]
        name = "sess-ff"
        scope = "session"
        period = "1h"
        window = "from_first"
        max_requests = 6

        [[budget]]
        name = "global-alert"
        scope = "global"
        period = "none"
        max_cost_usd = 50
        on_exceed = "alert"
        """

    func testOutputDoesNotDependOnHowCallsAreSplitAcrossFiles() throws {
        let calls = generatedCalls(count: 150)
        // Split 1: round-robin into a, b, c (each file stays sorted).
        var roundRobin: [[PolicyCall]] = [[], [], []]
        for (index, call) in calls.enumerated() { roundRobin[index % 3].append(call) }
        let first = try policyRun(
            files: zip(["a.jsonl", "b.jsonl", "c.jsonl"], roundRobin).map { ($0, PolicyLogBuilder.jsonl($1)) },
            policy: splitPolicy)
        // Split 2: consecutive thirds, the earliest in the file whose name sorts last.
        let third = calls.count / 3
        let chunks = [Array(calls[..<third]), Array(calls[third..<(2 * third)]), Array(calls[(2 * third)...])]
        let second = try policyRun(
            files: zip(["z.jsonl", "m.jsonl", "a.jsonl"], chunks).map { ($0, PolicyLogBuilder.jsonl($1)) },
            policy: splitPolicy)
        // One file.
        let single = try policyRun(calls, policy: splitPolicy)

        // The log exercises the policies (otherwise the comparison proves little).
        XCTAssertGreaterThan(policyInt(single.combined["calls_avoided"]), 10)
        XCTAssertGreaterThan(policyInt(single.combined["calls_modified"]), 10)
        XCTAssertEqual(policyInt(single.summary["inputs"].flatMap { ($0 as? [String: Any])?["late"] }), 0)

        XCTAssertEqual(first.callsText, second.callsText, "calls.csv")
        XCTAssertEqual(first.summaryText, second.summaryText, "summary.json")
        XCTAssertEqual(first.callsText, single.callsText, "calls.csv, one file vs three")
        // One file vs three: only inputs.files differs.
        var a = first.summary, b = single.summary
        func dropFiles(_ document: inout [String: Any]) {
            var inputs = document["inputs"] as? [String: Any] ?? [:]
            inputs["files"] = nil
            document["inputs"] = inputs
        }
        dropFiles(&a)
        dropFiles(&b)
        XCTAssertEqual(NSDictionary(dictionary: a), NSDictionary(dictionary: b), "summary.json, one file vs three")
    }
}
