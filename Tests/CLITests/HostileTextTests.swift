import Foundation
import XCTest

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Log text is untrusted (SPEC §7, issue 7): user names, teams, sessions, api keys, tool names and
/// model names built to attack a spreadsheet, a Markdown renderer, an SVG viewer or a terminal are
/// neutralized in every output, never break a table or a chart, and keep their full value in the CSVs.
final class HostileTextTests: XCTestCase {
    static let hundredKilobytes = String(repeating: "n", count: 100_000)
    /// One letter carrying 2,000 combining marks: one "character" of 4 KB.
    static let zalgo = "z" + String(repeating: "\u{301}", count: 2_000)
    static let hostile: [String] = [
        "=HYPERLINK(\"http://x\")", "+cmd|' /C calc'!A0", "@SUM(1)", "-2+3", "<script>alert(1)</script>", "a|b",
        "`code` ``x```", "line1\nline2\rcr\ttab", "\u{202E}evil\u{202C}.exe", "esc\u{1B}[2J\u{1B}]0;pwned\u{07}",
        "&lt;entity&#124;", "![img](http://x/t.png) [link](javascript:alert(1))", zalgo, hundredKilobytes,
    ]
    /// Bytes that are not UTF-8, spliced raw into the log (`bad` + FF FE C3 28 + `utf8`).
    static let invalidUTF8: [UInt8] = Array("bad".utf8) + [0xFF, 0xFE, 0xC3, 0x28] + Array("utf8".utf8)
    static var invalidUTF8Decoded: String { String(decoding: invalidUTF8, as: UTF8.self) }

    nonisolated(unsafe) static var shared: (directory: URL, log: URL)?

    /// The hostile log, written once.
    func hostileLog() throws -> (directory: URL, log: URL) {
        if let shared = Self.shared { return shared }
        let directory = try CLIHarness.temporaryDirectory()
        let log = directory.appendingPathComponent("hostile.jsonl")
        try Self.hostileLogBytes().write(to: log)
        Self.shared = (directory, log)
        return (directory, log)
    }

    /// For each hostile name (as JSON string bytes): five identical tool calls in one session (a loop
    /// halt, cache hits, a budget crossing) and a call of an unpriced model of that name, and lines
    /// whose bad usage or timestamp echoes it in the malformed examples.
    static func hostileLogBytes() -> Data {
        var out = Data()
        var second = 0
        func timestamp() -> String {
            second += 60
            return String(format: "2026-10-01T%02d:%02d:%02dZ", second / 3600 % 24, second / 60 % 60, second % 60)
        }
        let names: [[UInt8]] = hostile.map { jsonString($0) } + [[0x22] + invalidUTF8 + [0x22]]
        for (index, name) in names.enumerated() {
            func line(_ parts: [[UInt8]]) { out.append(contentsOf: parts.joined() + [0x0A]) }
            let s = { (text: String) in Array(text.utf8) }
            for call in 0..<5 {
                line([
                    s("{\"id\":\"h\(index)-\(call)\",\"ts\":\"\(timestamp())\",\"latency_ms\":1000,\"user\":"), name,
                    s(",\"team\":"), name, s(",\"api_key\":"), name, s(",\"session\":"), name, s(",\"task\":"), name,
                    s(",\"tags\":{\"cost_center\":"), name, s("},\"provider\":\"anthropic\","),
                    s(
                        "\"request\":{\"model\":\"claude-opus-4-1\",\"max_tokens\":100,\"messages\":[{\"role\":\"user\",\"content\":"
                    ),
                    name, s("}]},\"response\":{\"type\":\"message\",\"model\":\"claude-opus-4-1\",\"content\":"),
                    s("[{\"type\":\"tool_use\",\"id\":\"t\",\"name\":"), name, s(",\"input\":{\"q\":"), name,
                    s("}}],\"stop_reason\":\"tool_use\",\"usage\":{\"input_tokens\":2000000,\"output_tokens\":300000}}}"),
                ])
            }
            let time = timestamp()
            line([
                s("{\"id\":\"m\(index)\",\"ts\":\"\(time)\",\"user\":"), name, s(",\"model\":"), name,
                s(",\"response\":{\"type\":\"message\",\"model\":"), name,
                s(",\"content\":[],\"usage\":{\"input_tokens\":10,\"output_tokens\":1}}}"),
            ])
            line([
                s("{\"id\":\"bu\(index)\",\"ts\":\"\(time)\",\"model\":\"claude-opus-4-1\","),
                s("\"response\":{\"type\":\"message\",\"usage\":{\"input_tokens\":"), name, s("}}}"),
            ])
            line([s("{\"id\":\"bt\(index)\",\"ts\":"), name, s(",\"model\":\"claude-opus-4-1\"}")])
        }
        return out
    }

