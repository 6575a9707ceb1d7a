/// Per-million-token rates of one price entry or tier, exact (10⁻¹² USD per million tokens).
public struct Rates: Hashable, Sendable {
    /// Decimal places of a rate.
    public static let scale = 12
    /// The highest rate a price book may give: $100,000 per million tokens (issue 7). With at most
    /// 10¹² tokens per bucket and a multiplier of at most 100, one call's cost then stays far inside
    /// Int128 (5 × 10¹² × 10¹⁷ × 10⁸ < 1.7 × 10³⁸).
    public static let maximum: Int128 = 100_000 * 1_000_000_000_000

    public var input: Int128
    public var output: Int128
    public var cacheWrite5m: Int128?
    public var cacheWrite1h: Int128?
    public var cacheRead: Int128?

    public init(input: Int128, output: Int128, cacheWrite5m: Int128? = nil, cacheWrite1h: Int128? = nil, cacheRead: Int128? = nil)
    {
        self.input = input
        self.output = output
        self.cacheWrite5m = cacheWrite5m
        self.cacheWrite1h = cacheWrite1h
        self.cacheRead = cacheRead
    }

    /// The 5-minute write rate, falling back to input (SPEC §5.2).
    public var effectiveCacheWrite5m: Int128 { cacheWrite5m ?? input }
    /// The 1-hour write rate, falling back to the 5-minute rate, then input.
    public var effectiveCacheWrite1h: Int128 { cacheWrite1h ?? cacheWrite5m ?? input }
    /// The cache read rate, falling back to input.
    public var effectiveCacheRead: Int128 { cacheRead ?? input }

    /// Names of the optional rates that are set (for tier completeness checks).
    var presentOptionalRates: Set<String> {
        var names = Set<String>()
        if cacheWrite5m != nil { names.insert("cache_write_5m") }
        if cacheWrite1h != nil { names.insert("cache_write_1h") }
        if cacheRead != nil { names.insert("cache_read") }
        return names
    }

    /// A rate as decimal text (`3.75`).
    public static func format(_ rate: Int128) -> String {
        ScaledDecimal.format(rate, scale: scale, minFractionDigits: 0)
    }
}

/// A long-context "cliff" tier: above this many input tokens the whole call uses these rates.
public struct PriceTier: Hashable, Sendable {
    public var aboveInputTokens: Int64
    public var rates: Rates

    public init(aboveInputTokens: Int64, rates: Rates) {
        self.aboveInputTokens = aboveInputTokens
        self.rates = rates
    }
}
