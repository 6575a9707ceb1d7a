import XCTest

@testable import CostReplayKit

/// SPEC §3.4: replay order, duplicates and late records across files.
final class ReplayerTests: XCTestCase {
    /// Writes `files` (name → lines) into a fresh directory and replays it as one directory input.
    private func replayDirectory(_ files: [String: [String]], options: AnalysisOptions? = nil) throws
        -> (calls: [ReplayedCall], summary: InputSummary, root: String)
    {
        let directory = try makeTemporaryDirectory()
        let root = try directory.makeFolder("logs")
        for (name, lines) in files { try directory.write("logs/" + name, IngestFixtures.text(lines)) }
        let (calls, summary) = try replay(try InputDiscovery.discover([root]), options: try options ?? simpleOptions())
        return (calls, summary, root)
    }

    private func line(_ id: String, _ time: String, user: String? = nil, model: String = "claude-test") -> String {
        envelopeLine(id: id, ts: "2026-10-01T" + time + "Z", model: model, user: user)
    }

    func testFilesAreReplayedByStartThenPathKeyThenLine() throws {
        let result = try replayDirectory([
            "b.jsonl": [line("b1", "10:00:00"), line("b2", "10:00:00"), line("b3", "10:02:00")],
            "a.jsonl": [line("a1", "10:00:00"), line("a2", "10:01:00"), line("a3", "10:02:00")],
            "sub/c.jsonl": [line("c1", "09:59:59.999"), line("c2", "10:00:00")],
        ])
        XCTAssertEqual(result.calls.map(\.record.id), ["c1", "a1", "b1", "b2", "c2", "a2", "a3", "b3"])
        XCTAssertEqual(result.summary.files.map(\.pathKey), ["a.jsonl", "b.jsonl", "sub/c.jsonl"].map { result.root + "/" + $0 })
        XCTAssertEqual(result.summary.calls, 8)
        XCTAssertEqual(result.summary.lines, 8)
        XCTAssertEqual(result.summary.firstStart, timestamp("2026-10-01T09:59:59.999Z"))
        XCTAssertEqual(result.summary.lastStart, timestamp("2026-10-01T10:02:00Z"))
    }

    func testNearlySortedFilesComeOutSorted() throws {
        let result = try replayDirectory([
            "a.jsonl": [
                line("1", "10:05:00"), line("2", "10:00:00"), line("3", "10:14:59"), line("4", "10:10:00"), line("5", "10:20:00"),
            ]
        ])
        XCTAssertEqual(result.calls.map(\.record.id), ["2", "1", "4", "3", "5"])
        XCTAssertEqual(result.summary.late, 0)
    }

    func testDuplicatesCountOnceKeepingTheFirstInReplayOrder() throws {
        let result = try replayDirectory([
            // The copy in b.jsonl starts earlier: it is first in replay order and kept.
            "a.jsonl": [
                line("x", "10:05:00", user: "from-a"), line("y", "10:06:00", user: "from-a"),
                line("z", "10:07:00", user: "from-a"),
            ],
            "b.jsonl": [
                line("x", "10:00:00", user: "from-b"), line("y", "10:06:00", user: "from-b"),
                line("y", "10:08:00", user: "again"),
            ],
        ])
        XCTAssertEqual(result.calls.map(\.record.id), ["x", "y", "z"])
        // Equal starts: the path key decides (a.jsonl before b.jsonl).
        XCTAssertEqual(result.calls.map(\.record.user), ["from-b", "from-a", "from-a"])
        XCTAssertEqual(result.summary.duplicates, 3)
        XCTAssertEqual(result.summary.calls, 3)
        XCTAssertEqual(result.summary.files.map(\.records), [3, 3])
    }

