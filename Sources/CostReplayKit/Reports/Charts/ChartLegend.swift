/// A legend laid out in rows between the title and the plot, so it never covers data.
struct ChartLegend {
    /// How an entry's sample is drawn; it repeats the data element's colour *and* its pattern,
    /// dash or marker so the legend works in grey too.
    enum Swatch {
        /// A filled box (bars, areas): `fill` is a colour or `url(#pattern)`.
        case box(fill: String, stroke: String, opacity: String?)
        /// A line sample with an optional marker in its middle.
        case line(color: String, dash: String, width: Double, marker: MarkerShape?)
    }

    struct Entry {
        var label: String
        var swatch: Swatch
    }

    var entries: [Entry]

    private static let swatchWidth = 28.0
    private static let rowHeight = 18.0

    /// Labels as shown: untrusted names shortened so one entry never takes a whole row.
    private var labels: [String] { entries.map { SVGText.fitted($0.label, width: 300, fontSize: ChartStyle.legendSize) } }

    /// Entry positions as (row, x offset from `left`) for a row width of `width`.
    private func positions(width: Double) -> [(row: Int, x: Double)] {
        var result: [(row: Int, x: Double)] = []
        var row = 0
        var x = 0.0
        for label in labels {
            let entryWidth = ChartLegend.swatchWidth + 6 + SVGText.estimatedWidth(label, fontSize: ChartStyle.legendSize) + 16
            if x > 0 && x + entryWidth > width {
                row += 1
                x = 0
            }
            result.append((row, x))
            x += entryWidth
        }
        return result
    }

    /// Height the legend needs for a row width of `width` (0 without entries).
    func height(width: Double) -> Double {
        guard let last = positions(width: width).last else { return 0 }
        return Double(last.row + 1) * ChartLegend.rowHeight
    }

    /// Draws the legend with its first row's centre line at `top + 9`.
    func render(_ builder: inout SVGBuilder, left: Double, top: Double, width: Double) {
        guard !entries.isEmpty else { return }
        let f = SVGNumber.format
        builder.open("g", [("class", "legend"), ("font-size", f(ChartStyle.legendSize)), ("fill", ChartStyle.text)])
        for ((entry, label), position) in zip(zip(entries, labels), positions(width: width)) {
            let x = left + position.x
            let middle = top + Double(position.row) * ChartLegend.rowHeight + 9
            switch entry.swatch {
            case .box(let fill, let stroke, let opacity):
                var attributes: [(StaticString, String)] = [
                    ("x", f(x + 4)), ("y", f(middle - 6)), ("width", "20"), ("height", "12"), ("fill", fill), ("stroke", stroke),
                    ("stroke-width", "1"),
                ]
                if let opacity { attributes.append(("fill-opacity", opacity)) }
                builder.element("rect", attributes)
            case .line(let color, let dash, let width, let marker):
                var attributes: [(StaticString, String)] = [
                    ("d", "M" + f(x) + " " + f(middle) + "H" + f(x + ChartLegend.swatchWidth)), ("fill", "none"),
                    ("stroke", color),
                    ("stroke-width", f(width)),
                ]
                if !dash.isEmpty { attributes.append(("stroke-dasharray", dash)) }
                builder.element("path", attributes)
                if let marker {
                    builder.element(
                        "path",
                        [
                            ("d", marker.pathData(x: x + ChartLegend.swatchWidth / 2, y: middle, r: 4)), ("fill", color),
                            ("stroke", "#ffffff"), ("stroke-width", "1"),
                        ])
                }
            }
            builder.element("text", [("x", f(x + ChartLegend.swatchWidth + 6)), ("y", f(middle + 4))], text: label)
        }
        builder.close("g")
    }
}
