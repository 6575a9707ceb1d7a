/// Additive totals of a group of calls: what both the baseline and one scenario cost.
public struct SpendTotals: Sendable, Equatable {
    public var calls: Int64 = 0
    public var unpricedCalls: Int64 = 0
    public var inputTokens: Int64 = 0
    public var cacheWriteTokens: Int64 = 0
    public var cacheReadTokens: Int64 = 0
    public var outputTokens: Int64 = 0
    /// Actual cost of the priced calls.
    public var cost: Money = .zero
    /// Combined-scenario cost of the priced calls.
    public var counterfactualCost: Money = .zero
    public var first: Timestamp?
    public var last: Timestamp?

    public init() {}

    /// Savings of the combined scenario.
    public var savings: Money { cost - counterfactualCost }

    /// Adds one call and its combined outcome.
    public mutating func add(_ call: ReplayedCall, outcome: CallOutcome) {
        calls += 1
        inputTokens += call.usage.input
        cacheWriteTokens += call.usage.cacheWrite
        cacheReadTokens += call.usage.cacheRead
        outputTokens += call.usage.output
        if let cost = call.cost {
            self.cost = self.cost + cost
            counterfactualCost = counterfactualCost + (outcome.cost ?? .zero)
        } else {
            unpricedCalls += 1
        }
        let start = call.record.start
        if first == nil || start < first! { first = start }
        if last == nil || start > last! { last = start }
    }
}
