import XCTest

@testable import CostReplayKit

/// The cost of one call split by token bucket: each bucket's effective unit price and exact cost,
/// adding up exactly to `PriceEntry.cost(of:serviceTier:)` (SPEC §5.2).
final class PriceEntryBucketCostTests: XCTestCase {
    private static let book = PriceBookLoader.embedded()
    private let callTime = timestamp("2026-10-01T12:00:00Z")

    private func embeddedEntry(_ model: String) throws -> PriceEntry {
        try XCTUnwrap(Self.book.entry(forLoggedModel: model, at: callTime), "\(model) is not in the embedded book")
    }

    private func assertSumsToCallCost(
        _ entry: PriceEntry, _ usage: Usage, _ tier: ServiceTier, file: StaticString = #filePath, line: UInt = #line
    ) {
        let buckets = entry.bucketCosts(of: usage, serviceTier: tier)
        XCTAssertEqual(buckets.map(\.bucket), TokenBucket.allCases, file: file, line: line)
        XCTAssertEqual(buckets.map(\.tokens).reduce(0, +), usage.totalTokens, file: file, line: line)
        let sum = buckets.reduce(Money.zero) { $0 + $1.cost }
        XCTAssertEqual(sum, entry.cost(of: usage, serviceTier: tier), "\(entry.id) \(usage) \(tier)", file: file, line: line)
        for bucket in buckets {
            // Each bucket's cost is exactly its tokens at its unit price per million.
            XCTAssertEqual(
                bucket.cost.raw * 1_000_000, Int128(bucket.tokens) * bucket.unitPricePerMillion.raw, file: file, line: line)
        }
    }

    /// The hand-checked Sonnet 4.5 call of PriceEntryCostTests, bucket by bucket.
    func testSonnet45CallByBucket() throws {
        let usage = Usage(input: 12, cacheWrite1h: 2100, cacheRead: 18_000, output: 350, reasoning: 100)
        let buckets = try embeddedEntry("claude-sonnet-4-5").bucketCosts(of: usage, serviceTier: .standard)
        XCTAssertEqual(buckets.map(\.tokens), [12, 0, 2100, 18_000, 350])
        XCTAssertEqual(buckets.map(\.unitPricePerMillion.exactDecimal), ["3", "3.75", "6", "0.3", "15"])
        XCTAssertEqual(buckets.map(\.cost.exactDecimal), ["0.000036", "0", "0.0126", "0.0054", "0.00525"])
        XCTAssertEqual(buckets.reduce(Money.zero) { $0 + $1.cost }.exactDecimal, "0.023286")
        XCTAssertTrue(buckets.allSatisfy { $0.tierAboveInputTokens == nil && $0.multiplier == nil })
    }

    /// Above 200k input tokens every bucket is billed at the tier, and batch halves each price.
    func testCliffTierAndBatchMultiplierApplyToEveryBucket() throws {
        let sonnet = try embeddedEntry("claude-sonnet-4-5")
        let usage = Usage(input: 1, cacheWrite5m: 10, cacheWrite1h: 20, cacheRead: 199_970, output: 2)
        let buckets = sonnet.bucketCosts(of: usage, serviceTier: .batch)
        XCTAssertEqual(buckets.map(\.unitPricePerMillion.exactDecimal), ["3", "3.75", "6", "0.3", "11.25"])
        XCTAssertTrue(buckets.allSatisfy { $0.tierAboveInputTokens == 200_000 && $0.multiplier == 500_000 })
        XCTAssertEqual(buckets.reduce(Money.zero) { $0 + $1.cost }.exactDecimal, "0.060174")
        assertSumsToCallCost(sonnet, usage, .batch)
        // At exactly the threshold: base rates, no tier.
        XCTAssertNil(sonnet.bucketCosts(of: Usage(input: 200_000), serviceTier: .standard)[0].tierAboveInputTokens)
        XCTAssertNil(sonnet.tier(forTotalInput: 200_000))
        XCTAssertEqual(sonnet.tier(forTotalInput: 200_001)?.rates, sonnet.rates(forTotalInput: 200_001))
    }

