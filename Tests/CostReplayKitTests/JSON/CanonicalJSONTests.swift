import XCTest

@testable import CostReplayKit

/// RFC 8785 (JCS), SPEC §3.3: sorted keys by UTF-16 code units, minimal string escaping, ECMAScript
/// number form, last duplicate key wins.
final class CanonicalJSONTests: XCTestCase {
    /// RFC 8785 §3.2.2's sample, byte for byte.
    func testRFC8785Sample() throws {
        let input = #"""
            {
              "numbers": [333333333.33333329, 1E30, 4.50,
                          2e-3, 0.000000000000000000000000001],
              "string": "\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/",
              "literals": [null, true, false]
            }
            """#
        let expected =
            #"{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\u000f\nA'B\"\\\\\"/"}"#
        XCTAssertEqual(try canonical(input), expected)
    }

    /// RFC 8785 §3.2.3's sorting sample: keys ordered by UTF-16 code units.
    func testRFC8785SortingSample() throws {
        let input = #"""
            {
              "\u20ac": "Euro Sign",
              "\r": "Carriage Return",
              "\ufb33": "Hebrew Letter Dalet With Dagesh",
              "1": "One",
              "\ud83d\ude00": "Emoji: Grinning Face",
              "\u0080": "Control",
              "\u00f6": "Latin Small Letter O With Diaeresis"
            }
            """#
        let expected =
            "{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u{80}\":\"Control\","
            + "\"ö\":\"Latin Small Letter O With Diaeresis\",\"€\":\"Euro Sign\",\"😀\":\"Emoji: Grinning Face\","
            + "\"דּ\":\"Hebrew Letter Dalet With Dagesh\"}"
        XCTAssertEqual(try canonical(input), expected)
    }

    /// The same keys written as raw UTF-8 (the unescaped fast path): a supplementary character
    /// (a surrogate pair in UTF-16) sorts before U+E000…U+FFFF although its UTF-8 bytes are larger.
    func testRawUTF8KeysSortByUTF16() throws {
        let input = "{\"\u{FB33}\":1,\"\u{E000}\":2,\"😀\":3,\"\u{D7FF}\":4,\"€\":5,\"ö\":6,\"1\":7,\"\u{FFFF}\":8,\"𝄞\":9}"
        let expected = "{\"1\":7,\"ö\":6,\"€\":5,\"\u{D7FF}\":4,\"𝄞\":9,\"😀\":3,\"\u{E000}\":2,\"\u{FB33}\":1,\"\u{FFFF}\":8}"
        XCTAssertEqual(try canonical(input), expected)
    }

    func testMixedEscapedAndRawKeysSortTogether() throws {
        XCTAssertEqual(try canonical(#"{"\ufb33":1,"😀":2,"b":3,"\u0061":4}"#), "{\"a\":4,\"b\":3,\"😀\":2,\"דּ\":1}")
    }

    func testKeysSortByCodeUnitsNotLocale() throws {
        XCTAssertEqual(
            try canonical(#"{"b":1,"B":2,"a":3,"aa":4,"A":5,"_":6,"":7}"#), #"{"":7,"A":5,"B":2,"_":6,"a":3,"aa":4,"b":1}"#)
    }

    func testDuplicateKeysLastWins() throws {
        XCTAssertEqual(try canonical(#"{"b":1,"a":2,"b":3}"#), #"{"a":2,"b":3}"#)
        XCTAssertEqual(try canonical(#"{"a":1,"\u0061":2}"#), #"{"a":2}"#)
        XCTAssertEqual(try canonical(#"{"a":{"x":1,"x":[2]},"a":{"y":3}}"#), #"{"a":{"y":3}}"#)
    }

    func testStringEscaping() throws {
        let input = #""\u0000\u0001\b\t\n\u000b\f\r\u001f\u007f\/\u2028 \"\\ é""#
        let expected = "\"\\u0000\\u0001\\b\\t\\n\\u000b\\f\\r\\u001f\u{7F}/\u{2028} \\\"\\\\ é\""
        XCTAssertEqual(try canonical(input), expected)
        XCTAssertEqual(try canonical(#""\u001F\u001A""#), #""\u001f\u001a""#)
    }

    func testWhitespaceStructureAndLiterals() throws {
        XCTAssertEqual(try canonical(" [ 1 , [ ] , { } , \"x\" , true , false , null ] "), #"[1,[],{},"x",true,false,null]"#)
        XCTAssertEqual(try canonical(#"{ "z" : [ { "b" : 1 , "a" : 2 } ] , "y" : { } }"#), #"{"y":{},"z":[{"a":2,"b":1}]}"#)
    }

    func testNumbersInECMAScriptForm() throws {
        let cases: [(String, String)] = [
            ("1e+30", "1e+30"), ("1E30", "1e+30"), ("4.50", "4.5"), ("2e-3", "0.002"), ("0.000001", "0.000001"),
            ("1e-7", "1e-7"), ("0.0000001234", "1.234e-7"), ("333333333.33333329", "333333333.3333333"), ("-0", "0"),
            ("-0.0", "0"), ("0e10", "0"), ("1e21", "1e+21"), ("1e20", "100000000000000000000"), ("123e-2", "1.23"),
            ("100", "100"), ("1.0", "1"), ("1e0", "1"), ("-1.5", "-1.5"), ("0.1", "0.1"), ("5e-324", "5e-324"),
            ("1.7976931348623157e308", "1.7976931348623157e+308"), ("123456789012345", "123456789012345"),
            ("1234567890123456", "1234567890123456"), ("123456789012345678", "123456789012345680"),
            ("9007199254740993", "9007199254740992"), ("12345678901234567890", "12345678901234567000"),
            ("-9007199254740993", "-9007199254740992"), ("0.1e1", "1"), ("10e-1", "1"),
        ]
        for (input, expected) in cases {
            XCTAssertEqual(try canonical(input), expected, input)
            XCTAssertEqual(try canonical("[\(input)]"), "[\(expected)]", input)
        }
    }

    /// RFC 8785 Appendix B: IEEE-754 bit patterns and their ECMAScript serialization.
    func testRFC8785AppendixBNumbers() {
        let vectors: [(UInt64, String)] = [
            (0x0000_0000_0000_0000, "0"), (0x8000_0000_0000_0000, "0"), (0x0000_0000_0000_0001, "5e-324"),
            (0x8000_0000_0000_0001, "-5e-324"), (0x7FEF_FFFF_FFFF_FFFF, "1.7976931348623157e+308"),
            (0xFFEF_FFFF_FFFF_FFFF, "-1.7976931348623157e+308"), (0x4340_0000_0000_0000, "9007199254740992"),
            (0xC340_0000_0000_0000, "-9007199254740992"), (0x4430_0000_0000_0000, "295147905179352830000"),
            (0x44B5_2D02_C7E1_4AF5, "9.999999999999997e+22"), (0x44B5_2D02_C7E1_4AF6, "1e+23"),
            (0x44B5_2D02_C7E1_4AF7, "1.0000000000000001e+23"), (0x444B_1AE4_D6E2_EF4E, "999999999999999700000"),
            (0x444B_1AE4_D6E2_EF4F, "999999999999999900000"), (0x444B_1AE4_D6E2_EF50, "1e+21"),
            (0x3EB0_C6F7_A0B5_ED8C, "9.999999999999997e-7"), (0x3EB0_C6F7_A0B5_ED8D, "0.000001"),
            (0x41B3_DE43_5555_5553, "333333333.3333332"), (0x41B3_DE43_5555_5554, "333333333.33333325"),
            (0x41B3_DE43_5555_5555, "333333333.3333333"), (0x41B3_DE43_5555_5556, "333333333.3333334"),
            (0x41B3_DE43_5555_5557, "333333333.33333343"), (0xBECB_F647_612F_3696, "-0.0000033333333333333333"),
            (0x4314_3FF3_C1CB_0959, "1424953923781206.2"),
        ]
        for (bits, expected) in vectors {
            XCTAssertEqual(ECMAScriptNumber.format(Double(bitPattern: bits)), expected, String(bits, radix: 16))
        }
    }

    func testWriteObjectFiltersMembersByRawKey() throws {
        try withTape(#"{"stream":true,"model":"m","user":"u","messages":[]}"#) { tape in
            var sink = ByteArraySink()
            CanonicalJSON.writeObject(tape, tape.root, to: &sink) { key in
                !["stream", "user"].contains(String(decoding: key, as: UTF8.self))
            }
            XCTAssertEqual(String(decoding: sink.bytes, as: UTF8.self), #"{"messages":[],"model":"m"}"#)
        }
    }

    func testHashingSinkCountsCanonicalBytesAndIgnoresFormatting() throws {
        func hashed(_ json: String) throws -> (UInt64, Int) {
            try withTape(json) { tape in
                var sink = HashingSink()
                CanonicalJSON.write(tape, tape.root, to: &sink)
                return (sink.hasher.finalize(), sink.byteCount)
            }
        }
        let compact = try hashed(#"{"a":[1,2.50],"b":"x"}"#)
        let spaced = try hashed(#"{ "b" : "x", "a" : [ 1, 2.5e0 ] }"#)
        XCTAssertEqual(compact.0, spaced.0)
        XCTAssertEqual(compact.1, #"{"a":[1,2.5],"b":"x"}"#.utf8.count)
        XCTAssertNotEqual(try hashed(#"{"a":[1,2.5],"b":"y"}"#).0, compact.0)
    }

    func testStreamHasherDependsOnlyOnTheBytes() {
        let bytes = Array("the quick brown fox jumps over the lazy dog, twice: the quick brown fox".utf8)
        var whole = StreamHasher()
        bytes.withUnsafeBytes { whole.update($0) }
        for split in [0, 1, 3, 7, 8, 9, 15, 16, 17, bytes.count] {
            var pieces = StreamHasher()
            bytes[..<split].withUnsafeBytes { pieces.update($0) }
            for byte in bytes[split...] { pieces.update(byte: byte) }
            XCTAssertEqual(pieces.finalize(), whole.finalize(), "split at \(split)")
            XCTAssertEqual(pieces.length, bytes.count)
        }
        var other = StreamHasher()
        bytes.dropLast().withUnsafeBytes { other.update($0) }
        XCTAssertNotEqual(other.finalize(), whole.finalize())
        XCTAssertNotEqual(StreamHasher(seed: 1).finalize(), StreamHasher(seed: 2).finalize())
    }
}
