import XCTest

@testable import CostReplayKit

/// SPEC §7: untrusted log text in Markdown cells is escaped, folded to one line and shortened.
final class MarkdownTextTests: XCTestCase {
    func testTableBreakingAndCodeCharactersAreEscaped() {
        XCTAssertEqual(MarkdownText.cell("a|b"), "a\\|b")
        XCTAssertEqual(MarkdownText.cell("`rm -rf`"), "\\`rm -rf\\`")
        XCTAssertEqual(MarkdownText.cell("back\\slash"), "back\\\\slash")
        XCTAssertEqual(MarkdownText.cell("*bold* _it_ [link](x)"), "\\*bold\\* \\_it\\_ \\[link\\](x)")
    }

    func testHTMLIsEscaped() {
        XCTAssertEqual(MarkdownText.cell("<script>alert(1)</script>"), "&lt;script&gt;alert(1)&lt;/script&gt;")
        XCTAssertEqual(MarkdownText.cell("a & b"), "a &amp; b")
        XCTAssertEqual(MarkdownText.cell("<img src=x onerror=y>", limit: 100), "&lt;img src=x onerror=y&gt;")
    }

    func testLineBreaksAndControlCharactersBecomeSpaces() {
        XCTAssertEqual(MarkdownText.cell("one\ntwo\r\nthree\tfour"), "one two  three four")
        XCTAssertEqual(MarkdownText.cell("a\u{0}b\u{1B}c\u{7F}d\u{85}e\u{2028}f\u{2029}g"), "a b c d e f g")
    }

    func testMissingValuesShowADash() {
        XCTAssertEqual(MarkdownText.cell(nil), "—")
        XCTAssertEqual(MarkdownText.cell(""), "—")
    }

    func testLongValuesAreShortened() {
        let long = String(repeating: "x", count: 60)
        XCTAssertEqual(MarkdownText.cell(long), String(repeating: "x", count: 47) + "…")
        XCTAssertEqual(MarkdownText.cell(String(repeating: "y", count: 48)), String(repeating: "y", count: 48))
        XCTAssertEqual(MarkdownText.cell("abcdefghij", limit: 5), "abcd…")
        // Shortening counts characters before escaping, so an escape is never cut in half.
        XCTAssertEqual(MarkdownText.cell("a|b|c|d", limit: 4), "a\\|b…")
    }

    func testMarkdownTableRendering() {
        var table = MarkdownTable([("Name", .left), ("Cost", .right)])
        table.add([MarkdownText.cell("a|b"), "$1.00"])
        table.add(["long name here", "$12,345.67"])
        XCTAssertEqual(
            table.rendered(),
            """
            | Name           |       Cost |
            | -------------- | ---------: |
            | a\\|b           |      $1.00 |
            | long name here | $12,345.67 |

            """)
    }
}

/// Issue 7: hostile text beyond the basics.
final class HostileMarkdownTextTests: XCTestCase {
    func testBidiControlsAreDropped() {
        XCTAssertEqual(MarkdownText.cell("\u{202E}evil\u{202C}.exe"), "evil.exe")
        XCTAssertEqual(MarkdownText.cell("a\u{2066}b\u{2069}\u{200F}c"), "abc")
    }

    func testCombiningMarksCountTowardsTheLimit() {
        let zalgo = "z" + String(repeating: "\u{301}", count: 2_000)
        let shown = MarkdownText.cell(zalgo)
        XCTAssertLessThanOrEqual(shown.unicodeScalars.count, 4 * 48)
        XCTAssertTrue(shown.hasSuffix("…"))
        XCTAssertLessThanOrEqual(SVGText.label(zalgo, limit: 10).unicodeScalars.count, 40)
    }

    func testCodeSpansCannotBeClosedByTheirContent() {
        XCTAssertEqual(MarkdownText.code("plain"), "`plain`")
        XCTAssertEqual(MarkdownText.code("a`b"), "``a`b``")
        XCTAssertEqual(MarkdownText.code("x ``` y"), "````x ``` y````")
        XCTAssertEqual(MarkdownText.code("`edge`"), "`` `edge` ``")
        XCTAssertEqual(MarkdownText.code("one\ntwo\r\u{202E}three"), "`one two three`")
    }

    func testTerminalTextShowsEscapesInsteadOfSendingThem() {
        XCTAssertEqual(TerminalText.printable("a\u{1B}[2Jb\u{07}"), "a\\u{1B}[2Jb\\u{7}")
        XCTAssertEqual(TerminalText.printable("\u{202E}x\nü"), "\\u{202E}x\\u{A}ü")
    }
}
