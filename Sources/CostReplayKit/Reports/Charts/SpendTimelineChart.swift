/// Minute-by-minute spend of one user, session or team (a post-mortem view), actual vs. the
/// counterfactual, with a vertical marker at each moment a policy would have stopped it.
///
/// Actual spend is a filled area with a solid outline, the counterfactual a dashed line; markers
/// are black dashed verticals with a numbered tag, explained in a key under the axis (labels are
/// log text of any length, so they are listed rather than squeezed into the plot). Minutes missing
/// from the input are drawn as $0. Thousands of minutes are fine: lines are thinned to the pixel
/// columns (`LinePath`), while the data attributes keep every minute.
///
/// ## Data attributes
/// - actual: one `<path data-series="actual" data-count="K" data-x="M1 M2 …" data-y="A1 A2 …">`
/// - counterfactual: the same with `data-series="counterfactual"` and the counterfactual amounts
/// - each marker: `<line data-series="marker" data-index="N" data-x="TIME" data-label="LABEL">`
///
/// One list entry per input minute in input order: `Timestamp.isoMillis` of the minute's start and
/// exactly `Money.roundedMicroDecimal`. `LABEL` is the full (escaped) label. See docs/decisions.md
/// ("Charts").
public struct SpendTimelineChart: Sendable {
    /// Spend in one clock minute.
    public struct Minute: Sendable, Hashable {
        /// The minute's start (UTC).
        public var minute: Timestamp
        public var actual: Money
        public var counterfactual: Money

        public init(minute: Timestamp, actual: Money, counterfactual: Money) {
            self.minute = minute
            self.actual = actual
            self.counterfactual = counterfactual
        }
    }

    /// A moment a policy would have stopped the spend (a loop halt, a budget block …).
    public struct Marker: Sendable, Hashable {
        public var time: Timestamp
        /// What happened, e.g. `loop halt (loop)`; untrusted (policy names come from files).
        public var label: String

        public init(time: Timestamp, label: String) {
            self.time = time
            self.label = label
        }
    }

    /// Who or what is shown, e.g. `session 7f3a…` (untrusted: it comes from the logs).
    public var subject: String
    /// Minutes in time order; absent minutes count as $0.
    public var minutes: [Minute]
    public var markers: [Marker]
    /// Chart title; `Spend per minute: SUBJECT` when nil.
    public var title: String?
    /// Size of the viewBox in pixels; the height grows by one row per listed marker.
    public var width: Double = 800
    public var height: Double = 400

    /// Markers listed in the key; more are still drawn and numbered.
    static let keyLimit = 12

    public init(subject: String, minutes: [Minute], markers: [Marker] = [], title: String? = nil) {
        self.subject = subject
        self.minutes = minutes
        self.markers = markers
        self.title = title
    }

