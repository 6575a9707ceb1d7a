/// The layout every chart shares, top to bottom: title, legend, plot (dollar axis on the left), x
/// axis labels and the x axis title. Computed from the content so long tick labels and extra
/// legend rows push the plot instead of overlapping it.
struct ChartFrame {
    let width: Double
    let height: Double
    let plotLeft: Double
    let plotRight: Double
    let plotTop: Double
    let plotBottom: Double

    static let margin = 16.0
    private static let titleBaseline = 26.0

    /// Lays out a `width` × `height` chart whose legend is `legend`, whose y axis labels are those of
    /// `yScale` and which keeps `bottomSpace` pixels under the plot for x labels and the axis title.
    init(width: Double, height: Double, legend: ChartLegend, yScale: MoneyScale, bottomSpace: Double) {
        self.width = width
        self.height = height
        let labelWidth = yScale.ticks.map { SVGText.estimatedWidth($0.label, fontSize: ChartStyle.labelSize) }.max() ?? 0
        // Margin, the rotated "USD" title, the tick labels, a gap before the tick marks.
        plotLeft = (ChartFrame.margin + 16 + labelWidth + 10).rounded()
        plotRight = width - 24
        let legendHeight = legend.height(width: width - 2 * ChartFrame.margin)
        plotTop = ChartFrame.titleBaseline + 14 + legendHeight + (legendHeight > 0 ? 12 : 0)
        plotBottom = height - bottomSpace
    }

    var plotWidth: Double { plotRight - plotLeft }
    var plotHeight: Double { plotBottom - plotTop }

    /// The chart title, shortened to the width of the chart.
    func drawTitle(_ builder: inout SVGBuilder, _ title: String) {
        builder.element(
            "text",
            [
                ("class", "title"), ("x", SVGNumber.format(ChartFrame.margin)), ("y", SVGNumber.format(ChartFrame.titleBaseline)),
                ("font-size", SVGNumber.format(ChartStyle.titleSize)), ("font-weight", "bold"), ("fill", ChartStyle.text),
            ], text: SVGText.fitted(title, width: width - 2 * ChartFrame.margin, fontSize: ChartStyle.titleSize * 1.1))
    }

    /// The legend under the title.
    func drawLegend(_ builder: inout SVGBuilder, _ legend: ChartLegend) {
        legend.render(&builder, left: ChartFrame.margin, top: ChartFrame.titleBaseline + 12, width: width - 2 * ChartFrame.margin)
    }

    /// The y pixel of a dollar value.
    func y(_ value: Double, _ scale: MoneyScale) -> Double { scale.pixel(value, top: plotTop, bottom: plotBottom) }

    /// Horizontal grid lines with dollar labels, the `USD` axis title and a darker $0 line (the base
    /// of every bar and area).
    func drawMoneyAxis(_ builder: inout SVGBuilder, _ scale: MoneyScale) {
        let f = SVGNumber.format
        builder.open("g", [("class", "y-axis"), ("font-size", f(ChartStyle.labelSize)), ("fill", ChartStyle.mutedText)])
        for tick in scale.ticks {
            let y = self.y(tick.value, scale)
            builder.element(
                "line",
                [
                    ("x1", f(plotLeft)), ("y1", f(y)), ("x2", f(plotRight)), ("y2", f(y)),
                    ("stroke", tick.value == 0 ? ChartStyle.axis : ChartStyle.grid), ("stroke-width", "1"),
                ])
            builder.element("text", [("x", f(plotLeft - 6)), ("y", f(y + 4)), ("text-anchor", "end")], text: tick.label)
        }
        let middle = (plotTop + plotBottom) / 2
        builder.element(
            "text",
            [
                ("x", f(ChartFrame.margin + 10)), ("y", f(middle)), ("text-anchor", "middle"),
                ("transform", "rotate(-90 " + f(ChartFrame.margin + 10) + " " + f(middle) + ")"), ("fill", ChartStyle.text),
            ], text: "USD")
        builder.element(
            "line",
            [("x1", f(plotLeft)), ("y1", f(plotTop)), ("x2", f(plotLeft)), ("y2", f(plotBottom)), ("stroke", ChartStyle.axis)])
        builder.close("g")
    }

    /// The x axis title, centred under the plot, `offset` pixels below it (under two lines of tick
    /// labels by default).
    func drawXAxisTitle(_ builder: inout SVGBuilder, _ title: String, offset: Double = 52) {
        builder.element(
            "text",
            [
                ("class", "x-title"), ("x", SVGNumber.format((plotLeft + plotRight) / 2)),
                ("y", SVGNumber.format(plotBottom + offset)),
                ("text-anchor", "middle"), ("font-size", "12"), ("fill", ChartStyle.text),
            ], text: SVGText.fitted(title, width: plotWidth, fontSize: 12))
    }

    /// A `width` × `height` chart with the title and a framed "No data" message: still a valid
    /// image, so a report can reference it whatever the input was.
    static func renderEmpty(width: Double, height: Double, idPrefix: String, title: String, description: String) -> String {
        var builder = SVGBuilder(width: width, height: height, idPrefix: idPrefix, title: title, description: description)
        let frame = ChartFrame(
            width: width, height: height, legend: ChartLegend(entries: []), yScale: MoneyScale(minimum: 0, maximum: 0),
            bottomSpace: 40)
        frame.drawTitle(&builder, title)
        let f = SVGNumber.format
        builder.element(
            "rect",
            [
                ("x", f(margin)), ("y", f(frame.plotTop)), ("width", f(width - 2 * margin)), ("height", f(frame.plotHeight)),
                ("fill", "#f7f7f7"), ("stroke", ChartStyle.grid),
            ])
        builder.element(
            "text",
            [
                ("class", "no-data"), ("x", f(width / 2)), ("y", f((frame.plotTop + frame.plotBottom) / 2 + 6)),
                ("text-anchor", "middle"), ("font-size", "16"), ("fill", ChartStyle.mutedText),
            ], text: "No data")
        return builder.finish()
    }
}
