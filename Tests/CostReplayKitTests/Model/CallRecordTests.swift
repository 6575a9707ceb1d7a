import XCTest

@testable import CostReplayKit

/// CallRecord keeps its text fields in a shared copy-on-write box; it must still behave as a value.
final class CallRecordTests: XCTestCase {
    private func record() -> CallRecord {
        var record = CallRecord(
            id: "a", origin: RecordOrigin(fileIndex: 0, line: 1), start: Timestamp(micros: 0),
            end: Timestamp(micros: 5), model: "m")
        record.user = "alice"
        record.tags = ["env": "prod"]
        record.usage = Usage(input: 10, output: 2)
        return record
    }

    func testACopyIsIndependentOfTheOriginal() {
        let original = record()
        var copy = original
        copy.user = "bob"
        copy.tags["env"] = "dev"
        copy.tags["app"] = "x"
        copy.usage?.output = 7
        copy.start = Timestamp(micros: 9)
        XCTAssertEqual(original.user, "alice")
        XCTAssertEqual(original.tags, ["env": "prod"])
        XCTAssertEqual(original.usage?.output, 2)
        XCTAssertEqual(original.start, Timestamp(micros: 0))
        XCTAssertEqual(copy.user, "bob")
        XCTAssertEqual(copy.tags, ["env": "dev", "app": "x"])
        XCTAssertEqual(copy.usage?.output, 7)
    }

    func testMutatingTheOriginalLeavesEarlierCopiesAlone() {
        var original = record()
        let copies = (0..<3).map { _ in original }
        original.tags["env"] = "staging"
        original.body = BodyFacts()
        for copy in copies {
            XCTAssertEqual(copy.tags, ["env": "prod"])
            XCTAssertNil(copy.body)
        }
        XCTAssertEqual(original.tags, ["env": "staging"])
        XCTAssertNotNil(original.body)
    }
}
