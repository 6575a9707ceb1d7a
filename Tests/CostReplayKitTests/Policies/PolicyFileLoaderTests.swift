import Foundation
import XCTest

@testable import CostReplayKit

/// SPEC §6.10: unknown keys, wrong types and impossible values are errors naming the key path;
/// default names; `[route]` and `[[route]]`.
final class PolicyFileLoaderPolicyTests: XCTestCase {
    private func load(_ toml: String, timezone: String = "UTC") throws -> PolicySet {
        try PolicyFileLoader.load(text: toml, source: "policy.toml", defaultTimezone: timezone)
    }

    /// The error of loading `toml`, or a failure when it loads.
    private func loadError(_ toml: String, file: StaticString = #filePath, line: UInt = #line) -> ConfigError? {
        do {
            _ = try load(toml)
            XCTFail("expected a policy error", file: file, line: line)
            return nil
        } catch let error as ConfigError {
            return error
        } catch {
            XCTFail("unexpected error \(error)", file: file, line: line)
            return nil
        }
    }

    private func assertKeyPath(_ toml: String, _ keyPath: String, file: StaticString = #filePath, line: UInt = #line) {
        guard let error = loadError(toml, file: file, line: line) else { return }
        XCTAssertEqual(error.keyPath, keyPath, "\(error)", file: file, line: line)
        XCTAssertEqual(error.file, "policy.toml", file: file, line: line)
        XCTAssertTrue(error.description.hasPrefix("policy.toml: \(keyPath): "), error.description, file: file, line: line)
        XCTAssertFalse(error.message.isEmpty, file: file, line: line)
    }

    private let budget = """
        [[budget]]
        scope = "user"
        period = "day"
        max_cost_usd = 10

        """

    func testUnknownKeysNameTheirPath() {
        assertKeyPath("[loop]\nmax_tool_call = 5\n", "loop.max_tool_call")
        assertKeyPath(budget + "colour = \"red\"\n", "budget[0].colour")
        assertKeyPath(budget + budget + "colour = \"red\"\n", "budget[1].colour")
        assertKeyPath("[loops]\nmax_requests = 3\n", "loops")
        assertKeyPath("[[route]]\n[[route.tiers]]\nname = \"t\"\nmodel = \"m\"\ncolour = 1\n", "route[0].tiers[0].colour")
        assertKeyPath("[[route]]\n[[route.rule]]\ntask = \"x\"\nhas_tool = true\n", "route[0].rule[0].has_tool")
        assertKeyPath("[batch]\nmodels = [\"x\"]\n", "batch.models")
    }

    func testWrongTypesNameTheirPath() {
        assertKeyPath("[retry]\nwindow_seconds = \"120\"\n", "retry.window_seconds")
        assertKeyPath("[loop]\nmax_tool_calls = 1.5\n", "loop.max_tool_calls")
        assertKeyPath("[loop]\ncombined = \"yes\"\n", "loop.combined")
        assertKeyPath(
            budget.replacingOccurrences(of: "max_cost_usd = 10", with: "max_cost_usd = \"10\""), "budget[0].max_cost_usd")
        assertKeyPath("[response_cache]\nscope = 3\n", "response_cache.scope")
        assertKeyPath("[[route]]\nproviders = \"anthropic\"\n", "route[0].providers")
    }

    func testNegativeLimitsAreErrors() {
        assertKeyPath(budget.replacingOccurrences(of: "max_cost_usd = 10", with: "max_cost_usd = -1"), "budget[0].max_cost_usd")
        assertKeyPath(budget + "max_requests = -1\n", "budget[0].max_requests")
        assertKeyPath(budget + "max_tokens = -5\n", "budget[0].max_tokens")
        assertKeyPath("[loop]\nmax_tool_calls = -1\n", "loop.max_tool_calls")
        assertKeyPath("[loop]\nmax_session_cost_usd = -0.5\n", "loop.max_session_cost_usd")
        assertKeyPath("[compaction]\nmax_input_tokens = -5\n", "compaction.max_input_tokens")
        assertKeyPath("[output_cap]\nmax_output_tokens = -1\n", "output_cap.max_output_tokens")
        assertKeyPath("[response_cache]\nttl_seconds = -1\n", "response_cache.ttl_seconds")
    }

