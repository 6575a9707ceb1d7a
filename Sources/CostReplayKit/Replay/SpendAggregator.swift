/// Groups every replayed call by day, user, team, model and session for the spend CSVs and the
/// report. State grows with the number of distinct groups, not of calls.
public struct SpendAggregator: Sendable {
    public private(set) var total = SpendTotals()
    public private(set) var byDay: [String: SpendTotals] = [:]
    public private(set) var byUser: [String: SpendTotals] = [:]
    public private(set) var byTeam: [String: SpendTotals] = [:]
    public private(set) var byModel: [String: SpendTotals] = [:]
    public private(set) var bySession: [String: SpendTotals] = [:]
    let clock: ZoneClock

    public init(clock: ZoneClock) { self.clock = clock }

    /// Adds one call with its combined-scenario outcome.
    public mutating func add(_ call: ReplayedCall, outcome: CallOutcome) {
        total.add(call, outcome: outcome)
        byDay[clock.localDate(call.record.start), default: SpendTotals()].add(call, outcome: outcome)
        byUser[call.record.user ?? "", default: SpendTotals()].add(call, outcome: outcome)
        byTeam[call.record.team ?? "", default: SpendTotals()].add(call, outcome: outcome)
        byModel[call.pricedModel ?? call.record.model, default: SpendTotals()].add(call, outcome: outcome)
        bySession[call.session ?? "", default: SpendTotals()].add(call, outcome: outcome)
    }

    /// Groups ordered by actual cost (descending), then key.
    public static func ranked(_ groups: [String: SpendTotals]) -> [(key: String, totals: SpendTotals)] {
        groups.map { (key: $0.key, totals: $0.value) }.sorted {
            if $0.totals.cost != $1.totals.cost { return $0.totals.cost > $1.totals.cost }
            return $0.key.utf8.lexicographicallyPrecedes($1.key.utf8)
        }
    }
}
