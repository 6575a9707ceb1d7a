/// Lifetime of an Anthropic cache breakpoint.
enum SynthCacheTTL {
    case fiveMinutes
    case oneHour
}

/// Token counts of one call in the §4 buckets; each body writer turns them into its own fields
/// (OpenAI's `prompt_tokens` includes the cached part, Anthropic's `input_tokens` does not).
struct SynthUsage {
    var uncached = 0
    var cacheWrite5m = 0
    var cacheWrite1h = 0
    var cacheRead = 0
    /// Output including `reasoning`.
    var output = 0
    var reasoning = 0

    var totalInput: Int { uncached + cacheWrite5m + cacheWrite1h + cacheRead }

    /// Tokens of `bytes` of request text at `bytesPerTokenMilli / 1000` bytes a token: the §3.3
    /// prompt units are JSON, so counting the whole body keeps tokens proportional to unit bytes.
    static func tokens(bytes: Int, bytesPerTokenMilli: Int) -> Int {
        max(1, (bytes * 1000 + bytesPerTokenMilli - 1) / bytesPerTokenMilli)
    }
}

/// How an Anthropic response reports usage: old responses carry only input/output, later ones
/// the cache counters, the newest also the `cache_creation` split by TTL.
enum SynthAnthropicUsageStyle {
    case bare
    case cacheFields
    case cacheCreationObject
}

/// What a provider's prompt cache holds for one conversation or one client, so that cache reads
/// and writes follow from what was sent before and when.
struct SynthPromptCache {
    enum Mode {
        case none
        /// Explicit `cache_control` breakpoints: writes are billed, reads need a live entry.
        case anthropic
        /// OpenAI's automatic caching: prompts from 1,024 tokens, in 128-token steps, best effort.
        case openAIAutomatic(hitPercent: Int)
    }

    let mode: Mode
    private var prefixTokens = 0
    private var prefixUntilMs: Int64 = 0
    private var headTokens = 0
    private var headUntilMs: Int64 = 0

    init(mode: Mode) {
        self.mode = mode
    }

    var isAnthropic: Bool {
        if case .anthropic = mode { return true }
        return false
    }

    /// The input buckets of a call at `startMs` with `total` input tokens.
    /// - `cacheable`: tokens up to the last cache breakpoint (Anthropic).
    /// - `head` / `headTTL`: the system-and-tools prefix and its breakpoint's lifetime.
    mutating func split(
        total: Int, cacheable: Int, head: Int, headTTL: SynthCacheTTL?, at startMs: Int64, _ rng: inout SynthRandom
    ) -> SynthUsage {
        var usage = SynthUsage()
        switch mode {
        case .none:
            usage.uncached = total
        case .anthropic:
            // Below the minimum cacheable length the breakpoint is ignored.
            let cacheable = min(cacheable, total)
            guard cacheable >= 1024 else {
                usage.uncached = total
                return usage
            }
            var read = prefixUntilMs >= startMs ? min(prefixTokens, cacheable) : 0
            if headTTL == .oneHour && headUntilMs >= startMs { read = max(read, min(headTokens, cacheable)) }
            let write = cacheable - read
            let write1h = headTTL == .oneHour ? min(max(head - read, 0), write) : 0
            usage.cacheRead = read
            usage.cacheWrite1h = write1h
            usage.cacheWrite5m = write - write1h
            usage.uncached = total - cacheable
        case .openAIAutomatic(let hitPercent):
            var read = 0
            if total >= 1024 && prefixUntilMs >= startMs && rng.below(100) < hitPercent {
                read = min(prefixTokens, total - 1) / 128 * 128
            }
            usage.cacheRead = read
            usage.uncached = total - read
        }
        return usage
    }

    /// Records what a call that reached the provider left in the cache; `prefix` is the part the
    /// next call will share (the whole prompt in a conversation, the instructions in a batch).
    mutating func commit(prefix: Int, head: Int, headTTL: SynthCacheTTL?, at startMs: Int64, _ rng: inout SynthRandom) {
        switch mode {
        case .none:
            return
        case .anthropic:
            guard prefix >= 1024 else { return }
            prefixTokens = prefix
            prefixUntilMs = startMs + 300_000
            if headTTL == .oneHour {
                headTokens = head
                headUntilMs = startMs + 3_600_000
            }
        case .openAIAutomatic:
            guard prefix >= 1024 else { return }
            prefixTokens = prefix
            // OpenAI keeps idle prefixes for five to ten minutes.
            prefixUntilMs = startMs + Int64(rng.int(300, 600)) * 1000
        }
    }
}
