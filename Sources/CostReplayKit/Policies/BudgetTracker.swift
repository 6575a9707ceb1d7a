/// All budgets of one scenario (SPEC §6.3): checks before a call, and usage recorded at each
/// admitted call's end time.
struct BudgetTracker {
    struct Budget {
        let config: BudgetConfig
        let rule: BudgetRule
        var windows: [String: BudgetWindow] = [:]
    }

    /// What the checks decided for one call.
    enum Decision {
        case admit
        /// Blocked by `budget` (index); `endSession` when any blocking budget says so.
        case block(budget: Int, endSession: Bool, reason: String, detail: String, key: String)
        /// Repriced at the first exceeding downgrade budget.
        case downgrade(budget: Int)
    }

    private(set) var budgets: [Budget]
    private var pending = BinaryHeap<PendingRecord>(by: { $0.end < $1.end || ($0.end == $1.end && $0.sequence < $1.sequence) })
    private var sequence = 0
    private let priceBook: PriceBook

    private struct PendingRecord {
        let end: Int64
        let sequence: Int
        let keys: [(budget: Int, key: String)]
        let tokens: Int64
        let cost: Money
        let callID: String
        let session: String?
    }

    init(configs: [BudgetConfig], clockFor: (String) -> ZoneClock, priceBook: PriceBook) {
        budgets = configs.map { Budget(config: $0, rule: BudgetRule(config: $0, clock: clockFor($0.timezone))) }
        self.priceBook = priceBook
    }

    /// The scope key a budget applies to for this call; nil when the call lacks that field.
    static func scopeKey(_ scope: BudgetConfig.Scope, _ context: CallContext) -> String? {
        let record = context.record
        switch scope {
        case .user: return record.user
        case .team: return record.team
        case .apiKey: return record.apiKey
        case .session: return context.session
        case .global: return ""
        case .tag(let key): return record.tags[key]
        }
    }

    static func scopeName(_ scope: BudgetConfig.Scope) -> String {
        switch scope {
        case .user: return "user"
        case .team: return "team"
        case .apiKey: return "api_key"
        case .session: return "session"
        case .global: return "global"
        case .tag(let key): return "tag:" + key
        }
    }

    /// Records every admitted call whose end ≤ `time`; alert crossings go to `alert`.
    mutating func flush(upTo time: Int64, alert: (Incident) -> Void, scenario: String) {
        while let next = pending.min, next.end <= time {
            _ = pending.popMin()
            for (index, key) in next.keys {
                // Mutated in place: holding a copy of the budget or window would copy its storage.
                let rule = budgets[index].rule
                let (before, after) = budgets[index].windows[key, default: BudgetWindow()]
                    .record(end: next.end, tokens: next.tokens, cost: next.cost, rule: rule)
                let config = budgets[index].config
                for fraction in config.alerts where Self.crosses(fraction, before: before, after: after, config) {
                    alert(
                        Incident(
                            time: Timestamp(micros: next.end), kind: .budgetAlert, policy: config.identity.name,
                            scope: Self.scopeName(config.scope), key: key, session: next.session, callID: next.callID,
                            reason:
                                "\(ScaledDecimal.format(fraction * 100, scale: 6, minFractionDigits: 0))% of the limit reached",
                            detail: Self.describe(after, config), scenario: scenario))
                }
            }
        }
    }

    /// ratio_before < f ≤ ratio_after, with ratio the largest used/limit over the configured limits.
    static func crosses(_ fraction: Int128, before: BudgetWindow.Usage, after: BudgetWindow.Usage, _ config: BudgetConfig) -> Bool
    {
        func atLeast(_ usage: BudgetWindow.Usage) -> Bool {
            // used / limit ≥ fraction  ⇔  used × 10⁶ ≥ fraction × limit, in full width (no overflow
            // for any limit the loader accepts).
            if let limit = config.maxCost, limit.raw > 0, productAtLeast(usage.cost.raw, 1_000_000, fraction, limit.raw) {
                return true
            }
            if let limit = config.maxTokens, limit > 0, productAtLeast(Int128(usage.tokens), 1_000_000, fraction, Int128(limit)) {
                return true
            }
            if let limit = config.maxRequests, limit > 0,
                productAtLeast(Int128(usage.requests), 1_000_000, fraction, Int128(limit))
            {
                return true
            }
            return false
        }
        return !atLeast(before) && atLeast(after)
    }

