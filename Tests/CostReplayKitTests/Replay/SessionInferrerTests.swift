import XCTest

@testable import CostReplayKit

/// SPEC §6.4: sessions inferred per user from gaps between session-less calls.
final class SessionInferrerTests: XCTestCase {
    private func record(_ time: String, user: String?, session: String? = nil) -> CallRecord {
        var record = CallRecord(
            id: time, origin: RecordOrigin(fileIndex: 0, line: 1), start: timestamp(time), end: timestamp(time), model: "m")
        record.user = user
        record.session = session
        return record
    }

    func testGapStrictlyGreaterThanThirtyMinutesStartsANewSession() {
        var inferrer = SessionInferrer(gapMicros: 30 * 60 * 1_000_000)
        let calls = [
            record("2026-10-01T10:00:00.000Z", user: "u"),
            record("2026-10-01T10:30:00.000Z", user: "u"),  // gap exactly 30m: same session
            record("2026-10-01T10:45:00.000Z", user: "v"),
            record("2026-10-01T10:50:00.000Z", user: "u", session: "explicit"),  // does not extend u's gap
            record("2026-10-01T11:00:00.001Z", user: "u"),  // 30m + 1ms after u's last session-less call
            record("2026-10-01T11:10:00.000Z", user: "v"),
            record("2026-10-01T11:15:00.123Z", user: "v"),
            record("2026-10-01T11:20:00.000Z", user: nil),
        ]
        let sessions = calls.map { call in inferrer.session(for: call).map { "\($0.id)|\($0.inferred)" } }
        XCTAssertEqual(
            sessions,
            [
                "inferred:u:2026-10-01T10:00:00.000Z|true",
                "inferred:u:2026-10-01T10:00:00.000Z|true",
                "inferred:v:2026-10-01T10:45:00.000Z|true",
                "explicit|false",
                "inferred:u:2026-10-01T11:00:00.001Z|true",
                "inferred:v:2026-10-01T10:45:00.000Z|true",
                "inferred:v:2026-10-01T10:45:00.000Z|true",
                nil,
            ])
    }

    func testSessionsThroughTheReplayer() throws {
        let directory = try makeTemporaryDirectory()
        let path = try directory.write(
            "a.jsonl",
            IngestFixtures.text([
                envelopeLine(id: "1", ts: "2026-10-01T10:00:00.250Z", user: "alice"),
                envelopeLine(id: "2", ts: "2026-10-01T10:31:00Z", user: "alice"),
                envelopeLine(id: "3", ts: "2026-10-01T10:32:00Z", user: "alice", session: "run-1"),
                envelopeLine(id: "4", ts: "2026-10-01T10:33:00Z"),
            ]))
        let (calls, _) = try replay([InputFile(pathKey: path, path: path)], options: try simpleOptions())
        XCTAssertEqual(
            calls.map(\.session),
            [
                "inferred:alice:2026-10-01T10:00:00.250Z", "inferred:alice:2026-10-01T10:31:00.000Z", "run-1", nil,
            ])
        XCTAssertEqual(calls.map(\.sessionInferred), [true, true, false, false])
    }
}
