/// The run-rate forecast of a `--period` month from the days seen: the spend so far plus the
/// average day (and, robust to one runaway day, the median day) times the days left.
///
/// Days seen run from the later of the month's first day and the first call's day to the last
/// call's day, in the report's zone; days inside that span without calls count as $0 days.
public struct MonthForecast: Sendable, Equatable {
    public var period: ReportPeriod
    /// Local day numbers of the first and last day seen.
    public var firstDay: Int64
    public var lastDay: Int64
    public var actual: Money
    public var counterfactual: Money
    /// Median daily actual spend over the days seen.
    public var medianDay: Money

    public var daysSeen: Int64 { lastDay - firstDay + 1 }
    /// Days of the month after the last day seen.
    public var daysLeft: Int64 { max(0, period.firstDay + period.dayCount - 1 - lastDay) }
    public var meanDay: Money { Money(raw: actual.raw / Int128(daysSeen)) }
    /// Spend so far plus the mean day for each day left.
    public var forecast: Money { actual + Money(raw: meanDay.raw * Int128(daysLeft)) }
    /// Spend so far plus the median day for each day left.
    public var medianForecast: Money { actual + Money(raw: medianDay.raw * Int128(daysLeft)) }
    /// The combined counterfactual at the same run rate.
    public var counterfactualForecast: Money {
        counterfactual + Money(raw: counterfactual.raw / Int128(daysSeen) * Int128(daysLeft))
    }

    /// nil when the month had no call.
    public init?(period: ReportPeriod, spend: SpendAggregator) {
        let inMonth = spend.byDayNumber.filter { $0.key >= period.firstDay && $0.key < period.firstDay + period.dayCount }
        guard let first = inMonth.keys.min(), let last = inMonth.keys.max() else { return nil }
        self.period = period
        firstDay = first
        lastDay = last
        actual = inMonth.values.reduce(Money.zero) { $0 + $1.cost }
        counterfactual = inMonth.values.reduce(Money.zero) { $0 + $1.counterfactualCost }
        let daily = (first...last).map { inMonth[$0]?.cost ?? .zero }.sorted()
        let middle = daily.count / 2
        medianDay = daily.count % 2 == 1 ? daily[middle] : Money(raw: (daily[middle - 1].raw + daily[middle].raw) / 2)
    }
}