    func testImpossibleValuesAreErrors() {
        assertKeyPath(budget.replacingOccurrences(of: "\"day\"", with: "\"fortnight\""), "budget[0].period")
        assertKeyPath(budget + budget.replacingOccurrences(of: "\"day\"", with: "\"fortnight\""), "budget[1].period")
        assertKeyPath(budget + "window = \"sliding\"\n", "budget[0].window")
        assertKeyPath(budget + "estimate = \"guess\"\n", "budget[0].estimate")
        assertKeyPath(budget + "timezone = \"Mars/Olympus\"\n", "budget[0].timezone")
        assertKeyPath(budget.replacingOccurrences(of: "\"user\"", with: "\"planet\""), "budget[0].scope")
        assertKeyPath("[loop]\nalternating = 2\n", "loop.alternating")
        assertKeyPath("[loop]\nalternating = 3\n", "loop.alternating")
        assertKeyPath("[prefix_cache]\nttl = \"10m\"\n", "prefix_cache.ttl")
        assertKeyPath("[loop]\nsimilarity = 1.5\n", "loop.similarity")
        // A budget needs at least one limit (the error names one of that budget's keys).
        if let error = loadError("[[budget]]\nscope = \"user\"\nperiod = \"day\"\n") {
            XCTAssertTrue(error.keyPath.hasPrefix("budget[0]."), error.description)
        }
        XCTAssertNoThrow(try load("[loop]\nalternating = 0\n"))
        XCTAssertNoThrow(try load("[loop]\nalternating = 4\n"))
    }

    func testTwoCombinedRoutesAreAnError() {
        assertKeyPath("[[route]]\nname = \"a\"\n\n[[route]]\nname = \"b\"\n", "route[1].combined")
        XCTAssertNoThrow(try load("[[route]]\nname = \"a\"\n\n[[route]]\nname = \"b\"\ncombined = false\n"))
    }

    func testDowngradeNeedsDowngradeTo() {
        assertKeyPath(budget + "on_exceed = \"downgrade\"\n", "budget[0].downgrade_to")
        XCTAssertNoThrow(try load(budget + "on_exceed = \"downgrade\"\ndowngrade_to = \"claude-3-haiku\"\n"))
    }

    func testDuplicateNamesAreErrors() {
        assertKeyPath(budget + "name = \"x\"\n" + budget + "name = \"x\"\n", "budget[1].name")
        // A budget may not take the name of another kind's table either.
        assertKeyPath("[loop]\n\n" + budget + "name = \"loop\"\n", "budget[0].name")
        assertKeyPath("[retry]\n\n[[route]]\nname = \"retry\"\n", "route[0].name")
    }

    func testRouteMayBeATableOrAnArrayOfTables() throws {
        let single = try load("[route]\nname = \"r\"\ndefault_tier = \"haiku\"\n")
        XCTAssertEqual(single.routes.map(\.identity.name), ["r"])
        XCTAssertEqual(single.routes.first?.defaultTier, "haiku")
        let array = try load("[[route]]\nname = \"r\"\n")
        XCTAssertEqual(array.routes.map(\.identity.name), ["r"])
        // A single-table route with its own tiers.
        let withTiers = try load(
            """
            [route]
            default_tier = "only"

            [[route.tiers]]
            name = "only"
            model = "small"
            tasks = ["x"]
            max_complexity = 5
            """)
        XCTAssertEqual(withTiers.routes.first?.tiers.map(\.name), ["only"])
        XCTAssertEqual(withTiers.routes.first?.tiers.first?.maxComplexity, 5)
    }

