import Foundation
import XCTest

@testable import CostReplayKit

/// Writes the sample charts as SVG files to look at (PNG via `rsvg-convert`) when
/// `CHARTS_DUMP_DIR` is set; otherwise only checks that every sample parses.
final class SampleChartTests: XCTestCase {
    func testSamplesRenderAndOptionallyDump() throws {
        let hostile = hostileLabels
        let samples: [(String, String)] = [
            ("daily", ChartSamples.daily().render()),
            ("daily-1", ChartSamples.daily(days: 1).render()),
            ("daily-120", ChartSamples.daily(days: 120).render()),
            ("daily-365", ChartSamples.daily(days: 365).render()),
            ("daily-empty", DailySpendChart(days: [], timezone: "UTC").render()),
            ("waterfall", ChartSamples.waterfall().render()),
            ("waterfall-small", ChartSamples.smallWaterfall().render()),
            (
                "waterfall-huge",
                WaterfallChart(
                    baseline: usd("2450000"),
                    steps: [.init(policy: "route", savings: usd("1300000.5")), .init(policy: "loop", savings: usd("-12000"))],
                    combined: usd("1161999.5")
                ).render()
            ),
            ("cumulative", ChartSamples.cumulative().render()),
            (
                "cumulative-hostile",
                CumulativeSpendChart(
                    series: hostile.enumerated().map { index, label in
                        .init(
                            label: label,
                            points: [
                                .init(
                                    time: ChartSamples.dayStart.adding(micros: Int64(index) * 3_600_000_000),
                                    cumulative: usd(String(index * 7 + 3)))
                            ])
                    }, budgetLimit: usd("40"), budgetLabel: hostile[0]
                ).render()
            ),
            ("timeline", ChartSamples.timeline().render()),
            (
                "timeline-many-markers",
                SpendTimelineChart(
                    subject: "user build-bot", minutes: ChartSamples.timeline(minutes: 240).minutes,
                    markers: (0..<20).map {
                        .init(
                            time: ChartSamples.timeline().minutes[40].minute.adding(micros: Int64($0 * $0) * 30_000_000),
                            label: "budget block \($0) (hourly-cap)")
                    }
                ).render()
            ),
            ("timeline-10k", ChartSamples.timeline(minutes: 10_000).render()),
            (
                "timeline-hostile",
                SpendTimelineChart(
                    subject: hostile[4] + hostile[0], minutes: ChartSamples.timeline(minutes: 60).minutes,
                    markers: hostile.enumerated().map {
                        .init(
                            time: ChartSamples.dayStart.adding(micros: 14 * 3_600_000_000 + Int64($0.offset) * 60_000_000),
                            label: $0.element)
                    }
                ).render()
            ),
        ]
        for (_, svg) in samples { _ = parseSVG(svg) }
        guard let directory = ProcessInfo.processInfo.environment["CHARTS_DUMP_DIR"] else { return }
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        for (name, svg) in samples {
            try Data(svg.utf8).write(to: URL(fileURLWithPath: directory + "/" + name + ".svg"))
        }
    }
}
