import XCTest

@testable import CostReplayKit

/// Cumulative spend per budget period: one step line per series, every point in its data lists.
final class CumulativeSpendChartTests: XCTestCase {
    func testSeriesListsCarryEveryPointExactly() {
        let chart = ChartSamples.cumulative()
        let elements = parseSVG(chart.render())
        for (index, series) in chart.series.enumerated() {
            let lines = dataElements(elements, series: series.label)
            XCTAssertEqual(lines.count, 1)
            XCTAssertEqual(lines.first?["data-index"], String(index + 1))
            XCTAssertEqual(lines.first?["data-count"], String(series.points.count))
            XCTAssertEqual(lines.first?["data-x"]?.split(separator: " ").map(String.init), series.points.map(\.time.isoMillis))
            XCTAssertEqual(
                lines.first?["data-y"]?.split(separator: " ").map(String.init),
                series.points.map(\.cumulative.roundedMicroDecimal))
        }
        XCTAssertEqual(dataElements(elements, series: "budget-limit").first?["data-y"], "50.0")
        XCTAssertTrue(elements.contains { $0.name == "text" && $0.text == "Daily budget $50.00 per user" })
        assertCoordinatesWellFormed(elements)
    }

    func testEdgeCases() {
        let t0 = ChartSamples.dayStart
        let cases = [
            CumulativeSpendChart(series: [.init(label: "solo", points: [.init(time: t0, cumulative: usd("3.5"))])]),
            CumulativeSpendChart(series: [
                .init(
                    label: "idle",
                    points: [.init(time: t0, cumulative: .zero), .init(time: t0.adding(micros: 1), cumulative: .zero)])
            ]),
            CumulativeSpendChart(
                series: [
                    .init(
                        label: "whale",
                        points: [
                            .init(time: t0, cumulative: usd("10")),
                            .init(time: t0.adding(micros: 86_400_000_000 * 40), cumulative: usd("1500000")),
                        ])
                ],
                budgetLimit: usd("1000000")),
            CumulativeSpendChart(series: [
                .init(label: "empty", points: []), .init(label: "one", points: [.init(time: t0, cumulative: usd("1"))]),
            ]),
        ]
        for chart in cases {
            let svg = chart.render()
            let elements = parseSVG(svg)
            XCTAssertFalse(svg.contains("No data"))
            XCTAssertEqual(dataElements(elements).count, chart.series.count + (chart.budgetLimit == nil ? 0 : 1))
            assertCoordinatesWellFormed(elements)
        }
    }

    func testNoPointsSaysNoData() {
        for chart in [
            CumulativeSpendChart(series: []),
            CumulativeSpendChart(series: [.init(label: "a", points: [])], budgetLimit: usd("5")),
        ] {
            let elements = parseSVG(chart.render())
            XCTAssertTrue(elements.contains { $0.name == "text" && $0.text == "No data" })
            XCTAssertTrue(dataElements(elements).isEmpty)
        }
    }

    func testHostileLabelsStayText() {
        let t0 = ChartSamples.dayStart
        let chart = CumulativeSpendChart(
            series: hostileLabels.map {
                .init(
                    label: $0,
                    points: [
                        .init(time: t0, cumulative: usd("1")), .init(time: t0.adding(micros: 60_000_000), cumulative: usd("2")),
                    ])
            },
            budgetLimit: usd("3"), budgetLabel: hostileLabels[0], title: hostileLabels[5])
        let svg = chart.render()
        let elements = parseSVG(svg)
        assertNeutralized(svg, elements)
        XCTAssertEqual(
            dataElements(elements).compactMap { $0["data-series"] }, hostileLabels.map(xmlRepresentable) + ["budget-limit"])
    }

    func testSameInputSameBytes() {
        XCTAssertEqual(ChartSamples.cumulative().render(), ChartSamples.cumulative().render())
    }
}
