/// Reads a policy file (SPEC §6.10). Unknown keys, wrong types and impossible values are errors
/// naming the key path; nothing is written when one is found.
public enum PolicyFileLoader {
    /// The embedded default policy set.
    public static func defaults(timezone: String = "UTC") -> PolicySet {
        do {
            var set = try load(text: DefaultPolicyFile.text, source: "embedded default", defaultTimezone: timezone)
            set.source = "embedded default"
            return set
        } catch {
            preconditionFailure("embedded default policy file is invalid: \(error)")
        }
    }

    /// Parses `text`; `defaultTimezone` is `--timezone`, the default of calendar budgets.
    public static func load(text: String, source: String, defaultTimezone: String) throws(ConfigError) -> PolicySet {
        let root: TOMLTable
        do {
            root = try TOMLParser.parse(text)
        } catch {
            throw ConfigError(file: source, keyPath: "", message: "line \(error.line): \(error.message)")
        }
        var reader = TOMLTableReader(root, path: "", file: source)
        var set = PolicySet()
        set.source = source
        var names = Set<String>()
        func claim(_ name: String, _ table: TOMLTableReader) throws(ConfigError) {
            guard names.insert(name).inserted else { throw table.error("name", "policy name \"\(name)\" is used twice") }
        }

        if var table = try single(&reader, "loop") {
            var config = LoopConfig(identity: try identity(&table, kind: .loop, defaultName: "loop"))
            if let gap = try table.string("session_gap") { config.sessionGapMicros = try duration(gap, table, "session_gap") }
            config.maxToolCalls = try count(&table, "max_tool_calls") ?? config.maxToolCalls
            config.repeatWindow = try count(&table, "repeat_window") ?? config.repeatWindow
            config.maxRepeats = try count(&table, "max_repeats") ?? config.maxRepeats
            if let similarity = try table.decimal("similarity", scale: 6) {
                guard similarity > 0 && similarity <= 1_000_000 else {
                    throw table.error("similarity", "must be greater than 0 and at most 1.0")
                }
                config.similarity = similarity
            }
            config.alternating = try count(&table, "alternating") ?? config.alternating
            if config.alternating != 0 && config.alternating < 4 {
                throw table.error("alternating", "must be 0 (off) or at least 4, found \(config.alternating)")
            }
            config.errorStreak = try count(&table, "error_streak") ?? config.errorStreak
            config.maxRequests = try count(&table, "max_requests") ?? config.maxRequests
            if let cap = try table.decimal("max_session_cost_usd", scale: Money.scale) { config.maxSessionCost = Money(raw: cap) }
            if config.maxRepeats > 0 && config.repeatWindow < config.maxRepeats {
                throw table.error("repeat_window", "must be at least max_repeats (\(config.maxRepeats))")
            }
            try table.rejectUnknownKeys()
            try claim(config.identity.name, table)
            set.loop = config
        }
        if var table = try single(&reader, "retry") {
            var config = RetryConfig(identity: try identity(&table, kind: .retry, defaultName: "retry"))
            if let seconds = try table.integer("window_seconds") {
                config.windowMicros = try Self.seconds(seconds, table, "window_seconds")
            }
            try table.rejectUnknownKeys()
            try claim(config.identity.name, table)
            set.retry = config
        }
        if var table = try single(&reader, "response_cache") {
            var config = ResponseCacheConfig(identity: try identity(&table, kind: .responseCache, defaultName: "response_cache"))
            if let seconds = try table.integer("ttl_seconds") {
                config.ttlMicros = try Self.seconds(seconds, table, "ttl_seconds")
            }
            if let scope = try table.string("scope") {
                guard let parsed = CacheScope(rawValue: scope) else {
                    throw table.error("scope", "expected user, api_key or global, found \"\(scope)\"")
                }
                config.scope = parsed
            }
            try table.rejectUnknownKeys()
            try claim(config.identity.name, table)
            set.responseCache = config
        }
        let routeTables = try reader.tables("route")
        for (index, var table) in routeTables.enumerated() {
            let defaultName = routeTables.count == 1 ? "route" : "route-\(index + 1)"
            var config = RouteConfig(identity: try identity(&table, kind: .route, defaultName: defaultName))
            config.providers = try table.stringArray("providers") ?? config.providers
            let tierTables = try table.tables("tiers")
            if !tierTables.isEmpty {
                config.tiers = []
                for var tier in tierTables {
                    guard let name = try tier.string("name") else { throw tier.error("name", "a tier needs a name") }
                    guard let model = try tier.string("model") else { throw tier.error("model", "a tier needs a model") }
                    let tasks = try tier.stringArray("tasks") ?? []
                    let complexity = try tier.integer("max_complexity") ?? 10
                    try tier.rejectUnknownKeys()
                    config.tiers.append(RouteTier(name: name, model: model, tasks: tasks, maxComplexity: Int(complexity)))
                }
            }
            config.defaultTier = try table.string("default_tier") ?? config.defaultTier
            guard config.tiers.contains(where: { $0.name == config.defaultTier }) else {
                throw table.error("default_tier", "no tier is named \"\(config.defaultTier)\"")
            }
            for var rule in try table.tables("rule") {
                guard let task = try rule.string("task") else { throw rule.error("task", "a rule needs the task it assigns") }
                var parsed = RouteRule(task: task)
                parsed.hasTools = try rule.bool("has_tools")
                parsed.minInputTokens = try rule.integer("min_input_tokens")
                parsed.maxInputTokens = try rule.integer("max_input_tokens")
                parsed.minOutputTokens = try rule.integer("min_output_tokens")
                parsed.maxOutputTokens = try rule.integer("max_output_tokens")
                parsed.model = try rule.string("model").map(Glob.init)
                parsed.systemContains = try rule.string("system_contains")
                parsed.user = try rule.string("user").map(Glob.init)
                parsed.team = try rule.string("team").map(Glob.init)
                try rule.rejectUnknownKeys()
                config.rules.append(parsed)
            }
            try table.rejectUnknownKeys()
            try claim(config.identity.name, table)
            if config.identity.combined, set.routes.contains(where: { $0.identity.combined }) {
                throw table.error("combined", "only one route may be combined; set combined = false on the others")
            }
            set.routes.append(config)
        }
        if var table = try single(&reader, "prefix_cache") {
            var config = PrefixCacheConfig(identity: try identity(&table, kind: .prefixCache, defaultName: "prefix_cache"))
            if let ttl = try table.string("ttl") {
                guard ttl == "5m" || ttl == "1h" else { throw table.error("ttl", "expected \"5m\" or \"1h\", found \"\(ttl)\"") }
                config.oneHour = ttl == "1h"
            }
            config.providers = try table.stringArray("providers") ?? config.providers
            if let scope = try table.string("scope") {
                guard let parsed = CacheScope(rawValue: scope) else {
                    throw table.error("scope", "expected api_key, user or global, found \"\(scope)\"")
                }
                config.scope = parsed
            }
            config.minTokens = try table.integer("min_tokens") ?? 0
            try table.rejectUnknownKeys()
            try claim(config.identity.name, table)
            set.prefixCache = config
        }
        if var table = try single(&reader, "compaction") {
            let identity = try identity(&table, kind: .compaction, defaultName: "compaction")
            guard let cap = try table.integer("max_input_tokens") else {
                throw table.error("max_input_tokens", "compaction needs max_input_tokens")
            }
            try table.rejectUnknownKeys()
            try claim(identity.name, table)
            set.compaction = CompactionConfig(identity: identity, maxInputTokens: cap)
        }
        if var table = try single(&reader, "output_cap") {
            let identity = try identity(&table, kind: .outputCap, defaultName: "output_cap")
            guard let cap = try table.integer("max_output_tokens") else {
                throw table.error("max_output_tokens", "output_cap needs max_output_tokens")
            }
            let tasks = try table.stringArray("tasks")?.map(Glob.init)
            try table.rejectUnknownKeys()
            try claim(identity.name, table)
            set.outputCap = OutputCapConfig(identity: identity, maxOutputTokens: cap, tasks: tasks)
        }
        if var table = try single(&reader, "batch") {
            var config = BatchConfig(identity: try identity(&table, kind: .batch, defaultName: "batch"))
            config.tasks = try table.stringArray("tasks")?.map(Glob.init)
            config.users = try table.stringArray("users")?.map(Glob.init)
            config.teams = try table.stringArray("teams")?.map(Glob.init)
            if var tags = try table.table("tags") {
                for key in tags.table.keys {
                    if let single = try? tags.string(key) {
                        config.tags.append((key, [single]))
                    } else if let list = try tags.stringArray(key) {
                        config.tags.append((key, list))
                    }
                }
                try tags.rejectUnknownKeys()
            }
            try table.rejectUnknownKeys()
            try claim(config.identity.name, table)
            set.batch = config
        }
        for (index, var table) in try reader.tables("budget").enumerated() {
            let config = try budget(&table, index: index, defaultTimezone: defaultTimezone)
            try claim(config.identity.name, table)
            set.budgets.append(config)
        }
        try reader.rejectUnknownKeys()
        return set
    }

