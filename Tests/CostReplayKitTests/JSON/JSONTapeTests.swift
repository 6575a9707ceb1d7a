import XCTest

@testable import CostReplayKit

/// The forward-only JSON scanner: RFC 8259 syntax, string escapes, navigation and typed reads.
final class JSONTapeTests: XCTestCase {
    // MARK: Strings

    func testEscapesAreDecoded() throws {
        try withTape(#""a\nb\"c\\d\/e\bf\fg\rh\ti""#) { tape in
            XCTAssertEqual(tape.kind(tape.root), .string)
            XCTAssertTrue(tape.isEscaped(tape.root))
            XCTAssertEqual(tape.string(tape.root), "a\nb\"c\\d/e\u{8}f\u{C}g\rh\ti")
        }
    }

    func testUnicodeEscapesAndSurrogatePairs() throws {
        try withTape(#""\u0041\u00e9\u20AC\ud83d\ude00\uD83D\uDE00""#) { tape in
            XCTAssertEqual(tape.string(tape.root), "Aé€😀😀")
            XCTAssertEqual(tape.decodedStringBytes(tape.root), Array("Aé€😀😀".utf8))
        }
    }

    func testLoneSurrogatesBecomeReplacementCharacters() throws {
        let cases: [(String, String)] = [
            (#""\ud800""#, "\u{FFFD}"),
            (#""\udc00""#, "\u{FFFD}"),
            (#""x\ud83dy""#, "x\u{FFFD}y"),
            (#""\ud83d\u0041""#, "\u{FFFD}A"),
            (#""\ude00\ud83d""#, "\u{FFFD}\u{FFFD}"),
            (#""\ud83d\ud83d\ude00""#, "\u{FFFD}😀"),
        ]
        for (json, expected) in cases {
            XCTAssertEqual(try withTape(json) { $0.string($0.root) }, expected, json)
        }
    }

    func testRawUnicodeBytesPassThroughUnescaped() throws {
        try withTape(#"{"name":"héllo 😀 \u00e9","plain":"日本語"}"#) { tape in
            let plain = try XCTUnwrap(tape.value(tape.root, "plain"))
            XCTAssertFalse(tape.isEscaped(plain))
            XCTAssertEqual(tape.string(plain), "日本語")
            XCTAssertEqual(tape.string(tape.root, "name"), "héllo 😀 é")
        }
    }

    func testInvalidStrings() {
        for json in [#""abc"#, #""\x""#, #""\u12""#, #""\u12G4""#, #""\"#, "\"tab\there\"", "\"new\nline\"", "\"nul\u{0}\""] {
            XCTAssertNotNil(jsonParseError(json), json.debugDescription)
        }
    }

    /// The string scanner reads eight bytes at a time: a quote, backslash or control byte must be
    /// found at every offset of a word, after every length of plain prefix.
    func testEveryStopByteIsFoundAtEveryOffset() throws {
        // Plain filler with bytes next to the ones searched for (0x21, 0x23, 0x5B, 0x5D, 0x20, 0x7F, UTF-8).
        let fillers: [[UInt8]] = [Array("abcdefgh".utf8), [0x21, 0x23, 0x5B, 0x5D, 0x20, 0x7F, 0xC3, 0xA9]]
        for filler in fillers {
            for offset in 0..<16 {
                let prefix = (0..<offset).map { filler[$0 % filler.count] }
                let tail = Array(repeating: UInt8(ascii: "t"), count: 16)
                let prefixText = String(decoding: prefix, as: UTF8.self)

                // Quote: the string ends right there.
                let quoted: [UInt8] = [0x22] + prefix + [0x22] + Array(repeating: 0x20, count: 16)
                try withTape(bytes: quoted) { tape in
                    XCTAssertEqual(tape.rawBytes(tape.root).count, offset)
                    XCTAssertEqual(tape.string(tape.root), prefixText)
                    XCTAssertFalse(tape.isEscaped(tape.root))
                }
                // Backslash: an escape there.
                let escaped: [UInt8] = [0x22] + prefix + Array(#"\n"#.utf8) + tail + [0x22]
                try withTape(bytes: escaped) { tape in
                    XCTAssertTrue(tape.isEscaped(tape.root), "offset \(offset)")
                    XCTAssertEqual(tape.decodedStringBytes(tape.root), prefix + [0x0A] + tail)
                }
                // Control bytes: invalid exactly there.
                for control: UInt8 in [0x00, 0x01, 0x0A, 0x1F] {
                    let bad: [UInt8] = [0x22] + prefix + [control] + tail + [0x22]
                    XCTAssertEqual(jsonParseError(bytes: bad), .invalid(offset: 1 + offset), "control \(control) at \(offset)")
                }
                // Inside an array, followed by another string.
                let array: [UInt8] = Array(#"[""#.utf8) + prefix + Array(#"","x"]"#.utf8)
                try withTape(bytes: array) { tape in
                    XCTAssertEqual(tape.elements(tape.root).map { tape.string($0) }, [prefixText, "x"])
                }
            }
        }
    }

    // MARK: Structure

    func testNestingAndNavigation() throws {
        try withTape(#" {"a": {"b": [1, {"c": null}, "s"]}, "d": true, "e": [], "f": {}} "#) { tape in
            XCTAssertEqual(tape.kind(tape.root), .object)
            XCTAssertEqual(tape.count(tape.root), 4)
            let b = try XCTUnwrap(tape.value(tape.root, "a", "b"))
            XCTAssertEqual(tape.kind(b), .array)
            XCTAssertEqual(tape.count(b), 3)
            let elements = tape.elements(b)
            XCTAssertEqual(elements.map { tape.kind($0) }, [.number, .object, .string])
            XCTAssertEqual(tape.firstElement(b), elements.first)
            XCTAssertEqual(tape.lastElement(b), elements.last)
            XCTAssertTrue(tape.isNull(try XCTUnwrap(tape.value(elements[1], "c"))))
            XCTAssertEqual(tape.bool(try XCTUnwrap(tape.value(tape.root, "d"))), true)
            XCTAssertNil(tape.value(tape.root, "a", "missing"))
            XCTAssertNil(tape.value(b, "a"), "an array has no keys")
            let e = try XCTUnwrap(tape.value(tape.root, "e"))
            XCTAssertEqual(tape.count(e), 0)
            XCTAssertNil(tape.firstElement(e))
            XCTAssertEqual(tape.count(try XCTUnwrap(tape.value(tape.root, "f"))), 0)

            var keys: [String] = []
            tape.forEachMember(tape.root) { key, _ in keys.append(tape.string(key) ?? "?") }
            XCTAssertEqual(keys, ["a", "d", "e", "f"])
            // next() skips a whole subtree: the member after "a" is "d".
            let a = try XCTUnwrap(tape.value(tape.root, "a"))
            XCTAssertEqual(tape.string(tape.next(a)), "d")
        }
    }

    func testDuplicateKeysLastWins() throws {
        try withTape(#"{"a":1,"b":2,"a":3,"\u0061":4,"b":5}"#) { tape in
            XCTAssertEqual(tape.value(tape.root, "a").flatMap { tape.integer($0) }, 4)
            XCTAssertEqual(tape.value(tape.root, "b").flatMap { tape.integer($0) }, 5)
            XCTAssertEqual(tape.count(tape.root), 5)
        }
    }

    func testEscapedKeysMatchTheirDecodedText() throws {
        try withTape(#"{"us\u0065r":"alice","a\"b":1}"#) { tape in
            XCTAssertEqual(tape.string(tape.root, "user"), "alice")
            XCTAssertNotNil(tape.value(tape.root, JSONKey("a\"b")))
        }
    }

    func testMaximumDepth() {
        XCTAssertNil(jsonParseError("[[[1]]]", maxDepth: 3))
        XCTAssertEqual(jsonParseError("[[[[1]]]]", maxDepth: 3), .tooDeep)
        XCTAssertNil(jsonParseError(#"{"a":{"b":{"c":1}}}"#, maxDepth: 3))
        XCTAssertEqual(jsonParseError(#"{"a":{"b":{"c":{}}}}"#, maxDepth: 3), .tooDeep)
        XCTAssertEqual(jsonParseError(#"[{"a":[{}]}]"#, maxDepth: 3), .tooDeep)
        let depth512 = String(repeating: "[", count: 512) + String(repeating: "]", count: 512)
        let depth513 = String(repeating: "[", count: 513) + String(repeating: "]", count: 513)
        XCTAssertNil(jsonParseError(depth512))
        XCTAssertEqual(jsonParseError(depth513), .tooDeep)
    }

    // MARK: Numbers and literals

    func testValidNumbers() throws {
        let numbers = [
            "0", "-0", "1", "-1", "10", "1.5", "-0.25", "1e5", "1E+5", "1e-5", "-0.0e0", "123456789012345678901234567890",
            "0.000001", "1.7976931348623157e308",
        ]
        for text in numbers {
            try withTape(text) { tape in
                XCTAssertEqual(tape.kind(tape.root), .number, text)
                XCTAssertEqual(tape.numberText(tape.root), text)
            }
            try withTape("[\(text)]") { tape in
                XCTAssertEqual(tape.numberText(try XCTUnwrap(tape.firstElement(tape.root))), text)
            }
        }
    }

    func testInvalidNumbers() {
        for text in [
            "01", "-01", "00", "1.", "-", "1e", "1e+", "1E-", ".5", "+1", "1.e5", "0x10", "--1", "1..2", "1.5.", "-.5",
            "Infinity", "-Infinity", "NaN", "1e5.5", "[01]", #"{"a":1.}"#, "[-]",
        ] {
            XCTAssertNotNil(jsonParseError(text), text)
        }
    }

    func testIntegerReadsOnlyIntegerLiteralsThatFit() throws {
        let cases: [(String, Int64?)] = [
            ("0", 0), ("-0", 0), ("42", 42), ("-42", -42), ("9223372036854775807", .max), ("9223372036854775808", nil),
            ("1.0", nil), ("1e3", nil), ("12.5", nil), (#""12""#, nil), ("true", nil), ("null", nil),
        ]
        for (text, expected) in cases {
            XCTAssertEqual(try withTape(text) { $0.integer($0.root) }, expected, text)
        }
    }

    func testLiterals() throws {
        try withTape("[true,false,null]") { tape in
            XCTAssertEqual(tape.elements(tape.root).map { tape.kind($0) }, [.trueValue, .falseValue, .null])
            XCTAssertEqual(tape.elements(tape.root).map { tape.bool($0) }, [true, false, nil])
        }
        for text in ["tru", "nul", "True", "NULL", "nulll", "falsey", "[t]", "truefalse"] {
            XCTAssertNotNil(jsonParseError(text), text)
        }
    }

    func testTrailingGarbageIsRejected() {
        XCTAssertNil(jsonParseError(" \t\r\n{}\r\n \t"))
        XCTAssertEqual(jsonParseError("{} x"), .invalid(offset: 3))
        XCTAssertEqual(jsonParseError("{}}"), .invalid(offset: 2))
        XCTAssertEqual(jsonParseError("1 2"), .invalid(offset: 2))
        XCTAssertEqual(jsonParseError(#""a" "b""#), .invalid(offset: 4))
        XCTAssertEqual(jsonParseError(#"{"a":01}"#), .invalid(offset: 6))
        XCTAssertEqual(jsonParseError(""), .invalid(offset: 0))
        XCTAssertEqual(jsonParseError("   "), .invalid(offset: 3))
    }

    func testStructuralErrors() {
        for text in [
            "{", "[", "[1,]", "[,1]", #"{"a":1,}"#, #"{"a"}"#, #"{"a" 1}"#, "{1:2}", "{'a':1}", #"{"a":1 "b":2}"#, "[1 2]", "}",
            "]",
        ] {
            XCTAssertNotNil(jsonParseError(text), text)
        }
    }

    func testTapeIsReusedAcrossLines() throws {
        var tape = JSONTape()
        let first = Array(#"{"a":[1,2,3],"b":"x"}"#.utf8)
        let second = Array(#"{"c":true}"#.utf8)
        try first.withUnsafeBytes { try tape.parse($0) }
        try second.withUnsafeBytes { buffer in
            try tape.parse(buffer)
            XCTAssertNil(tape.value(tape.root, "a"))
            XCTAssertEqual(tape.count(tape.root), 1)
            XCTAssertEqual(tape.value(tape.root, "c").flatMap { tape.bool($0) }, true)
        }
    }

    // MARK: Keys

    /// Literal keys point at static text and String keys own their bytes; both must find the same
    /// members, including one-character literals (a different StaticString representation), the
    /// empty key, non-ASCII keys and keys written with escapes in the document.
    func testLiteralAndStringKeysFindTheSameMembers() throws {
        try withTape(#"{"a":1,"":2,"modèle":3,"model":4,"longer_key_name":5}"#) { tape in
            let literals: [JSONKey] = ["a", "", "modèle", "model", "longer_key_name", "absent"]
            let strings = ["a", "", "modèle", "model", "longer_key_name", "absent"].map { JSONKey($0) }
            let expected: [Int64?] = [1, 2, 3, 4, 5, nil]
            for (index, (literal, string)) in zip(literals, strings).enumerated() {
                XCTAssertEqual(literal.count, string.count, "key \(index)")
                XCTAssertEqual(literal.bytes, string.bytes, "key \(index)")
                XCTAssertEqual(tape.value(tape.root, literal).flatMap { tape.integer($0) }, expected[index], "key \(index)")
                XCTAssertEqual(tape.value(tape.root, string).flatMap { tape.integer($0) }, expected[index], "key \(index)")
            }
        }
    }

    /// Tokens live in a reused buffer; a copy of a tape must keep reading its own document after
    /// the original parses another one (value semantics).
    func testACopiedTapeKeepsItsTokensWhenTheOriginalReparses() throws {
        let first = Array(#"{"model":"first","n":[1,2,3]}"#.utf8)
        let second = Array(#"["x"]"#.utf8)
        try first.withUnsafeBytes { firstBytes in
            try second.withUnsafeBytes { secondBytes in
                var tape = JSONTape()
                try tape.parse(firstBytes)
                let copy = tape
                try tape.parse(secondBytes)
                XCTAssertEqual(tape.kind(tape.root), .array)
                XCTAssertEqual(copy.string(copy.root, "model"), "first")
                XCTAssertEqual(copy.value(copy.root, "n").map { copy.count($0) }, 3)
            }
        }
    }
}