    func testDefaultNames() throws {
        let one = try load("[route]\n")
        XCTAssertEqual(one.routes.map(\.identity.name), ["route"])
        let oneArray = try load("[[route]]\n")
        XCTAssertEqual(oneArray.routes.map(\.identity.name), ["route"])
        let two = try load("[[route]]\n\n[[route]]\ncombined = false\n")
        XCTAssertEqual(two.routes.map(\.identity.name), ["route-1", "route-2"])
        // i counts from 1 in file order, named tables included.
        let budgets = try load(budget + budget + "name = \"mine\"\n" + budget)
        XCTAssertEqual(budgets.budgets.map(\.identity.name), ["budget-1", "mine", "budget-3"])
        let kinds = try load(
            "[loop]\n[retry]\n[response_cache]\n[prefix_cache]\n[compaction]\nmax_input_tokens = 9\n"
                + "[output_cap]\nmax_output_tokens = 9\n[batch]\n")
        XCTAssertEqual(
            kinds.identities.map(\.name),
            ["loop", "retry", "response_cache", "prefix_cache", "compaction", "output_cap", "batch"])
        XCTAssertTrue(kinds.identities.allSatisfy(\.combined))
    }

    func testPipelineOrderOfIdentitiesPutsBudgetsLastInFileOrder() throws {
        let set = try load(budget + "name = \"b1\"\n[batch]\n[[route]]\n[loop]\n" + budget + "name = \"b2\"\n")
        XCTAssertEqual(set.identities.map(\.name), ["loop", "route", "batch", "b1", "b2"])
        XCTAssertEqual(set.identities.map(\.kind.rawValue), ["loop", "route", "batch", "budget", "budget"])
    }

    func testBudgetDefaultsAndTimezone() throws {
        let set = try load(budget, timezone: "Europe/Paris")
        let config = try XCTUnwrap(set.budgets.first)
        XCTAssertEqual(config.timezone, "Europe/Paris")
        XCTAssertEqual(config.window, .calendar)
        XCTAssertEqual(config.estimate, .actual)
        XCTAssertEqual(config.onExceed, .block)
        XCTAssertEqual(config.onBlock, .endSession)
        XCTAssertEqual(config.alerts, [500_000, 800_000, 1_000_000])
        XCTAssertEqual(config.maxCost, policyUSD("10"))
    }

    func testEmbeddedDefaultMatchesTheSpec() throws {
        let set = PolicyFileLoader.defaults()
        XCTAssertEqual(set.identities.map(\.name), ["loop", "retry", "response_cache", "route", "prefix_cache", "user-daily"])
        let budget = try XCTUnwrap(set.budgets.first)
        XCTAssertEqual(budget.scope, .user)
        XCTAssertEqual(budget.period, .days(1))
        XCTAssertEqual(budget.window, .calendar)
        XCTAssertEqual(budget.maxCost, policyUSD("100"))
        XCTAssertNil(set.compaction)
        XCTAssertNil(set.outputCap)
        XCTAssertNil(set.batch)
        let loop = try XCTUnwrap(set.loop)
        XCTAssertEqual(loop.maxToolCalls, 0)
        XCTAssertEqual(loop.repeatWindow, 5)
        XCTAssertEqual(loop.maxRepeats, 3)
        XCTAssertEqual(loop.alternating, 6)
        XCTAssertEqual(loop.errorStreak, 3)
        XCTAssertEqual(loop.sessionGapMicros, 30 * 60 * 1_000_000)
        XCTAssertEqual(
            set.routes.first?.tiers.map(\.model),
            ["claude-3-haiku-20240307", "claude-sonnet-4-20250514", "claude-opus-4-20250514"])
        XCTAssertEqual(set.routes.first?.defaultTier, "sonnet")
        XCTAssertEqual(set.responseCache?.ttlMicros, 300_000_000)
        XCTAssertEqual(set.retry?.windowMicros, 120_000_000)
        XCTAssertEqual(set.prefixCache?.scope, .apiKey)
    }
}
