/// Human number formats for Markdown (SPEC §7.1): `$1,234.56`, `12,345`, `12.5%`.
public enum NumberFormatting {
    /// Dollars rounded to cents half away from zero, with thousands separators.
    public static func dollars(_ money: Money) -> String {
        let cents = money.roundedToCents
        let negative = cents < 0
        let magnitude = cents.magnitude
        let whole = grouped(String(magnitude / 100))
        let fraction = magnitude % 100
        return (negative ? "-$" : "$") + whole + "." + (fraction < 10 ? "0" : "") + String(fraction)
    }

    /// An integer with thousands separators.
    public static func count<T: BinaryInteger>(_ value: T) -> String {
        value < 0 ? "-" + grouped(String(value.magnitude)) : grouped(String(value))
    }

    /// `part / whole` as a percentage with one decimal, rounded half away from zero; `—` when whole is 0.
    public static func percent(_ part: Money, of whole: Money) -> String {
        guard whole.raw != 0 else { return "—" }
        // permille×10 = part × 1000 / whole, rounded half away from zero.
        let scaled = part.raw * 2000 / whole.raw
        let tenths = scaled >= 0 ? (scaled + 1) / 2 : (scaled - 1) / 2
        let negative = tenths < 0
        let magnitude = tenths.magnitude
        return (negative ? "-" : "") + String(magnitude / 10) + "." + String(magnitude % 10) + "%"
    }

    static func grouped(_ digits: String) -> String {
        var result = ""
        for (offset, character) in digits.enumerated() {
            if offset > 0 && (digits.count - offset) % 3 == 0 { result.append(",") }
            result.append(character)
        }
        return result
    }
}
