/// Point marker shapes, so series stay distinguishable without colour (black-and-white print,
/// colour-blind readers): each series pairs a colour with a dash pattern and one of these shapes.
enum MarkerShape: CaseIterable {
    case circle, square, triangle, diamond, triangleDown, cross

    /// SVG path data for this shape centred on (`x`, `y`) with half-size `r`; shapes of many points
    /// are concatenated into one `<path>` to keep files small.
    func pathData(x: Double, y: Double, r: Double) -> String {
        let f = SVGNumber.format
        switch self {
        case .circle:
            return "M" + f(x - r) + " " + f(y) + "a" + f(r) + " " + f(r) + " 0 1 0 " + f(2 * r) + " 0a" + f(r) + " "
                + f(r) + " 0 1 0 " + f(-2 * r) + " 0Z"
        case .square:
            let s = r * 0.9
            return "M" + f(x - s) + " " + f(y - s) + "h" + f(2 * s) + "v" + f(2 * s) + "h" + f(-2 * s) + "Z"
        case .triangle:
            return "M" + f(x) + " " + f(y - r * 1.15) + "L" + f(x + r * 1.1) + " " + f(y + r * 0.8) + "H" + f(x - r * 1.1) + "Z"
        case .triangleDown:
            return "M" + f(x) + " " + f(y + r * 1.15) + "L" + f(x + r * 1.1) + " " + f(y - r * 0.8) + "H" + f(x - r * 1.1) + "Z"
        case .diamond:
            let s = r * 1.25
            return "M" + f(x) + " " + f(y - s) + "L" + f(x + s) + " " + f(y) + "L" + f(x) + " " + f(y + s) + "L" + f(x - s) + " "
                + f(y) + "Z"
        case .cross:
            let s = r * 0.45
            return "M" + f(x - s) + " " + f(y - r) + "h" + f(2 * s) + "v" + f(r - s) + "h" + f(r - s) + "v" + f(2 * s) + "h"
                + f(s - r) + "v" + f(r - s) + "h" + f(-2 * s) + "v" + f(s - r) + "h" + f(s - r) + "v" + f(-2 * s) + "h"
                + f(r - s) + "Z"
        }
    }
}
