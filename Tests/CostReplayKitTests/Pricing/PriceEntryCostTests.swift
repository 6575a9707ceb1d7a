import XCTest

@testable import CostReplayKit

/// SPEC §5.2: the exact cost of one call: buckets × rates, cliff tiers, service-tier multipliers and
/// rate fall-backs.
final class PriceEntryCostTests: XCTestCase {
    private static let book = PriceBookLoader.embedded()
    private let callTime = timestamp("2026-10-01T12:00:00Z")

    private func embeddedEntry(_ model: String) throws -> PriceEntry {
        try XCTUnwrap(Self.book.entry(forLoggedModel: model, at: callTime), "\(model) is not in the embedded book")
    }

    /// Hand-checked: 12 × $3 + 2,100 × $6 + 18,000 × $0.30 + 350 × $15 per million = $0.023286.
    func testSonnet45CallWithOneHourCacheWrite() throws {
        let usage = Usage(input: 12, cacheWrite1h: 2100, cacheRead: 18_000, output: 350)
        let cost = try embeddedEntry("claude-sonnet-4-5-20250929").cost(of: usage, serviceTier: .standard)
        XCTAssertEqual(cost.exactDecimal, "0.023286")
    }

    /// Hand-checked: (5,000 − 3,968) × $1.25 + 3,968 × $0.125 + 600 × $10 per million = $0.007786.
    func testGPT5CallWithCachedPrompt() throws {
        let usage = Usage(input: 5000 - 3968, cacheRead: 3968, output: 600)
        XCTAssertEqual(try embeddedEntry("gpt-5").cost(of: usage, serviceTier: .standard).exactDecimal, "0.007786")
    }

