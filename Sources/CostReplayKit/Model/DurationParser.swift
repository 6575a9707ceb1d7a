/// Durations written as `90s`, `15m`, `1h`, `2d` (also `500ms`), as microseconds.
public enum DurationParser {
    public static func parse(_ text: String) -> Int64? {
        let units: [(String, Int64)] = [
            ("ms", 1000), ("s", 1_000_000), ("m", 60_000_000), ("h", 3_600_000_000),
            ("d", 86_400_000_000), ("w", 604_800_000_000),
        ]
        for (suffix, factor) in units where text.hasSuffix(suffix) {
            let number = text.dropLast(suffix.count)
            guard !number.isEmpty, number.allSatisfy(\.isASCIIDigitChar), let value = Int64(number) else { continue }
            let (product, overflow) = value.multipliedReportingOverflow(by: factor)
            return overflow ? nil : product
        }
        return nil
    }
}
