import XCTest

@testable import CostReplayKit

/// The pieces every chart shares: number formatting, escaping, axis ticks.
final class ChartPrimitiveTests: XCTestCase {
    func testCoordinatesHaveAtMostTwoDecimalsNoExponentNoNegativeZero() {
        XCTAssertEqual(SVGNumber.format(0), "0")
        XCTAssertEqual(SVGNumber.format(-0.0), "0")
        XCTAssertEqual(SVGNumber.format(-0.004), "0")
        XCTAssertEqual(SVGNumber.format(12), "12")
        XCTAssertEqual(SVGNumber.format(12.5), "12.5")
        XCTAssertEqual(SVGNumber.format(0.05), "0.05")
        XCTAssertEqual(SVGNumber.format(-3.456), "-3.46")
        XCTAssertEqual(SVGNumber.format(1e-12), "0")
        XCTAssertEqual(SVGNumber.format(1.005e7), "10050000")
        XCTAssertEqual(SVGNumber.format(.nan), "0")
        XCTAssertEqual(SVGNumber.format(.infinity), "0")
    }

    func testEscapeNeutralizesMarkupAndKeepsLineBreaksAsReferences() {
        XCTAssertEqual(SVGText.escape("</text><script>"), "&lt;/text&gt;&lt;script&gt;")
        XCTAssertEqual(SVGText.escape("a & \"b\" 'c'"), "a &amp; &quot;b&quot; &apos;c&apos;")
        XCTAssertEqual(SVGText.escape("a\nb\tc\rd"), "a&#10;b&#9;c&#13;d")
        XCTAssertEqual(SVGText.escape("a\u{0}b\u{1B}c\u{FFFF}"), "abc")
    }

    func testLabelsAreOneLineWithoutInvisibleControlsAndShortened() {
        XCTAssertEqual(SVGText.label("one\ntwo\tthree", limit: 40), "one two three")
        XCTAssertEqual(SVGText.label("a\u{0}b\u{7F}c\u{85}d", limit: 40), "abcd")
        XCTAssertEqual(SVGText.label("user\u{202E}gnp.exe\u{202C}", limit: 40), "usergnp.exe")
        XCTAssertEqual(SVGText.label("abcdefghij", limit: 5), "abcd…")
        XCTAssertEqual(SVGText.label("abcde", limit: 5), "abcde")
        // Shortening happens before escaping, so an entity is never cut in half.
        XCTAssertEqual(SVGText.escape(SVGText.label("&&&&&&", limit: 3)), "&amp;&amp;…")
    }

    func testMoneyTicksAreNiceAndLabelledExactly() {
        let scale = MoneyScale(minimum: 0, maximum: 1130)
        XCTAssertEqual(scale.ticks.map(\.label), ["$0", "$200", "$400", "$600", "$800", "$1,000", "$1,200"])
        XCTAssertEqual(
            MoneyScale(minimum: 0, maximum: 0.23).ticks.map(\.label), ["$0.00", "$0.05", "$0.10", "$0.15", "$0.20", "$0.25"])
        XCTAssertEqual(
            MoneyScale(minimum: 0, maximum: 2.2).ticks.map(\.label), ["$0.00", "$0.50", "$1.00", "$1.50", "$2.00", "$2.50"])
        XCTAssertEqual(MoneyScale(minimum: -7, maximum: 18).ticks.map(\.label), ["-$10", "-$5", "$0", "$5", "$10", "$15", "$20"])
        XCTAssertEqual(
            MoneyScale(minimum: 0, maximum: 0).ticks.map(\.label), ["$0.00", "$0.20", "$0.40", "$0.60", "$0.80", "$1.00"])
        XCTAssertEqual(MoneyScale(minimum: 0, maximum: 4_200_000).ticks.last?.label, "$5,000,000")
        XCTAssertEqual(MoneyScale.compactDollars(usd("1234567.89")), "$1.2M")
        XCTAssertEqual(MoneyScale.compactDollars(usd("45678")), "$45.7k")
        XCTAssertEqual(MoneyScale.compactDollars(usd("999999.99")), "$1.0M")
        XCTAssertEqual(MoneyScale.compactDollars(usd("123.456")), "$123.46")
    }

    func testTimeTicksFallOnRoundTimesWithTheDateWhereItChanges() {
        // 2026-11-03T22:10Z to 2026-11-04T01:50Z.
        let start = Int64(1_793_743_800) * 1_000_000
        let end = start + Int64(220 * 60) * 1_000_000
        let scale = TimeScale(start: start, end: end, maxTicks: 7)
        XCTAssertEqual(scale.ticks.map(\.label), ["22:30", "23:00", "23:30", "00:00", "00:30", "01:00", "01:30"])
        XCTAssertEqual(scale.ticks.map(\.dateLine), ["2026-11-03", nil, nil, "2026-11-04", nil, nil, nil])
        // One instant still gets a ten-minute axis.
        XCTAssertFalse(TimeScale(start: start, end: start, maxTicks: 7).ticks.isEmpty)
    }
}
