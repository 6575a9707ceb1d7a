/// Groups every replayed call by day, user, team, model and session for the spend CSVs and the
/// report. State grows with the number of distinct groups, not of calls.
public struct SpendAggregator: Sendable {
    public private(set) var total = SpendTotals()
    /// By local calendar day (days since 1970-01-01 in the report's time zone).
    public private(set) var byDayNumber: [Int64: SpendTotals] = [:]
    public private(set) var byUser: [String: SpendTotals] = [:]
    public private(set) var byTeam: [String: SpendTotals] = [:]
    public private(set) var byModel: [String: SpendTotals] = [:]
    public private(set) var bySession: [String: SpendTotals] = [:]
    let clock: ZoneClock

    public init(clock: ZoneClock) { self.clock = clock }

    /// Adds one call with its combined-scenario outcome.
    public mutating func add(_ call: ReplayedCall, outcome: CallOutcome) {
        total.add(call, outcome: outcome)
        byDayNumber[clock.localDay(call.record.start), default: SpendTotals()].add(call, outcome: outcome)
        byUser[call.record.user ?? "", default: SpendTotals()].add(call, outcome: outcome)
        byTeam[call.record.team ?? "", default: SpendTotals()].add(call, outcome: outcome)
        byModel[call.pricedModel ?? call.record.model, default: SpendTotals()].add(call, outcome: outcome)
        bySession[call.session ?? "", default: SpendTotals()].add(call, outcome: outcome)
    }

    /// Days as `YYYY-MM-DD` in date order, with their totals.
    public var days: [(date: String, totals: SpendTotals)] {
        byDayNumber.keys.sorted().map { day in
            let (y, m, d) = CivilDate.fromEpochDay(day)
            return (CivilDate.format(year: y, month: m, day: d), byDayNumber[day]!)
        }
    }

    /// Groups ordered by actual cost (descending), then key.
    public static func ranked(_ groups: [String: SpendTotals]) -> [(key: String, totals: SpendTotals)] {
        groups.map { (key: $0.key, totals: $0.value) }.sorted {
            if $0.totals.cost != $1.totals.cost { return $0.totals.cost > $1.totals.cost }
            return $0.key.utf8.lexicographicallyPrecedes($1.key.utf8)
        }
    }
}
