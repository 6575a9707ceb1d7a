/// One model's prices from one date on (SPEC §5.1).
///
/// An immutable class: every call of a run refers to one of a few hundred entries, and the replay
/// passes them around per call and scenario, so a reference beats copying the rates and aliases.
public final class PriceEntry: Hashable, @unchecked Sendable {
    /// Canonical id, e.g. `claude-sonnet-4-5`.
    public let id: String
    public let provider: String
    /// Other names of the model (dated ids, `@` and `-latest` forms).
    public let aliases: [String]
    /// First day (UTC) these prices apply; nil = since always.
    public let effectiveFrom: Timestamp?
    public let rates: Rates
    /// Tiers ordered by threshold, ascending.
    public let tiers: [PriceTier]
    /// Smallest prompt a provider caches (0 = any).
    public let minCacheableTokens: Int64
    /// Multipliers in millionths (500000 = ×0.5).
    public let batchMultiplier: Int128
    public let flexMultiplier: Int128?
    public let priorityMultiplier: Int128?

    public static func == (a: PriceEntry, b: PriceEntry) -> Bool { a === b }
    public func hash(into hasher: inout Hasher) { hasher.combine(ObjectIdentifier(self)) }

    /// Decimal places of a multiplier.
    public static let multiplierScale = 6
    /// The highest service-tier multiplier a price book may give (× 100, in millionths).
    public static let maximumMultiplier: Int128 = 100_000_000

    public init(
        id: String, provider: String, aliases: [String] = [], effectiveFrom: Timestamp? = nil, rates: Rates,
        tiers: [PriceTier] = [], minCacheableTokens: Int64 = 0, batchMultiplier: Int128 = 500_000,
        flexMultiplier: Int128? = nil, priorityMultiplier: Int128? = nil
    ) {
        self.id = id
        self.provider = provider
        self.aliases = aliases
        self.effectiveFrom = effectiveFrom
        self.rates = rates
        self.tiers = tiers.sorted { $0.aboveInputTokens < $1.aboveInputTokens }
        self.minCacheableTokens = minCacheableTokens
        self.batchMultiplier = batchMultiplier
        self.flexMultiplier = flexMultiplier
        self.priorityMultiplier = priorityMultiplier
    }

    /// The rates a call with `totalInput` input tokens is billed at: the tier with the highest
    /// threshold below it, else the base rates.
    public func rates(forTotalInput totalInput: Int64) -> Rates {
        var chosen = rates
        for tier in tiers where tier.aboveInputTokens < totalInput { chosen = tier.rates }
        return chosen
    }

    /// The multiplier (in millionths) of a service tier, nil when billed as standard.
    public func multiplier(for tier: ServiceTier) -> Int128? {
        switch tier {
        case .standard: return nil
        case .batch: return batchMultiplier
        case .flex: return flexMultiplier
        case .priority: return priorityMultiplier
        }
    }

    /// The exact cost of `usage` at this entry's prices in `serviceTier` (SPEC §5.2).
    public func cost(of usage: Usage, serviceTier: ServiceTier) -> Money {
        let applied = rates(forTotalInput: usage.totalInput)
        var sum = Int128(usage.input) * applied.input
        sum += Int128(usage.cacheWrite5m) * applied.effectiveCacheWrite5m
        sum += Int128(usage.cacheWrite1h) * applied.effectiveCacheWrite1h
        sum += Int128(usage.cacheRead) * applied.effectiveCacheRead
        sum += Int128(usage.output) * applied.output
        // sum is in 10⁻¹² USD per million tokens × tokens = 10⁻¹⁸ USD; the multiplier adds 6 places.
        let multiplier = multiplier(for: serviceTier) ?? 1_000_000
        return Money(raw: sum * multiplier)
    }
}