    static func single(_ reader: inout TOMLTableReader, _ key: String) throws(ConfigError) -> TOMLTableReader? {
        let tables = try reader.tables(key)
        guard tables.count <= 1 else {
            throw ConfigError(file: reader.file, keyPath: key, message: "only one [\(key)] table is allowed")
        }
        return tables.first
    }

    static func identity(_ table: inout TOMLTableReader, kind: PolicyKind, defaultName: String) throws(ConfigError)
        -> PolicyIdentity
    {
        let name = try table.string("name") ?? defaultName
        guard !name.isEmpty else { throw table.error("name", "must not be empty") }
        let combined = try table.bool("combined") ?? true
        return PolicyIdentity(name: name, kind: kind, combined: combined)
    }

    static func count(_ table: inout TOMLTableReader, _ key: String) throws(ConfigError) -> Int? {
        guard let value = try table.integer(key) else { return nil }
        guard value <= Int64(Int32.max) else { throw table.error(key, "is too large") }
        return Int(value)
    }

    static func duration(_ text: String, _ table: TOMLTableReader, _ key: String) throws(ConfigError) -> Int64 {
        guard let micros = DurationParser.parse(text), micros > 0 else {
            throw table.error(key, "expected a duration such as \"30m\", found \"\(text)\"")
        }
        guard micros <= maximumDurationMicros else { throw table.error(key, "\(text) is longer than 100 years") }
        return micros
    }

