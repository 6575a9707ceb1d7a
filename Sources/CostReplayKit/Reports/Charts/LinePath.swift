/// SVG path data for a polyline of pixel points, thinned to what the screen can show.
///
/// A line with more vertices than the plot has pixel columns (a 10,000-minute timeline on a
/// 700-pixel plot) keeps, per column, its first, lowest, highest and last point in drawing order:
/// every spike stays visible, and the path stays a few tens of kilobytes. The exact values stay in
/// the element's data attributes, so nothing a test checks is lost.
enum LinePath {
    /// `M x y L x y …` through `points` (in x order); thinned when there are more than twice as many
    /// points as pixel columns in `plotWidth`.
    static func data(_ points: [(x: Double, y: Double)], plotWidth: Double) -> String {
        guard !points.isEmpty else { return "" }
        let kept = points.count > Int(plotWidth * 2) ? thinned(points) : points
        let f = SVGNumber.format
        var path = ""
        path.reserveCapacity(kept.count * 14)
        var previous = ""
        for (index, point) in kept.enumerated() {
            let vertex = f(point.x) + " " + f(point.y)
            // After rounding, consecutive equal vertices add nothing but bytes.
            if vertex == previous { continue }
            path += (index == 0 ? "M" : "L") + vertex
            previous = vertex
        }
        return path
    }

    /// First, minimum, maximum and last point of each whole-pixel column, in their original order.
    private static func thinned(_ points: [(x: Double, y: Double)]) -> [(x: Double, y: Double)] {
        var result: [(x: Double, y: Double)] = []
        var start = 0
        while start < points.count {
            let column = points[start].x.rounded(.down)
            var end = start
            var lowest = start
            var highest = start
            while end < points.count && points[end].x.rounded(.down) == column {
                if points[end].y < points[lowest].y { lowest = end }
                if points[end].y > points[highest].y { highest = end }
                end += 1
            }
            for index in Set([start, lowest, highest, end - 1]).sorted() { result.append(points[index]) }
            start = end
        }
        return result
    }
}
