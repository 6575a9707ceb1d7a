import XCTest

@testable import CostReplayKit

/// Policy state must follow live keys and windows, not the number of calls (regressions).
final class MemoryBoundPolicyTests: XCTestCase {
    private func context(id: Int, user: String, startSeconds: Int64, requestKey: UInt64) -> CallContext {
        var record = CallRecord(
            id: "c\(id)", origin: RecordOrigin(fileIndex: 0, line: Int64(id)),
            start: Timestamp(micros: startSeconds * 1_000_000),
            end: Timestamp(micros: startSeconds * 1_000_000 + 500_000), model: "m")
        record.user = user
        record.succeeded = true
        var body = BodyFacts()
        body.requestKey = requestKey
        record.body = body
        let call = ReplayedCall(
            record: record, session: nil, sessionInferred: false, pricedModel: nil, priceEntry: nil,
            usage: .zero, cost: nil)
        return CallContext(call: call, task: "unknown", complexity: 1, isWastedRetry: false, userID: 0)
    }

    /// Every request distinct: expired entries used never to be swept (the sweep waited for the
    /// inserts to outnumber a count that grew with them).
    func testResponseCacheDropsExpiredEntriesWhenEveryKeyIsNew() {
        var cache = ResponseCache(
            config: ResponseCacheConfig(
                identity: PolicyIdentity(name: "rc", kind: .responseCache, combined: true)))
        for index in 0..<50_000 {
            let call = context(id: index, user: "u", startSeconds: Int64(index), requestKey: UInt64(index))
            XCTAssertFalse(cache.isHit(call))
            cache.commit(call)
        }
        // One call per second and a 300 s TTL: a few hundred live entries, plus at most one sweep's worth.
        XCTAssertLessThan(cache.entryCount, 10_000)
    }

    func testLoopHistoryStaysAtTheWindowAndStillCountsEveryToolCall() {
        var config = LoopConfig(identity: PolicyIdentity(name: "loop", kind: .loop, combined: true))
        config.maxToolCalls = 500
        config.maxRepeats = 0
        config.alternating = 0
        var detector = LoopDetector(config: config)
        for index in 0..<500 {
            let halt = detector.afterCall(session: 0, toolCalls: [ToolCall(name: "t", canonicalInput: "{\"i\":\(index)}")])
            XCTAssertNil(halt, "call \(index + 1) is within max_tool_calls")
        }
        XCTAssertLessThanOrEqual(detector.historyCount(0), 2 * config.repeatWindow)
        let halt = detector.afterCall(session: 0, toolCalls: [ToolCall(name: "t", canonicalInput: "{}")])
        XCTAssertEqual(halt?.reason, "max_tool_calls", "the 501st tool call halts although only the window is kept")
    }
}
