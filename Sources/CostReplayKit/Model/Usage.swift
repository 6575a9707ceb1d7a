/// Token counts of one call in the buckets that are priced separately (SPEC §4).
public struct Usage: Hashable, Sendable {
    /// Uncached input tokens.
    public var input: Int64
    /// Tokens written to a 5-minute prompt cache.
    public var cacheWrite5m: Int64
    /// Tokens written to a 1-hour prompt cache.
    public var cacheWrite1h: Int64
    /// Tokens read from a prompt cache.
    public var cacheRead: Int64
    /// Output tokens, reasoning included.
    public var output: Int64
    /// Reasoning tokens (informational; already inside `output`).
    public var reasoning: Int64

    public init(
        input: Int64 = 0, cacheWrite5m: Int64 = 0, cacheWrite1h: Int64 = 0, cacheRead: Int64 = 0,
        output: Int64 = 0, reasoning: Int64 = 0
    ) {
        self.input = input
        self.cacheWrite5m = cacheWrite5m
        self.cacheWrite1h = cacheWrite1h
        self.cacheRead = cacheRead
        self.output = output
        self.reasoning = reasoning
    }

    /// No tokens at all.
    public static let zero = Usage()

    /// All input buckets: uncached input, both cache writes and cache reads.
    public var totalInput: Int64 { input + cacheWrite5m + cacheWrite1h + cacheRead }
    /// Both cache-write buckets.
    public var cacheWrite: Int64 { cacheWrite5m + cacheWrite1h }
    /// All five priced buckets (the `max_tokens` budget limit counts these).
    public var totalTokens: Int64 { totalInput + output }
    /// Whether the call used provider prompt caching at all.
    public var usesCache: Bool { cacheWrite5m != 0 || cacheWrite1h != 0 || cacheRead != 0 }

    /// Largest token count a bucket may hold; larger counts are `bad-usage` so that no cost, and no
    /// sum of costs a real run can reach, overflows the exact money arithmetic. 10⁹ is far above any
    /// context window; at 10¹² a 1.6 MB gzip of 300,000 maximal o1-pro calls overflowed the totals
    /// (issue 7). At 10⁹ it takes 140 million calls with every bucket full at the dearest embedded price.
    public static let maxTokensPerBucket: Int64 = 1_000_000_000
}
