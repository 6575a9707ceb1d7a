/// Parses the timestamp forms of SPEC §3.2 exactly to the microsecond.
public enum TimestampParser {
    /// Parses `YYYY-MM-DD(T|t| )HH:MM[:SS[(.|,)fraction]][Z|z|±HH:MM|±HHMM|±HH]`; no zone means UTC.
    /// Fraction digits past the sixth are truncated. Returns nil for anything else, including a
    /// date without a time.
    public static func parseText(_ bytes: UnsafeRawBufferPointer) -> Timestamp? {
        var reader = DigitReader(bytes: bytes)
        guard let year = reader.digits(4), reader.take(UInt8(ascii: "-")),
            let month = reader.digits(2), reader.take(UInt8(ascii: "-")),
            let day = reader.digits(2)
        else { return nil }
        guard (1...12).contains(month), day >= 1, day <= CivilDate.daysInMonth(year: year, month: month) else { return nil }
        guard reader.take(UInt8(ascii: "T")) || reader.take(UInt8(ascii: "t")) || reader.take(UInt8(ascii: " ")) else {
            return nil
        }
        guard let hour = reader.digits(2), reader.take(UInt8(ascii: ":")), let minute = reader.digits(2),
            hour <= 23, minute <= 59
        else { return nil }
        var second: Int64 = 0
        var fractionMicros: Int64 = 0
        if reader.take(UInt8(ascii: ":")) {
            guard let parsedSecond = reader.digits(2), parsedSecond <= 59 else { return nil }
            second = parsedSecond
            if reader.take(UInt8(ascii: ".")) || reader.take(UInt8(ascii: ",")) {
                var digitsSeen = 0
                while let digit = reader.digit() {
                    if digitsSeen < 6 { fractionMicros = fractionMicros * 10 + digit }
                    digitsSeen += 1
                }
                guard digitsSeen > 0 else { return nil }
                for _ in digitsSeen..<max(digitsSeen, 6) { fractionMicros *= 10 }
            }
        }
        var offsetMinutes: Int64 = 0
        if reader.take(UInt8(ascii: "Z")) || reader.take(UInt8(ascii: "z")) {
            // UTC
        } else if let sign = reader.sign() {
            guard let offsetHours = reader.digits(2), offsetHours <= 23 else { return nil }
            var minutes: Int64 = 0
            if reader.take(UInt8(ascii: ":")) {
                guard let parsed = reader.digits(2) else { return nil }
                minutes = parsed
            } else if !reader.atEnd {
                guard let parsed = reader.digits(2) else { return nil }
                minutes = parsed
            }
            guard minutes <= 59 else { return nil }
            offsetMinutes = sign * (offsetHours * 60 + minutes)
        }
        guard reader.atEnd else { return nil }
        let days = CivilDate.epochDay(year: year, month: month, day: day)
        let seconds = days * 86_400 + hour * 3600 + minute * 60 + second - offsetMinutes * 60
        return Timestamp(micros: seconds * Timestamp.microsPerSecond + fractionMicros)
    }

    /// Parses a JSON number of epoch seconds, or epoch milliseconds when it is greater than 1e11,
    /// exactly from its decimal text and floored to the microsecond.
    public static func parseEpochNumber(_ bytes: UnsafeRawBufferPointer) -> Timestamp? {
        guard let parts = DecimalParts(bytes) else { return nil }
        let isMillis = parts.isGreater(than: 100_000_000_000)
        guard let micros = parts.floored(scale: isMillis ? 3 : 6) else { return nil }
        return Timestamp(micros: micros)
    }

    /// Parses a duration of milliseconds (such as `latency_ms`) exactly into microseconds.
    public static func parseMillisDuration(_ bytes: UnsafeRawBufferPointer) -> Int64? {
        DecimalParts(bytes)?.floored(scale: 3)
    }

    /// Convenience for tests and option parsing.
    public static func parseText(_ text: String) -> Timestamp? {
        var copy = Array(text.utf8)
        return copy.withUnsafeMutableBytes { parseText(UnsafeRawBufferPointer($0)) }
    }
}

/// A cursor over ASCII digits and punctuation.
private struct DigitReader {
    let bytes: UnsafeRawBufferPointer
    var index = 0

    var atEnd: Bool { index == bytes.count }

    mutating func take(_ byte: UInt8) -> Bool {
        guard index < bytes.count, bytes[index] == byte else { return false }
        index += 1
        return true
    }

    mutating func digit() -> Int64? {
        guard index < bytes.count, isDigit(bytes[index]) else { return nil }
        index += 1
        return Int64(bytes[index - 1] - 48)
    }

    mutating func digits(_ count: Int) -> Int64? {
        var value: Int64 = 0
        for _ in 0..<count {
            guard let digit = digit() else { return nil }
            value = value * 10 + digit
        }
        return value
    }

    mutating func sign() -> Int64? {
        if take(UInt8(ascii: "+")) { return 1 }
        if take(UInt8(ascii: "-")) { return -1 }
        return nil
    }
}
