/// Cumulative spend of the top users (or teams, keys) within each budget period, against the
/// budget limit, as an SVG chart.
///
/// Each series is a step line: it rises at each call and falls back at each period start (the
/// caller supplies a point with the reset value there), so a daily budget gives a sawtooth. Series
/// differ by colour, dash pattern and marker shape; the limit is a thick black dash-dot line.
///
/// ## Data attributes
/// - each series: one `<path data-series="LABEL" data-index="N" data-count="K" data-x="T1 T2 …"
///   data-y="C1 C2 …">`: `LABEL` the full (escaped) series label, `N` its position from 1, and one
///   space-separated entry per input point, in input order: `Timestamp.isoMillis` and
///   `Money.roundedMicroDecimal`
/// - the limit: `<line data-series="budget-limit" data-y="LIMIT">`
///
/// See docs/decisions.md ("Charts").
public struct CumulativeSpendChart: Sendable {
    /// Cumulative spend of one series at one time (after the call that ended then).
    public struct Point: Sendable, Hashable {
        public var time: Timestamp
        public var cumulative: Money

        public init(time: Timestamp, cumulative: Money) {
            self.time = time
            self.cumulative = cumulative
        }
    }

    /// One user's (or team's …) cumulative spend, points in time order.
    public struct Series: Sendable, Hashable {
        /// The user name or key (untrusted: it comes from the logs).
        public var label: String
        public var points: [Point]

        public init(label: String, points: [Point]) {
            self.label = label
            self.points = points
        }
    }

    public var series: [Series]
    /// The budget's per-period limit, drawn as a horizontal line.
    public var budgetLimit: Money?
    /// How the limit is named in the legend and on the line (default `Budget limit $X`).
    public var budgetLabel: String?
    /// Chart title.
    public var title: String
    /// Size of the viewBox in pixels.
    public var width: Double = 800
    public var height: Double = 400

    public init(
        series: [Series], budgetLimit: Money? = nil, budgetLabel: String? = nil,
        title: String = "Cumulative spend within each budget period, top users"
    ) {
        self.series = series
        self.budgetLimit = budgetLimit
        self.budgetLabel = budgetLabel
        self.title = title
    }

