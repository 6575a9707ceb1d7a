/// An exact amount of US dollars, as an integer count of 10⁻²⁴ USD.
///
/// Rates are decimals with at most 12 places per million tokens and multipliers have at most 6
/// places, so every cost of SPEC §5.2 is an exact integer in this unit: nothing is rounded before
/// output.
public struct Money: Hashable, Comparable, Sendable, AdditiveArithmetic {
    /// Count of 10⁻²⁴ USD.
    public var raw: Int128

    /// Decimal places of the unit.
    public static let scale = 24
    /// 10²⁴, one dollar.
    public static let oneDollarRaw: Int128 = pow10(24)

    public init(raw: Int128) { self.raw = raw }

    public static let zero = Money(raw: 0)

    public static func + (lhs: Money, rhs: Money) -> Money { Money(raw: lhs.raw + rhs.raw) }
    public static func - (lhs: Money, rhs: Money) -> Money { Money(raw: lhs.raw - rhs.raw) }
    public static func < (lhs: Money, rhs: Money) -> Bool { lhs.raw < rhs.raw }

    /// A whole or fractional dollar amount from decimal text such as `100` or `2.5`.
    public init?(dollarsText text: String) {
        guard let value = ScaledDecimal.parse(text, scale: Money.scale) else { return nil }
        self.raw = value
    }

    /// The exact value as a plain decimal: no exponent, no trailing zeros (`0.00097875`, `12`).
    public var exactDecimal: String { ScaledDecimal.format(raw, scale: Money.scale, minFractionDigits: 0) }

    /// Appends `exactDecimal` as UTF-8 bytes without building a String (the ledger's hot path).
    public func appendExactDecimal(to bytes: inout [UInt8]) {
        let magnitude = raw.magnitude
        let unit = UInt128(Money.oneDollarRaw)
        let whole = magnitude / unit
        let fraction = magnitude % unit
        if raw < 0 { bytes.append(UInt8(ascii: "-")) }
        bytes.append(contentsOf: String(whole).utf8)
        guard fraction != 0 else { return }
        // 24 fraction digits: 6 from the high part, 18 from the low part, trailing zeros dropped.
        let high = UInt64(fraction / 1_000_000_000_000_000_000)
        let low = UInt64(fraction % 1_000_000_000_000_000_000)
        var digits = [UInt8](repeating: 48, count: 24)
        var value = low
        for index in stride(from: 23, through: 6, by: -1) {
            digits[index] = UInt8(48 + value % 10)
            value /= 10
        }
        value = high
        for index in stride(from: 5, through: 0, by: -1) {
            digits[index] = UInt8(48 + value % 10)
            value /= 10
        }
        var end = 24
        while end > 0 && digits[end - 1] == 48 { end -= 1 }
        bytes.append(UInt8(ascii: "."))
        bytes.append(contentsOf: digits[0..<end])
    }

    /// Rounded to 6 decimals half away from zero, written with at least one decimal (`0.0`, `12.5`).
    public var roundedMicroDecimal: String {
        ScaledDecimal.format(roundedToMicros, scale: 6, minFractionDigits: 1)
    }

    /// Integer count of micro-dollars, rounded half away from zero from the exact value.
    public var roundedToMicros: Int128 { ScaledDecimal.roundHalfAwayFromZero(raw, dropDigits: Money.scale - 6) }

    /// Rounded to cents half away from zero, as integer cents.
    public var roundedToCents: Int128 { ScaledDecimal.roundHalfAwayFromZero(raw, dropDigits: Money.scale - 2) }
}

/// 10ⁿ as Int128.
@inline(__always) public func pow10(_ n: Int) -> Int128 {
    var value: Int128 = 1
    for _ in 0..<n { value *= 10 }
    return value
}
