/// Actual spend of every user by UTC hour, for the chart of the top users' cumulative spend
/// against their budget. State grows with users × active hours, not with calls.
public struct UserSpendByHour {
    private var hours = IDTable<(name: String, spend: [Int64: Money])>()
    private var userCount: Int32 = 0

    public init() {}

    mutating func add(_ context: CallContext) {
        guard context.userID >= 0, let user = context.record.user, let cost = context.call.cost else { return }
        let hour = Timestamp.floorDiv(context.record.start.micros, 3_600_000_000)
        hours.modify(context.userID, default: (user, [:])) { $0.spend[hour, default: .zero] += cost }
        userCount = max(userCount, context.userID + 1)
    }

    /// One point of a user's curve: the end of an hour and the spend of the budget period so far.
    public struct Point: Sendable, Equatable {
        public var time: Timestamp
        public var cumulative: Money
    }

    /// The cumulative spend of `user` within each period of `budget` (nil: one period for the whole
    /// run): a $0 point where each period with spend starts (the line restarts there; for the
    /// first period, at the start of the first hour with spend), then one point per hour with
    /// spend, at the hour's end.
    public func cumulative(user: String, budget: BudgetConfig?, clock: ZoneClock) -> [Point] {
        guard let spend = (0..<userCount).lazy.compactMap({ hours[$0] }).first(where: { $0.name == user })?.spend
        else { return [] }
        let rule = budget.map { BudgetRule(config: $0, clock: clock) }
        var points: [Point] = []
        var period: Int64?
        var total = Money.zero
        for hour in spend.keys.sorted() {
            let start = hour * 3_600_000_000
            let bucket = rule?.bucket(start) ?? 0
            if bucket != period {
                let restart =
                    points.isEmpty || rule == nil ? Timestamp(micros: start) : max(rule!.bucketStart(bucket), points.last!.time)
                period = bucket
                total = .zero
                points.append(Point(time: restart, cumulative: .zero))
            }
            total += spend[hour]!
            points.append(Point(time: Timestamp(micros: start + 3_600_000_000), cumulative: total))
        }
        return points
    }
}