    /// The chart as a standalone SVG document; same input, same bytes.
    public func render() -> String {
        let title = self.title ?? ("Spend per minute: " + subject)
        guard let first = minutes.map(\.minute.micros).min(), let last = minutes.map(\.minute.micros).max() else {
            return ChartFrame.renderEmpty(
                width: width, height: height, idPrefix: "timeline", title: title, description: description)
        }
        let f = SVGNumber.format
        let minute: Int64 = 60 * Timestamp.microsPerSecond
        var entries: [ChartLegend.Entry] = [
            .init(label: "Actual spend", swatch: .box(fill: ChartStyle.skyBlue, stroke: ChartStyle.blue, opacity: "0.5")),
            .init(
                label: "With policies (combined counterfactual)",
                swatch: .line(color: ChartStyle.vermillion, dash: "6 3", width: 2, marker: nil)),
        ]
        if !markers.isEmpty {
            entries.append(
                .init(
                    label: "Policy would stop it (see key)",
                    swatch: .line(color: ChartStyle.black, dash: "4 3", width: 1.5, marker: nil)))
        }
        let legend = ChartLegend(entries: entries)
        let values = minutes.flatMap { [$0.actual.chartDouble, $0.counterfactual.chartDouble] }
        let scale = MoneyScale(minimum: values.min() ?? 0, maximum: values.max() ?? 0)
        let listed = min(markers.count, SpendTimelineChart.keyLimit)
        let keyRows = listed + (markers.count > listed ? 1 : 0)
        let keyHeight = keyRows == 0 ? 0 : Double(keyRows) * 16 + 10
        let totalHeight = height + keyHeight
        let frame = ChartFrame(width: width, height: totalHeight, legend: legend, yScale: scale, bottomSpace: 64 + keyHeight)
        let markerTimes = markers.map(\.time.micros)
        let time = TimeScale(
            start: min(first, markerTimes.min() ?? first), end: max(last + minute, markerTimes.max() ?? last),
            maxTicks: Int(frame.plotWidth / 95))

        var builder = SVGBuilder(width: width, height: totalHeight, idPrefix: "timeline", title: title, description: description)
        frame.drawTitle(&builder, title)
        frame.drawLegend(&builder, legend)
        frame.drawMoneyAxis(&builder, scale)
        time.draw(&builder, frame: frame)

        func x(_ micros: Int64) -> Double { time.pixel(micros, left: frame.plotLeft, right: frame.plotRight) }
        let zero = frame.y(0, scale)
        // Vertices at minute centres; a gap in the minutes drops to $0 for the missing minutes.
        func pixels(_ value: (Minute) -> Money) -> [(x: Double, y: Double)] {
            var result: [(x: Double, y: Double)] = []
            result.reserveCapacity(minutes.count)
            var previous: Int64?
            for entry in minutes {
                let centre = entry.minute.micros + minute / 2
                if let previous, centre - previous > minute {
                    result.append((x(previous + minute), zero))
                    result.append((x(centre - minute), zero))
                }
                result.append((x(centre), frame.y(value(entry).chartDouble, scale)))
                previous = centre
            }
            return result
        }
        let actual = pixels(\.actual)
        let counterfactual = pixels(\.counterfactual)
        let actualPath = LinePath.data(actual, plotWidth: frame.plotWidth)
        let firstX = actual.first?.x ?? frame.plotLeft
        let lastX = actual.last?.x ?? frame.plotLeft
        builder.element(
            "path",
            [
                ("class", "actual-area"),
                ("d", "M" + f(firstX) + " " + f(zero) + "L" + actualPath.dropFirst() + "L" + f(lastX) + " " + f(zero) + "Z"),
                ("fill", ChartStyle.skyBlue), ("fill-opacity", "0.5"), ("stroke", "none"),
            ])
        let timesList = minutes.map(\.minute.isoMillis).joined(separator: " ")
        builder.element(
            "path",
            [
                ("data-series", "actual"), ("data-count", String(minutes.count)), ("data-x", timesList),
                ("data-y", minutes.map(\.actual.roundedMicroDecimal).joined(separator: " ")), ("d", actualPath), ("fill", "none"),
                ("stroke", ChartStyle.blue), ("stroke-width", "1.5"), ("stroke-linejoin", "round"),
            ])
        builder.element(
            "path",
            [
                ("data-series", "counterfactual"), ("data-count", String(minutes.count)), ("data-x", timesList),
                ("data-y", minutes.map(\.counterfactual.roundedMicroDecimal).joined(separator: " ")),
                ("d", LinePath.data(counterfactual, plotWidth: frame.plotWidth)), ("fill", "none"),
                ("stroke", ChartStyle.vermillion),
                ("stroke-width", "2"), ("stroke-dasharray", "6 3"), ("stroke-linejoin", "round"),
            ])
        drawMarkers(&builder, frame: frame, time: time, keyTop: frame.plotBottom + 64)
        frame.drawXAxisTitle(&builder, "Time (UTC)")
        return builder.finish()
    }

