import XCTest

@testable import CostReplayKit

/// Regressions found by the FuzzJSON harness (issue 7, docs/fuzzing.md).
final class CanonicalJSONFuzzRegressionTests: XCTestCase {
    func canonicalBytes(_ bytes: [UInt8]) throws -> [UInt8] {
        try withTape(bytes: bytes) { tape in
            var sink = ByteArraySink()
            CanonicalJSON.write(tape, tape.root, to: &sink)
            return sink.bytes
        }
    }

    /// Keys with invalid UTF-8 sort as U+FFFD (as they decode everywhere) whether or not the other
    /// key was escaped, so the canonical form is a fixed point. Before, an escaped key was compared
    /// decoded and an unescaped one by raw bytes: `{"\u67aa":…,"\xAD":…}` came out in one order and
    /// its canonical form in the other (crash-18e5f96d… minimized).
    func testInvalidUTF8KeysSortTheSameEscapedOrNot() throws {
        let input: [UInt8] = Array(#"{"\u67aa":"",""#.utf8) + [0xAD] + Array(#"":[]}"#.utf8)
        let once = try canonicalBytes(input)
        XCTAssertEqual(try canonicalBytes(once), once)
        // U+67AA (UTF-16 0x67AA) sorts before U+FFFD.
        XCTAssertEqual(once, Array("{\"\u{67AA}\":\"\",\"".utf8) + [0xAD] + Array("\":[]}".utf8))
        // Raw invalid bytes against raw valid ones: the same order.
        let raw: [UInt8] = Array("{\"\u{67AA}\":1,\"".utf8) + [0xAD] + Array("\":2}".utf8)
        XCTAssertEqual(try canonicalBytes(raw), Array("{\"\u{67AA}\":1,\"".utf8) + [0xAD] + Array("\":2}".utf8))
        let reversed: [UInt8] = Array("{\"".utf8) + [0xAD] + Array("\":2,\"\u{67AA}\":1}".utf8)
        XCTAssertEqual(try canonicalBytes(reversed), try canonicalBytes(raw))
    }
}
