import XCTest

@testable import CostReplayKit

/// SPEC §5.1: price-book files. Errors name the key path; LiteLLM's JSON is imported.
final class PriceBookLoaderTests: XCTestCase {
    /// A valid first model; the cases add a second one (`model[1]`) or change this one.
    private let firstModel = """
        as_of = "2026-11-01"
        [[model]]
        id = "first"
        provider = "anthropic"
        aliases = ["first-alias"]
        input = 3
        output = 15
        cache_read = 0.3

        """

    private func assertError(
        _ toml: String, keyPath: String, messageContains fragment: String,
        file: StaticString = #filePath, line: UInt = #line
    ) {
        guard let error = priceBookError(toml) else {
            return XCTFail("the book loaded; expected an error at \(keyPath)", file: file, line: line)
        }
        XCTAssertEqual(error.file, "book.toml", file: file, line: line)
        XCTAssertEqual(error.keyPath, keyPath, file: file, line: line)
        XCTAssertTrue(error.message.contains(fragment), "message: \(error.message)", file: file, line: line)
    }

    func testValidBookLoads() throws {
        let book = try priceBook(
            firstModel + """
                [[model]]
                id = "second"
                provider = "openai"
                effective_from = "2025-01-01"
                input = 1_000.5
                output = 2.0e1
                cache_write_5m = 1.25
                cache_write_1h = 2
                min_cacheable_tokens = 1024
                batch_multiplier = 0.4
                flex_multiplier = 0.5
                priority_multiplier = 1.7
                [[model.tier]]
                above_input_tokens = 200000
                input = 6
                output = 22.5
                cache_write_5m = 7.5
                cache_write_1h = 12
                """)
        XCTAssertEqual(book.asOf, "2026-11-01")
        XCTAssertEqual(book.source, "test-prices.toml")
        XCTAssertEqual(book.ids, ["first", "second"])
        let second = try XCTUnwrap(book.entriesByID["second"]?.first)
        XCTAssertEqual(second.provider, "openai")
        XCTAssertEqual(second.effectiveFrom?.utcDate, "2025-01-01")
        XCTAssertEqual(
            second.rates,
            Rates(
                input: 1_000_500_000_000_000, output: 20_000_000_000_000,
                cacheWrite5m: 1_250_000_000_000, cacheWrite1h: 2_000_000_000_000))
        XCTAssertEqual(
            second.tiers,
            [
                PriceTier(
                    aboveInputTokens: 200_000,
                    rates: Rates(
                        input: 6_000_000_000_000, output: 22_500_000_000_000, cacheWrite5m: 7_500_000_000_000,
                        cacheWrite1h: 12_000_000_000_000))
            ])
        XCTAssertEqual(second.minCacheableTokens, 1024)
        XCTAssertEqual(second.batchMultiplier, 400_000)
        XCTAssertEqual(second.flexMultiplier, 500_000)
        XCTAssertEqual(second.priorityMultiplier, 1_700_000)
        let first = try XCTUnwrap(book.entriesByID["first"]?.first)
        XCTAssertEqual(first.aliases, ["first-alias"])
        XCTAssertEqual(first.batchMultiplier, 500_000)
        XCTAssertNil(first.flexMultiplier)
        XCTAssertNil(first.priorityMultiplier)
        XCTAssertEqual(first.minCacheableTokens, 0)
        XCTAssertNil(first.effectiveFrom)
    }

    func testUnknownKeys() {
        assertError(
            firstModel + "[[model]]\nid = \"b\"\ninput = 1\noutput = 2\ncolour = \"red\"\n",
            keyPath: "model[1].colour", messageContains: "unknown key")
        assertError(
            firstModel + "[[model.tier]]\nabove_input_tokens = 1\ninput = 1\noutput = 2\ncache_read = 0.1\nspeed = 2\n",
            keyPath: "model[0].tier[0].speed", messageContains: "unknown key")
        assertError(
            "asof = \"2026-01-01\"\n" + firstModel.replacingOccurrences(of: "as_of = \"2026-11-01\"\n", with: ""),
            keyPath: "asof", messageContains: "unknown key")
    }

