/// The parameters of each configured policy as `key = value` pairs, for the report.
enum PolicyParameters {
    static func describe(_ identity: PolicyIdentity, in set: PolicySet) -> [(String, String)] {
        func list(_ values: [String]) -> String { "[" + values.map { "\"\($0)\"" }.joined(separator: ", ") + "]" }
        func globs(_ values: [Glob]?) -> String? { values.map { list($0.map(\.pattern)) } }
        func duration(_ micros: Int64) -> String {
            micros % 3_600_000_000 == 0
                ? "\(micros / 3_600_000_000)h"
                : micros % 60_000_000 == 0 ? "\(micros / 60_000_000)m" : "\(micros / 1_000_000)s"
        }
        var pairs: [(String, String?)] = []
        switch identity.kind {
        case .loop:
            guard let c = set.loop else { return [] }
            pairs = [
                ("session_gap", duration(c.sessionGapMicros)), ("max_tool_calls", "\(c.maxToolCalls)"),
                ("repeat_window", "\(c.repeatWindow)"), ("max_repeats", "\(c.maxRepeats)"),
                ("similarity", ScaledDecimal.format(c.similarity, scale: 6, minFractionDigits: 1)),
                ("alternating", "\(c.alternating)"), ("error_streak", "\(c.errorStreak)"),
                ("max_requests", "\(c.maxRequests)"), ("max_session_cost_usd", c.maxSessionCost.exactDecimal),
            ]
        case .retry:
            guard let c = set.retry else { return [] }
            pairs = [("window_seconds", "\(c.windowMicros / 1_000_000)")]
        case .responseCache:
            guard let c = set.responseCache else { return [] }
            pairs = [("ttl_seconds", "\(c.ttlMicros / 1_000_000)"), ("scope", c.scope.rawValue)]
        case .route:
            guard let c = set.routes.first(where: { $0.identity.name == identity.name }) else { return [] }
            pairs = [("providers", list(c.providers)), ("default_tier", c.defaultTier)]
            for tier in c.tiers {
                pairs.append(
                    ("tier " + tier.name, "\(tier.model), tasks \(list(tier.tasks)), max_complexity \(tier.maxComplexity)"))
            }
            for (index, rule) in c.rules.enumerated() { pairs.append(("rule \(index + 1)", describe(rule))) }
        case .prefixCache:
            guard let c = set.prefixCache else { return [] }
            pairs = [
                ("ttl", c.oneHour ? "1h" : "5m"), ("providers", list(c.providers)), ("scope", c.scope.rawValue),
                ("min_tokens", c.minTokens == 0 ? "0 (the model's minimum)" : "\(c.minTokens)"),
            ]
        case .compaction:
            guard let c = set.compaction else { return [] }
            pairs = [("max_input_tokens", "\(c.maxInputTokens)")]
        case .outputCap:
            guard let c = set.outputCap else { return [] }
            pairs = [("max_output_tokens", "\(c.maxOutputTokens)"), ("tasks", globs(c.tasks) ?? "all")]
        case .batch:
            guard let c = set.batch else { return [] }
            pairs = [
                ("tasks", globs(c.tasks)), ("users", globs(c.users)), ("teams", globs(c.teams)),
                ("tags", c.tags.isEmpty ? nil : c.tags.map { "\($0.key) in \(list($0.values))" }.joined(separator: "; ")),
            ]
        case .budget:
            guard let c = set.budgets.first(where: { $0.identity.name == identity.name }) else { return [] }
            pairs = [
                ("scope", BudgetTracker.scopeName(c.scope)), ("period", periodName(c.period)),
                ("window", c.window.rawValue), ("timezone", c.timezone), ("max_cost_usd", c.maxCost?.exactDecimal),
                ("max_tokens", c.maxTokens.map(String.init)), ("max_requests", c.maxRequests.map(String.init)),
                ("estimate", c.estimate.rawValue), ("on_exceed", c.onExceed.rawValue), ("on_block", c.onBlock.rawValue),
                ("downgrade_to", c.downgradeTo),
                (
                    "alerts",
                    "[" + c.alerts.map { ScaledDecimal.format($0, scale: 6, minFractionDigits: 1) }.joined(separator: ", ") + "]"
                ),
            ]
        }
        pairs.append(("combined", identity.combined ? "true" : "false"))
        return pairs.compactMap { key, value in value.map { (key, $0) } }
    }

    static func periodName(_ period: BudgetConfig.Period) -> String {
        switch period {
        case .hours(1): return "hour"
        case .hours(let n): return "\(n)h"
        case .days(1): return "day"
        case .days(let n): return "\(n)d"
        case .week: return "week"
        case .month: return "month"
        case .none: return "none"
        }
    }

    static func describe(_ rule: RouteRule) -> String {
        var parts = ["task \"\(rule.task)\" when"]
        var conditions: [String] = []
        if let value = rule.hasTools { conditions.append("has_tools = \(value)") }
        if let value = rule.minInputTokens { conditions.append("input ≥ \(value)") }
        if let value = rule.maxInputTokens { conditions.append("input ≤ \(value)") }
        if let value = rule.minOutputTokens { conditions.append("output ≥ \(value)") }
        if let value = rule.maxOutputTokens { conditions.append("output ≤ \(value)") }
        if let value = rule.model { conditions.append("model ~ \(value.pattern)") }
        if let value = rule.systemContains { conditions.append("system contains \"\(value)\"") }
        if let value = rule.user { conditions.append("user ~ \(value.pattern)") }
        if let value = rule.team { conditions.append("team ~ \(value.pattern)") }
        parts.append(conditions.isEmpty ? "always" : conditions.joined(separator: ", "))
        return parts.joined(separator: " ")
    }
}
