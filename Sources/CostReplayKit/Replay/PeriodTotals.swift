/// Baseline spend of the month before a `--period` month, for the change column of the finance
/// report. Those calls are in the inputs but outside the period: priced, never replayed.
public struct PeriodTotals: Sendable {
    public var calls: Int64 = 0
    public var unpricedCalls: Int64 = 0
    public var cost: Money = .zero
    /// By team, model and cost center ("" for calls without one).
    public var byTeam: [String: Money] = [:]
    public var byModel: [String: Money] = [:]
    public var byCostCenter: [String: Money] = [:]

    public init() {}

    mutating func add(_ call: ReplayedCall) {
        calls += 1
        guard let cost = call.cost else {
            unpricedCalls += 1
            return
        }
        self.cost = self.cost + cost
        byTeam[call.record.team ?? "", default: .zero] += cost
        byModel[call.pricedModel ?? call.record.model, default: .zero] += cost
        byCostCenter[call.record.costCenter ?? "", default: .zero] += cost
    }
}