    func testWrongTypes() {
        assertError(
            firstModel + "[[model]]\nid = \"b\"\ninput = \"3\"\noutput = 2\n",
            keyPath: "model[1].input", messageContains: "expected a number")
        assertError(
            firstModel + "[[model]]\nid = \"b\"\ninput = 1\noutput = true\n",
            keyPath: "model[1].output", messageContains: "expected a number")
        assertError(
            firstModel + "[[model]]\nid = 7\ninput = 1\noutput = 2\n", keyPath: "model[1].id",
            messageContains: "expected a string")
        assertError(
            firstModel + "[[model]]\nid = \"b\"\naliases = \"x\"\ninput = 1\noutput = 2\n",
            keyPath: "model[1].aliases", messageContains: "expected an array")
        assertError(
            firstModel + "[[model]]\nid = \"b\"\naliases = [\"x\", 2]\ninput = 1\noutput = 2\n",
            keyPath: "model[1].aliases[1]", messageContains: "expected a string")
        assertError(
            firstModel + "[[model]]\nid = \"b\"\ninput = 1\noutput = 2\nmin_cacheable_tokens = 1.5\n",
            keyPath: "model[1].min_cacheable_tokens", messageContains: "expected an integer")
        assertError(
            firstModel + "[[model]]\nid = \"b\"\ninput = inf\noutput = 2\n", keyPath: "model[1].input", messageContains: "finite")
    }

    func testNegativeRates() {
        assertError(
            firstModel + "[[model]]\nid = \"b\"\ninput = 1\noutput = -1\n", keyPath: "model[1].output",
            messageContains: "negative")
        assertError(
            firstModel + "[[model]]\nid = \"b\"\ninput = 1\noutput = 2\ncache_read = -0.1\n",
            keyPath: "model[1].cache_read", messageContains: "negative")
        assertError(
            firstModel + "[[model]]\nid = \"b\"\ninput = 1\noutput = 2\nbatch_multiplier = -0.5\n",
            keyPath: "model[1].batch_multiplier", messageContains: "negative")
    }

    func testMissingRequiredRates() {
        assertError(firstModel + "[[model]]\nid = \"b\"\noutput = 2\n", keyPath: "model[1].input", messageContains: "missing")
        assertError(firstModel + "[[model]]\nid = \"b\"\ninput = 2\n", keyPath: "model[1].output", messageContains: "missing")
        assertError(firstModel + "[[model]]\ninput = 1\noutput = 2\n", keyPath: "model[1].id", messageContains: "missing")
    }

    func testTierMissingARateTheModelHas() {
        // The model gives cache_read; its tier does not.
        assertError(
            firstModel + "[[model.tier]]\nabove_input_tokens = 200000\ninput = 6\noutput = 30\n",
            keyPath: "model[0].tier[0].cache_read", messageContains: "every rate")
        assertError(
            firstModel + "[[model.tier]]\ninput = 6\noutput = 30\ncache_read = 0.6\n",
            keyPath: "model[0].tier[0].above_input_tokens", messageContains: "above_input_tokens")
    }

    func testDuplicateIdWithEqualEffectiveFrom() throws {
        assertError(
            firstModel + "[[model]]\nid = \"first\"\ninput = 1\noutput = 2\n", keyPath: "model[1].id",
            messageContains: "duplicate")
        let dated = "[[model]]\nid = \"d\"\neffective_from = \"2025-01-01\"\ninput = 1\noutput = 2\n"
        assertError(firstModel + dated + dated, keyPath: "model[2].id", messageContains: "duplicate")
        // Different dates form a price history.
        let history = try priceBook(firstModel + dated + dated.replacingOccurrences(of: "2025-01-01", with: "2025-02-01"))
        XCTAssertEqual(history.entriesByID["d"]?.count, 2)
    }

    func testAliasCollisions() {
        assertError(
            firstModel + "[[model]]\nid = \"b\"\naliases = [\"FIRST-ALIAS\"]\ninput = 1\noutput = 2\n",
            keyPath: "model[1].aliases", messageContains: "first")
        assertError(
            firstModel + "[[model]]\nid = \"b\"\naliases = [\"first\"]\ninput = 1\noutput = 2\n",
            keyPath: "model[1].aliases", messageContains: "first")
        // An id that another model uses as an alias: the offending key is the id.
        assertError(
            firstModel + "[[model]]\nid = \"First-Alias\"\ninput = 1\noutput = 2\n",
            keyPath: "model[1].id", messageContains: "first")
    }

