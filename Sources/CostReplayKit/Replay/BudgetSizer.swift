/// Budget sizing (reports issue): for one budget's scope and period, the distribution of actual
/// spend per key and period, and what each candidate cap would have blocked.
///
/// A candidate cap is simulated on the baseline calls in replay order as a plain block: a call is
/// blocked when the key's admitted spend in the period plus the call's own cost would exceed the
/// cap; blocked calls add nothing. Unlike the replayed budget it ignores end times, estimates,
/// sessions ended by a block and the other policies, so it is a guide for choosing a cap; the
/// configured budget's replayed figure is the exact one.
public struct BudgetSizer {
    /// The budget sized (its name, scope and period).
    public let config: BudgetConfig
    /// The caps simulated, ascending.
    public let caps: [Money]
    private let rule: BudgetRule

    private struct Running {
        var bucket: Int64
        var total: Money
        var admitted: [Money]
    }

    private var running: [String: Running] = [:]
    /// Spend of every finished and running (key, period), for the distribution.
    private var finishedTotals: [Money] = []
    public private(set) var callsInScope: Int64 = 0
    public private(set) var spendInScope: Money = .zero
    public private(set) var blockedCalls: [Int64]
    public private(set) var blockedCost: [Money]

    /// Caps of the 1-2-5 series from $0.01 to $1,000,000, plus the budget's own limit.
    public static func candidateCaps(including limit: Money?) -> [Money] {
        var caps: [Money] = []
        var unit = Money.oneDollarRaw / 100
        while unit <= Money.oneDollarRaw * 1_000_000 {
            for step: Int128 in [1, 2, 5] where unit * step <= Money.oneDollarRaw * 1_000_000 {
                caps.append(Money(raw: unit * step))
            }
            unit *= 10
        }
        if let limit, limit.raw > 0, !caps.contains(limit) { caps.append(limit) }
        return caps.sorted()
    }

    public init(config: BudgetConfig, clock: ZoneClock) {
        self.config = config
        rule = BudgetRule(config: config, clock: clock)
        caps = Self.candidateCaps(including: config.maxCost)
        blockedCalls = Array(repeating: 0, count: caps.count)
        blockedCost = Array(repeating: .zero, count: caps.count)
    }

    /// Period bucket of a call: calendar periods of the budget's length (rolling and from-first
    /// budgets are sized by calendar periods of the same length).
    private func bucket(_ time: Timestamp) -> Int64 { rule.bucket(time.micros) }

    /// Adds one call in replay order (calls without the scope's field are outside the scope).
    mutating func add(_ context: CallContext) {
        guard let key = BudgetTracker.scopeKey(config.scope, context) else { return }
        let cost = context.call.cost ?? .zero
        let bucket = bucket(context.record.start)
        callsInScope += 1
        spendInScope += cost
        if let current = running[key], current.bucket != bucket {
            finishedTotals.append(current.total)
            running[key] = nil
        }
        let capCount = caps.count
        // The key's state is mutated in place (no copy of its per-cap array per call); the default
        // is only built for a new key or period.
        Self.admit(
            cost, caps: caps,
            state: &running[
                key, default: Running(bucket: bucket, total: .zero, admitted: Array(repeating: .zero, count: capCount))],
            blockedCalls: &blockedCalls, blockedCost: &blockedCost)
    }

    private static func admit(
        _ cost: Money, caps: [Money], state: inout Running, blockedCalls: inout [Int64], blockedCost: inout [Money]
    ) {
        state.total += cost
        for index in caps.indices {
            if state.admitted[index] + cost > caps[index] {
                blockedCalls[index] += 1
                blockedCost[index] += cost
            } else {
                state.admitted[index] += cost
            }
        }
    }

    /// Spend per (key, period) with at least one call, ascending.
    public var periodTotals: [Money] { (finishedTotals + running.values.map(\.total)).sorted() }

    /// The value at percentile `p` (0...100) of the per-period spend, nearest-rank.
    public static func percentile(_ p: Int, of sorted: [Money]) -> Money? {
        guard !sorted.isEmpty else { return nil }
        // Nearest rank: the smallest value with at least p% of the values at or below it.
        let rank = max(1, (p * sorted.count + 99) / 100)
        return sorted[min(sorted.count, rank) - 1]
    }
}