    func testRecordsWithoutIdAreNeverDuplicates() throws {
        let noID = envelopeLine(id: nil, ts: "2026-10-01T10:00:00Z")
        let result = try replayDirectory(["a.jsonl": [noID, noID, noID]])
        XCTAssertEqual(result.calls.map(\.record.id), (1...3).map { result.root + "/a.jsonl:\($0)" })
        XCTAssertEqual(result.summary.duplicates, 0)
    }

    func testLateRecordsAreCountedPerFile() throws {
        let result = try replayDirectory([
            "a.jsonl": [
                line("a1", "10:00:00"),
                line("a2", "10:30:00"),
                line("a3", "10:15:00"),  // exactly 15 minutes earlier: not late
                line("a4", "10:14:59.999"),  // more than 15 minutes earlier: late
                line("a5", "10:29:00"),
                line("a6", "09:00:00"),  // late
                line("a7", "10:31:00"),
            ],
            // Earlier than what a.jsonl read, but lateness is per file.
            "b.jsonl": [line("b1", "09:00:00"), line("b2", "08:50:00")],
        ])
        XCTAssertEqual(result.summary.late, 2)
        XCTAssertEqual(result.summary.files.map(\.late), [2, 0])
        XCTAssertEqual(result.summary.calls, 9)
        XCTAssertEqual(Set(result.calls.map(\.record.id)), ["a1", "a2", "a3", "a4", "a5", "a6", "a7", "b1", "b2"])
        // The records that are not late keep exact replay order.
        let onTime = result.calls.map(\.record.id).filter { !["a4", "a6"].contains($0) }
        XCTAssertEqual(onTime, ["b2", "b1", "a1", "a3", "a5", "a2", "a7"])
    }

    func testMaxLatenessIsConfigurable() throws {
        var options = try simpleOptions()
        options.maxLatenessMicros = 60 * 1_000_000
        let result = try replayDirectory(
            ["a.jsonl": [line("1", "10:00:00"), line("2", "10:02:00"), line("3", "10:01:00"), line("4", "10:00:59")]],
            options: options)
        XCTAssertEqual(result.summary.late, 1)
    }

    func testPricingAndUnpricedModels() throws {
        let result = try replayDirectory([
            "a.jsonl": [
                line("p", "10:00:00"), line("u1", "10:01:00", model: "mystery-model"),
                line("u2", "10:02:00", model: "mystery-model"),
            ]
        ])
        XCTAssertEqual(result.calls.map(\.pricedModel), ["claude-test", nil, nil])
        // 100 input × $1 + 10 output × $2 per million
        XCTAssertEqual(result.calls.map { $0.cost?.exactDecimal }, ["0.00012", nil, nil])
        XCTAssertEqual(result.summary.unpricedCalls, 2)
        XCTAssertEqual(result.summary.unpricedModels["mystery-model"]?.calls, 2)
        XCTAssertEqual(result.summary.unpricedModels["mystery-model"]?.inputTokens, 200)
        XCTAssertEqual(result.summary.unpricedModels["mystery-model"]?.outputTokens, 20)
    }

    func testFailedCallWithoutUsageCostsZeroAndIsNeverUnpriced() throws {
        let failed = #"{"id":"f","ts":"2026-10-01T10:00:00Z","model":"mystery-model","status":500,"error":{"message":"x"}}"#
        let result = try replayDirectory(["a.jsonl": [failed]])
        XCTAssertEqual(result.calls.first?.cost, .zero)
        XCTAssertEqual(result.calls.first?.usage, .zero)
        XCTAssertEqual(result.summary.unpricedCalls, 0)
    }

    func testSinceAndUntilExcludeCalls() throws {
        var options = try simpleOptions()
        options.since = timestamp("2026-10-01T10:01:00Z")
        options.until = timestamp("2026-10-01T10:03:00Z")
        let result = try replayDirectory(["a.jsonl": (0..<5).map { line("c\($0)", "10:0\($0):00") }], options: options)
        XCTAssertEqual(result.calls.map(\.record.id), ["c1", "c2"])
        XCTAssertEqual(result.summary.outsidePeriod, 3)
    }
}
