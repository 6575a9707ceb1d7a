import XCTest

@testable import CostReplayKit

/// Found by the FuzzTimestamp harness (issue 7): the month before `--period 1970-01` was built with
/// a force-unwrapped failable initializer that rejects 1969, so the run trapped.
final class ReportPeriodFuzzRegressionTests: XCTestCase {
    func testTheMonthBeforeJanuary1970() throws {
        let january = try XCTUnwrap(ReportPeriod(text: "1970-01"))
        XCTAssertEqual(january.previous.label, "1969-12")
        let clock = try XCTUnwrap(ZoneClock(identifier: "America/New_York"))
        let bounds = january.previous.bounds(in: clock)
        XCTAssertEqual(bounds.end, january.bounds(in: clock).start)
        XCTAssertEqual(bounds.start.isoMillis, "1969-12-01T05:00:00.000Z")
        XCTAssertNil(ReportPeriod(text: "1969-12"), "still not a period a user can ask for")
    }
}