    /// a × b ≥ c × d for non-negative a, b, c, d, computed in 256 bits.
    static func productAtLeast(_ a: Int128, _ b: Int128, _ c: Int128, _ d: Int128) -> Bool {
        let left = max(a, 0).magnitude.multipliedFullWidth(by: max(b, 0).magnitude)
        let right = max(c, 0).magnitude.multipliedFullWidth(by: max(d, 0).magnitude)
        return left.high != right.high ? left.high > right.high : left.low >= right.low
    }

    static func describe(_ usage: BudgetWindow.Usage, _ config: BudgetConfig) -> String {
        var parts: [String] = []
        if let limit = config.maxCost {
            parts.append("\(NumberFormatting.dollars(usage.cost)) of \(NumberFormatting.dollars(limit))")
        }
        if let limit = config.maxTokens { parts.append("\(usage.tokens) of \(limit) tokens") }
        if let limit = config.maxRequests { parts.append("\(usage.requests) of \(limit) requests") }
        return parts.joined(separator: ", ")
    }

    /// Step 6: checks the transformed call against every budget it is subject to.
    mutating func check(_ context: CallContext, working: WorkingCall) -> Decision {
        let time = context.record.start.micros
        var firstBlock: (Int, String, String, String)?
        var endSession = false
        var firstDowngrade: Int?
        for index in budgets.indices {
            let config = budgets[index].config
            guard let key = Self.scopeKey(config.scope, context) else { continue }
            let rule = budgets[index].rule
            let used = budgets[index].windows[key, default: BudgetWindow()].usageAtCheck(time, rule: rule)
            let (estimatedTokens, estimatedCost) = estimate(config.estimate, context, working)
            var reason: String?
            if let limit = config.maxTokens, used.tokens + estimatedTokens > limit {
                reason = "max_tokens"
            } else if let limit = config.maxRequests, used.requests >= limit {
                reason = "max_requests"
            } else if let limit = config.maxCost, used.cost + estimatedCost > limit {
                reason = "max_cost_usd"
            }
            guard let reason else { continue }
            switch config.onExceed {
            case .block:
                if firstBlock == nil {
                    let detail =
                        "used " + Self.describe(used, config) + "; this call adds \(estimatedTokens) tokens, "
                        + NumberFormatting.dollars(estimatedCost)
                    firstBlock = (index, reason, detail, key)
                }
                if config.onBlock == .endSession { endSession = true }
            case .downgrade:
                if firstDowngrade == nil { firstDowngrade = index }
            case .alert:
                break
            }
        }
        if let (index, reason, detail, key) = firstBlock {
            return .block(budget: index, endSession: endSession, reason: reason, detail: detail, key: key)
        }
        if let index = firstDowngrade { return .downgrade(budget: index) }
        return .admit
    }

    /// The tokens and cost a check adds, per the budget's estimate (SPEC §6.3).
    func estimate(_ mode: BudgetConfig.Estimate, _ context: CallContext, _ working: WorkingCall) -> (Int64, Money) {
        var usage = working.usage
        switch mode {
        case .actual:
            break
        case .input:
            usage.output = 0
            usage.reasoning = 0
        case .maxTokens:
            usage.output = context.record.body?.maxTokens ?? working.usage.output
            usage.reasoning = 0
        }
        let cost = working.entry.map { $0.cost(of: usage, serviceTier: working.tier) } ?? .zero
        return (usage.totalTokens, context.record.usage == nil ? .zero : cost)
    }

    /// The entry a downgrade budget reprices at.
    func downgradeEntry(_ index: Int, at time: Timestamp) -> (String, PriceEntry)? {
        guard let model = budgets[index].config.downgradeTo, let id = priceBook.resolveID(model),
            let entry = priceBook.entry(id: id, at: time)
        else { return nil }
        return (id, entry)
    }

    /// Schedules an admitted call's final tokens, cost and one request into every budget it is
    /// subject to, at its end time.
    mutating func admit(_ context: CallContext, tokens: Int64, cost: Money) {
        var keys: [(Int, String)] = []
        keys.reserveCapacity(budgets.count)
        for index in budgets.indices {
            if let key = Self.scopeKey(budgets[index].config.scope, context) { keys.append((index, key)) }
        }
        guard !keys.isEmpty else { return }
        sequence += 1
        pending.push(
            PendingRecord(
                end: context.record.end.micros, sequence: sequence, keys: keys, tokens: tokens,
                cost: cost, callID: context.record.id, session: context.session))
    }

    /// At the end: every pending record (for alerts raised after the last call).
    mutating func finish(alert: (Incident) -> Void, scenario: String) {
        flush(upTo: .max, alert: alert, scenario: scenario)
    }
}
