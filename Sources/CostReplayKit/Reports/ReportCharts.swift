/// The SVG charts of report.md, built from the same figures as the CSVs they draw: `daily.csv`
/// (daily spend), `savings.csv` (waterfall), `calls.csv` (top users' cumulative spend) and
/// `focus_minutes.csv` (the focus timeline).
enum ReportCharts {
    static let dailyFile = "daily-spend.svg"
    static let waterfallFile = "savings-waterfall.svg"
    static let topUsersFile = "top-users-spend.svg"
    /// Users drawn in the cumulative chart.
    static let topUserCount = 5

    /// Every chart of this run: file name → SVG text.
    static func render(_ result: AnalysisResult) -> [(name: String, svg: String)] {
        var charts: [(String, String)] = []
        charts.append((dailyFile, daily(result).render()))
        if let waterfall = waterfall(result) { charts.append((waterfallFile, waterfall.render())) }
        charts.append((topUsersFile, topUsers(result).render()))
        if let focus = result.focus { charts.append((PostMortemSection.chartFile, timeline(result, focus).render())) }
        return charts
    }

    static func daily(_ result: AnalysisResult) -> DailySpendChart {
        DailySpendChart(
            days: result.spend.days.map {
                DailySpendChart.Day(date: $0.date, actual: $0.totals.cost, counterfactual: $0.totals.counterfactualCost)
            }, timezone: result.timezone)
    }

    static func waterfall(_ result: AnalysisResult) -> WaterfallChart? {
        guard let replay = result.replay, !replay.waterfall.isEmpty else { return nil }
        let baseline = result.spend.total.cost
        return WaterfallChart(
            baseline: baseline,
            steps: replay.waterfallSavings(baseline: baseline).map {
                WaterfallChart.Step(policy: $0.policy.name, savings: $0.savings)
            },
            combined: replay.combined.cost)
    }

    /// The budget the top users' chart draws its limit from: the first user budget with a cost limit.
    static func userBudget(_ result: AnalysisResult) -> BudgetConfig? {
        result.replay?.policySet.budgets.first { $0.scope == .user && $0.maxCost != nil }
    }

    static func topUsers(_ result: AnalysisResult) -> CumulativeSpendChart {
        let budget = userBudget(result)
        let clock = ZoneClock(identifier: budget?.timezone ?? result.timezone) ?? ZoneClock(identifier: "UTC")!
        let users = SpendAggregator.ranked(result.spend.byUser).filter { !$0.key.isEmpty && $0.totals.cost.raw > 0 }
            .prefix(topUserCount)
        let series = users.map { user in
            CumulativeSpendChart.Series(
                label: user.key,
                points: result.userHours.cumulative(user: user.key, budget: budget, clock: clock).map {
                    CumulativeSpendChart.Point(time: $0.time, cumulative: $0.cumulative)
                })
        }
        var chart = CumulativeSpendChart(
            series: series, budgetLimit: budget?.maxCost,
            budgetLabel: budget.map { "\($0.identity.name) limit" })
        if let budget {
            chart.title =
                "Cumulative spend per \(PolicyParameters.periodName(budget.period)), top \(users.count) users, against \(budget.identity.name)"
        } else {
            chart.title = "Cumulative spend of the top \(users.count) users"
        }
        return chart
    }

    static func timeline(_ result: AnalysisResult, _ focus: FocusAggregator) -> SpendTimelineChart {
        let minutes = focus.minutes.keys.sorted().map { minute in
            let totals = focus.minutes[minute]!
            return SpendTimelineChart.Minute(
                minute: Timestamp(micros: minute * 60_000_000), actual: totals.actual, counterfactual: totals.counterfactual)
        }
        var markers: [SpendTimelineChart.Marker] = []
        if let runaway = focus.runaway { markers.append(.init(time: runaway.firstStart, label: "runaway session starts")) }
        if let replay = result.replay {
            for identity in replay.policySet.identities {
                if let stop = replay.focusEffects["isolated:" + identity.name]?.firstStop {
                    markers.append(.init(time: stop.time, label: "\(identity.name) stops it"))
                }
            }
        }
        markers.sort { ($0.time, $0.label) < ($1.time, $1.label) }
        return SpendTimelineChart(subject: focus.target.label, minutes: minutes, markers: markers)
    }
}
