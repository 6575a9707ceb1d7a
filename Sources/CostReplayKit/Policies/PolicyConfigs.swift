/// The kinds of policy, in pipeline order (SPEC §6.2, §7.2).
public enum PolicyKind: String, Sendable, CaseIterable {
    case loop, retry
    case responseCache = "response_cache"
    case route
    case prefixCache = "prefix_cache"
    case compaction
    case outputCap = "output_cap"
    case batch
    case budget
}

/// What every policy table has: its name and whether it joins the combined scenario.
public struct PolicyIdentity: Sendable, Hashable {
    public var name: String
    public var kind: PolicyKind
    public var combined: Bool

    public init(name: String, kind: PolicyKind, combined: Bool) {
        self.name = name
        self.kind = kind
        self.combined = combined
    }
}

/// `[loop]` (SPEC §6.4).
public struct LoopConfig: Sendable {
    public var identity: PolicyIdentity
    public var sessionGapMicros: Int64 = 30 * 60_000_000
    public var maxToolCalls: Int = 0
    public var repeatWindow: Int = 5
    public var maxRepeats: Int = 3
    /// Millionths (1_000_000 = exact match only).
    public var similarity: Int128 = 1_000_000
    public var alternating: Int = 6
    public var errorStreak: Int = 3
    public var maxRequests: Int = 0
    /// Zero = off.
    public var maxSessionCost: Money = .zero
}

/// `[retry]` (SPEC §6.7).
public struct RetryConfig: Sendable {
    public var identity: PolicyIdentity
    public var windowMicros: Int64 = 120_000_000
}

/// The key a cache or budget is shared by.
public enum CacheScope: String, Sendable {
    case user, apiKey = "api_key", global
}

/// `[response_cache]` (SPEC §6.6).
public struct ResponseCacheConfig: Sendable {
    public var identity: PolicyIdentity
    public var ttlMicros: Int64 = 300_000_000
    public var scope: CacheScope = .user
}

/// One tier of a route: the model used for tasks up to a complexity.
public struct RouteTier: Sendable {
    public var name: String
    public var model: String
    public var tasks: [String]
    public var maxComplexity: Int
}

/// A task-assignment rule of a route (all conditions must hold).
public struct RouteRule: Sendable {
    public var task: String
    public var hasTools: Bool?
    public var minInputTokens: Int64?
    public var maxInputTokens: Int64?
    public var minOutputTokens: Int64?
    public var maxOutputTokens: Int64?
    public var model: Glob?
    public var systemContains: String?
    public var user: Glob?
    public var team: Glob?
}

/// `[[route]]` (SPEC §6.5).
public struct RouteConfig: Sendable {
    public var identity: PolicyIdentity
    public var providers: [String] = ["anthropic"]
    public var tiers: [RouteTier] = RouteConfig.seedTiers
    public var defaultTier: String = "sonnet"
    public var rules: [RouteRule] = []

    /// The seed's ModelSelector tiers.
    public static let seedTiers = [
        RouteTier(
            name: "haiku", model: "claude-3-haiku-20240307",
            tasks: ["classification", "extraction", "simple_qa", "routing"], maxComplexity: 2),
        RouteTier(
            name: "sonnet", model: "claude-sonnet-4-20250514",
            tasks: ["coding", "analysis", "summarization", "tool_use"], maxComplexity: 7),
        RouteTier(
            name: "opus", model: "claude-opus-4-20250514",
            tasks: ["research", "complex_reasoning", "creative", "multi_step"], maxComplexity: 10),
    ]
}

/// `[prefix_cache]` (SPEC §6.8).
public struct PrefixCacheConfig: Sendable {
    public var identity: PolicyIdentity
    /// 5 minutes or 1 hour; decides the write bucket.
    public var oneHour = false
    public var providers: [String] = ["anthropic"]
    public var scope: CacheScope = .apiKey
    /// Zero: the model's own `min_cacheable_tokens`.
    public var minTokens: Int64 = 0

    public var ttlMicros: Int64 { oneHour ? 3_600_000_000 : 300_000_000 }
}

/// `[compaction]` (SPEC §6.9).
public struct CompactionConfig: Sendable {
    public var identity: PolicyIdentity
    public var maxInputTokens: Int64
}

