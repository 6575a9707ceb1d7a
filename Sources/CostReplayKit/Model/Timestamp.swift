/// A point in time, exact to the microsecond, as microseconds since 1970-01-01T00:00:00Z.
///
/// Kept as an integer so that ordering, durations and budgets never suffer floating-point drift.
public struct Timestamp: Hashable, Comparable, Sendable {
    /// Microseconds since the Unix epoch (UTC).
    public var micros: Int64

    /// Creates a timestamp from microseconds since the Unix epoch.
    public init(micros: Int64) { self.micros = micros }

    /// Microseconds in one second.
    public static let microsPerSecond: Int64 = 1_000_000
    /// Microseconds in one day.
    public static let microsPerDay: Int64 = 86_400_000_000

    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool { lhs.micros < rhs.micros }

    /// This time shifted by a duration in microseconds.
    public func adding(micros delta: Int64) -> Timestamp { Timestamp(micros: micros &+ delta) }

    /// Days since 1970-01-01 of this instant in UTC (floored).
    public var epochDay: Int64 { Self.floorDiv(micros, Self.microsPerDay) }

    /// Floor division that rounds towards negative infinity (times before 1970 stay correct).
    public static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }

    /// `YYYY-MM-DDTHH:MM:SS.mmmZ` (UTC, milliseconds truncated), the time format of every CSV.
    public var isoMillis: String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(24)
        appendISOMillis(to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `isoMillis` as UTF-8 bytes (the ledger writes millions of these).
    public func appendISOMillis(to bytes: inout [UInt8]) {
        let day = epochDay
        let microsOfDay = micros - day * Self.microsPerDay
        let (y, m, d) = CivilDate.fromEpochDay(day)
        let secondsOfDay = microsOfDay / Self.microsPerSecond
        let millis = (microsOfDay % Self.microsPerSecond) / 1000
        if y < 0 || y > 9999 {
            bytes.append(contentsOf: Array(CivilDate.format(year: y, month: m, day: d).utf8))
        } else {
            Self.appendDigits(y, 4, &bytes)
            bytes.append(0x2D)
            Self.appendDigits(m, 2, &bytes)
            bytes.append(0x2D)
            Self.appendDigits(d, 2, &bytes)
        }
        bytes.append(0x54)
        Self.appendDigits(secondsOfDay / 3600, 2, &bytes)
        bytes.append(0x3A)
        Self.appendDigits((secondsOfDay / 60) % 60, 2, &bytes)
        bytes.append(0x3A)
        Self.appendDigits(secondsOfDay % 60, 2, &bytes)
        bytes.append(0x2E)
        Self.appendDigits(millis, 3, &bytes)
        bytes.append(0x5A)
    }

    @inline(__always) static func appendDigits(_ value: Int64, _ width: Int, _ bytes: inout [UInt8]) {
        var divisor: Int64 = 1
        for _ in 1..<width { divisor *= 10 }
        var rest = value
        while divisor > 0 {
            bytes.append(UInt8(48 + (rest / divisor) % 10))
            rest %= divisor
            divisor /= 10
        }
    }

    /// The UTC date `YYYY-MM-DD` of this instant.
    public var utcDate: String {
        let (y, m, d) = CivilDate.fromEpochDay(epochDay)
        return CivilDate.format(year: y, month: m, day: d)
    }

    static func pad(_ value: Int64, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }
}

/// Proleptic Gregorian calendar arithmetic on days since 1970-01-01 (Howard Hinnant's algorithms).
public enum CivilDate {
    /// Days since 1970-01-01 of a calendar date.
    public static func epochDay(year: Int64, month: Int64, day: Int64) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The calendar date of a day count since 1970-01-01.
    public static func fromEpochDay(_ days: Int64) -> (year: Int64, month: Int64, day: Int64) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// Number of days in a month of a year.
    public static func daysInMonth(year: Int64, month: Int64) -> Int64 {
        switch month {
        case 2:
            let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
            return leap ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Day of week of a day count, 0 = Monday … 6 = Sunday.
    public static func weekdayMondayZero(epochDay: Int64) -> Int64 {
        // 1970-01-01 was a Thursday (index 3).
        let r = (epochDay + 3) % 7
        return r < 0 ? r + 7 : r
    }

    /// `YYYY-MM-DD`.
    public static func format(year: Int64, month: Int64, day: Int64) -> String {
        Timestamp.pad(year, 4) + "-" + Timestamp.pad(month, 2) + "-" + Timestamp.pad(day, 2)
    }
}
