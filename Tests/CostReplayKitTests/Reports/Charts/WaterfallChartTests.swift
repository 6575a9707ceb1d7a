import XCTest

@testable import CostReplayKit

/// The savings waterfall: baseline, one bar per step (increases drawn upwards), combined.
final class WaterfallChartTests: XCTestCase {
    func testBarsCarryTheWaterfallRowsExactly() {
        let chart = ChartSamples.waterfall()
        let elements = parseSVG(chart.render())
        XCTAssertEqual(dataElements(elements, series: "baseline").first?["data-y"], "12480.32")
        XCTAssertEqual(dataElements(elements, series: "combined").first?["data-y"], chart.combined.roundedMicroDecimal)
        let steps = dataElements(elements, series: "step")
        XCTAssertEqual(steps.compactMap { $0["data-x"] }, chart.steps.map(\.policy))
        XCTAssertEqual(steps.compactMap { $0["data-y"] }, chart.steps.map(\.savings.roundedMicroDecimal))
        XCTAssertEqual(steps.compactMap { $0["data-index"] }, (1...chart.steps.count).map(String.init))
        XCTAssertEqual(dataElements(elements).count, chart.steps.count + 2)
        assertCoordinatesWellFormed(elements)
    }

    func testCostIncreaseGoesUpInItsOwnStyle() throws {
        let chart = ChartSamples.smallWaterfall()  // loop, route…, prefix_cache (-3.20)
        let elements = parseSVG(chart.render())
        let steps = dataElements(elements, series: "step")
        XCTAssertEqual(steps.map { $0["class"] }, ["saving", "saving", "increase"])
        XCTAssertEqual(steps[2]["data-y"], "-3.2")
        XCTAssertEqual(steps[2]["fill"], "url(#wf-increase)")
        XCTAssertNotEqual(steps[0]["fill"], steps[2]["fill"])
        // The increase bar starts at the previous step's bottom and rises: its bottom edge is
        // level with the route step's bottom edge.
        func bottom(_ element: ParsedElement) throws -> Double {
            try XCTUnwrap(Double(element["y"] ?? "")) + XCTUnwrap(Double(element["height"] ?? ""))
        }
        XCTAssertEqual(try bottom(steps[2]), try bottom(steps[1]), accuracy: 0.02)
        XCTAssertTrue(elements.contains { $0.name == "text" && $0.text == "+$3.20" })
        XCTAssertTrue(elements.contains { $0.name == "text" && $0.text == "-$42.10" })
    }

    func testEdgeCases() {
        let cases = [
            WaterfallChart(baseline: .zero, steps: [], combined: .zero),
            WaterfallChart(baseline: usd("5"), steps: [.init(policy: "loop", savings: .zero)], combined: usd("5")),
            WaterfallChart(baseline: usd("1"), steps: [.init(policy: "route", savings: usd("-3"))], combined: usd("4")),
            WaterfallChart(
                baseline: usd("2450000"), steps: (1...14).map { .init(policy: "policy-\($0)", savings: usd("100000")) },
                combined: usd("1050000")),
        ]
        for chart in cases {
            let elements = parseSVG(chart.render())
            XCTAssertEqual(dataElements(elements).count, chart.steps.count + 2)
            assertCoordinatesWellFormed(elements)
        }
    }

    func testHostilePolicyNamesStayText() {
        let chart = WaterfallChart(
            baseline: usd("100"), steps: hostileLabels.map { .init(policy: $0, savings: usd("5")) }, combined: usd("70"),
            title: hostileLabels[0])
        let svg = chart.render()
        let elements = parseSVG(svg)
        assertNeutralized(svg, elements)
        XCTAssertEqual(dataElements(elements, series: "step").compactMap { $0["data-x"] }, hostileLabels.map(xmlRepresentable))
    }

    func testSameInputSameBytes() {
        XCTAssertEqual(ChartSamples.waterfall().render(), ChartSamples.waterfall().render())
    }
}