    /// The chart as a standalone SVG document; same input, same bytes.
    public func render() -> String {
        let allPoints = series.flatMap(\.points)
        guard let firstTime = allPoints.map(\.time.micros).min(), let lastTime = allPoints.map(\.time.micros).max() else {
            return ChartFrame.renderEmpty(
                width: width, height: height, idPrefix: "cumulative", title: title, description: description)
        }
        let f = SVGNumber.format
        let limitLabel = budgetLimit.map { budgetLabel ?? ("Budget limit " + NumberFormatting.dollars($0)) }
        var entries: [ChartLegend.Entry] = series.enumerated().map { index, series in
            let style = ChartStyle.series(index)
            return .init(label: series.label, swatch: .line(color: style.color, dash: style.dash, width: 2, marker: style.marker))
        }
        if let limitLabel {
            entries.append(
                .init(label: limitLabel, swatch: .line(color: ChartStyle.black, dash: "12 3 3 3", width: 2.5, marker: nil)))
        }
        let legend = ChartLegend(entries: entries)
        var values = allPoints.map(\.cumulative.chartDouble)
        if let budgetLimit { values.append(budgetLimit.chartDouble) }
        let high = values.max() ?? 0
        let low = values.min() ?? 0
        // Head room so the limit's label above its line stays inside the plot.
        let scale = MoneyScale(minimum: low, maximum: high + (high - min(0, low)) * 0.06)
        let frame = ChartFrame(width: width, height: height, legend: legend, yScale: scale, bottomSpace: 64)
        let time = TimeScale(start: firstTime, end: lastTime, maxTicks: Int(frame.plotWidth / 95))

        var builder = SVGBuilder(width: width, height: height, idPrefix: "cumulative", title: title, description: description)
        frame.drawTitle(&builder, title)
        frame.drawLegend(&builder, legend)
        frame.drawMoneyAxis(&builder, scale)
        time.draw(&builder, frame: frame)

        for (index, series) in series.enumerated() {
            let style = ChartStyle.series(index)
            // Step after: the total holds until the next call changes it (or a period resets it).
            var pixels: [(x: Double, y: Double)] = []
            pixels.reserveCapacity(series.points.count * 2)
            for point in series.points {
                let px = time.pixel(point.time.micros, left: frame.plotLeft, right: frame.plotRight)
                if let last = pixels.last { pixels.append((px, last.y)) }
                pixels.append((px, frame.y(point.cumulative.chartDouble, scale)))
            }
            var attributes: [(StaticString, String)] = [
                ("data-series", series.label), ("data-index", String(index + 1)), ("data-count", String(series.points.count)),
                ("data-x", series.points.map(\.time.isoMillis).joined(separator: " ")),
                ("data-y", series.points.map(\.cumulative.roundedMicroDecimal).joined(separator: " ")),
                ("d", LinePath.data(pixels, plotWidth: frame.plotWidth)), ("fill", "none"), ("stroke", style.color),
                ("stroke-width", "2"),
                ("stroke-linejoin", "round"),
            ]
            if !style.dash.isEmpty { attributes.append(("stroke-dasharray", style.dash)) }
            builder.element("path", attributes)
            builder.element(
                "path",
                [
                    ("class", "markers"),
                    ("d", markerPath(series.points, shape: style.marker, frame: frame, time: time, scale: scale)),
                    ("fill", style.color), ("stroke", "#ffffff"), ("stroke-width", "1"),
                ])
        }

        if let budgetLimit, let limitLabel {
            let y = frame.y(budgetLimit.chartDouble, scale)
            builder.element(
                "line",
                [
                    ("data-series", "budget-limit"), ("data-y", budgetLimit.roundedMicroDecimal), ("x1", f(frame.plotLeft)),
                    ("y1", f(y)),
                    ("x2", f(frame.plotRight)), ("y2", f(y)), ("stroke", ChartStyle.black), ("stroke-width", "2.5"),
                    ("stroke-dasharray", "12 3 3 3"),
                ])
            // White halo behind the text keeps it legible where it crosses a series.
            builder.element(
                "text",
                [
                    ("x", f(frame.plotRight - 4)), ("y", f(y - 6)), ("text-anchor", "end"),
                    ("font-size", f(ChartStyle.labelSize)),
                    ("font-weight", "bold"), ("fill", ChartStyle.text), ("stroke", "#ffffff"), ("stroke-width", "3"),
                    ("paint-order", "stroke"),
                ], text: SVGText.fitted(limitLabel, width: 300, fontSize: ChartStyle.labelSize * 1.1))
        }
        frame.drawXAxisTitle(&builder, "Time (UTC)")
        return builder.finish()
    }

    /// Marker shapes on the series' points: all of them when few, else about a dozen spread evenly,
    /// enough to identify the series in grey without hiding the line.
    private func markerPath(_ points: [Point], shape: MarkerShape, frame: ChartFrame, time: TimeScale, scale: MoneyScale)
        -> String
    {
        guard !points.isEmpty else { return "" }
        let every = points.count <= 40 ? 1 : (points.count + 11) / 12
        var path = ""
        for index in stride(from: 0, to: points.count, by: every) {
            let point = points[index]
            path += shape.pathData(
                x: time.pixel(point.time.micros, left: frame.plotLeft, right: frame.plotRight),
                y: frame.y(point.cumulative.chartDouble, scale),
                r: 3.5)
        }
        return path
    }

    /// The accessible description: the series, their peaks, the period and the limit.
    private var description: String {
        let all = series.flatMap(\.points)
        guard let first = all.map(\.time).min(), let last = all.map(\.time).max() else {
            return "No cumulative spend to show."
        }
        var text = "Cumulative spend within each budget period from " + first.isoMillis + " to " + last.isoMillis + "."
        for series in series {
            let peak = series.points.map(\.cumulative).max() ?? .zero
            text += " " + SVGText.label(series.label, limit: 60) + " peaks at " + NumberFormatting.dollars(peak) + "."
        }
        if let budgetLimit { text += " Budget limit " + NumberFormatting.dollars(budgetLimit) + " per period." }
        return text
    }
}
