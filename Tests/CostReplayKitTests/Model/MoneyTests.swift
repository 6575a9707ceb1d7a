import XCTest

@testable import CostReplayKit

/// SPEC §5.2–§5.3: money is exact; calls.csv writes it in full, every other figure is rounded to
/// micro-dollars half away from zero with at least one decimal.
final class MoneyTests: XCTestCase {
    func testExactDecimalHasNoTrailingZerosAndNoExponent() {
        let cases: [(String, String)] = [
            ("12.500", "12.5"), ("0.00097875", "0.00097875"), ("12", "12"), ("0", "0"), ("0.000", "0"), ("-0.5", "-0.5"),
            ("1000000", "1000000"), ("1e-7", "0.0000001"), ("2.5E3", "2500"),
            ("0.000000000000000000000001", "0.000000000000000000000001"),
        ]
        for (input, expected) in cases {
            XCTAssertEqual(dollars(input).exactDecimal, expected, input)
        }
        XCTAssertEqual(Money(raw: 1).exactDecimal, "0.000000000000000000000001")
        XCTAssertEqual(Money(raw: -1).exactDecimal, "-0.000000000000000000000001")
    }

    func testRoundedMicroDecimalRoundsHalfAwayFromZero() {
        let cases: [(String, String)] = [
            ("0", "0.0"), ("3", "3.0"), ("12.5", "12.5"), ("0.0000005", "0.000001"), ("-0.0000005", "-0.000001"),
            ("0.00000049999", "0.0"), ("-0.0000004", "0.0"), ("0.0000015", "0.000002"), ("-0.0000015", "-0.000002"),
            ("1.2345675", "1.234568"), ("-1.2345675", "-1.234568"), ("1.23456749999", "1.234567"), ("2.0000004999", "2.0"),
            ("140.4199765", "140.419977"), ("-2.5000005", "-2.500001"), ("0.999999500", "1.0"), ("-0.9999995", "-1.0"),
            ("123456.1", "123456.1"),
        ]
        for (input, expected) in cases {
            XCTAssertEqual(dollars(input).roundedMicroDecimal, expected, input)
        }
    }

    func testRoundedToCents() {
        XCTAssertEqual(dollars("1.005").roundedToCents, 101)
        XCTAssertEqual(dollars("-1.005").roundedToCents, -101)
        XCTAssertEqual(dollars("1.00499").roundedToCents, 100)
        XCTAssertEqual(dollars("0").roundedToCents, 0)
    }

    func testArithmeticIsExact() {
        var total = Money.zero
        for _ in 0..<10 { total = total + dollars("0.1") }
        XCTAssertEqual(total, dollars("1"))
        XCTAssertEqual((dollars("0.3") - dollars("0.1")).exactDecimal, "0.2")
        XCTAssertLessThan(dollars("0.1"), dollars("0.100000000000000000000001"))
    }

    func testMalformedDollarTextIsRejected() {
        for text in ["", "abc", "1.2.3", "1.", ".5", "--1", "1e", "0.0000000000000000000000001"] {
            XCTAssertNil(Money(dollarsText: text), text)
        }
    }

    func testScaledDecimalParsing() {
        XCTAssertEqual(ScaledDecimal.parse("3.75e-1", scale: 12), 375_000_000_000)
        XCTAssertEqual(ScaledDecimal.parse("1_000.5", scale: 12), 1_000_500_000_000_000)
        XCTAssertEqual(ScaledDecimal.parse("-0.25", scale: 2), -25)
        XCTAssertEqual(ScaledDecimal.parse("+7", scale: 0), 7)
        XCTAssertEqual(ScaledDecimal.parse("0.30", scale: 12), 300_000_000_000)
        XCTAssertNil(ScaledDecimal.parse("0.001", scale: 2))
        XCTAssertEqual(ScaledDecimal.parse("0.005", scale: 2, roundExcess: true), 1)
        XCTAssertEqual(ScaledDecimal.parse("-0.005", scale: 2, roundExcess: true), -1)
        XCTAssertEqual(ScaledDecimal.parse("0.0049", scale: 2, roundExcess: true), 0)
        XCTAssertNil(ScaledDecimal.parse("1e40", scale: 0))
    }

    func testScaledDecimalFormatting() {
        XCTAssertEqual(ScaledDecimal.format(-5, scale: 2, minFractionDigits: 0), "-0.05")
        XCTAssertEqual(ScaledDecimal.format(0, scale: 6, minFractionDigits: 1), "0.0")
        XCTAssertEqual(ScaledDecimal.format(1_500_000, scale: 6, minFractionDigits: 1), "1.5")
        XCTAssertEqual(ScaledDecimal.format(1_500_000, scale: 6, minFractionDigits: 3), "1.500")
        XCTAssertEqual(ScaledDecimal.format(42, scale: 0, minFractionDigits: 0), "42")
    }
}

/// The ledger's byte formatter must print exactly what `exactDecimal` prints.
final class MoneyBytesTests: XCTestCase {
    func testAppendExactDecimalMatchesExactDecimal() {
        let samples: [Int128] = [
            0, 1, -1, 10, 999_999, Money.oneDollarRaw, -Money.oneDollarRaw, 1_234_567_890_123_456_789_012_345,
            Money.oneDollarRaw * 100 + 5, 500_000_000_000_000_000, 123_456_000_000_000_000_000_000,
            Money.oneDollarRaw / 1_000_000 * 7_786, 987_654_321_987_654_321_987_654_321_000,
        ]
        for raw in samples {
            var bytes: [UInt8] = []
            Money(raw: raw).appendExactDecimal(to: &bytes)
            XCTAssertEqual(String(decoding: bytes, as: UTF8.self), Money(raw: raw).exactDecimal, "raw \(raw)")
        }
    }
}
