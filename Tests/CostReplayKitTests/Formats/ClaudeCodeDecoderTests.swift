import Foundation
import XCTest

@testable import CostReplayKit

/// SPEC §3.4, §3.6 claude-code: transcripts under a `~/.claude/projects`-shaped directory
/// (fixtures/formats/claude-code, written from Claude Code's transcript entry format).
final class ClaudeCodeDecoderTests: XCTestCase {
    static let project = "claude-code/projects/-Users-alice-src-shop"
    static let session = "7f3c1a9e-2b4d-4c1e-9f7a-0d5e6b8c9a10"
    static let main = "\(project)/\(session).jsonl"
    static let subagent = "\(project)/\(session)/subagents/agent-a1b2.jsonl"

    func testTranscriptCounts() throws {
        let result = try readFormatFixture(Self.main)
        XCTAssertEqual(result.stats.format, .claudeCode)
        XCTAssertEqual(result.stats.lines, 17)
        XCTAssertEqual(result.stats.nonCalls, [.synthetic: 2], "<synthetic> model and isApiErrorMessage")
        XCTAssertEqual(result.malformedLines, [17: .badTimestamp])
        XCTAssertEqual(result.stats.records, 4, "four calls from nine assistant entries")
        XCTAssertEqual(
            result.ids, ["msg_01A:req_01A", "msg_02B:req_02B", "msg_03C:req_03C", formatFixture(Self.main) + ":16"])
    }

    func testEntriesOfOneCallAreMerged() throws {
        let call = try readFormatFixture(Self.main).record("msg_01A:req_01A")
        // The placeholder entries (output 1) lose to the final counts.
        XCTAssertEqual(call.usage, Usage(input: 3, cacheWrite1h: 5000, cacheRead: 10000, output: 245))
        XCTAssertEqual(call.start, timestamp("2025-10-01T09:00:03.100Z"))
        XCTAssertEqual(call.end, timestamp("2025-10-01T09:00:07.000Z"))
        XCTAssertEqual(call.origin.line, 3)
        XCTAssertEqual(
            call.body?.toolCalls.map(\.name), ["Read", "Bash"], "tool_use blocks of all entries in file order")
        XCTAssertNil(call.body?.requestKey, "transcripts have no request bodies")
        XCTAssertEqual(call.body?.toolErrors, 0)
        XCTAssertEqual(call.stopReason, "tool_use")
        XCTAssertEqual(call.session, Self.session)
        XCTAssertEqual(call.team, "shop", "basename of cwd")
        XCTAssertNil(call.user)
        XCTAssertEqual(call.model, "claude-sonnet-4-5-20250929")
        XCTAssertEqual(call.serviceTier, .standard)
    }

    func testTiesPreferTheNonSidechainEntry() throws {
        let call = try readFormatFixture(Self.main).record("msg_03C:req_03C")
        XCTAssertEqual(call.usage, Usage(input: 60, output: 40))
        XCTAssertEqual(call.start, timestamp("2025-10-01T09:01:00Z"))
        XCTAssertEqual(call.origin.line, 13)
    }

    func testSubagentFileTeamFromProjectFolder() throws {
        let result = try readFormatFixture(Self.subagent)
        XCTAssertEqual(result.stats.format, .claudeCode)
        let call = try result.record("msg_10S:req_10S")
        XCTAssertEqual(call.team, "-Users-alice-src-shop", "no cwd: the project folder")
        XCTAssertEqual(call.usage, Usage(input: 4, cacheWrite5m: 2000, output: 90))
        XCTAssertEqual(call.body?.toolCalls.count, 1, "the repeated tool_use block counts once")
        XCTAssertEqual(call.session, Self.session)
    }

    func testProjectsDirectoryAndSeveralMachines() throws {
        let directory = try makeTemporaryDirectory()
        let source = URL(fileURLWithPath: formatFixture("claude-code/projects"))
        for machine in ["laptop", "desktop"] {
            try FileManager.default.createDirectory(
                atPath: directory.path("\(machine)/.claude"), withIntermediateDirectories: true)
            try FileManager.default.copyItem(
                at: source, to: URL(fileURLWithPath: directory.path("\(machine)/.claude/projects")))
        }
        let one = try replay(try InputDiscovery.discover([directory.path("laptop")]), options: try simpleOptions())
        XCTAssertEqual(one.summary.files.count, 2, "session and subagent files")
        XCTAssertEqual(one.summary.calls, 5)
        let both = try replay(
            try InputDiscovery.discover([directory.path("laptop"), directory.path("desktop")]), options: try simpleOptions())
        // The same calls merged from two machines count once, except the entry without message.id,
        // whose id is PATHKEY:LINE.
        XCTAssertEqual(both.summary.calls, 6)
        XCTAssertEqual(both.summary.duplicates, 4)
        XCTAssertEqual(both.summary.nonCalls, [.synthetic: 4])
    }

