/// Coordinates as SVG text: at most 2 decimals, no exponent, never `-0`.
///
/// Written by hand from a rounded integer rather than with `String(Double)`, whose shortest
/// round-trip form may use exponents and many digits; this keeps files small and byte-identical
/// across runs and platforms.
enum SVGNumber {
    /// `value` rounded half away from zero to hundredths, trailing zeros dropped (`12`, `12.5`, `0.05`).
    /// Non-finite values print as `0` so a degenerate input can never produce invalid SVG.
    static func format(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let scaled = (value * 100).rounded(.toNearestOrAwayFromZero)
        // Far outside any viewBox; clamping keeps the conversion to Int64 safe.
        let clamped = min(max(scaled, -1e15), 1e15)
        let hundredths = Int64(clamped)
        if hundredths == 0 { return "0" }
        let magnitude = hundredths.magnitude
        var text = hundredths < 0 ? "-" : ""
        text += String(magnitude / 100)
        let fraction = magnitude % 100
        if fraction != 0 {
            text += fraction < 10 ? ".0" + String(fraction) : "." + String(fraction % 10 == 0 ? fraction / 10 : fraction)
        }
        return text
    }
}

extension Money {
    /// Dollars as a Double, for pixel coordinates only (every printed amount comes from the exact value).
    var chartDouble: Double { Double(raw) / 1e24 }
}