    func testBadEffectiveFromAndSyntaxErrors() {
        assertError(
            firstModel + "[[model]]\nid = \"b\"\neffective_from = \"2025-02-30\"\ninput = 1\noutput = 2\n",
            keyPath: "model[1].effective_from", messageContains: "2025-02-30")
        assertError(
            firstModel + "[[model]]\nid = \"b\"\ninput = 1\noutput = 2\ninput = 3\n", keyPath: "", messageContains: "line 13:")
        assertError(
            firstModel + "[[model]]\nid = \"b\"\ninput = 0.0000000000001\noutput = 2\n",
            keyPath: "model[1].input", messageContains: "decimal places")
    }

    // MARK: LiteLLM JSON

    private let litellm = """

        {
          "sample_spec": {"input_cost_per_token": 0.0, "output_cost_per_token": 0.0, "litellm_provider": "spec"},
          "claude-x": {
            "litellm_provider": "anthropic", "mode": "chat",
            "input_cost_per_token": 3e-06, "output_cost_per_token": 1.5e-05,
            "cache_creation_input_token_cost": 3.75e-06, "cache_creation_input_token_cost_above_1hr": 6e-06,
            "cache_read_input_token_cost": 3e-07,
            "input_cost_per_token_above_200k_tokens": 6e-06, "output_cost_per_token_above_200k_tokens": 2.25e-05,
            "cache_read_input_token_cost_above_200k_tokens": 6e-07
          },
          "odd-rates": {
            "litellm_provider": "openai",
            "input_cost_per_token": 1.23456789012345e-07,
            "output_cost_per_token": 3.333333333666e-07,
            "cache_read_input_token_cost": 0.000000333333333333
          },
          "embedding-only": {"litellm_provider": "openai", "input_cost_per_token": 1e-07},
          "no-prices": {"litellm_provider": "openai", "max_tokens": 8192},
          "null-cache": {"input_cost_per_token": 1E-6, "output_cost_per_token": 2e-6, "cache_read_input_token_cost": null}
        }
        """

    func testLiteLLMImport() throws {
        let book = try PriceBookLoader.load(text: litellm, source: "prices.json")
        XCTAssertEqual(book.ids, ["claude-x", "null-cache", "odd-rates"])
        let claude = try XCTUnwrap(book.entriesByID["claude-x"]?.first)
        XCTAssertEqual(claude.provider, "anthropic")
        XCTAssertEqual(claude.batchMultiplier, 500_000)
        XCTAssertEqual(format(claude.rates), ["3", "15", "3.75", "6", "0.3"])
        XCTAssertEqual(claude.tiers.map(\.aboveInputTokens), [200_000])
        // Tier rates the list does not give are the base rates.
        XCTAssertEqual(claude.tiers.first.map { format($0.rates) }, ["6", "22.5", "3.75", "6", "0.6"])

        let odd = try XCTUnwrap(book.entriesByID["odd-rates"]?.first)
        // Per million, rounded to 10 significant digits.
        XCTAssertEqual(format(odd.rates), ["0.123456789", "0.3333333334", nil, nil, "0.3333333333"])

        let nullCache = try XCTUnwrap(book.entriesByID["null-cache"]?.first)
        XCTAssertEqual(format(nullCache.rates), ["1", "2", nil, nil, nil])
    }

    func testLiteLLMErrorsNameTheModelKey() {
        let bad = #"{"m": {"input_cost_per_token": "0.1", "output_cost_per_token": 1e-6}}"#
        XCTAssertEqual(priceBookError(bad)?.keyPath, "m.input_cost_per_token")
        let negative = #"{"m": {"input_cost_per_token": 1e-6, "output_cost_per_token": -1e-6}}"#
        XCTAssertEqual(priceBookError(negative)?.keyPath, "m.output_cost_per_token")
        XCTAssertEqual(priceBookError("{not json")?.message, "not valid JSON")
    }

    /// input, output, cache_write_5m, cache_write_1h, cache_read as decimal text.
    private func format(_ rates: Rates) -> [String?] {
        [
            Rates.format(rates.input), Rates.format(rates.output), rates.cacheWrite5m.map(Rates.format),
            rates.cacheWrite1h.map(Rates.format), rates.cacheRead.map(Rates.format),
        ]
    }
}