    /// Longest window, TTL or period accepted: longer ones would overflow time arithmetic and mean
    /// nothing for logs anyway.
    static let maximumDurationMicros: Int64 = 100 * 366 * 86_400_000_000

    /// Whole seconds as microseconds, within the maximum duration.
    static func seconds(_ value: Int64, _ table: TOMLTableReader, _ key: String) throws(ConfigError) -> Int64 {
        guard value <= maximumDurationMicros / 1_000_000 else { throw table.error(key, "\(value) s is longer than 100 years") }
        return value * 1_000_000
    }

    static func budget(_ table: inout TOMLTableReader, index: Int, defaultTimezone: String) throws(ConfigError) -> BudgetConfig {
        let identity = try identity(&table, kind: .budget, defaultName: "budget-\(index + 1)")
        guard let scopeText = try table.string("scope") else { throw table.error("scope", "a budget needs a scope") }
        let scope: BudgetConfig.Scope
        switch scopeText {
        case "user": scope = .user
        case "team": scope = .team
        case "api_key": scope = .apiKey
        case "session": scope = .session
        case "global": scope = .global
        default:
            guard scopeText.hasPrefix("tag:"), scopeText.count > 4 else {
                throw table.error("scope", "expected user, team, api_key, session, global or tag:KEY, found \"\(scopeText)\"")
            }
            scope = .tag(String(scopeText.dropFirst(4)))
        }
        let periodText = try table.string("period") ?? "none"
        guard let period = parsePeriod(periodText) else {
            throw table.error("period", "expected hour, day, week, month, Nh, Nd or none, found \"\(periodText)\"")
        }
        switch period {
        case .hours(let n) where n > maximumDurationMicros / 3_600_000_000,
            .days(let n) where n > maximumDurationMicros / 86_400_000_000:
            throw table.error("period", "\(periodText) is longer than 100 years")
        default: break
        }
        let timezone = try table.string("timezone") ?? defaultTimezone
        guard ZoneClock(identifier: timezone) != nil else { throw table.error("timezone", "unknown time zone \"\(timezone)\"") }
        var config = BudgetConfig(identity: identity, scope: scope, period: period, timezone: timezone)
        if let window = try table.string("window") {
            guard let parsed = BudgetConfig.Window(rawValue: window) else {
                throw table.error("window", "expected calendar, rolling or from_first, found \"\(window)\"")
            }
            config.window = parsed
        }
        if let cost = try table.decimal("max_cost_usd", scale: Money.scale) { config.maxCost = Money(raw: cost) }
        config.maxTokens = try table.integer("max_tokens")
        config.maxRequests = try table.integer("max_requests")
        guard config.maxCost != nil || config.maxTokens != nil || config.maxRequests != nil else {
            throw table.error("max_cost_usd", "a budget needs at least one of max_cost_usd, max_tokens, max_requests")
        }
        if let estimate = try table.string("estimate") {
            guard let parsed = BudgetConfig.Estimate(rawValue: estimate) else {
                throw table.error("estimate", "expected actual, input or max_tokens, found \"\(estimate)\"")
            }
            config.estimate = parsed
        }
        if let onExceed = try table.string("on_exceed") {
            guard let parsed = BudgetConfig.OnExceed(rawValue: onExceed) else {
                throw table.error("on_exceed", "expected block, downgrade or alert, found \"\(onExceed)\"")
            }
            config.onExceed = parsed
        }
        if let onBlock = try table.string("on_block") {
            guard let parsed = BudgetConfig.OnBlock(rawValue: onBlock) else {
                throw table.error("on_block", "expected end_session or drop_call, found \"\(onBlock)\"")
            }
            config.onBlock = parsed
        }
        config.downgradeTo = try table.string("downgrade_to")
        if config.onExceed == .downgrade && config.downgradeTo == nil {
            throw table.error("downgrade_to", "on_exceed = \"downgrade\" needs downgrade_to")
        }
        if let alerts = try table.numberArray("alerts") {
            config.alerts = []
            for (position, text) in alerts.enumerated() {
                guard let value = ScaledDecimal.parse(text, scale: 6), value > 0 else {
                    throw ConfigError(
                        file: table.file, keyPath: table.keyPath("alerts") + "[\(position)]",
                        message: "expected a positive fraction, found \(text)")
                }
                config.alerts.append(value)
            }
        }
        try table.rejectUnknownKeys()
        return config
    }

    /// `hour`, `day`, `week`, `month`, `Nh`, `Nd`, `none`.
    static func parsePeriod(_ text: String) -> BudgetConfig.Period? {
        switch text {
        case "hour": return .hours(1)
        case "day": return .days(1)
        case "week": return .week
        case "month": return .month
        case "none": return BudgetConfig.Period.none
        default:
            guard text.count >= 2, let unit = text.last, unit == "h" || unit == "d",
                let count = Int64(text.dropLast()), count > 0
            else { return nil }
            return unit == "h" ? .hours(count) : .days(count)
        }
    }
}
