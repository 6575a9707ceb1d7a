import XCTest

@testable import CostReplayKit

/// SPEC §5.1: resolving a logged model name, case-insensitively, first match wins; the entry in
/// force is the latest `effective_from` ≤ the call's UTC start date.
final class ModelNameResolverTests: XCTestCase {
    private let bookTOML = """
        as_of = "2026-01-01"

        [[model]]
        id = "claude-sonnet-4-5"
        provider = "anthropic"
        aliases = ["sonnet-latest-alias"]
        input = 3
        output = 15

        [[model]]
        id = "gpt-4o"
        provider = "openai"
        input = 2.5
        output = 10

        [[model]]
        id = "gpt-4o-2024-05-13"
        provider = "openai"
        input = 5
        output = 15

        [[model]]
        id = "global.anthropic.claude-haiku-4-5"
        provider = "bedrock"
        input = 1.1
        output = 5.5

        [[model]]
        id = "claude-haiku-4-5"
        provider = "anthropic"
        input = 1
        output = 5

        [[model]]
        id = "o3"
        provider = "openai"
        effective_from = "2025-06-10"
        input = 2
        output = 8

        [[model]]
        id = "o3"
        provider = "openai"
        effective_from = "2025-04-16"
        aliases = ["o3-2025-04-16"]
        input = 10
        output = 40
        """

    private func resolve(_ name: String) throws -> String? {
        try priceBook(bookTOML).resolveID(name)
    }

    func testEachResolutionStep() throws {
        let cases: [(String, String?)] = [
            // (1) as logged, against ids and aliases, case-insensitively
            ("claude-sonnet-4-5", "claude-sonnet-4-5"),
            ("Claude-Sonnet-4-5", "claude-sonnet-4-5"),
            ("SONNET-LATEST-ALIAS", "claude-sonnet-4-5"),
            // (2) ARN → last path segment (then region, vendor, version and date)
            (
                "arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.anthropic.claude-sonnet-4-5-20250929-v1:0",
                "claude-sonnet-4-5"
            ),
            ("arn:aws:bedrock:eu-west-1::foundation-model/anthropic.claude-haiku-4-5-20251001-v1:0", "claude-haiku-4-5"),
            // one provider/ prefix
            ("anthropic/claude-sonnet-4-5", "claude-sonnet-4-5"),
            ("openai/GPT-4o", "gpt-4o"),
            ("azure/gpt-4o", "gpt-4o"),
            ("vertex_ai/claude-sonnet-4-5@20250929", "claude-sonnet-4-5"),
            ("openrouter/openai/gpt-4o", nil),
            // one region prefix, one vendor prefix
            ("us.anthropic.claude-sonnet-4-5", "claude-sonnet-4-5"),
            ("us-gov.anthropic.claude-sonnet-4-5-v1:0", "claude-sonnet-4-5"),
            ("eu.claude-sonnet-4-5", "claude-sonnet-4-5"),
            ("apac.anthropic.claude-haiku-4-5", "claude-haiku-4-5"),
            ("jp.anthropic.claude-haiku-4-5", "claude-haiku-4-5"),
            ("au.anthropic.claude-haiku-4-5", "claude-haiku-4-5"),
            ("ca.anthropic.claude-haiku-4-5", "claude-haiku-4-5"),
            ("anthropic.claude-haiku-4-5", "claude-haiku-4-5"),
            ("openai.gpt-4o", "gpt-4o"),
            ("us.us.claude-haiku-4-5", nil),
            // @DATE / @latest
            ("claude-sonnet-4-5@20250929", "claude-sonnet-4-5"),
            ("claude-sonnet-4-5@2025-09-29", "claude-sonnet-4-5"),
            ("claude-sonnet-4-5@latest", "claude-sonnet-4-5"),
            ("claude-sonnet-4-5@preview", nil),
            // -vN and -vN:M
            ("anthropic.claude-sonnet-4-5-v2", "claude-sonnet-4-5"),
            ("anthropic.claude-sonnet-4-5-v1:0", "claude-sonnet-4-5"),
            ("claude-sonnet-4-5-v", nil),
            // (3) trailing -YYYYMMDD or -YYYY-MM-DD
            ("claude-sonnet-4-5-20250929", "claude-sonnet-4-5"),
            ("gpt-4o-2024-08-06", "gpt-4o"),
            ("gpt-4o-20240806", "gpt-4o"),
            ("gpt-4o-2024-0806", nil),
            // unknown names are unpriced
            ("gpt-99", nil),
            ("", nil),
        ]
        for (name, expected) in cases {
            XCTAssertEqual(try resolve(name), expected, name)
        }
    }

