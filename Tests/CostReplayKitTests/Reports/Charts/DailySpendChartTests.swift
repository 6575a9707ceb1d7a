import XCTest

@testable import CostReplayKit

/// The daily spend chart: well-formed, every bar and marker carries its `daily.csv` values.
final class DailySpendChartTests: XCTestCase {
    func testBarsAndMarkersCarryTheDailyValuesExactly() {
        let chart = ChartSamples.daily()
        let elements = parseSVG(chart.render())
        let bars = dataElements(elements, series: "actual")
        let markers = dataElements(elements, series: "counterfactual")
        XCTAssertEqual(bars.map(\.name), Array(repeating: "rect", count: chart.days.count))
        XCTAssertEqual(bars.compactMap { $0["data-x"] }, chart.days.map(\.date))
        XCTAssertEqual(bars.compactMap { $0["data-y"] }, chart.days.map(\.actual.roundedMicroDecimal))
        XCTAssertEqual(markers.compactMap { $0["data-x"] }, chart.days.map(\.date))
        XCTAssertEqual(markers.compactMap { $0["data-y"] }, chart.days.map(\.counterfactual.roundedMicroDecimal))
        XCTAssertEqual(dataElements(elements).count, 2 * chart.days.count)
        assertCoordinatesWellFormed(elements)
        // Accessibility: a title and a description that states the totals.
        XCTAssertEqual(elements.first { $0.name == "title" }?.text, chart.title)
        XCTAssertTrue(elements.first { $0.name == "desc" }?.text.contains("30 days") ?? false)
    }

    func testRoundingFollowsTheCSV() {
        let day = DailySpendChart.Day(date: "2026-11-03", actual: usd("0.0000005"), counterfactual: usd("1234567.8912345"))
        let elements = parseSVG(DailySpendChart(days: [day], timezone: "UTC").render())
        XCTAssertEqual(dataElements(elements, series: "actual").first?["data-y"], "0.000001")
        XCTAssertEqual(dataElements(elements, series: "counterfactual").first?["data-y"], "1234567.891235")
    }

    func testEdgeCasesStillRenderValidCharts() {
        let cases: [[DailySpendChart.Day]] = [
            [.init(date: "2026-11-03", actual: usd("12.5"), counterfactual: usd("3"))],
            [
                .init(date: "2026-11-03", actual: .zero, counterfactual: .zero),
                .init(date: "2026-11-04", actual: .zero, counterfactual: .zero),
            ],
            // Counterfactual above actual, a negative day (a refund) and seven-figure spend.
            [
                .init(date: "2026-11-03", actual: usd("10"), counterfactual: usd("25")),
                .init(date: "2026-11-04", actual: usd("-4.25"), counterfactual: usd("-1")),
                .init(date: "2026-11-05", actual: usd("2500000"), counterfactual: usd("1999999.99")),
            ],
        ]
        for days in cases {
            let svg = DailySpendChart(days: days, timezone: "America/New_York").render()
            let elements = parseSVG(svg)
            XCTAssertEqual(
                dataElements(elements, series: "actual").compactMap { $0["data-y"] }, days.map(\.actual.roundedMicroDecimal))
            assertCoordinatesWellFormed(elements)
            XCTAssertFalse(svg.contains("No data"))
        }
        let big = parseSVG(DailySpendChart(days: cases[2], timezone: "UTC").render())
        XCTAssertTrue(big.contains { $0.name == "text" && $0.text == "$2,500,000" })
        XCTAssertTrue(big.contains { $0.name == "text" && $0.text == "-$500,000" })
    }

    func testNoDaysSaysNoData() {
        let svg = DailySpendChart(days: [], timezone: "UTC").render()
        let elements = parseSVG(svg)
        XCTAssertTrue(elements.contains { $0.name == "text" && $0.text == "No data" })
        XCTAssertTrue(dataElements(elements).isEmpty)
    }

    func testHostileDatesAndTimeZoneStayText() {
        for hostile in hostileLabels {
            let day = DailySpendChart.Day(date: hostile, actual: usd("1"), counterfactual: usd("0.5"))
            let svg = DailySpendChart(days: [day, day], timezone: hostile, title: hostile).render()
            let elements = parseSVG(svg)
            assertNeutralized(svg, elements)
            XCTAssertEqual(dataElements(elements, series: "actual").first?["data-x"], xmlRepresentable(hostile))
        }
    }

    func testSameInputSameBytes() {
        XCTAssertEqual(ChartSamples.daily(days: 90).render(), ChartSamples.daily(days: 90).render())
    }

    func testDateLabels() {
        XCTAssertEqual(DailySpendChart.dateLabel("2026-11-03").0, "Nov 3")
        XCTAssertEqual(DailySpendChart.dateLabel("2026-11-03").1, "2026")
        XCTAssertEqual(DailySpendChart.dateLabel("yesterday").0, "yesterday")
        XCTAssertNil(DailySpendChart.dateLabel("2026-13-03").1)
    }
}