    /// Flex and priority multipliers when the entry gives them; standard prices when it does not.
    func testServiceTierMultipliers() throws {
        let gpt5 = try embeddedEntry("gpt-5")
        let usage = Usage(input: 1032, cacheRead: 3968, output: 600)
        XCTAssertEqual(gpt5.bucketCosts(of: usage, serviceTier: .flex)[4].unitPricePerMillion.exactDecimal, "5")
        XCTAssertEqual(gpt5.bucketCosts(of: usage, serviceTier: .priority)[3].unitPricePerMillion.exactDecimal, "0.25")
        for tier in ServiceTier.allCases { assertSumsToCallCost(gpt5, usage, tier) }
        let plain = PriceEntry(id: "plain", provider: "test", rates: Rates(input: 2_000_000_000_000, output: 0))
        let flex = plain.bucketCosts(of: Usage(input: 7), serviceTier: .flex)
        XCTAssertNil(flex[0].multiplier)
        XCTAssertEqual(flex[0].cost, plain.cost(of: Usage(input: 7), serviceTier: .standard))
    }

    /// Missing cache rates fall back as SPEC §5.2 says, per bucket.
    func testRateFallBacks() {
        let entry = PriceEntry(
            id: "fallbacks", provider: "test", rates: Rates(input: 1_000_000_000_000, output: 4_000_000_000_000),
            priorityMultiplier: 1_700_000)
        let usage = Usage(input: 1, cacheWrite5m: 2, cacheWrite1h: 3, cacheRead: 4, output: 5)
        let buckets = entry.bucketCosts(of: usage, serviceTier: .priority)
        XCTAssertEqual(buckets.map(\.unitPricePerMillion.exactDecimal), ["1.7", "1.7", "1.7", "1.7", "6.8"])
        assertSumsToCallCost(entry, usage, .priority)
    }

    /// The exact-sum property over every embedded entry, every service tier, and usages on both
    /// sides of each cliff threshold, with odd multipliers and 12-place rates.
    func testBucketCostsAlwaysSumExactlyToTheCallCost() {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int64) -> Int64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int64((state >> 33) % UInt64(bound))
        }
        var entries = Self.book.ids.flatMap { Self.book.entriesByID[$0]! }
        entries.append(
            PriceEntry(
                id: "odd", provider: "test",
                rates: Rates(
                    input: 1_234_567_890_123, output: 9_876_543_210_987, cacheWrite5m: 1_111_111_111_111,
                    cacheWrite1h: 2_222_222_222_223, cacheRead: 123_456_789_001),
                tiers: [
                    PriceTier(aboveInputTokens: 1000, rates: Rates(input: 7, output: 11, cacheRead: 13)),
                    PriceTier(aboveInputTokens: 50_000, rates: Rates(input: 999_999_999_999, output: 1)),
                ],
                batchMultiplier: 333_333, flexMultiplier: 777_777, priorityMultiplier: 1_999_999))
        var checked = 0
        for entry in entries {
            let thresholds = [0] + entry.tiers.map(\.aboveInputTokens)
            for threshold in thresholds {
                for offset: Int64 in [-1, 0, 1, 12_345] {
                    let total = max(0, threshold + offset)
                    let cacheRead = next(total + 1)
                    let cacheWrite5m = next(total - cacheRead + 1)
                    let cacheWrite1h = next(total - cacheRead - cacheWrite5m + 1)
                    let input = total - cacheRead - cacheWrite5m - cacheWrite1h
                    let usage = Usage(
                        input: input, cacheWrite5m: cacheWrite5m, cacheWrite1h: cacheWrite1h, cacheRead: cacheRead,
                        output: next(100_000))
                    XCTAssertEqual(usage.totalInput, total)
                    for tier in ServiceTier.allCases {
                        assertSumsToCallCost(entry, usage, tier)
                        checked += 1
                    }
                }
            }
        }
        XCTAssertGreaterThan(checked, 400)
        // The largest usage a call may have stays exact too.
        let big = Usage.maxTokensPerBucket
        assertSumsToCallCost(
            entries.last!, Usage(input: big, cacheWrite5m: big, cacheWrite1h: big, cacheRead: big, output: big), .priority)
    }
}
