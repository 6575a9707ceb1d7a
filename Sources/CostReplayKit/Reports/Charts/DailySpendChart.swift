/// Daily spend, actual vs. the combined counterfactual, as an SVG chart (from `daily.csv`:
/// `date`, `cost_usd`, `cf_cost_usd`).
///
/// Actual spend is drawn as solid bars, the counterfactual as a dashed line with diamond markers,
/// so the gap between them is the day's saving (or, above the bar, a cost increase).
///
/// ## Data attributes
/// Every data element carries what it draws, so a test can check the chart against the CSV:
/// - each bar: `<rect data-series="actual" data-x="DATE" data-y="COST">`
/// - each marker: `<path data-series="counterfactual" data-x="DATE" data-y="CF_COST">`
///
/// `DATE` is `Day.date` as given (the `daily.csv` text), `COST` is exactly
/// `Money.roundedMicroDecimal` (the CSV's 6-decimal text). Elements appear in input order.
/// See docs/decisions.md ("Charts") for the convention shared by all charts.
public struct DailySpendChart: Sendable {
    /// One day of `daily.csv`.
    public struct Day: Sendable, Hashable {
        /// The date in the report's time zone, `YYYY-MM-DD`.
        public var date: String
        /// Actual spend that day.
        public var actual: Money
        /// Spend that day with all policies combined.
        public var counterfactual: Money

        public init(date: String, actual: Money, counterfactual: Money) {
            self.date = date
            self.actual = actual
            self.counterfactual = counterfactual
        }
    }

    /// Days in date order.
    public var days: [Day]
    /// The `--timezone` the days are in, shown in the x axis title.
    public var timezone: String
    /// Chart title.
    public var title: String
    /// Size of the viewBox in pixels.
    public var width: Double = 800
    public var height: Double = 400

    public init(days: [Day], timezone: String, title: String = "Daily spend: actual vs. with policies") {
        self.days = days
        self.timezone = timezone
        self.title = title
    }

    /// The chart as a standalone SVG document; same input, same bytes.
    public func render() -> String {
        let description = self.description
        guard !days.isEmpty else {
            return ChartFrame.renderEmpty(width: width, height: height, idPrefix: "daily", title: title, description: description)
        }
        let f = SVGNumber.format
        // Beyond about 140 days a band is under 5 px: dashes and markers would only add noise, so the
        // counterfactual becomes a plain line (its per-day elements stay, drawn as points).
        let dense = days.count > 140
        let legend = ChartLegend(entries: [
            .init(label: "Actual spend", swatch: .box(fill: ChartStyle.blue, stroke: ChartStyle.blue, opacity: nil)),
            .init(
                label: "With policies (combined counterfactual)",
                swatch: .line(
                    color: ChartStyle.orange, dash: dense ? "" : "6 3", width: dense ? 2 : 2.5, marker: dense ? nil : .diamond)),
        ])
        let values = days.flatMap { [$0.actual.chartDouble, $0.counterfactual.chartDouble] }
        let scale = MoneyScale(minimum: values.min() ?? 0, maximum: values.max() ?? 0)
        let frame = ChartFrame(width: width, height: height, legend: legend, yScale: scale, bottomSpace: 64)
        var builder = SVGBuilder(width: width, height: height, idPrefix: "daily", title: title, description: description)
        frame.drawTitle(&builder, title)
        frame.drawLegend(&builder, legend)
        frame.drawMoneyAxis(&builder, scale)

        let band = frame.plotWidth / Double(days.count)
        let barWidth = min(40, max(1, band * 0.62))
        let zero = frame.y(0, scale)
        func centre(_ index: Int) -> Double { frame.plotLeft + (Double(index) + 0.5) * band }

        drawDateAxis(&builder, frame: frame, band: band)

        builder.open("g", [("class", "bars"), ("fill", ChartStyle.blue)])
        for (index, day) in days.enumerated() {
            let top = frame.y(day.actual.chartDouble, scale)
            builder.element(
                "rect",
                [
                    ("data-series", "actual"), ("data-x", day.date), ("data-y", day.actual.roundedMicroDecimal),
                    ("x", f(centre(index) - barWidth / 2)), ("y", f(min(top, zero))), ("width", f(barWidth)),
                    ("height", f(abs(zero - top))),
                ])
        }
        builder.close("g")

        // The line first, then its markers on top, so every day's value stays visible.
        var line = ""
        for (index, day) in days.enumerated() {
            line += (index == 0 ? "M" : "L") + f(centre(index)) + " " + f(frame.y(day.counterfactual.chartDouble, scale))
        }
        builder.element(
            "path",
            [
                ("class", "counterfactual-line"), ("d", line), ("fill", "none"), ("stroke", ChartStyle.orange),
                ("stroke-width", dense ? "2" : "2.5"), ("stroke-dasharray", dense ? "none" : "6 3"), ("stroke-linejoin", "round"),
            ])
        let radius = min(4.5, max(1.5, band * 0.3))
        builder.open("g", [("class", "markers"), ("fill", ChartStyle.orange), ("stroke", "#ffffff"), ("stroke-width", "1")])
        for (index, day) in days.enumerated() {
            let y = frame.y(day.counterfactual.chartDouble, scale)
            builder.element(
                "path",
                [
                    ("data-series", "counterfactual"), ("data-x", day.date), ("data-y", day.counterfactual.roundedMicroDecimal),
                    (
                        "d",
                        dense
                            ? "M" + f(centre(index)) + " " + f(y)
                            : MarkerShape.diamond.pathData(x: centre(index), y: y, r: radius)
                    ),
                ])
        }
        builder.close("g")
        frame.drawXAxisTitle(&builder, "Date (" + SVGText.label(timezone, limit: 40) + ")")
        return builder.finish()
    }