    func testADatedIdTheBookListsKeepsItsOwnPrice() throws {
        let book = try priceBook(bookTOML)
        XCTAssertEqual(book.resolveID("gpt-4o-2024-05-13"), "gpt-4o-2024-05-13")
        XCTAssertEqual(book.resolveID("openai/gpt-4o-2024-05-13"), "gpt-4o-2024-05-13")
        XCTAssertEqual(book.resolveID("GPT-4o-2024-05-13"), "gpt-4o-2024-05-13")
        let at = timestamp("2026-01-01T00:00:00Z")
        XCTAssertEqual(book.entry(forLoggedModel: "gpt-4o-2024-05-13", at: at)?.rates.input, 5_000_000_000_000)
        XCTAssertEqual(book.entry(forLoggedModel: "gpt-4o-2024-08-06", at: at)?.rates.input, 2_500_000_000_000)
    }

    func testARegionalIdTheBookListsKeepsItsRegionalPrice() throws {
        let book = try priceBook(bookTOML)
        XCTAssertEqual(book.resolveID("global.anthropic.claude-haiku-4-5"), "global.anthropic.claude-haiku-4-5")
        XCTAssertEqual(book.resolveID("GLOBAL.Anthropic.Claude-Haiku-4-5"), "global.anthropic.claude-haiku-4-5")
        XCTAssertEqual(book.resolveID("global.anthropic.claude-haiku-4-5-20251001-v1:0"), "claude-haiku-4-5")
    }

    func testEffectiveDatedEntries() throws {
        let book = try priceBook(bookTOML)
        let inputRate = { (name: String, time: String) in book.entry(forLoggedModel: name, at: timestamp(time))?.rates.input }
        XCTAssertNil(inputRate("o3", "2025-04-15T23:59:59.999999Z"), "before every entry: unpriced")
        XCTAssertEqual(inputRate("o3", "2025-04-16T00:00:00Z"), 10_000_000_000_000)
        XCTAssertEqual(inputRate("o3", "2025-06-09T23:59:59.999999Z"), 10_000_000_000_000)
        XCTAssertEqual(inputRate("o3", "2025-06-10T01:30:00+02:00"), 10_000_000_000_000, "the UTC date decides")
        XCTAssertEqual(inputRate("o3", "2025-06-10T00:00:00Z"), 2_000_000_000_000)
        XCTAssertEqual(inputRate("o3", "2030-01-01T00:00:00Z"), 2_000_000_000_000)
        // Aliases are the union over an id's entries.
        XCTAssertEqual(inputRate("o3-2025-04-16", "2025-07-01T00:00:00Z"), 2_000_000_000_000)
        XCTAssertEqual(book.entriesByID["o3"]?.map { $0.effectiveFrom?.utcDate }, ["2025-04-16", "2025-06-10"])
    }

    func testCandidatesAreLowerCasedAndDistinct() {
        XCTAssertEqual(ModelNameResolver.candidates("Claude-Sonnet-4-5"), ["claude-sonnet-4-5"])
        XCTAssertEqual(
            ModelNameResolver.candidates("us.anthropic.Claude-Sonnet-4-5-20250929-v1:0"),
            ["us.anthropic.claude-sonnet-4-5-20250929-v1:0", "claude-sonnet-4-5-20250929", "claude-sonnet-4-5"])
    }
}
