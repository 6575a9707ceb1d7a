import XCTest

@testable import CostReplayKit

/// Regressions found by the FuzzPriceBook and FuzzPolicy harnesses (issue 7, docs/fuzzing.md).
final class ConfigFuzzRegressionTests: XCTestCase {
    /// TOML nested 100,000 deep was a stack overflow in the parser (policy files and price books).
    func testDeepTOMLIsAnErrorNotAStackOverflow() {
        let depth = 100_000
        let cases = [
            "a = " + String(repeating: "[", count: depth),
            "a = " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth),
            "a = " + String(repeating: "{b = ", count: depth) + "1" + String(repeating: "}", count: depth),
            String(repeating: "a.", count: depth) + "a = 1",
            "[" + String(repeating: "t.", count: depth) + "t]\n",
        ]
        for text in cases {
            XCTAssertThrowsError(try TOMLParser.parse(text), String(text.prefix(20)))
            XCTAssertThrowsError(
                try PolicyFileLoader.load(text: text, source: "deep.toml", defaultTimezone: "UTC"), String(text.prefix(20)))
        }
        // Reasonable nesting still parses.
        XCTAssertNoThrow(try TOMLParser.parse("a = [[1, 2], [3, [4]]]\nb = { c = { d = 1 } }\nx.y.z = 2\n"))
    }

    /// A LiteLLM rate with a huge negative exponent trapped computing 10¹⁰⁰⁰⁰⁰; one with a huge
    /// positive exponent was silently clamped to × 10²⁰. Now the first is $0 and the second an error.
    func testLiteLLMRatesWithHugeExponents() throws {
        func json(_ output: String) -> String {
            #"{"gpt-x":{"input_cost_per_token":2e-06,"output_cost_per_token":\#(output),"litellm_provider":"openai"}}"#
        }
        let tiny = try PriceBookLoader.load(text: json("2e-" + String(repeating: "5", count: 120) + "06"), source: "p.json")
        let entry = try XCTUnwrap(tiny.entry(forLoggedModel: "gpt-x", at: Timestamp(micros: 0)))
        XCTAssertEqual(entry.rates.output, 0)
        XCTAssertEqual(entry.rates.input, 2 * 1_000_000_000_000)  // $2 per million tokens
        for huge in ["2e40", "1e+300", "0.2", "99999999999999999999999999999999999999999"] {
            XCTAssertThrowsError(try PriceBookLoader.load(text: json(huge), source: "p.json"), huge) { error in
                XCTAssertTrue("\(error)".contains("gpt-x.output_cost_per_token"), "\(error)")
            }
        }
        XCTAssertNoThrow(try PriceBookLoader.load(text: json("0.1"), source: "p.json"), "$100,000 per million is the limit")
    }

    /// TOML rates and multipliers are capped so one call's cost cannot overflow Int128.
    func testTOMLRatesAndMultipliersAreCapped() {
        let base = "as_of = \"2026-01-01\"\n[[model]]\nid = \"m\"\nprovider = \"p\"\n"
        XCTAssertNoThrow(try PriceBookLoader.load(text: base + "input = 100000\noutput = 1\n", source: "p.toml"))
        for body in [
            "input = 100000.000000000001\noutput = 1\n", "input = 1\noutput = 1e30\n",
            "input = 1\noutput = 1\ncache_read = 1e20\n", "input = 1\noutput = 1\npriority_multiplier = 1000\n",
        ] {
            XCTAssertThrowsError(try PriceBookLoader.load(text: base + body, source: "p.toml"), body)
        }
        // The largest allowed book prices the largest allowed usage without trapping.
        let book = try? PriceBookLoader.load(
            text: base + "input = 100000\noutput = 100000\npriority_multiplier = 100\n", source: "p.toml")
        let entry = book?.entry(forLoggedModel: "m", at: Timestamp(micros: 0))
        let most: Int64 = 1_000_000_000_000
        let usage = Usage(input: most, cacheWrite5m: most, cacheWrite1h: most, cacheRead: most, output: most)
        XCTAssertNotNil(entry?.cost(of: usage, serviceTier: .priority))
    }
}
