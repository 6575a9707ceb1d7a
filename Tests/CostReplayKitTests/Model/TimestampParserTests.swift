import XCTest

@testable import CostReplayKit

/// SPEC §3.2: the timestamp grammar, exact to the microsecond.
final class TimestampParserTests: XCTestCase {
    /// 2026-10-01T12:00:00Z in epoch microseconds.
    private let noon: Int64 = 1_790_856_000_000_000

    func testAcceptedTextForms() {
        let cases: [(String, Int64)] = [
            ("2026-10-01T12:00:00Z", noon),
            ("2026-10-01t12:00:00z", noon),
            ("2026-10-01 12:00:00Z", noon),
            ("2026-10-01T12:00:00", noon),
            ("2026-10-01T12:00Z", noon),
            ("2026-10-01T12:00", noon),
            ("2026-10-01 12:00", noon),
            ("2026-10-01T12:00:00.123Z", noon + 123_000),
            ("2026-10-01T12:00:00,5Z", noon + 500_000),
            ("2026-10-01T12:00:00.000001Z", noon + 1),
            ("2026-10-01T12:00:00.123456Z", noon + 123_456),
            ("2026-10-01T12:00:00.1234567891Z", noon + 123_456),
            ("2026-10-01T12:00:00.9999999Z", noon + 999_999),
            ("2026-10-01T12:00:00.5", noon + 500_000),
            ("2026-10-01T14:00:00+02:00", noon),
            ("2026-10-01T14:00:00+0200", noon),
            ("2026-10-01T14:00:00+02", noon),
            ("2026-10-01T14:00+02", noon),
            ("2026-10-01T07:30:00-04:30", noon),
            ("2026-10-01T07:30:00-0430", noon),
            ("2026-10-01T12:00:00+00:00", noon),
            ("2026-10-01T12:00:00-00:00", noon),
            ("2026-10-01T17:45:00.25+05:45", noon + 250_000),
            ("2026-10-01T00:30:00+01:00", 1_790_811_000_000_000),
            ("2024-02-29T00:00:00Z", 1_709_164_800_000_000),
            ("1969-12-31T23:59:59.5Z", -500_000),
            ("1970-01-01T00:00:00Z", 0),
        ]
        for (text, micros) in cases {
            XCTAssertEqual(TimestampParser.parseText(text)?.micros, micros, text)
        }
    }

    func testRejectedTextForms() {
        let rejected = [
            "2026-10-01", "2026-10-01T", "2026-10-01T12", "2026-10-01T12:", "2026-10-01T1:00", "1790856000", "1790856000.5",
            "2026-13-01T00:00:00Z", "2026-00-01T00:00:00Z", "2026-02-30T00:00:00Z", "2025-02-29T00:00:00Z",
            "2026-04-31T00:00:00Z", "2026-10-00T00:00:00Z", "2026-10-01T24:00:00Z", "2026-10-01T12:60:00Z",
            "2026-10-01T12:00:60Z", "2026-10-01T12:00:00Zjunk", "2026-10-01T12:00:00Z ", " 2026-10-01T12:00:00Z",
            "2026-10-01T12:00:00.Z", "2026-10-01T12:00.5Z", "2026-10-01T12:00:00+2:00", "2026-10-01T12:00:00+24:00",
            "2026-10-01T12:00:00+02:60", "2026-10-01T12:00:00+02:0", "2026-10-01T12:00:00 Z", "26-10-01T12:00:00Z",
            "2026-1-01T12:00:00Z", "2026/10/01T12:00:00Z", "2026-10-01X12:00:00Z", "2026-10-01T12:00:00UTC", "", "today",
        ]
        for text in rejected {
            XCTAssertNil(TimestampParser.parseText(text), text)
        }
    }

    func testEpochNumbers() {
        let cases: [(String, Int64)] = [
            ("1790856000", noon),
            ("1790856000.123456789", noon + 123_456),
            ("1790856000.9999999", noon + 999_999),
            ("1.790856e9", noon),
            ("1790856000123", noon + 123_000),
            ("1790856000123.4567", noon + 123_456),
            ("1.790856000123E12", noon + 123_000),
            ("100000000000", 100_000_000_000_000_000),
            ("100000000000.5", 100_000_000_000_500),
            ("99999999999.5", 99_999_999_999_500_000),
            ("0", 0),
            ("-1.5", -1_500_000),
            ("-0.0000005", -1),
            ("-1.0000001", -1_000_001),
            ("-86400", -86_400_000_000),
        ]
        for (text, micros) in cases {
            let parsed = Array(text.utf8).withUnsafeBytes { TimestampParser.parseEpochNumber($0) }
            XCTAssertEqual(parsed?.micros, micros, text)
        }
    }

    func testMillisecondDurations() {
        let cases: [(String, Int64?)] = [
            ("2300", 2_300_000), ("2300.5", 2_300_500), ("0.0015", 1), ("1e3", 1_000_000), ("x", nil),
        ]
        for (text, micros) in cases {
            XCTAssertEqual(Array(text.utf8).withUnsafeBytes { TimestampParser.parseMillisDuration($0) }, micros, text)
        }
    }

    func testISOMillisecondsAndDates() {
        XCTAssertEqual(Timestamp(micros: noon + 123_999).isoMillis, "2026-10-01T12:00:00.123Z")
        XCTAssertEqual(Timestamp(micros: -1).isoMillis, "1969-12-31T23:59:59.999Z")
        XCTAssertEqual(Timestamp(micros: 0).isoMillis, "1970-01-01T00:00:00.000Z")
        XCTAssertEqual(Timestamp(micros: 1_709_164_800_000_000).utcDate, "2024-02-29")
        XCTAssertEqual(Timestamp(micros: -1).epochDay, -1)
    }
}
