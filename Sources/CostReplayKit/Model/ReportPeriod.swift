/// A calendar month of a finance report (`--period YYYY-MM`), in the report's time zone.
public struct ReportPeriod: Sendable, Equatable, Hashable {
    public let year: Int64
    /// 1...12.
    public let month: Int64

    public init?(year: Int64, month: Int64) {
        guard (1...12).contains(month), (1970...9999).contains(year) else { return nil }
        self.init(checked: year, month: month)
    }

    private init(checked year: Int64, month: Int64) {
        self.year = year
        self.month = month
    }

    /// Parses `YYYY-MM` exactly (four-digit year, two-digit month).
    public init?(text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count == 7, bytes[4] == UInt8(ascii: "-") else { return nil }
        func digits(_ range: Range<Int>) -> Int64? {
            var value: Int64 = 0
            for byte in bytes[range] {
                guard (48...57).contains(byte) else { return nil }
                value = value * 10 + Int64(byte - 48)
            }
            return value
        }
        guard let year = digits(0..<4), let month = digits(5..<7) else { return nil }
        self.init(year: year, month: month)
    }

    /// `YYYY-MM`.
    public var label: String {
        let y = String(year)
        return String(repeating: "0", count: max(0, 4 - y.count)) + y + (month < 10 ? "-0" : "-") + String(month)
    }

    /// The month before (December 1969 for January 1970: the comparison month may precede the
    /// months a user can ask for; found by FuzzTimestamp, `--period 1970-01` trapped here).
    public var previous: ReportPeriod {
        month == 1 ? ReportPeriod(checked: year - 1, month: 12) : ReportPeriod(checked: year, month: month - 1)
    }

    public var dayCount: Int64 { CivilDate.daysInMonth(year: year, month: month) }

    /// Local calendar day number (days since 1970-01-01) of the month's first day.
    public var firstDay: Int64 { CivilDate.epochDay(year: year, month: month, day: 1) }

    /// The instants the month starts (inclusive) and ends (exclusive) in `clock`'s zone.
    public func bounds(in clock: ZoneClock) -> (start: Timestamp, end: Timestamp) {
        (clock.instant(localDay: firstDay), clock.instant(localDay: firstDay + dayCount))
    }
}
