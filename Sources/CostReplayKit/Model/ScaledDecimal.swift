/// Exact decimal text ⇄ scaled integers, for money, rates and multipliers.
///
/// No binary floating point is involved: `0.30` with scale 12 is exactly 300000000000.
public enum ScaledDecimal {
    /// Parses decimal text (`3`, `-0.25`, `3.75e-1`, `1_000.5` as TOML allows) into an integer of
    /// 10⁻ˢᶜᵃˡᵉ units. Returns nil for malformed text, for values needing more places than `scale`
    /// (unless `roundExcess` is set, which rounds half away from zero), and for overflow.
    public static func parse(_ text: String, scale: Int, roundExcess: Bool = false) -> Int128? {
        var bytes = Array(text.utf8)
        bytes.removeAll { $0 == UInt8(ascii: "_") }
        return bytes.withUnsafeBufferPointer { parse(UnsafeRawBufferPointer($0), scale: scale, roundExcess: roundExcess) }
    }

    /// Parses the decimal text in `bytes`; see `parse(_:scale:roundExcess:)`.
    public static func parse(_ bytes: UnsafeRawBufferPointer, scale: Int, roundExcess: Bool = false) -> Int128? {
        guard let parts = DecimalParts(bytes) else { return nil }
        return parts.scaled(to: scale, roundExcess: roundExcess)
    }

    /// Writes `value / 10^scale` as plain decimal text, trailing zeros removed but keeping at least
    /// `minFractionDigits` fraction digits.
    public static func format(_ value: Int128, scale: Int, minFractionDigits: Int) -> String {
        let negative = value < 0
        let magnitude = value.magnitude
        let divisor = UInt128(pow10(scale))
        let whole = magnitude / divisor
        let fraction = magnitude % divisor
        var digits: [UInt8] = []
        digits.reserveCapacity(scale)
        if fraction == 0 {
            digits = [UInt8](repeating: 48, count: scale)
        } else {
            // Most digits come from one 64-bit remainder; Int128 division is the slow part.
            let low = UInt64(fraction % 1_000_000_000_000_000_000)
            let high = UInt64(fraction / 1_000_000_000_000_000_000)
            let lowText = Array(String(low).utf8)
            let lowDigits = min(scale, 18)
            let highDigits = scale - lowDigits
            if highDigits > 0 {
                let highText = Array(String(high).utf8)
                digits += [UInt8](repeating: 48, count: highDigits - highText.count) + highText
            }
            digits += [UInt8](repeating: 48, count: lowDigits - lowText.count) + lowText
        }
        var keep = digits.count
        while keep > minFractionDigits && digits[keep - 1] == 48 { keep -= 1 }
        var text = negative && (whole != 0 || keep > 0 && digits[..<keep].contains { $0 != 48 }) ? "-" : ""
        text += String(whole)
        if keep > 0 {
            text += "." + String(decoding: digits[..<keep], as: UTF8.self)
        }
        return text
    }

    /// Drops `dropDigits` decimal digits from `value`, rounding half away from zero.
    public static func roundHalfAwayFromZero(_ value: Int128, dropDigits: Int) -> Int128 {
        guard dropDigits > 0 else { return value }
        let divisor = pow10(dropDigits)
        let quotient = value / divisor
        let remainder = value % divisor
        if remainder.magnitude * 2 >= divisor.magnitude {
            return value < 0 ? quotient - 1 : quotient + 1
        }
        return quotient
    }
}

/// The pieces of a decimal number's text: sign, significant digits and a power of ten.
struct DecimalParts {
    var negative: Bool
    /// Decimal digits without leading zeros (may be empty for zero).
    var digits: [UInt8]
    /// value = digits × 10^exponent
    var exponent: Int

    /// Parses `[-+]?digits[.digits][(e|E)[-+]?digits]`.
    init?(_ bytes: UnsafeRawBufferPointer) {
        var index = 0
        let count = bytes.count
        negative = false
        if index < count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
            negative = bytes[index] == UInt8(ascii: "-")
            index += 1
        }
        digits = []
        exponent = 0
        var sawDigit = false
        while index < count, bytes[index] >= 48, bytes[index] <= 57 {
            if !(digits.isEmpty && bytes[index] == 48) { digits.append(bytes[index] - 48) }
            sawDigit = true
            index += 1
        }
        if index < count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            var sawFraction = false
            while index < count, bytes[index] >= 48, bytes[index] <= 57 {
                if !(digits.isEmpty && bytes[index] == 48) { digits.append(bytes[index] - 48) }
                exponent -= 1
                sawFraction = true
                index += 1
            }
            guard sawFraction else { return nil }
        }
        guard sawDigit else { return nil }
        if index < count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            var expNegative = false
            if index < count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
                expNegative = bytes[index] == UInt8(ascii: "-")
                index += 1
            }
            var expValue = 0
            var sawExp = false
            while index < count, bytes[index] >= 48, bytes[index] <= 57 {
                if expValue < 100_000 { expValue = expValue * 10 + Int(bytes[index] - 48) }
                sawExp = true
                index += 1
            }
            guard sawExp else { return nil }
            exponent += expNegative ? -expValue : expValue
        }
        guard index == count else { return nil }
        // Trailing zeros move into the exponent so `digits` stays short.
        while let last = digits.last, last == 0 {
            digits.removeLast()
            exponent += 1
        }
    }

    var isZero: Bool { digits.isEmpty }

    /// The value in 10⁻ˢᶜᵃˡᵉ units, or nil when it needs more places (unless rounding) or overflows.
    func scaled(to scale: Int, roundExcess: Bool) -> Int128? {
        if digits.isEmpty { return 0 }
        let shift = exponent + scale
        var kept = digits
        var roundUp = false
        if shift < 0 {
            let drop = -shift
            if drop > kept.count {
                guard roundExcess else { return nil }
                return 0
            }
            let dropped = kept.suffix(drop)
            kept.removeLast(drop)
            guard roundExcess else { return nil }
            roundUp = (dropped.first ?? 0) >= 5
        }
        guard kept.count + max(shift, 0) <= 38 else { return nil }
        var value: Int128 = 0
        for digit in kept { value = value * 10 + Int128(digit) }
        if shift > 0 { value *= pow10(shift) }
        if roundUp { value += 1 }
        return negative ? -value : value
    }

    /// floor(value × 10^scale) as Int64, for times; nil on overflow.
    func floored(scale: Int) -> Int64? {
        if digits.isEmpty { return 0 }
        let shift = exponent + scale
        var kept = digits
        var hadFraction = false
        if shift < 0 {
            let drop = -shift
            if drop >= kept.count {
                hadFraction = true
                kept = []
            } else {
                hadFraction = kept.suffix(drop).contains { $0 != 0 }
                kept.removeLast(drop)
            }
        }
        guard kept.count + max(shift, 0) <= 18 else { return nil }
        var value: Int64 = 0
        for digit in kept { value = value * 10 + Int64(digit) }
        if shift > 0 { for _ in 0..<shift { value *= 10 } }
        if negative { value = -value - (hadFraction ? 1 : 0) }
        return value
    }

    /// Compares the value with an integer.
    func isGreater(than integer: Int64) -> Bool {
        guard let floored = floored(scale: 0) else { return !negative }
        if floored != integer { return floored > integer }
        // Equal floors: the value is greater exactly when it has a non-zero fraction.
        return scaled(to: 0, roundExcess: false) == nil
    }
}
