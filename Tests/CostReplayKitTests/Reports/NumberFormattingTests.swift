import XCTest

@testable import CostReplayKit

/// SPEC §5.3, §7.1: Markdown figures: cents with thousands separators, counts, percentages.
final class NumberFormattingTests: XCTestCase {
    func testDollarsRoundToCentsWithThousandsSeparators() {
        let cases: [(String, String)] = [
            ("0", "$0.00"), ("0.004", "$0.00"), ("0.005", "$0.01"), ("1.005", "$1.01"), ("12.5", "$12.50"),
            ("999.999", "$1,000.00"),
            ("1234567.891", "$1,234,567.89"), ("100", "$100.00"), ("-0.005", "-$0.01"), ("-1234.5", "-$1,234.50"),
        ]
        for (input, expected) in cases {
            XCTAssertEqual(NumberFormatting.dollars(dollars(input)), expected, input)
        }
    }

    func testCounts() {
        XCTAssertEqual(NumberFormatting.count(0), "0")
        XCTAssertEqual(NumberFormatting.count(999), "999")
        XCTAssertEqual(NumberFormatting.count(1000), "1,000")
        XCTAssertEqual(NumberFormatting.count(Int64(1_234_567)), "1,234,567")
        XCTAssertEqual(NumberFormatting.count(-1_234_567), "-1,234,567")
        XCTAssertEqual(NumberFormatting.count(100_000), "100,000")
    }

    func testPercentOneDecimalHalfAwayFromZero() {
        XCTAssertEqual(NumberFormatting.percent(dollars("1"), of: dollars("3")), "33.3%")
        XCTAssertEqual(NumberFormatting.percent(dollars("2"), of: dollars("3")), "66.7%")
        XCTAssertEqual(NumberFormatting.percent(dollars("1"), of: dollars("8")), "12.5%")
        XCTAssertEqual(NumberFormatting.percent(dollars("0.0005"), of: dollars("1")), "0.1%")
        XCTAssertEqual(NumberFormatting.percent(dollars("0.0004999"), of: dollars("1")), "0.0%")
        XCTAssertEqual(NumberFormatting.percent(dollars("27.409514"), of: dollars("140.419977")), "19.5%")
        XCTAssertEqual(NumberFormatting.percent(dollars("5"), of: dollars("5")), "100.0%")
        XCTAssertEqual(NumberFormatting.percent(dollars("-1"), of: dollars("8")), "-12.5%")
        XCTAssertEqual(NumberFormatting.percent(dollars("1"), of: .zero), "—")
    }
}
