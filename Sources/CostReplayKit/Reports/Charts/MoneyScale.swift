/// A dollar axis with "nice" ticks: multiples of 1, 2 or 5 × 10ⁿ, always including $0.
///
/// Tick labels are built from integers (tick index × 1/2/5 and a power of ten), never from the
/// Double used for pixels, so a tick reads `$0.30`, not `$0.30000000000000004`.
struct MoneyScale {
    /// One tick: its value in dollars (for positioning) and its label (`$1,200`, `$0.05`, `-$5`).
    struct Tick {
        var value: Double
        var label: String
    }

    /// The axis range in dollars; both ends are ticks.
    let lower: Double
    let upper: Double
    let ticks: [Tick]

    /// A scale covering `minimum…maximum` (dollars) and zero with about `targetTickCount` intervals.
    /// An empty or all-zero range becomes $0…$1 so the axis still reads sensibly.
    init(minimum: Double, maximum: Double, targetTickCount: Int = 5) {
        var low = min(0, minimum.isFinite ? minimum : 0)
        var high = max(0, maximum.isFinite ? maximum : 0)
        if high - low < 1e-9 {
            low = min(low, 0)
            high = low + 1
        }
        // Step = mantissa × 10^exponent with mantissa 1, 2 or 5.
        let rawStep = (high - low) / Double(max(1, targetTickCount))
        var exponent = 0
        while rawStep >= pow10Double(exponent + 1) && exponent < 30 { exponent += 1 }
        while rawStep < pow10Double(exponent) && exponent > -30 { exponent -= 1 }
        let fraction = rawStep / pow10Double(exponent)
        // Nearest of 1, 2, 5, 10 (geometric midpoints), so the tick count stays close to the target.
        var mantissa: Int64
        if fraction < 1.5 {
            mantissa = 1
        } else if fraction < 3 {
            mantissa = 2
        } else if fraction < 7 {
            mantissa = 5
        } else {
            mantissa = 1
            exponent += 1
        }
        // Cents are the smallest step a reader cares about unless the amounts are tiny.
        exponent = max(exponent, -6)
        let step = Double(mantissa) * pow10Double(exponent)
        // The tolerance absorbs Double error so a value on a tick does not add a tick beyond it.
        let firstIndex = Int64((low / step + 1e-9).rounded(.down))
        let lastIndex = Int64((high / step - 1e-9).rounded(.up))
        var ticks: [Tick] = []
        for index in firstIndex...max(firstIndex + 1, lastIndex) {
            let units = index * mantissa
            let value = exponent >= 0 ? Double(units) * pow10Double(exponent) : Double(units) / pow10Double(-exponent)
            ticks.append(Tick(value: value, label: MoneyScale.label(units: units, exponent: exponent)))
        }
        self.ticks = ticks
        self.lower = ticks.first!.value
        self.upper = ticks.last!.value
    }

    /// The y pixel of `value` in a plot spanning `top…bottom` (SVG y grows downwards).
    func pixel(_ value: Double, top: Double, bottom: Double) -> Double {
        bottom - (value - lower) / (upper - lower) * (bottom - top)
    }

    /// `units × 10^exponent` dollars as `$1,200`, `$0.05` or `-$5`; at least 2 decimals once there
    /// are any, as money is usually read (`$0.50`, not `$0.5`).
    static func label(units: Int64, exponent: Int) -> String {
        let negative = units < 0
        let magnitude = UInt64(units.magnitude)
        var text: String
        if exponent >= 0 {
            var whole = magnitude
            for _ in 0..<exponent { whole *= 10 }
            text = NumberFormatting.grouped(String(whole))
        } else {
            let decimals = -exponent
            var divisor: UInt64 = 1
            for _ in 0..<decimals { divisor *= 10 }
            var fraction = String(magnitude % divisor)
            fraction = String(repeating: "0", count: decimals - fraction.count) + fraction
            if decimals == 1 { fraction += "0" }
            text = NumberFormatting.grouped(String(magnitude / divisor)) + "." + fraction
        }
        return (negative ? "-$" : "$") + text
    }

    /// Money rounded to whole dollars, half away from zero: `$1,821`, `-$5`.
    static func wholeDollars(_ money: Money) -> String {
        let dollars = ScaledDecimal.roundHalfAwayFromZero(money.raw, dropDigits: Money.scale)
        return (dollars < 0 ? "-$" : "$") + NumberFormatting.grouped(String(dollars.magnitude))
    }

    /// Money as a short label for tight spots: `$1.2M`, `$45.6k`, else `$123.45`.
    static func compactDollars(_ money: Money) -> String {
        let cents = money.roundedToCents
        let magnitude = cents.magnitude
        let sign = cents < 0 ? "-$" : "$"
        // Tenths of a million and of a thousand dollars, rounded half up from cents.
        let tenthsOfMillions = (magnitude + 5_000_000) / 10_000_000
        let tenthsOfThousands = (magnitude + 5_000) / 10_000
        func oneDecimal(_ tenths: UInt128, _ suffix: String) -> String {
            sign + NumberFormatting.grouped(String(tenths / 10)) + "." + String(tenths % 10) + suffix
        }
        if tenthsOfThousands >= 10_000 { return oneDecimal(tenthsOfMillions, "M") }
        if magnitude >= 1_000_000 { return oneDecimal(tenthsOfThousands, "k") }
        return NumberFormatting.dollars(money)
    }
}

/// 10ⁿ as a Double, from an exact integer power where possible.
func pow10Double(_ exponent: Int) -> Double {
    var value = 1.0
    if exponent >= 0 {
        for _ in 0..<exponent { value *= 10 }
    } else {
        for _ in 0..<(-exponent) { value /= 10 }
    }
    return value
}