/// `[output_cap]` (SPEC §6.9).
public struct OutputCapConfig: Sendable {
    public var identity: PolicyIdentity
    public var maxOutputTokens: Int64
    /// Only calls whose task matches one of these (nil = every call).
    public var tasks: [Glob]?
}

/// `[batch]` (SPEC §6.9): selectors AND-ed, alternatives within one OR-ed.
public struct BatchConfig: Sendable {
    public var identity: PolicyIdentity
    public var tasks: [Glob]?
    public var users: [Glob]?
    public var teams: [Glob]?
    public var tags: [(key: String, values: [String])] = []
}

/// `[[budget]]` (SPEC §6.3).
public struct BudgetConfig: Sendable {
    public enum Scope: Sendable, Equatable {
        case user, team, apiKey, session, global
        case tag(String)
    }

    public enum Period: Sendable, Equatable {
        case hours(Int64), days(Int64), week, month, none
    }

    public enum Window: String, Sendable {
        case calendar, rolling
        case fromFirst = "from_first"
    }

    public enum Estimate: String, Sendable {
        case actual, input
        case maxTokens = "max_tokens"
    }

    public enum OnExceed: String, Sendable {
        case block, downgrade, alert
    }

    public enum OnBlock: String, Sendable {
        case endSession = "end_session"
        case dropCall = "drop_call"
    }

    public var identity: PolicyIdentity
    public var scope: Scope
    public var period: Period
    public var window: Window = .calendar
    /// IANA zone of calendar windows.
    public var timezone: String
    public var maxCost: Money?
    public var maxTokens: Int64?
    public var maxRequests: Int64?
    public var estimate: Estimate = .actual
    public var onExceed: OnExceed = .block
    public var onBlock: OnBlock = .endSession
    public var downgradeTo: String?
    /// Alert fractions in millionths (500_000 = 50 %).
    public var alerts: [Int128] = [500_000, 800_000, 1_000_000]
}

/// Every configured policy (SPEC §6.10).
public struct PolicySet: Sendable {
    public var loop: LoopConfig?
    public var retry: RetryConfig?
    public var responseCache: ResponseCacheConfig?
    public var routes: [RouteConfig] = []
    public var prefixCache: PrefixCacheConfig?
    public var compaction: CompactionConfig?
    public var outputCap: OutputCapConfig?
    public var batch: BatchConfig?
    public var budgets: [BudgetConfig] = []
    /// Where it came from: `embedded default` or the file name.
    public var source: String = "embedded default"

    public init() {}

    /// Every policy's identity in pipeline order: loop, retry, response_cache, routes, prefix_cache,
    /// compaction, output_cap, batch, then budgets in file order.
    public var identities: [PolicyIdentity] {
        var result: [PolicyIdentity] = []
        if let loop { result.append(loop.identity) }
        if let retry { result.append(retry.identity) }
        if let responseCache { result.append(responseCache.identity) }
        result += routes.map(\.identity)
        if let prefixCache { result.append(prefixCache.identity) }
        if let compaction { result.append(compaction.identity) }
        if let outputCap { result.append(outputCap.identity) }
        if let batch { result.append(batch.identity) }
        result += budgets.map(\.identity)
        return result
    }

    /// The route whose rules assign tasks: the combined one, else the first (SPEC §6.5).
    public var taskRoute: RouteConfig? { routes.first { $0.identity.combined } ?? routes.first }

    /// Checks every model a policy names (route tiers, `downgrade_to`) against the price book: a
    /// policy that reprices at an unknown model would silently do nothing.
    public func validateModels(in book: PriceBook) throws(ConfigError) {
        for (routeIndex, route) in routes.enumerated() {
            for (tierIndex, tier) in route.tiers.enumerated() where book.resolveID(tier.model) == nil {
                let path = "route[\(routeIndex)]"
                throw ConfigError(
                    file: source, keyPath: "\(path).tiers[\(tierIndex)].model",
                    message: "\"\(tier.model)\" is not in the price book (\(book.source))")
            }
        }
        for (index, budget) in budgets.enumerated() {
            if let model = budget.downgradeTo, book.resolveID(model) == nil {
                throw ConfigError(
                    file: source, keyPath: "budget[\(index)].downgrade_to",
                    message: "\"\(model)\" is not in the price book (\(book.source))")
            }
        }
    }

    /// Session gap for inferred sessions.
    public var sessionGapMicros: Int64 { loop?.sessionGapMicros ?? 30 * 60_000_000 }
}
