/// The savings waterfall as an SVG chart (from `savings.csv`'s `waterfall` rows): the baseline bar,
/// one floating bar per policy step in pipeline order, and the final combined bar.
///
/// A step with positive savings is a hatched bar going *down* from the running cost; a step with
/// negative savings (the policy made things dearer) is a cross-hatched bar in another colour going
/// *up*. Dashed connectors carry the running cost from bar to bar. Each bar is labelled with its
/// amount (`-$12.34` saved, `+$5.00` added).
///
/// ## Data attributes
/// - baseline bar: `<rect data-series="baseline" data-x="baseline" data-y="COST">`
/// - each step: `<rect data-series="step" data-index="N" data-x="POLICY" data-y="SAVINGS">`, `N`
///   counting from 1 in input order, `POLICY` the full (escaped) policy name, `SAVINGS` signed as in
///   `savings.csv` (negative = cost increase)
/// - combined bar: `<rect data-series="combined" data-x="combined" data-y="COST">`
///
/// Amounts are exactly `Money.roundedMicroDecimal`. See docs/decisions.md ("Charts").
public struct WaterfallChart: Sendable {
    /// One waterfall row: a policy and what adding it saved.
    public struct Step: Sendable, Hashable {
        /// The policy's name (untrusted: it comes from the policy file).
        public var policy: String
        /// Saving of this step; negative when the policy increased cost.
        public var savings: Money

        public init(policy: String, savings: Money) {
            self.policy = policy
            self.savings = savings
        }
    }

    /// Actual (baseline) cost.
    public var baseline: Money
    /// Steps in pipeline order.
    public var steps: [Step]
    /// Cost with all policies combined.
    public var combined: Money
    /// Chart title.
    public var title: String
    /// Size of the viewBox in pixels.
    public var width: Double = 800
    public var height: Double = 400

    public init(
        baseline: Money, steps: [Step], combined: Money, title: String = "Savings waterfall: baseline to all policies combined"
    ) {
        self.baseline = baseline
        self.steps = steps
        self.combined = combined
        self.title = title
    }

