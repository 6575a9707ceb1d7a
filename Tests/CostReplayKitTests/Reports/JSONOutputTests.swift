import Foundation
import XCTest

@testable import CostReplayKit

/// SPEC §7.2: machine outputs with sorted keys and money rounded to micro-dollars.
final class JSONOutputTests: XCTestCase {
    func testKeysAreSortedAndValuesFormatted() {
        let document = JSONOutput.object([
            "zeta": .int(3),
            "alpha": .object(["b": .money(dollars("0.0000005")), "a": .money(dollars("12")), "B": .null]),
            "list": .array([.string("x\"y\n\u{1}"), .bool(true), .bool(false), .array([]), .object([:])]),
            "é": .string("é"),
            "Z": .int(-1),
        ])
        XCTAssertEqual(
            document.rendered(),
            #"""
            {
              "Z": -1,
              "alpha": {
                "B": null,
                "a": 12.0,
                "b": 0.000001
              },
              "list": [
                "x\"y\n\u0001",
                true,
                false,
                [],
                {}
              ],
              "zeta": 3,
              "é": "é"
            }

            """#)
    }

    func testRenderedJSONParses() throws {
        let document = JSONOutput.object(["a": .array([.int(1), .money(dollars("2.5"))]), "b": .string("\u{2028}")])
        let parsed = try JSONSerialization.jsonObject(with: Data(document.rendered().utf8)) as? [String: Any]
        XCTAssertEqual(parsed?["b"] as? String, "\u{2028}")
        XCTAssertEqual((parsed?["a"] as? [Any])?.count, 2)
    }
}
