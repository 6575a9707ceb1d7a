@testable import CostReplayKit

/// Small realistic inputs for the chart tests and for looking at the charts
/// (`CHARTS_DUMP_DIR=/tmp/charts swift test --filter SampleChartTests`).
enum ChartSamples {
    /// 2026-11-03T00:00:00Z.
    static let dayStart = Timestamp(micros: 1_793_664_000 * 1_000_000)

    /// A deterministic pseudo-random sequence in 0..<1 (so samples never change).
    struct Noise {
        var state: UInt64
        mutating func next() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 11) / Double(1 << 53)
        }
    }

    static func money(_ dollars: Double) -> Money {
        Money(raw: Int128((dollars * 1_000_000).rounded()) * pow10(18))
    }

    static func daily(days count: Int = 30) -> DailySpendChart {
        var noise = Noise(state: 7)
        var days: [DailySpendChart.Day] = []
        for index in 0..<count {
            let date = Timestamp(micros: dayStart.micros + Int64(index) * Timestamp.microsPerDay).utcDate
            let weekend = CivilDate.weekdayMondayZero(epochDay: dayStart.epochDay + Int64(index)) >= 5
            var actual = (weekend ? 60 : 220) + noise.next() * 140
            if index == 17 { actual = 1_260.48 }
            var counterfactual = actual * (0.55 + noise.next() * 0.15)
            if index == 17 { counterfactual = 240.12 }
            if index == 9 { counterfactual = actual * 1.08 }
            days.append(.init(date: date, actual: money(actual), counterfactual: money(counterfactual)))
        }
        return DailySpendChart(days: days, timezone: "Europe/Berlin")
    }

    static func waterfall() -> WaterfallChart {
        let steps: [WaterfallChart.Step] = [
            .init(policy: "loop", savings: money(1_820.5)),
            .init(policy: "retry", savings: money(310.22)),
            .init(policy: "response_cache", savings: money(640)),
            .init(policy: "route", savings: money(2_950.75)),
            .init(policy: "prefix_cache", savings: money(1_120.1)),
            .init(policy: "compaction", savings: money(-385.4)),
            .init(policy: "output_cap", savings: money(215)),
            .init(policy: "batch", savings: money(480.33)),
            .init(policy: "daily-cap", savings: money(900)),
        ]
        let baseline = money(12_480.32)
        let combined = steps.reduce(baseline) { $0 - $1.savings }
        return WaterfallChart(baseline: baseline, steps: steps, combined: combined)
    }

    static func smallWaterfall() -> WaterfallChart {
        let steps: [WaterfallChart.Step] = [
            .init(policy: "loop", savings: money(42.1)),
            .init(policy: "route-to-haiku-for-small-tasks", savings: money(18.35)),
            .init(policy: "prefix_cache", savings: money(-3.2)),
        ]
        let baseline = money(96.4)
        return WaterfallChart(baseline: baseline, steps: steps, combined: steps.reduce(baseline) { $0 - $1.savings })
    }

    /// Four users over three days against a $50 daily budget: a sawtooth per user.
    static func cumulative() -> CumulativeSpendChart {
        var noise = Noise(state: 11)
        let users = ["alice@example.com", "build-bot", "carol", "dave.ops"]
        let rates = [2.6, 1.9, 1.2, 0.7]  // dollars per call on average
        var series: [CumulativeSpendChart.Series] = []
        for (userIndex, user) in users.enumerated() {
            var points: [CumulativeSpendChart.Point] = []
            for day in 0..<3 {
                var total = 0.0
                var minute = 8 * 60 + Int(noise.next() * 60)
                points.append(.init(time: dayStart.adding(micros: Int64(day) * Timestamp.microsPerDay), cumulative: .zero))
                while minute < 19 * 60 {
                    minute += 10 + Int(noise.next() * 40)
                    total += rates[userIndex] * (0.3 + noise.next() * 1.4)
                    let time = dayStart.adding(micros: (Int64(day) * 1440 + Int64(minute)) * 60_000_000)
                    points.append(.init(time: time, cumulative: money(total)))
                }
            }
            series.append(.init(label: user, points: points))
        }
        return CumulativeSpendChart(series: series, budgetLimit: money(50), budgetLabel: "Daily budget $50.00 per user")
    }

    /// A session that loops from 14:20 and would have been halted at 14:32 and blocked at 15:05.
    static func timeline(minutes count: Int = 180) -> SpendTimelineChart {
        var noise = Noise(state: 3)
        let start = dayStart.adding(micros: 13 * 3_600_000_000 + 50 * 60_000_000)
        var minutes: [SpendTimelineChart.Minute] = []
        for index in 0..<count {
            let minute = start.adding(micros: Int64(index) * 60_000_000)
            // A quiet stretch with no calls at all (missing minutes are $0).
            if (20..<26).contains(index) { continue }
            var actual = 0.05 + noise.next() * 0.25
            if index >= 30 && index < 150 { actual = 1.2 + noise.next() * 2.4 + Double(index - 30) * 0.02 }
            var counterfactual = actual * 0.7
            if index >= 42 { counterfactual = index >= 150 ? actual * 0.7 : 0 }
            minutes.append(.init(minute: minute, actual: money(actual), counterfactual: money(counterfactual)))
        }
        let markers: [SpendTimelineChart.Marker] = [
            .init(time: start.adding(micros: 42 * 60_000_000 + 17_000_000), label: "loop halt (loop: 5 identical tool calls)"),
            .init(time: start.adding(micros: 44 * 60_000_000), label: "budget alert 80% (daily-cap)"),
            .init(time: start.adding(micros: 75 * 60_000_000), label: "budget block (daily-cap, end_session)"),
        ]
        return SpendTimelineChart(subject: "session 7f3a9c2e-agent-refactor", minutes: minutes, markers: markers)
    }
}
