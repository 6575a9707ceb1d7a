import XCTest

@testable import CostReplayKit

/// SPEC §7: CSV cells are RFC 4180-quoted and log text that starts like a formula is neutralized.
final class CSVFormatterTests: XCTestCase {
    func testFormulaStartsGetALeadingQuote() {
        let cases: [(String, String)] = [
            ("=HYPERLINK(\"http://evil\")", "\"'=HYPERLINK(\"\"http://evil\"\")\""),
            ("=1+2", "'=1+2"),
            ("+1", "'+1"),
            ("-1", "'-1"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\tx", "'\tx"),
            ("\rx", "\"'\rx\""),
        ]
        for (input, expected) in cases {
            XCTAssertEqual(CSVFormatter.text(input), expected, input.debugDescription)
        }
    }

    func testSpecialCharactersAreQuoted() {
        XCTAssertEqual(CSVFormatter.text("a,b"), "\"a,b\"")
        XCTAssertEqual(CSVFormatter.text("say \"hi\""), "\"say \"\"hi\"\"\"")
        XCTAssertEqual(CSVFormatter.text("two\nlines"), "\"two\nlines\"")
        XCTAssertEqual(CSVFormatter.text("car\rriage"), "\"car\rriage\"")
        XCTAssertEqual(CSVFormatter.text("crlf\r\nline"), "\"crlf\r\nline\"")
    }

    func testPlainTextIsUnchanged() {
        XCTAssertEqual(CSVFormatter.text("alice"), "alice")
        XCTAssertEqual(CSVFormatter.text("a=b"), "a=b")
        XCTAssertEqual(CSVFormatter.text("x-1"), "x-1")
        XCTAssertEqual(CSVFormatter.text("ünïcödé 😀"), "ünïcödé 😀")
        XCTAssertEqual(CSVFormatter.text(""), "")
        XCTAssertEqual(CSVFormatter.text(nil), "")
    }

    func testNumericCellsAreNeverPrefixed() {
        XCTAssertEqual(CSVFormatter.plain("-0.5"), "-0.5")
        XCTAssertEqual(CSVFormatter.plain("2026-10-01T12:00:00.000Z"), "2026-10-01T12:00:00.000Z")
        XCTAssertEqual(CSVFormatter.row(["a", "-1", ""]), "a,-1,\r\n")  // RFC 4180 line end
    }

    func testCellsRoundTripThroughACSVReader() {
        let values = ["=cmd|' /C calc'!A0", "a,b", "q\"q", "multi\nline", "crlf\r\nline", "-5", "plain"]
        let row = CSVFormatter.row(values.map { CSVFormatter.text($0) })
        let parsed = parseCSV(row)
        XCTAssertEqual(parsed.count, 1)
        XCTAssertEqual(parsed.first, ["'=cmd|' /C calc'!A0", "a,b", "q\"q", "multi\nline", "crlf\r\nline", "'-5", "plain"])
    }
}
