import XCTest

@testable import CostReplayKit

/// The TOML 1.0 subset the price books and policy files use. Documents are compared through a
/// compact rendering: `{key=value, …}` in written order, numbers as their kept text.
final class TOMLParserTests: XCTestCase {
    private func render(_ text: String) throws -> String {
        render(.table(try TOMLParser.parse(text)))
    }

    private func render(_ value: TOMLValue) -> String {
        switch value {
        case .string(let text): return "s(\(text))"
        case .integer(let text): return "i(\(text))"
        case .float(let text): return "f(\(text))"
        case .bool(let flag): return flag ? "true" : "false"
        case .datetime(let text): return "d(\(text))"
        case .array(let elements): return "[" + elements.map(render).joined(separator: ", ") + "]"
        case .table(let table): return "{" + table.keys.map { "\($0)=" + render(table[$0]!) }.joined(separator: ", ") + "}"
        }
    }

    private func parseError(_ text: String) -> TOMLError? {
        do {
            _ = try TOMLParser.parse(text)
            return nil
        } catch {
            return error
        }
    }

    func testTablesAndKeyValues() throws {
        let text = """
            title = "costs"
            [server]
            host = "h"
            port = 8080
            [server.tls]
            enabled = true
            [other]
            """
        XCTAssertEqual(try render(text), "{title=s(costs), server={host=s(h), port=i(8080), tls={enabled=true}}, other={}}")
    }

    func testArraysOfTables() throws {
        let text = """
            [[model]]
            id = "a"
            [[model.tier]]
            above = 1
            [[model.tier]]
            above = 2
            [[model]]
            id = "b"
            [model.extra]
            x = 1
            """
        XCTAssertEqual(
            try render(text),
            "{model=[{id=s(a), tier=[{above=i(1)}, {above=i(2)}]}, {id=s(b), extra={x=i(1)}}]}")
    }

    func testNestedArrayOfTablesAfterItsParentTable() throws {
        let text = """
            [route]
            name = "r"
            default_tier = "sonnet"
            [[route.tiers]]
            name = "haiku"
            tasks = ["a", "b"]
            [[route.tiers]]
            name = "opus"
            [response_cache]
            ttl_seconds = 300
            """
        XCTAssertEqual(
            try render(text),
            "{route={name=s(r), default_tier=s(sonnet), tiers=[{name=s(haiku), tasks=[s(a), s(b)]}, "
                + "{name=s(opus)}]}, response_cache={ttl_seconds=i(300)}}")
    }

    func testInlineTablesAndDottedKeys() throws {
        let text = """
            tags = { env = "prod", "x y" = 1, nested = { a = [] } }
            empty = {}
            a.b.c = 1
            a.b.d = "two"
            site."example.com" = true
            'quoted key' = 'v'
            """
        XCTAssertEqual(
            try render(text),
            "{tags={env=s(prod), x y=i(1), nested={a=[]}}, empty={}, a={b={c=i(1), d=s(two)}}, "
                + "site={example.com=true}, quoted key=s(v)}")
    }

    func testStrings() throws {
        let text = #"""
            basic = "tab\there \"q\" \\ \u00e9 \U0001F600 \b\f\n\r"
            literal = 'C:\path\no escapes "here"'
            multi = """
            line one
            line two \
                continued"""
            raw = '''
            first\n
              second'''
            quotes = """a "quoted" word"""
            """#
        let table = try TOMLParser.parse(text)
        guard case .string(let basic)? = table["basic"], case .string(let literal)? = table["literal"],
            case .string(let multi)? = table["multi"], case .string(let raw)? = table["raw"],
            case .string(let quotes)? = table["quotes"]
        else { return XCTFail(try render(text)) }
        XCTAssertEqual(basic, "tab\there \"q\" \\ é 😀 \u{8}\u{C}\n\r")
        XCTAssertEqual(literal, #"C:\path\no escapes "here""#)
        XCTAssertEqual(multi, "line one\nline two continued")
        XCTAssertEqual(raw, "first\\n\n  second")
        XCTAssertEqual(quotes, #"a "quoted" word"#)
    }

    func testNumbersKeepTheirText() throws {
        let text = """
            a = 0.30
            b = 1_000
            c = -2.5e-3
            d = +7
            e = 0xff
            f = 1E6
            g = 0
            h = -0.0
            i = inf
            j = 1979-05-27
            k = 1979-05-27T07:32:00Z
            l = [1, 2.50, -3]
            """
        XCTAssertEqual(
            try render(text),
            "{a=f(0.30), b=i(1000), c=f(-2.5e-3), d=i(+7), e=i(255), f=f(1E6), g=i(0), h=f(-0.0), "
                + "i=f(inf), j=d(1979-05-27), k=d(1979-05-27T07:32:00Z), l=[i(1), f(2.50), i(-3)]}")
    }

    func testCommentsAndBlankLines() throws {
        let text = """
            # leading comment

            a = 1 # trailing comment
            [t] # table comment
              # indented comment
            list = [ # open
              1, # one
              2, # two, with a trailing comma
            ]
            s = "# not a comment"
            """
        XCTAssertEqual(try render(text), "{a=i(1), t={list=[i(1), i(2)], s=s(# not a comment)}}")
    }

    func testCRLFLineEndings() throws {
        XCTAssertEqual(try render("a = 1\r\n[t]\r\nb = \"x\"\r\n"), "{a=i(1), t={b=s(x)}}")
    }

    func testErrorsCarryTheirLineNumber() {
        XCTAssertEqual(parseError("a = 1\nb = 2\na = 3\n")?.line, 3)
        XCTAssertTrue(parseError("a = 1\nb = 2\na = 3\n")?.message.contains("defined twice") ?? false)
        XCTAssertEqual(parseError("[t]\nx = 1\n\n[t]\ny = 2\n")?.line, 4)
        XCTAssertEqual(parseError("[t]\nx = 1\n[t.x]\n")?.line, 3)
        XCTAssertEqual(parseError("a.b = 1\n[a]\n")?.line, 2)
        XCTAssertEqual(parseError("x = { a = 1 }\n[x]\n")?.line, 2)
        XCTAssertEqual(parseError("# c\n\nkey = \n")?.line, 3)
        XCTAssertEqual(parseError("key = \"unterminated\n")?.line, 1)
        XCTAssertEqual(parseError("a = 1 b = 2\n")?.line, 1)
        XCTAssertEqual(parseError("a = [1, 2\n")?.line, 2)
        XCTAssertEqual(parseError("a = nope\n")?.line, 1)
        XCTAssertEqual(parseError("a = 1.\n")?.line, 1)
        XCTAssertEqual(parseError("a = \"\\q\"\n")?.line, 1)
        XCTAssertEqual(parseError("[a\n")?.line, 1)
        XCTAssertEqual(parseError("a = {b = 1,}\n")?.line, 1)
        XCTAssertEqual(parseError("[[t]]\n[t]\n")?.line, 2)
        XCTAssertEqual(parseError("t = 1\n[[t]]\n")?.line, 2)
        XCTAssertEqual(parseError("s = \"\"\"\nnever closed\n")?.line, 3)
    }

    func testKeysAndTableLinesAreRecorded() throws {
        let table = try TOMLParser.parse("a = 1\n\n[t]\nb = 2\n")
        XCTAssertEqual(table.keys, ["a", "t"])
        XCTAssertEqual(table.line(of: "a"), 1)
        XCTAssertEqual(table.line(of: "t"), 3)
        guard case .table(let t)? = table["t"] else { return XCTFail() }
        XCTAssertEqual(t.line(of: "b"), 4)
    }
}