    /// The same gpt-5 call from its logged OpenAI Chat usage.
    func testGPT5CallFromAChatCompletionLog() throws {
        let line = #"""
            {"ts":"2026-10-01T12:00:00Z","model":"gpt-5-2025-08-07","response":{"object":"chat.completion",
             "choices":[{"index":0,"message":{"role":"assistant","content":"ok"},"finish_reason":"stop"}],
             "usage":{"prompt_tokens":5000,"completion_tokens":600,"prompt_tokens_details":{"cached_tokens":3968}}}}
            """#
        let record = try decodeEnvelope(line.replacingOccurrences(of: "\n", with: ""))
        let usage = try XCTUnwrap(record.usage)
        XCTAssertEqual(usage, Usage(input: 1032, cacheRead: 3968, output: 600))
        let entry = try XCTUnwrap(Self.book.entry(forLoggedModel: record.model, at: record.start))
        XCTAssertEqual(entry.cost(of: usage, serviceTier: record.serviceTier).exactDecimal, "0.007786")
    }

    func testLongContextCliffTierAbove200kInputTokens() throws {
        let sonnet = try embeddedEntry("claude-sonnet-4-5")
        // Exactly 200,000 input tokens: base rates ($3 / $15).
        XCTAssertEqual(sonnet.cost(of: Usage(input: 200_000, output: 1000), serviceTier: .standard).exactDecimal, "0.615")
        // One more: the whole call at the tier ($6 / $22.50).
        XCTAssertEqual(sonnet.cost(of: Usage(input: 200_001, output: 1000), serviceTier: .standard).exactDecimal, "1.222506")
        // Every input bucket counts towards the threshold, and every bucket is billed at the tier.
        let mixed = Usage(input: 1, cacheWrite5m: 10, cacheWrite1h: 20, cacheRead: 199_970, output: 2)
        // 1 × 6 + 10 × 7.5 + 20 × 12 + 199,970 × 0.60 + 2 × 22.5 = 120,348 per million
        XCTAssertEqual(sonnet.cost(of: mixed, serviceTier: .standard).exactDecimal, "0.120348")
        XCTAssertEqual(sonnet.rates(forTotalInput: 200_000), sonnet.rates)
        XCTAssertEqual(sonnet.rates(forTotalInput: 200_001), sonnet.tiers.first?.rates)
    }

    func testHighestTierBelowTheInputApplies() {
        let entry = PriceEntry(
            id: "tiered", provider: "test", rates: Rates(input: 1_000_000_000_000, output: 0),
            tiers: [
                PriceTier(aboveInputTokens: 1000, rates: Rates(input: 3_000_000_000_000, output: 0)),
                PriceTier(aboveInputTokens: 100, rates: Rates(input: 2_000_000_000_000, output: 0)),
            ])
        let cost = { (tokens: Int64) in entry.cost(of: Usage(input: tokens), serviceTier: .standard).exactDecimal }
        XCTAssertEqual(cost(100), "0.0001")
        XCTAssertEqual(cost(101), "0.000202")
        XCTAssertEqual(cost(1000), "0.002")
        XCTAssertEqual(cost(1001), "0.003003")
    }

    func testServiceTierMultipliers() throws {
        let million = Usage(input: 1_000_000)
        let gpt5 = try embeddedEntry("gpt-5")  // flex 0.5, priority 2, batch default 0.5
        XCTAssertEqual(gpt5.cost(of: million, serviceTier: .standard).exactDecimal, "1.25")
        XCTAssertEqual(gpt5.cost(of: million, serviceTier: .batch).exactDecimal, "0.625")
        XCTAssertEqual(gpt5.cost(of: million, serviceTier: .flex).exactDecimal, "0.625")
        XCTAssertEqual(gpt5.cost(of: million, serviceTier: .priority).exactDecimal, "2.5")

        let sonnet = try embeddedEntry("claude-sonnet-4-5")  // no flex or priority multiplier: standard price
        let belowTier = Usage(input: 100_000)
        XCTAssertEqual(sonnet.cost(of: belowTier, serviceTier: .standard).exactDecimal, "0.3")
        XCTAssertEqual(sonnet.cost(of: belowTier, serviceTier: .batch).exactDecimal, "0.15")
        XCTAssertEqual(sonnet.cost(of: belowTier, serviceTier: .flex).exactDecimal, "0.3")
        XCTAssertEqual(sonnet.cost(of: belowTier, serviceTier: .priority).exactDecimal, "0.3")
        // Above the cliff the multiplier applies to the tier's rates.
        XCTAssertEqual(sonnet.cost(of: million, serviceTier: .batch).exactDecimal, "3")
    }

    func testMultipliersFromTheBook() throws {
        let book = try priceBook(
            """
            [[model]]
            id = "m"
            input = 0.15
            output = 0.6
            batch_multiplier = 0.4
            flex_multiplier = 0.333333
            priority_multiplier = 1.75
            """)
        let entry = try XCTUnwrap(book.entry(forLoggedModel: "m", at: callTime))
        let usage = Usage(input: 1000, output: 100)  // 150 + 60 = 210 per million
        XCTAssertEqual(entry.cost(of: usage, serviceTier: .standard).exactDecimal, "0.00021")
        XCTAssertEqual(entry.cost(of: usage, serviceTier: .batch).exactDecimal, "0.000084")
        XCTAssertEqual(entry.cost(of: usage, serviceTier: .flex).exactDecimal, "0.00006999993")
        XCTAssertEqual(entry.cost(of: usage, serviceTier: .priority).exactDecimal, "0.0003675")
    }

    func testMissingRatesFallBack() {
        let million: Int64 = 1_000_000
        let rate = { (dollars: Int128) in dollars * 1_000_000_000_000 }
        // No cache_write_1h: the 5-minute rate; no cache_read: input.
        let with5m = PriceEntry(id: "a", provider: "t", rates: Rates(input: rate(2), output: rate(8), cacheWrite5m: rate(3)))
        XCTAssertEqual(with5m.cost(of: Usage(cacheWrite1h: million), serviceTier: .standard).exactDecimal, "3")
        XCTAssertEqual(with5m.cost(of: Usage(cacheWrite5m: million), serviceTier: .standard).exactDecimal, "3")
        XCTAssertEqual(with5m.cost(of: Usage(cacheRead: million), serviceTier: .standard).exactDecimal, "2")
        // No cache-write rates at all: input for both.
        let bare = PriceEntry(id: "b", provider: "t", rates: Rates(input: rate(2), output: rate(8)))
        XCTAssertEqual(bare.cost(of: Usage(cacheWrite5m: million), serviceTier: .standard).exactDecimal, "2")
        XCTAssertEqual(bare.cost(of: Usage(cacheWrite1h: million), serviceTier: .standard).exactDecimal, "2")
        // Only a 1-hour rate: the 5-minute bucket still falls back to input.
        let only1h = PriceEntry(id: "c", provider: "t", rates: Rates(input: rate(2), output: rate(8), cacheWrite1h: rate(4)))
        XCTAssertEqual(only1h.cost(of: Usage(cacheWrite5m: million), serviceTier: .standard).exactDecimal, "2")
        XCTAssertEqual(only1h.cost(of: Usage(cacheWrite1h: million), serviceTier: .standard).exactDecimal, "4")
    }

    func testZeroUsageCostsZero() throws {
        XCTAssertEqual(try embeddedEntry("gpt-5").cost(of: .zero, serviceTier: .priority), .zero)
    }

    func testReasoningTokensAreNotBilledTwice() throws {
        let gpt5 = try embeddedEntry("gpt-5")
        XCTAssertEqual(
            gpt5.cost(of: Usage(output: 1000, reasoning: 800), serviceTier: .standard),
            gpt5.cost(of: Usage(output: 1000), serviceTier: .standard))
    }
}
