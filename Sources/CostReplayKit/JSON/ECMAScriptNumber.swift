/// ECMAScript's Number::toString for finite doubles, as RFC 8785 requires for JSON numbers.
public enum ECMAScriptNumber {
    /// Formats the JSON number text `text` (parsed to the nearest double) the way `JSON.stringify`
    /// would. Values out of double range are written as given (RFC 8785 leaves them undefined).
    public static func format(_ text: String) -> String {
        guard let value = Double(text), value.isFinite else { return text }
        return format(value)
    }

    /// Formats a finite double the way `JSON.stringify` would.
    public static func format(_ value: Double) -> String {
        if value == 0 { return "0" }
        let negative = value < 0
        // Swift's description is the shortest round-trip digit string; take its digits and exponent.
        let (digits, pointPosition) = shortestDigits(value.magnitude)
        let k = digits.count
        let n = pointPosition
        var out = negative ? "-" : ""
        if k <= n && n <= 21 {
            out += digits + String(repeating: "0", count: n - k)
        } else if 0 < n && n <= 21 {
            out += String(digits.prefix(n)) + "." + String(digits.dropFirst(n))
        } else if -6 < n && n <= 0 {
            out += "0." + String(repeating: "0", count: -n) + digits
        } else {
            let exponent = n - 1
            out += String(digits.prefix(1))
            if k > 1 { out += "." + String(digits.dropFirst(1)) }
            out += "e" + (exponent >= 0 ? "+" : "-") + String(abs(exponent))
        }
        return out
    }

    /// Shortest digits d₁…d_k and n such that value = 0.d₁…d_k × 10ⁿ.
    static func shortestDigits(_ value: Double) -> (String, Int) {
        let description = value.description  // e.g. "123.45", "1e-07", "1.5e+20", "5e-324"
        var mantissa = description
        var exponent = 0
        if let e = description.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = String(description[..<e])
            exponent = Int(description[description.index(after: e)...]) ?? 0
        }
        var integerPart = mantissa
        var fractionPart = ""
        if let dot = mantissa.firstIndex(of: ".") {
            integerPart = String(mantissa[..<dot])
            fractionPart = String(mantissa[mantissa.index(after: dot)...])
        }
        var digits = integerPart + fractionPart
        var pointPosition = integerPart.count + exponent
        while digits.hasPrefix("0") && digits.count > 1 {
            digits.removeFirst()
            pointPosition -= 1
        }
        while digits.hasSuffix("0") && digits.count > 1 { digits.removeLast() }
        return (digits, pointPosition)
    }
}
