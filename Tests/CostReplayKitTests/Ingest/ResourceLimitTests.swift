import CZlib
import Foundation
import XCTest

@testable import CostReplayKit

/// Issue 7, resource limits: gzip bombs run in bounded memory and say what they skipped, JSON
/// nested 100,000 deep is a malformed line rather than a stack overflow, and token counts that are
/// not 64-bit non-negative integers are `bad-usage`.
final class ResourceLimitTests: XCTestCase {
    /// Writes one gzip member of `prefix`, `repeats` copies of `chunk`, then `suffix`, compressing as
    /// it goes (a bomb is never held in memory, expanded or not). Returns the compressed size.
    @discardableResult
    static func writeGzipBomb(
        _ path: String, prefix: [UInt8] = [], chunk: [UInt8], repeats: Int, suffix: [UInt8] = []
    ) throws -> Int {
        FileManager.default.createFile(atPath: path, contents: nil)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        var stream = z_stream()
        precondition(
            deflateInit2_(
                &stream, 9, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
                == Z_OK)
        defer { deflateEnd(&stream) }
        var written = 0
        var scratch = [UInt8](repeating: 0, count: 1 << 16)
        func feed(_ bytes: [UInt8], finish: Bool) throws {
            var input = bytes
            try input.withUnsafeMutableBufferPointer { source in
                stream.next_in = source.baseAddress
                stream.avail_in = uInt(source.count)
                while true {
                    let result = scratch.withUnsafeMutableBufferPointer { target -> Int32 in
                        stream.next_out = target.baseAddress
                        stream.avail_out = uInt(target.count)
                        return deflate(&stream, finish ? Z_FINISH : Z_NO_FLUSH)
                    }
                    let produced = scratch.count - Int(stream.avail_out)
                    if produced > 0 {
                        try handle.write(contentsOf: Data(scratch[0..<produced]))
                        written += produced
                    }
                    if finish ? result == Z_STREAM_END : (stream.avail_in == 0 && stream.avail_out != 0) { break }
                }
            }
        }
        try feed(prefix, finish: false)
        for _ in 0..<repeats { try feed(chunk, finish: false) }
        try feed(suffix, finish: true)
        return written
    }

    /// 512 MiB of one line from under 1 MB of gzip: the line is `line-too-long`, the lines around it
    /// are read, and memory does not grow with it.
    func testGzipBombOfOneGiantLineRunsInBoundedMemory() throws {
        let directory = try makeTemporaryDirectory()
        let path = directory.path("one-line.jsonl.gz")
        let lines = IngestFixtures.lines(2)
        let compressed = try Self.writeGzipBomb(
            path, prefix: Array((lines[0] + "\n{\"pad\":\"").utf8), chunk: [UInt8](repeating: 0x78, count: 1 << 20),
            repeats: 512, suffix: Array(("\"}\n" + lines[1] + "\n").utf8))
        XCTAssertLessThan(compressed, 1 << 20)
        let before = peakResidentBytes()
        let result = try readRecords(path)
        let growth = peakResidentBytes() - before
        XCTAssertEqual(result.ids, ["c1", "c2"])
        XCTAssertEqual(result.stats.lines, 3)
        XCTAssertEqual(result.stats.malformed, [.lineTooLong: 1])
        XCTAssertEqual(result.malformed.map(\.line), [2])
        XCTAssertEqual(result.stats.bytes, Int64((512 << 20) + lines[0].utf8.count + lines[1].utf8.count + 13))
        XCTAssertNil(result.stats.damage)
        XCTAssertLessThan(growth, 200 << 20, "peak memory grew by \(growth >> 20) MiB for a 512 MiB line")
    }

    /// Two million short lines that are JSON but not calls, from a few KB of gzip: every line is
    /// counted, skipped by reason (20 examples kept), and memory does not grow with the count.
    func testGzipBombOfManyLinesCountsWhatItSkippedInBoundedMemory() throws {
        let directory = try makeTemporaryDirectory()
        let path = directory.path("many-lines.jsonl.gz")
        let chunk = [UInt8](String(repeating: "{\"a\":1}\n", count: 1 << 14).utf8)  // 128 KiB, 16,384 lines
        let repeats = 128
        let compressed = try Self.writeGzipBomb(
            path, prefix: Array(IngestFixtures.text(IngestFixtures.lines(1)).utf8), chunk: chunk, repeats: repeats)
        XCTAssertLessThan(compressed, 64 << 10)
        let before = peakResidentBytes()
        let result = try readRecords(path)
        let growth = peakResidentBytes() - before
        let skipped = Int64(repeats << 14)
        XCTAssertEqual(result.ids, ["c1"])
        XCTAssertEqual(result.stats.lines, skipped + 1)
        XCTAssertEqual(result.stats.malformed, [.missingTimestamp: skipped])
        XCTAssertEqual(result.malformed.count, InputSummary.malformedExampleLimit)
        XCTAssertLessThan(growth, 64 << 20, "peak memory grew by \(growth >> 20) MiB")
    }

    /// Gzip members of nothing, thousands of them: no lines, no damage, no hang.
    func testThousandsOfEmptyGzipMembers() throws {
        let directory = try makeTemporaryDirectory()
        let empty = Gzip.compress([])
        let member = Gzip.compress(Array(IngestFixtures.text(IngestFixtures.lines(1)).utf8))
        let path = try directory.write("members.jsonl.gz", bytes: Array(repeating: empty, count: 5_000).joined() + member)
        let result = try readRecords(path)
        XCTAssertEqual(result.ids, ["c1"])
        XCTAssertNil(result.stats.damage)
    }

    /// JSON nested 100,000 deep — bare, inside an envelope's request, and as objects — is a
    /// `too-deep` line; the lines around it are read.
    func testJSONNestedOneHundredThousandDeepIsTooDeep() throws {
        let depth = 100_000
        let arrays = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        let objects = String(repeating: "{\"a\":", count: depth) + "1" + String(repeating: "}", count: depth)
        let inRequest =
            #"{"id":"deep","ts":"2026-10-01T00:00:00Z","model":"m","request":{"messages":"#
            + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "}}"
        let unclosed = String(repeating: "[", count: depth)
        let lines = IngestFixtures.lines(2)
        let directory = try makeTemporaryDirectory()
        let path = try directory.write(
            "deep.jsonl", IngestFixtures.text([lines[0], arrays, objects, inRequest, unclosed, lines[1]]))
        let result = try readRecords(path)
        XCTAssertEqual(result.ids, ["c1", "c2"])
        XCTAssertEqual(result.stats.malformed, [.tooDeep: 4])
        XCTAssertEqual(result.malformed.map(\.line), [2, 3, 4, 5])
        XCTAssertEqual(jsonParseError(arrays), .tooDeep)
        // Exactly at the limit parses.
        XCTAssertNil(jsonParseError(String(repeating: "[", count: 512) + String(repeating: "]", count: 512)))
    }

    /// Nesting just under the limit inside the parts of a request the decoder canonicalizes (prompt
    /// units, tool inputs, OpenAI `arguments` strings) decodes without exhausting the stack.
    func testDeepButAllowedNestingInsideBodiesDecodes() throws {
        let depth = 500
        let nested = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        let arguments = String(repeating: "[", count: 5_000) + String(repeating: "]", count: 5_000)
        let line =
            #"{"id":"d","ts":"2026-10-01T00:00:00Z","request":{"model":"gpt-4o","messages":[{"role":"user","content":"#
            + String(nested.dropFirst(6).dropLast(6))
            + #"}]},"response":{"object":"chat.completion","model":"gpt-4o","choices":[{"index":0,"message":{"role":"assistant","tool_calls":[{"type":"function","function":{"name":"f","arguments":""#
            + arguments + #""}}]}}],"usage":{"prompt_tokens":1,"completion_tokens":1}}}"#
        let call = try decodeEnvelope(line)
        XCTAssertEqual(call.id, "d")
    }

    /// Token counts outside 0…10¹², or not integer literals, are `bad-usage`, never wrapped,
    /// truncated or rounded: 64-bit overflow, NaN and Infinity spelled as strings, floats, negatives.
    func testTokenCountsThatAreNotSmallNonNegativeIntegersAreBadUsage() {
        let bad = [
            "9223372036854775807", "9223372036854775808", "18446744073709551616", "99999999999999999999999999999999",
            "-9223372036854775808", "-9223372036854775809", "-1", "1.5", "0.0", "1e2", "1E400", "-0.0",
            #""NaN""#, #""Infinity""#, #""-Infinity""#, #""1""#, "true", "[1]", #"{"n":1}"#,
        ]
        for value in bad {
            let line = envelopeLine(id: "x", ts: "2026-10-01T00:00:00Z", user: "u", input: 1, output: 1)
                .replacingOccurrences(of: "\"output_tokens\":1", with: "\"output_tokens\":\(value)")
            XCTAssertTrue(line.contains(value))
            XCTAssertEqual(envelopeFailure(line), .badUsage, value)
        }
        // Bare NaN or Infinity is not JSON at all.
        for value in ["NaN", "Infinity", "-Infinity", "+1", "01"] {
            let line = envelopeLine(id: "x", ts: "2026-10-01T00:00:00Z", user: "u", input: 1, output: 1)
                .replacingOccurrences(of: "\"output_tokens\":1", with: "\"output_tokens\":\(value)")
            XCTAssertNotNil(jsonParseError(line), value)
        }
        // -0 is the integer zero.
        let zero = envelopeLine(id: "x", ts: "2026-10-01T00:00:00Z", user: "u", input: 1, output: 1)
            .replacingOccurrences(of: "\"output_tokens\":1", with: "\"output_tokens\":-0")
        XCTAssertNil(envelopeFailure(zero))
    }
}

/// Issue 7: with 10¹² tokens per bucket, 300,000 maximal o1-pro calls (a 1.6 MB gzip) overflowed the
/// Int128 totals and trapped. With the cap at 10⁹, how many maximal calls of the embedded book's
/// dearest entry fit in the totals.
final class MoneyHeadroomTests: XCTestCase {
    func testTotalsHoldOverOneHundredMillionMaximalCalls() throws {
        let book = PriceBookLoader.embedded()
        let most = Usage.maxTokensPerBucket
        let usage = Usage(input: most, cacheWrite5m: most, cacheWrite1h: most, cacheRead: most, output: most)
        var dearest = Money.zero
        for entries in book.entriesByID.values {
            for entry in entries {
                for tier in ServiceTier.allCases {
                    let cost = entry.cost(of: usage, serviceTier: tier)
                    if cost > dearest { dearest = cost }
                }
            }
        }
        XCTAssertGreaterThan(dearest, Money.zero)
        let calls = Int128.max / dearest.raw
        XCTAssertGreaterThan(calls, 100_000_000, "maximal calls before the totals overflow: \(calls)")
    }
}