    /// Date labels under the bars: every day when they fit, else every 2nd, 5th, 7th, 14th … day;
    /// the year goes on a second line under the first label and where it changes.
    private func drawDateAxis(_ builder: inout SVGBuilder, frame: ChartFrame, band: Double) {
        let f = SVGNumber.format
        let every = [1, 2, 5, 7, 14, 30, 60, 90, 180, 365].first(where: { Double($0) * band >= 52 }) ?? 365
        builder.open(
            "g",
            [
                ("class", "x-axis"), ("font-size", f(ChartStyle.labelSize)), ("fill", ChartStyle.mutedText),
                ("text-anchor", "middle"),
            ])
        var previousYear: String?
        for index in stride(from: 0, to: days.count, by: every) {
            let x = frame.plotLeft + (Double(index) + 0.5) * band
            builder.element(
                "line",
                [
                    ("x1", f(x)), ("y1", f(frame.plotBottom)), ("x2", f(x)), ("y2", f(frame.plotBottom + 4)),
                    ("stroke", ChartStyle.axis),
                ])
            let (label, year) = DailySpendChart.dateLabel(days[index].date)
            builder.element("text", [("x", f(x)), ("y", f(frame.plotBottom + 17))], text: label)
            if let year, year != previousYear {
                builder.element("text", [("x", f(x)), ("y", f(frame.plotBottom + 31))], text: year)
            }
            previousYear = year
        }
        builder.close("g")
    }

    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// `2026-11-03` → (`Nov 3`, `2026`); any other text is shown shortened, without a year.
    static func dateLabel(_ date: String) -> (String, String?) {
        let parts = date.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, let month = Int(parts[1]), let day = Int(parts[2]), (1...12).contains(month),
            parts.allSatisfy({ $0.allSatisfy(\.isASCII) })
        else { return (SVGText.label(date, limit: 10), nil) }
        return (months[month - 1] + " " + String(day), String(parts[0]))
    }

    /// The accessible description: period, day count and both totals.
    private var description: String {
        guard let first = days.first, let last = days.last else { return "No daily spend to show." }
        let actual = days.reduce(Money.zero) { $0 + $1.actual }
        let counterfactual = days.reduce(Money.zero) { $0 + $1.counterfactual }
        return "Daily spend in " + SVGText.label(timezone, limit: 40) + " from " + SVGText.label(first.date, limit: 20) + " to "
            + SVGText.label(last.date, limit: 20) + " (" + String(days.count) + (days.count == 1 ? " day" : " days")
            + "): actual " + NumberFormatting.dollars(actual) + " in total, " + NumberFormatting.dollars(counterfactual)
            + " with all policies combined."
    }
}
