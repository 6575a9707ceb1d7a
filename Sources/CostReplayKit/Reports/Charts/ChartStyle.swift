/// Colours, strokes and fill patterns shared by the charts.
///
/// Colours are the Okabe–Ito palette, distinguishable with the common forms of colour blindness.
/// Colour is never the only cue: bars differ by fill pattern (solid, hatched, cross-hatched), lines
/// by dash pattern and marker shape, so a black-and-white print still tells series apart.
enum ChartStyle {
    static let black = "#000000"
    static let orange = "#E69F00"
    static let skyBlue = "#56B4E9"
    static let bluishGreen = "#009E73"
    static let blue = "#0072B2"
    static let vermillion = "#D55E00"
    static let reddishPurple = "#CC79A7"

    static let text = "#1a1a1a"
    static let mutedText = "#4d4d4d"
    static let axis = "#4d4d4d"
    static let grid = "#d9d9d9"

    static let titleSize = 16.0
    static let legendSize = 12.0
    static let labelSize = 11.0

    /// Line series, in order: colour, dash pattern and marker shape change together. Yellow is
    /// left out: it is unreadable as a thin line on white.
    static let seriesColors = [blue, orange, bluishGreen, reddishPurple, vermillion, skyBlue, black]
    static let seriesDashes = ["", "7 4", "2 3", "10 3 2 3", "4 4", "12 4", "1 3"]

    /// Style of the `index`-th line series (cycles when there are more series than styles; the
    /// combination still differs for the first 42).
    static func series(_ index: Int) -> (color: String, dash: String, marker: MarkerShape) {
        let shapes = MarkerShape.allCases
        return (
            seriesColors[index % seriesColors.count], seriesDashes[index % seriesDashes.count], shapes[index % shapes.count]
        )
    }

    /// A fill pattern of diagonal lines in `color` over a pale `background`; `crossed` adds the
    /// other diagonal. `rsvg-convert`, browsers and Inkscape all render `patternTransform`.
    static func hatchPattern(_ builder: inout SVGBuilder, id: String, color: String, background: String, crossed: Bool) {
        builder.open(
            "pattern",
            [
                ("id", id), ("patternUnits", "userSpaceOnUse"), ("width", "7"), ("height", "7"),
                ("patternTransform", "rotate(45)"),
            ])
        builder.element("rect", [("width", "7"), ("height", "7"), ("fill", background)])
        builder.element("line", [("x1", "0"), ("y1", "0"), ("x2", "0"), ("y2", "7"), ("stroke", color), ("stroke-width", "3")])
        if crossed {
            builder.element(
                "line", [("x1", "0"), ("y1", "0"), ("x2", "7"), ("y2", "0"), ("stroke", color), ("stroke-width", "3")])
        }
        builder.close("pattern")
    }
}