    /// Vertical marker lines with numbered tags (staggered in up to three rows when close), and the
    /// key that spells out each number.
    private func drawMarkers(_ builder: inout SVGBuilder, frame: ChartFrame, time: TimeScale, keyTop: Double) {
        guard !markers.isEmpty else { return }
        let f = SVGNumber.format
        builder.open("g", [("class", "markers"), ("font-size", f(ChartStyle.labelSize)), ("text-anchor", "middle")])
        var rowEnds = [Double](repeating: -.infinity, count: 3)
        for (index, marker) in markers.enumerated() {
            let x = time.pixel(marker.time.micros, left: frame.plotLeft, right: frame.plotRight)
            builder.element(
                "line",
                [
                    ("data-series", "marker"), ("data-index", String(index + 1)), ("data-x", marker.time.isoMillis),
                    ("data-label", marker.label), ("x1", f(x)), ("y1", f(frame.plotTop)), ("x2", f(x)),
                    ("y2", f(frame.plotBottom)),
                    ("stroke", ChartStyle.black), ("stroke-width", "1.5"), ("stroke-dasharray", "4 3"),
                ])
        }
        // Tags after all lines, so no marker line crosses another marker's number.
        for index in markers.indices {
            let x = time.pixel(markers[index].time.micros, left: frame.plotLeft, right: frame.plotRight)
            let number = String(index + 1)
            let tagWidth = 8 + Double(number.count) * 7
            let row = rowEnds.firstIndex(where: { $0 < x - tagWidth / 2 - 2 }) ?? 0
            rowEnds[row] = x + tagWidth / 2
            let y = frame.plotTop + 2 + Double(row) * 19
            builder.element(
                "rect",
                [
                    ("x", f(x - tagWidth / 2)), ("y", f(y)), ("width", f(tagWidth)), ("height", "15"), ("rx", "3"),
                    ("fill", "#ffffff"),
                    ("stroke", ChartStyle.black),
                ])
            builder.element(
                "text", [("x", f(x)), ("y", f(y + 11.5)), ("fill", ChartStyle.text), ("font-weight", "bold")], text: number)
        }
        builder.close("g")

        builder.open("g", [("class", "marker-key"), ("font-size", f(ChartStyle.labelSize)), ("fill", ChartStyle.text)])
        for (index, marker) in markers.prefix(SpendTimelineChart.keyLimit).enumerated() {
            let y = keyTop + Double(index) * 16 + 12
            builder.element(
                "text", [("x", f(ChartFrame.margin + 20)), ("y", f(y)), ("text-anchor", "end"), ("font-weight", "bold")],
                text: String(index + 1))
            builder.element(
                "text", [("x", f(ChartFrame.margin + 28)), ("y", f(y))],
                text: marker.time.utcDate + " " + TimeScale.clock(marker.time, seconds: true) + " UTC  "
                    + SVGText.fitted(marker.label, width: width - 2 * ChartFrame.margin - 210, fontSize: ChartStyle.labelSize))
        }
        if markers.count > SpendTimelineChart.keyLimit {
            let y = keyTop + Double(SpendTimelineChart.keyLimit) * 16 + 12
            builder.element(
                "text", [("x", f(ChartFrame.margin + 28)), ("y", f(y)), ("fill", ChartStyle.mutedText)],
                text: "+ " + String(markers.count - SpendTimelineChart.keyLimit) + " more markers")
        }
        builder.close("g")
    }

    /// The accessible description: subject, period, totals, peak minute and the markers.
    private var description: String {
        let subject = SVGText.label(self.subject, limit: 80)
        guard let first = minutes.map(\.minute).min(), let last = minutes.map(\.minute).max() else {
            return "No per-minute spend to show for " + subject + "."
        }
        let actual = minutes.reduce(Money.zero) { $0 + $1.actual }
        let counterfactual = minutes.reduce(Money.zero) { $0 + $1.counterfactual }
        var text = "Minute-by-minute spend of " + subject + " from " + first.isoMillis + " to " + last.isoMillis + ": actual "
        text += NumberFormatting.dollars(actual) + ", with policies " + NumberFormatting.dollars(counterfactual) + "."
        if let peak = minutes.max(by: { $0.actual < $1.actual }) {
            text += " Peak minute " + peak.minute.isoMillis + " at " + NumberFormatting.dollars(peak.actual) + "."
        }
        for (index, marker) in markers.prefix(20).enumerated() {
            text +=
                " Marker " + String(index + 1) + " at " + marker.time.isoMillis + ": " + SVGText.label(marker.label, limit: 80)
                + "."
        }
        if markers.count > 20 { text += " " + String(markers.count - 20) + " more markers." }
        return text
    }
}
