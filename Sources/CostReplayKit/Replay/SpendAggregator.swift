/// Groups every replayed call by day, user, team, model and session for the spend CSVs and the
/// report. State grows with the number of distinct groups, not of calls.
public struct SpendAggregator {
    public private(set) var total = SpendTotals()
    /// By local calendar day (days since 1970-01-01 in the report's time zone).
    public private(set) var byDayNumber: [Int64: SpendTotals] = [:]
    /// Users and sessions by interned id while replaying (no string hashing per call); the
    /// dictionaries below are built from them on demand.
    private var userTotals = IDTable<(name: String, totals: SpendTotals)>()
    private var sessionTotals = IDTable<(name: String, totals: SpendTotals)>()
    private var withoutUser = SpendTotals()
    private var withoutSession = SpendTotals()
    private var userCount: Int32 = 0
    private var sessionCount: Int32 = 0

    /// By user (calls without one under "").
    public var byUser: [String: SpendTotals] { Self.collect(userTotals, count: userCount, missing: withoutUser) }
    public private(set) var byTeam: [String: SpendTotals] = [:]
    public private(set) var byModel: [String: SpendTotals] = [:]
    /// By cost center (the `cost_center` tag, logged or from `--attribution`; "" without one).
    public private(set) var byCostCenter: [String: SpendTotals] = [:]
    /// By session, explicit or inferred (calls without one under "").
    public var bySession: [String: SpendTotals] { Self.collect(sessionTotals, count: sessionCount, missing: withoutSession) }
    let clock: ZoneClock

    public init(clock: ZoneClock) { self.clock = clock }

    /// Adds one call with its combined-scenario outcome, grouping users and sessions by the
    /// context's interned ids.
    public mutating func add(_ context: CallContext, outcome: CallOutcome) {
        let call = context.call
        total.add(call, outcome: outcome)
        byDayNumber[clock.localDay(call.record.start), default: SpendTotals()].add(call, outcome: outcome)
        Self.add(
            call, outcome, id: context.userID, name: call.record.user, to: &userTotals, count: &userCount, missing: &withoutUser)
        byTeam[call.record.team ?? "", default: SpendTotals()].add(call, outcome: outcome)
        byModel[call.pricedModel ?? call.record.model, default: SpendTotals()].add(call, outcome: outcome)
        byCostCenter[call.record.costCenter ?? "", default: SpendTotals()].add(call, outcome: outcome)
        Self.add(
            call, outcome, id: context.sessionID, name: call.session, to: &sessionTotals, count: &sessionCount,
            missing: &withoutSession)
    }

    private static func add(
        _ call: ReplayedCall, _ outcome: CallOutcome, id: Int32, name: String?,
        to table: inout IDTable<(name: String, totals: SpendTotals)>, count: inout Int32,
        missing: inout SpendTotals
    ) {
        guard id >= 0, let name else {
            missing.add(call, outcome: outcome)
            return
        }
        table.modify(id, default: (name, SpendTotals())) { $0.totals.add(call, outcome: outcome) }
        count = max(count, id + 1)
    }

    private static func collect(
        _ table: IDTable<(name: String, totals: SpendTotals)>, count: Int32,
        missing: SpendTotals
    ) -> [String: SpendTotals] {
        var result: [String: SpendTotals] = [:]
        for id in 0..<count { if let entry = table[id] { result[entry.name] = entry.totals } }
        if missing.calls > 0 { result["", default: SpendTotals()] = missing }
        return result
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