    /// The chart as a standalone SVG document; same input, same bytes.
    public func render() -> String {
        let f = SVGNumber.format
        let hasSaving = steps.contains { $0.savings >= .zero }
        let hasIncrease = steps.contains { $0.savings < .zero }
        var entries: [ChartLegend.Entry] = [
            .init(label: "Baseline (actual cost)", swatch: .box(fill: ChartStyle.blue, stroke: ChartStyle.blue, opacity: nil))
        ]
        if hasSaving {
            entries.append(
                .init(label: "Saving (down)", swatch: .box(fill: "url(#wf-saving)", stroke: ChartStyle.bluishGreen, opacity: nil))
            )
        }
        if hasIncrease {
            entries.append(
                .init(
                    label: "Cost increase (up)",
                    swatch: .box(fill: "url(#wf-increase)", stroke: ChartStyle.vermillion, opacity: nil)))
        }
        entries.append(
            .init(label: "All policies combined", swatch: .box(fill: ChartStyle.skyBlue, stroke: ChartStyle.blue, opacity: nil)))
        let legend = ChartLegend(entries: entries)

        // Running cost after each step.
        var levels = [baseline]
        for step in steps { levels.append(levels[levels.count - 1] - step.savings) }
        let values = (levels + [combined]).map(\.chartDouble)
        let low = min(0, values.min() ?? 0)
        let high = max(0, values.max() ?? 0)
        // Head room above the tallest bar for its amount label.
        let scale = MoneyScale(minimum: low, maximum: high + (high - low) * 0.08)

        let count = steps.count + 2
        let provisionalBand = (width - 120) / Double(count)
        let rotateLabels = provisionalBand < 72
        let names = ["Baseline"] + steps.map(\.policy) + ["Combined"]
        let rotatedWidth =
            names.map {
                SVGText.estimatedWidth(
                    SVGText.fitted($0, width: 130, fontSize: ChartStyle.labelSize), fontSize: ChartStyle.labelSize)
            }.max() ?? 0
        // Slanted labels need their height (sin 35° of their width) under the axis, then the title.
        let labelDepth = rotateLabels ? (rotatedWidth * 0.574 + 20).rounded(.up) : 20
        let frame = ChartFrame(width: width, height: height, legend: legend, yScale: scale, bottomSpace: labelDepth + 32)
        let band = frame.plotWidth / Double(count)
        let barWidth = min(90, band * 0.62)

        var builder = SVGBuilder(width: width, height: height, idPrefix: "waterfall", title: title, description: description)
        builder.open("defs", [])
        ChartStyle.hatchPattern(&builder, id: "wf-saving", color: ChartStyle.bluishGreen, background: "#e3f4ee", crossed: false)
        ChartStyle.hatchPattern(&builder, id: "wf-increase", color: ChartStyle.vermillion, background: "#f2b48c", crossed: true)
        builder.close("defs")
        frame.drawTitle(&builder, title)
        frame.drawLegend(&builder, legend)
        frame.drawMoneyAxis(&builder, scale)

        func centre(_ index: Int) -> Double { frame.plotLeft + (Double(index) + 0.5) * band }

        // Connectors under the bars: the running cost carried from one bar to the next.
        builder.open("g", [("class", "connectors"), ("stroke", ChartStyle.mutedText), ("stroke-dasharray", "3 3")])
        for index in 0..<(count - 1) {
            let level = index < levels.count ? levels[index] : combined
            let y = frame.y(level.chartDouble, scale)
            builder.element(
                "line",
                [
                    ("x1", f(centre(index) + barWidth / 2)), ("y1", f(y)), ("x2", f(centre(index + 1) - barWidth / 2)),
                    ("y2", f(y)),
                ])
        }
        builder.close("g")

        // One amount format for every bar: in full when all fit their band, else whole dollars, else
        // compact (`$1.2M`); mixing formats would make neighbouring amounts hard to compare.
        let amounts: [(sign: String, amount: Money)] =
            [("", baseline)]
            + steps.map { $0.savings < .zero ? ("+", Money(raw: -$0.savings.raw)) : ("-", $0.savings) } + [("", combined)]
        let formats: [(Money) -> String] = [NumberFormatting.dollars, MoneyScale.wholeDollars, MoneyScale.compactDollars]
        let format =
            formats.first { format in
                amounts.allSatisfy {
                    SVGText.estimatedWidth($0.sign + format($0.amount), fontSize: ChartStyle.labelSize) <= band - 2
                }
            } ?? MoneyScale.compactDollars

        builder.open("g", [("class", "bars"), ("stroke-width", "1.5")])
        var labels: [(x: Double, y: Double, text: String)] = []
        func bar(_ index: Int, from: Money, to: Money, attributes: [(StaticString, String)]) {
            let y1 = frame.y(from.chartDouble, scale)
            let y2 = frame.y(to.chartDouble, scale)
            // A zero-height step still shows as a hairline, so no policy silently disappears.
            let top = min(y1, y2)
            let height = max(abs(y1 - y2), 1)
            builder.element(
                "rect",
                attributes + [
                    ("x", f(centre(index) - barWidth / 2)), ("y", f(top)), ("width", f(barWidth)), ("height", f(height)),
                ])
            let text = amounts[index].sign + format(amounts[index].amount)
            labels.append((centre(index), top - 5, text))
        }
        bar(
            0, from: .zero, to: baseline,
            attributes: [
                ("data-series", "baseline"), ("data-x", "baseline"), ("data-y", baseline.roundedMicroDecimal),
                ("fill", ChartStyle.blue),
                ("stroke", ChartStyle.blue),
            ])
        for (offset, step) in steps.enumerated() {
            let increase = step.savings < .zero
            bar(
                offset + 1, from: levels[offset], to: levels[offset + 1],
                attributes: [
                    ("class", increase ? "increase" : "saving"), ("data-series", "step"), ("data-index", String(offset + 1)),
                    ("data-x", step.policy), ("data-y", step.savings.roundedMicroDecimal),
                    ("fill", increase ? "url(#wf-increase)" : "url(#wf-saving)"),
                    ("stroke", increase ? ChartStyle.vermillion : ChartStyle.bluishGreen),
                ])
        }
        bar(
            count - 1, from: .zero, to: combined,
            attributes: [
                ("data-series", "combined"), ("data-x", "combined"), ("data-y", combined.roundedMicroDecimal),
                ("fill", ChartStyle.skyBlue),
                ("stroke", ChartStyle.blue),
            ])
        builder.close("g")

        builder.open(
            "g",
            [("class", "values"), ("font-size", f(ChartStyle.labelSize)), ("fill", ChartStyle.text), ("text-anchor", "middle")])
        for label in labels { builder.element("text", [("x", f(label.x)), ("y", f(label.y))], text: label.text) }
        builder.close("g")

        // Category names: horizontal and shortened to the band when there is room, else slanted.
        builder.open("g", [("class", "x-axis"), ("font-size", f(ChartStyle.labelSize)), ("fill", ChartStyle.text)])
        for (index, name) in names.enumerated() {
            let x = centre(index)
            if rotateLabels {
                let y = frame.plotBottom + 14
                builder.element(
                    "text",
                    [("x", f(x)), ("y", f(y)), ("text-anchor", "end"), ("transform", "rotate(-35 " + f(x) + " " + f(y) + ")")],
                    text: SVGText.fitted(name, width: 130, fontSize: ChartStyle.labelSize))
            } else {
                builder.element(
                    "text", [("x", f(x)), ("y", f(frame.plotBottom + 17)), ("text-anchor", "middle")],
                    text: SVGText.fitted(name, width: band - 6, fontSize: ChartStyle.labelSize))
            }
        }
        builder.close("g")
        frame.drawXAxisTitle(&builder, "Policies in pipeline order", offset: labelDepth + 20)
        return builder.finish()
    }

    /// The accessible description: every step in words.
    private var description: String {
        var text = "Savings waterfall. Baseline " + NumberFormatting.dollars(baseline) + "."
        for step in steps {
            let name = SVGText.label(step.policy, limit: 60)
            if step.savings < .zero {
                text += " " + name + " adds " + NumberFormatting.dollars(Money(raw: -step.savings.raw)) + "."
            } else {
                text += " " + name + " saves " + NumberFormatting.dollars(step.savings) + "."
            }
        }
        text += " All policies combined: " + NumberFormatting.dollars(combined) + " ("
        text += NumberFormatting.percent(baseline - combined, of: baseline) + " saved)."
        return text
    }
}