    /// A JSON string literal of `text` (controls as `\u00XX`).
    static func jsonString(_ text: String) -> [UInt8] {
        var out: [UInt8] = [0x22]
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += Array("\\\"".utf8)
            case "\\": out += Array("\\\\".utf8)
            default:
                if scalar.value < 0x20 {
                    out += Array(String(format: "\\u%04x", scalar.value).utf8)
                } else {
                    out += Array(String(scalar).utf8)
                }
            }
        }
        return out + [0x22]
    }

    func testEveryOutputNeutralizesHostileNames() throws {
        let (directory, log) = try hostileLog()
        let out = directory.appendingPathComponent("plain")
        let result = try CLIHarness.run(["analyze", log.path, "--out", out.path, "--quiet"])
        XCTAssertEqual(result.status, 0, result.stderr)
        try checkOutputs(out, focus: nil)
        // The full values are in the CSVs, guarded where they start like a formula.
        let users = try csvRows(out.appendingPathComponent("users.csv"))
        let keys = Set(users.map { $0[0] })
        for name in Self.hostile + [Self.invalidUTF8Decoded] {
            XCTAssertTrue(keys.contains(Self.guarded(name)), "users.csv lacks \(name.prefix(40).debugDescription)")
        }
        let calls = try csvRows(out.appendingPathComponent("calls.csv"))
        let header = calls[0]
        for column in ["user", "team", "api_key", "session", "task", "model"] {
            let index = header.firstIndex(of: column)!
            let values = Set(calls.dropFirst().map { $0[index] })
            XCTAssertTrue(values.contains(Self.guarded(Self.hundredKilobytes)), column)
            XCTAssertTrue(values.contains("'=HYPERLINK(\"http://x\")"), column)
            XCTAssertTrue(values.contains("'-2+3"), column)
        }
    }

    func testPostMortemOfHostileFocusesNeutralizesEveryOutput() throws {
        let (directory, log) = try hostileLog()
        var focuses = (Self.hostile + [Self.invalidUTF8Decoded]).map { "user:" + $0 }
        focuses += ["session:" + Self.hostile[0], "team:" + Self.hostile[5], "session:" + Self.hostile[7]]
        for (index, focus) in focuses.enumerated() {
            let out = directory.appendingPathComponent("focus-\(index)")
            let result = try CLIHarness.run(["analyze", log.path, "--focus", focus, "--out", out.path, "--quiet"])
            XCTAssertEqual(result.status, 0, result.stderr)
            try checkOutputs(out, focus: focus)
            let report = try String(contentsOf: out.appendingPathComponent("report.md"), encoding: .utf8)
            XCTAssertTrue(report.contains("**The runaway**"), "focus \(index) found no calls")
            let minutes = try csvRows(out.appendingPathComponent("focus_minutes.csv"))
            XCTAssertGreaterThanOrEqual(minutes.count, 6, "focus \(index): header and five minutes or more")
        }
    }

    func testValidatePrintsNoTerminalEscapes() throws {
        let (_, log) = try hostileLog()
        let result = try CLIHarness.run(["validate", log.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        for text in [result.stdout, result.stderr] {
            XCTAssertFalse(text.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{07}" || $0 == "\u{202E}" })
            XCTAssertTrue(text.contains("\\u{1B}"), "the escape is shown, not interpreted")
        }
        // Every line of the table keeps its columns.
        let table = result.stdout.split(separator: "\n").filter { $0.hasPrefix("|") }
        XCTAssertEqual(Set(table.map { MarkdownRenderingTests.cells(String($0)) }).count, 1)
    }

    // MARK: - Checks

    static func guarded(_ name: String) -> String {
        guard let first = name.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return name }
        return "'" + name
    }

    func checkOutputs(_ out: URL, focus: String?) throws {
        let files = try CLIHarness.contents(of: out)
        XCTAssertTrue(files.keys.contains("report.md"))
        XCTAssertFalse(files.keys.contains { $0.contains(".tmp-") }, "temporary files left")
        for (name, data) in files.sorted(by: { $0.key < $1.key }) {
            let context = "\(name) (focus \(focus.map { String($0.prefix(30)).debugDescription } ?? "none"))"
            XCTAssertNotNil(String(data: data, encoding: .utf8), "\(context) is not UTF-8")
            if name.hasSuffix(".csv") {
                checkCSV(try csvRows(out.appendingPathComponent(name)), context)
            } else if name.hasSuffix(".svg") {
                checkSVG(data, context)
            } else if name.hasSuffix(".json") {
                XCTAssertNoThrow(try JSONSerialization.jsonObject(with: data), context)
            } else if name.hasSuffix(".md") {
                try checkMarkdown(String(decoding: data, as: UTF8.self), directory: out, focus: focus, context)
            }
        }
    }

    static let number = try! NSRegularExpression(pattern: "^-?[0-9]+(\\.[0-9]+)?$")

    static func isNumber(_ text: String) -> Bool {
        number.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    func checkCSV(_ rows: [[String]], _ context: String) {
        guard let header = rows.first else { return XCTFail("\(context) is empty") }
        for row in rows.dropFirst() {
            XCTAssertEqual(row.count, header.count, "\(context): a row of \(row.count) cells")
            for (column, cell) in zip(header, row) {
                if let first = cell.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) {
                    XCTAssertTrue(Self.isNumber(cell), "\(context) \(column): unguarded \(cell.prefix(40).debugDescription)")
                }
                if cell.hasPrefix("'") {
                    XCTAssertFalse(Self.isNumber(String(cell.dropFirst())), "\(context) \(column): a guarded number")
                }
            }
        }
    }

    /// Well-formed XML; only SVG drawing elements (no script, no foreign objects, no links); the
    /// visible text has no controls and no label is longer than a chart can show.
    func checkSVG(_ data: Data, _ context: String) {
        final class Collector: NSObject, XMLParserDelegate {
            var elements: Set<String> = []
            var attributes: Set<String> = []
            var text = ""
            func parser(
                _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]
            ) {
                elements.insert(elementName)
                self.attributes.formUnion(attributes.keys)
                text += "\n"
            }
            func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }
        }
        let parser = XMLParser(data: data)
        let collector = Collector()
        parser.delegate = collector
        XCTAssertTrue(parser.parse(), "\(context): \(parser.parserError as Any)")
        let allowed: Set<String> = [
            "svg", "g", "rect", "path", "line", "polyline", "circle", "text", "tspan", "title", "desc", "defs", "pattern",
            "style", "clipPath", "polygon",
        ]
        XCTAssertTrue(collector.elements.isSubset(of: allowed), "\(context): \(collector.elements.subtracting(allowed))")
        XCTAssertFalse(collector.attributes.contains { $0.lowercased().hasPrefix("on") || $0.contains("href") }, context)
        for line in collector.text.split(separator: "\n") {
            XCTAssertFalse(line.unicodeScalars.contains { $0.value < 0x20 || (0x202A...0x202E).contains($0.value) }, context)
            XCTAssertLessThan(line.unicodeScalars.count, 2_500, "\(context): a text of \(line.unicodeScalars.count) scalars")
        }
    }

    func checkMarkdown(_ markdown: String, directory: URL, focus: String?, _ context: String) throws {
        guard let cmark = MarkdownRenderingTests.cmark else { return XCTFail("cmark-gfm is needed for this test") }
        for problem in try MarkdownRenderingTests.problems(markdown: markdown, directory: directory, cmark: cmark) {
            XCTFail("\(context): \(problem)")
        }
        XCTAssertFalse(
            markdown.unicodeScalars.contains { [0x1B, 0x07, 0x0D, 0x202C, 0x202E].contains($0.value) },
            "\(context): a control character")
        // Shortened: no line but the reproduce command holds a long name in full.
        for line in markdown.split(separator: "\n") where !line.hasPrefix("- Reproduce:") {
            XCTAssertLessThan(line.unicodeScalars.count, 3_000, "\(context): \(line.prefix(80))")
        }
        // The reproduce command is one code span holding the whole command.
        let html = try MarkdownRenderingTests.render(markdown, cmark: cmark)
        let reproduce = try XCTUnwrap(html.components(separatedBy: "<li>Reproduce: <code>").dropFirst().first, context)
        let command = reproduce.components(separatedBy: "</code>")[0]
        XCTAssertTrue(command.hasPrefix("costreplay analyze "), context)
        XCTAssertFalse(command.contains("\n"), context)
        if focus != nil { XCTAssertTrue(command.contains("--focus"), "\(context): \(command.prefix(200))") }
    }

    func csvRows(_ url: URL) throws -> [[String]] {
        CSVRows.parse(String(decoding: try Data(contentsOf: url), as: UTF8.self))
    }
}
