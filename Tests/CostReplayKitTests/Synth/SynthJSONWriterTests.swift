import Foundation
import XCTest

@testable import CostReplayKit

final class SynthJSONWriterTests: XCTestCase {
    func testEscapesRoundTripThroughJSONSerialization() throws {
        let tricky = "quote \" backslash \\ newline \n tab \t cr \r bell \u{07} nul \u{00} unit \u{1F} zoë 東京 🚀 </script>"
        var w = SynthJSONWriter()
        w.objectStart()
        w.key("s"); w.string(tricky)
        w.key("b"); w.string(bytes: Array(tricky.utf8))
        w.key("n"); w.int(-1_234_567_890_123)
        w.key("z"); w.int(0)
        w.key("t"); w.decimal(thousandths: 700)
        w.key("a"); w.arrayStart(); w.int(1); w.null(); w.bool(true); w.arrayStart(); w.arrayEnd(); w.objectStart();
        w.objectEnd(); w.arrayEnd()
        w.objectEnd()
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(w.bytes)) as? [String: Any])
        XCTAssertEqual(object["s"] as? String, tricky)
        XCTAssertEqual(object["b"] as? String, tricky)
        XCTAssertEqual((object["n"] as? NSNumber)?.int64Value, -1_234_567_890_123)
        XCTAssertEqual((object["z"] as? NSNumber)?.intValue, 0)
        XCTAssertEqual((object["t"] as? NSNumber)?.doubleValue, 0.7)
        XCTAssertEqual((object["a"] as? [Any])?.count, 5)
    }

    func testRawElementsJoinWithFollowingValues() throws {
        var w = SynthJSONWriter()
        w.arrayStart()
        w.rawElements(Array("1,2".utf8), count: 2)
        w.raw(Array("3".utf8))
        w.arrayEnd()
        XCTAssertEqual(String(decoding: w.bytes, as: UTF8.self), "[1,2,3]")
    }

    func testTimestampsAreISOWithMilliseconds() {
        var out: [UInt8] = []
        SynthTimestamp.append(ms: 1_790_812_800_000 + 45_296_789, to: &out)  // 2026-10-01 12:34:56.789
        XCTAssertEqual(String(decoding: out, as: UTF8.self), "2026-10-01T12:34:56.789Z")
        out = []
        SynthTimestamp.append(ms: 951_782_400_000, to: &out)  // leap day
        XCTAssertEqual(String(decoding: out, as: UTF8.self), "2000-02-29T00:00:00.000Z")
    }
}
