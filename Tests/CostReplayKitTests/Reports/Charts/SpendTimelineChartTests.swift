import XCTest

@testable import CostReplayKit

/// The post-mortem timeline: per-minute lists, markers, large inputs stay small.
final class SpendTimelineChartTests: XCTestCase {
    func testListsAndMarkersCarryTheInputExactly() {
        let chart = ChartSamples.timeline()
        let elements = parseSVG(chart.render())
        let times = chart.minutes.map(\.minute.isoMillis)
        for (series, values) in [
            ("actual", chart.minutes.map(\.actual)), ("counterfactual", chart.minutes.map(\.counterfactual)),
        ] {
            let line = dataElements(elements, series: series)
            XCTAssertEqual(line.count, 1)
            XCTAssertEqual(line.first?["data-count"], String(chart.minutes.count))
            XCTAssertEqual(line.first?["data-x"]?.split(separator: " ").map(String.init), times)
            XCTAssertEqual(line.first?["data-y"]?.split(separator: " ").map(String.init), values.map(\.roundedMicroDecimal))
        }
        let markers = dataElements(elements, series: "marker")
        XCTAssertEqual(markers.compactMap { $0["data-x"] }, chart.markers.map(\.time.isoMillis))
        XCTAssertEqual(markers.compactMap { $0["data-label"] }, chart.markers.map(\.label))
        XCTAssertTrue(elements.contains { $0.name == "text" && $0.text.hasPrefix("2026-11-03 14:32:17 UTC  loop halt") })
        assertCoordinatesWellFormed(elements)
    }

    func testTenThousandMinutesStayUnderOneMegabyte() {
        let chart = ChartSamples.timeline(minutes: 10_000)
        let svg = chart.render()
        XCTAssertLessThan(svg.utf8.count, 1_000_000)
        let elements = parseSVG(svg)
        let actual = dataElements(elements, series: "actual").first
        XCTAssertEqual(actual?["data-count"], String(chart.minutes.count))
        XCTAssertEqual(actual?["data-y"]?.split(separator: " ").count, chart.minutes.count)
        // The drawn path is thinned to the pixel columns.
        XCTAssertLessThan(actual?["d"]?.utf8.count ?? .max, 60_000)
    }

    func testEdgeCases() {
        let t0 = ChartSamples.dayStart
        let cases = [
            SpendTimelineChart(subject: "one", minutes: [.init(minute: t0, actual: usd("2"), counterfactual: usd("3"))]),
            SpendTimelineChart(
                subject: "zeros", minutes: [.init(minute: t0, actual: .zero, counterfactual: .zero)],
                markers: [.init(time: t0.adding(micros: -86_400_000_000), label: "earlier")]),
            SpendTimelineChart(subject: "huge", minutes: [.init(minute: t0, actual: usd("1000000"), counterfactual: usd("-5"))]),
            SpendTimelineChart(
                subject: "many markers", minutes: ChartSamples.timeline(minutes: 30).minutes,
                markers: (0..<40).map {
                    .init(
                        time: ChartSamples.timeline(minutes: 30).minutes[0].minute.adding(micros: Int64($0) * 20_000_000),
                        label: "halt \($0)")
                }),
        ]
        for chart in cases {
            let svg = chart.render()
            let elements = parseSVG(svg)
            XCTAssertEqual(dataElements(elements, series: "marker").count, chart.markers.count)
            XCTAssertEqual(dataElements(elements).count, 2 + chart.markers.count)
            assertCoordinatesWellFormed(elements)
        }
        XCTAssertTrue(cases[3].render().contains("+ 28 more markers"))
    }

    func testNoMinutesSaysNoData() {
        let elements = parseSVG(SpendTimelineChart(subject: "nobody", minutes: [], markers: []).render())
        XCTAssertTrue(elements.contains { $0.name == "text" && $0.text == "No data" })
        XCTAssertTrue(dataElements(elements).isEmpty)
    }

    func testHostileSubjectAndLabelsStayText() {
        let t0 = ChartSamples.dayStart
        for hostile in hostileLabels {
            let chart = SpendTimelineChart(
                subject: hostile, minutes: [.init(minute: t0, actual: usd("1"), counterfactual: usd("1"))],
                markers: [.init(time: t0, label: hostile)])
            let svg = chart.render()
            let elements = parseSVG(svg)
            assertNeutralized(svg, elements)
            XCTAssertEqual(dataElements(elements, series: "marker").first?["data-label"], xmlRepresentable(hostile))
        }
    }

    func testSameInputSameBytes() {
        XCTAssertEqual(ChartSamples.timeline().render(), ChartSamples.timeline().render())
    }
}