    func testGrouperCompletesCallsOnceTheFileMovesOn() {
        func entry(_ id: String, _ second: Int64, line: Int64, output: Int64, sidechain: Bool = false) -> CallRecord {
            var record = CallRecord(
                id: id, origin: RecordOrigin(fileIndex: 0, line: line), start: Timestamp(micros: second * 1_000_000),
                end: Timestamp(micros: second * 1_000_000), model: "m")
            record.usage = Usage(input: 1, output: output)
            record.sidechain = sidechain
            return record
        }
        var grouper = ClaudeCodeGrouper(closeAfterMicros: 60_000_000)
        XCTAssertEqual(grouper.add([entry("a", 0, line: 1, output: 1), entry("b", 5, line: 2, output: 3)]).map(\.id), [])
        // Entries of "a" arrive in a later batch: still merged.
        XCTAssertEqual(grouper.add([entry("a", 10, line: 3, output: 7)]).map(\.id), [])
        let completed = grouper.add([entry("c", 200, line: 4, output: 1)])
        XCTAssertEqual(completed.map(\.id), ["a", "b"], "in order of their first entry")
        XCTAssertEqual(completed[0].usage?.output, 7)
        XCTAssertEqual(completed[0].start, Timestamp(micros: 0))
        XCTAssertEqual(completed[0].end, Timestamp(micros: 10_000_000))
        XCTAssertEqual(completed[0].origin.line, 1)
        XCTAssertEqual(grouper.flush().map(\.id), ["c"])

        var ties = ClaudeCodeGrouper()
        _ = ties.add([
            entry("t", 0, line: 1, output: 5, sidechain: true), entry("t", 1, line: 2, output: 5),
            entry("t", 2, line: 3, output: 5, sidechain: true),
        ])
        let tied = ties.flush()
        XCTAssertEqual(tied.count, 1)
        XCTAssertFalse(tied[0].sidechain, "equal totals: the non-sidechain entry")
    }

    func testProjectFolderAndBasename() {
        XCTAssertEqual(ClaudeCodeDecoder.projectFolder(of: "/h/.claude/projects/-Users-a-x/s.jsonl"), "-Users-a-x")
        XCTAssertEqual(
            ClaudeCodeDecoder.projectFolder(of: "/h/.claude/projects/-Users-a-x/s/subagents/agent-1.jsonl"), "-Users-a-x")
        XCTAssertEqual(ClaudeCodeDecoder.projectFolder(of: "logs/proj/s/subagents/agent-1.jsonl"), "proj")
        XCTAssertEqual(ClaudeCodeDecoder.projectFolder(of: "logs/proj/s.jsonl"), "proj")
        XCTAssertEqual(ClaudeCodeDecoder.basename("/Users/alice/src/shop/"), "shop")
        XCTAssertEqual(ClaudeCodeDecoder.basename(#"C:\Users\bob\repo"#), "repo")
    }
}

/// The entries of one call may straddle the ~1 MiB batches that are decoded in parallel.
final class ClaudeCodeBatchBoundaryTests: XCTestCase {
    func testEntriesSplitAcrossBatchesMergeIntoOneCall() throws {
        let filler = String(repeating: "x", count: 4000)
        var lines: [String] = []
        func assistant(_ second: Int, _ id: Int, output: Int, tool: String? = nil) -> String {
            let content = tool.map { #"[{"type":"tool_use","id":"t","name":"\#($0)","input":{}}]"# } ?? "[]"
            return
                #"{"type":"assistant","sessionId":"s","cwd":"/w/p","timestamp":"2025-10-01T10:\#(String(format: "%02d", second / 60)):\#(String(format: "%02d", second % 60))Z","requestId":"r\#(id)","message":{"id":"m\#(id)","model":"claude-test","content":\#(content),"usage":{"input_tokens":10,"output_tokens":\#(output)}}}"#
        }
        // 300 calls of two entries each, with ~4 KB user lines between them: ~1.2 MiB, so at
        // least one call's entries fall into different batches.
        for call in 0..<300 {
            // Two seconds apart: calls are completed (5 minutes on) while the file is still read.
            lines.append(assistant(2 * call, call, output: 1, tool: "a"))
            lines.append(
                #"{"type":"user","sessionId":"s","timestamp":"2025-10-01T10:00:00Z","message":{"role":"user","content":"\#(filler)"}}"#
            )
            lines.append(assistant(2 * call, call, output: 50, tool: "b"))
        }
        let directory = try makeTemporaryDirectory()
        let path = try directory.write("projects/p/s.jsonl", lines.joined(separator: "\n") + "\n")
        let result = try readRecords(path)
        XCTAssertEqual(result.records.count, 300)
        XCTAssertEqual(result.stats.records, 300)
        XCTAssertTrue(result.records.allSatisfy { $0.usage?.output == 50 })
        XCTAssertTrue(result.records.allSatisfy { $0.body?.toolCalls.map(\.name) == ["a", "b"] })
        XCTAssertEqual(result.stats.late, 0)
        XCTAssertEqual(result.ids, (0..<300).map { "m\($0):r\($0)" }, "in start order")
    }
}
