/// One of the five separately priced token buckets of a call (SPEC §4, §5.2).
public enum TokenBucket: String, CaseIterable, Hashable, Sendable {
    case input
    case cacheWrite5m = "cache_write_5m"
    case cacheWrite1h = "cache_write_1h"
    case cacheRead = "cache_read"
    /// Output tokens, reasoning included.
    case output
}

/// What one token bucket of a call costs: its tokens, the price they were billed at and the exact
/// cost (SPEC §5.2, split by bucket for per-bucket exports such as `focus.csv`).
public struct BucketCost: Hashable, Sendable {
    public var bucket: TokenBucket
    public var tokens: Int64
    /// The effective price in USD per million tokens: the rate of the applied cliff tier (or the base
    /// rates) times the service tier's multiplier, exact. Held as `Money` so it prints exactly.
    public var unitPricePerMillion: Money
    /// `tokens × unitPricePerMillion / 10⁶`, exact.
    public var cost: Money
    /// The `above_input_tokens` threshold of the cliff tier the call was billed at; nil for the base
    /// rates.
    public var tierAboveInputTokens: Int64?
    /// The service tier's multiplier in millionths; nil when the call was billed as standard (a
    /// standard call, or a flex / priority call whose entry gives no multiplier).
    public var multiplier: Int128?

    public init(
        bucket: TokenBucket, tokens: Int64, unitPricePerMillion: Money, cost: Money, tierAboveInputTokens: Int64?,
        multiplier: Int128?
    ) {
        self.bucket = bucket
        self.tokens = tokens
        self.unitPricePerMillion = unitPricePerMillion
        self.cost = cost
        self.tierAboveInputTokens = tierAboveInputTokens
        self.multiplier = multiplier
    }
}

extension Usage {
    /// The token count of one bucket.
    public func tokens(in bucket: TokenBucket) -> Int64 {
        switch bucket {
        case .input: return input
        case .cacheWrite5m: return cacheWrite5m
        case .cacheWrite1h: return cacheWrite1h
        case .cacheRead: return cacheRead
        case .output: return output
        }
    }
}

extension Rates {
    /// The rate of one bucket, with the fall-backs of SPEC §5.2.
    public func rate(for bucket: TokenBucket) -> Int128 {
        switch bucket {
        case .input: return input
        case .cacheWrite5m: return effectiveCacheWrite5m
        case .cacheWrite1h: return effectiveCacheWrite1h
        case .cacheRead: return effectiveCacheRead
        case .output: return output
        }
    }
}

extension PriceEntry {
    /// The cliff tier a call with `totalInput` input tokens is billed at, nil for the base rates
    /// (the same choice as `rates(forTotalInput:)`).
    public func tier(forTotalInput totalInput: Int64) -> PriceTier? {
        var chosen: PriceTier?
        for tier in tiers where tier.aboveInputTokens < totalInput { chosen = tier }
        return chosen
    }

    /// The cost of `usage` split into its five buckets, in `TokenBucket.allCases` order (zero-token
    /// buckets included). The buckets' costs add up exactly to `cost(of:serviceTier:)`: each is
    /// `tokens × rate × multiplier` in 10⁻²⁴ USD, and that cost is the sum of the same products.
    public func bucketCosts(of usage: Usage, serviceTier: ServiceTier) -> [BucketCost] {
        var costs: [BucketCost] = []
        costs.reserveCapacity(TokenBucket.allCases.count)
        forEachBucketCost(of: usage, serviceTier: serviceTier) { costs.append($0) }
        return costs
    }

    /// `bucketCosts(of:serviceTier:)` one bucket at a time, without building an array (for writers
    /// that run once per call).
    public func forEachBucketCost<E: Error>(
        of usage: Usage, serviceTier: ServiceTier, _ body: (BucketCost) throws(E) -> Void
    ) throws(E) {
        let tier = tier(forTotalInput: usage.totalInput)
        let applied = tier?.rates ?? rates
        let multiplier = multiplier(for: serviceTier)
        let factor = multiplier ?? 1_000_000
        for bucket in TokenBucket.allCases {
            let tokens = usage.tokens(in: bucket)
            // rate (10⁻¹² USD per million) × multiplier (10⁻⁶) = 10⁻¹⁸ USD per million tokens;
            // × 10⁶ gives the 10⁻²⁴ USD unit of Money.
            let perMillion = applied.rate(for: bucket) * factor
            try body(
                BucketCost(
                    bucket: bucket, tokens: tokens, unitPricePerMillion: Money(raw: perMillion * 1_000_000),
                    cost: Money(raw: Int128(tokens) * perMillion), tierAboveInputTokens: tier?.aboveInputTokens,
                    multiplier: multiplier))
        }
    }
}
