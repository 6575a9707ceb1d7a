import XCTest

@testable import CostReplayKit

/// SPEC §3.5: a truncated or corrupt gzip stream: every complete line before the damage is used,
/// and the damage is reported with the compressed byte offset.
final class GzipDamageTests: XCTestCase {
    private let lines = IngestFixtures.lines(400)

    /// One member with a full flush after every line, so line boundaries have known offsets.
    private var flushed: (bytes: [UInt8], flushOffsets: [Int]) {
        Gzip.compress(chunks: lines.map { Array(($0 + "\n").utf8) })
    }

    func testMissingTrailerKeepsEveryLineAndReportsTruncation() throws {
        let whole = Gzip.compress(IngestFixtures.bytes(lines))
        let truncated = Array(whole.dropLast(8))
        let directory = try makeTemporaryDirectory()
        let path = try directory.write("cut.jsonl.gz", bytes: truncated)

        let result = try readRecords(path)
        XCTAssertEqual(result.ids, IngestFixtures.ids(400))
        XCTAssertEqual(result.stats.lines, 400)
        XCTAssertEqual(
            result.stats.damage, InputDamage(compressedOffset: Int64(truncated.count), message: "truncated gzip stream"))
        XCTAssertFalse(result.stats.droppedPartialLine)
    }

    func testTruncatedStreamUsesEveryCompleteLineBeforeTheCut() throws {
        let (bytes, offsets) = flushed
        let directory = try makeTemporaryDirectory()
        // Cut 5 bytes into the data after line 250.
        let truncated = Array(bytes[0..<(offsets[249] + 5)])
        let path = try directory.write("cut.jsonl.gz", bytes: truncated)

        let result = try readRecords(path)
        XCTAssertEqual(result.ids, IngestFixtures.ids(250))
        XCTAssertEqual(result.stats.lines, 250)
        XCTAssertEqual(result.stats.malformed, [:])
        XCTAssertEqual(
            result.stats.damage, InputDamage(compressedOffset: Int64(truncated.count), message: "truncated gzip stream"))
        let independent = Gzip.decompress(truncated)
        XCTAssertTrue(independent.damaged)
        XCTAssertEqual(result.stats.droppedPartialLine, independent.output.last != 0x0A)
    }

    func testCutAtALineBoundaryKeepsEveryLine() throws {
        let (bytes, offsets) = flushed
        let directory = try makeTemporaryDirectory()
        let truncated = Array(bytes[0..<offsets[99]])
        let path = try directory.write("cut.jsonl.gz", bytes: truncated)

        let result = try readRecords(path)
        XCTAssertEqual(result.ids, IngestFixtures.ids(100))
        XCTAssertEqual(result.stats.lines, 100)
        XCTAssertEqual(
            result.stats.damage, InputDamage(compressedOffset: Int64(truncated.count), message: "truncated gzip stream"))
        XCTAssertFalse(result.stats.droppedPartialLine)
    }

    func testCorruptBlockInTheMiddleKeepsTheLinesBeforeIt() throws {
        var (bytes, offsets) = flushed
        // A deflate block header with type 3 (reserved) right after line 200: zlib fails there.
        let damageAt = offsets[199]
        for index in damageAt..<(damageAt + 4) { bytes[index] = 0xFF }
        let directory = try makeTemporaryDirectory()
        let path = try directory.write("corrupt.jsonl.gz", bytes: bytes)

        let result = try readRecords(path)
        XCTAssertEqual(result.ids, IngestFixtures.ids(200))
        XCTAssertEqual(result.stats.lines, 200)
        XCTAssertEqual(result.stats.malformed, [:])
        let damage = try XCTUnwrap(result.stats.damage)
        XCTAssertTrue(damage.message.hasPrefix("corrupt gzip data: "), damage.message)
        XCTAssertGreaterThanOrEqual(damage.compressedOffset, Int64(damageAt))
        XCTAssertLessThanOrEqual(damage.compressedOffset, Int64(damageAt + 4))
        XCTAssertFalse(result.stats.droppedPartialLine)
    }

    func testFlippedBytesInTheMiddleAreReportedAndEarlierLinesUsed() throws {
        var bytes = Gzip.compress(IngestFixtures.bytes(lines))
        let middle = bytes.count / 2
        for index in middle..<(middle + 16) { bytes[index] ^= 0x5A }
        let directory = try makeTemporaryDirectory()
        let path = try directory.write("flipped.jsonl.gz", bytes: bytes)

        let result = try readRecords(path)
        let damage = try XCTUnwrap(result.stats.damage)
        XCTAssertTrue(damage.message.hasPrefix("corrupt gzip data: "), damage.message)
        XCTAssertGreaterThan(damage.compressedOffset, 0)
        XCTAssertLessThanOrEqual(damage.compressedOffset, Int64(bytes.count))

        // What zlib itself recovers before the damage: its complete lines are exactly the lines read.
        let independent = Gzip.decompress(bytes)
        XCTAssertTrue(independent.damaged)
        let completeLines = independent.output.split(separator: 0x0A, omittingEmptySubsequences: false).dropLast()
        XCTAssertEqual(result.stats.lines, Int64(completeLines.count))
        XCTAssertGreaterThan(completeLines.count, 0)
        // Every line zlib recovered intact before the flipped bytes is a call (garbage lines after
        // them may decode too: deflate back-references copy earlier text).
        let intact = zip(completeLines, lines).prefix { String(decoding: $0.0, as: UTF8.self) == $0.1 }.count
        XCTAssertGreaterThan(intact, 0)
        XCTAssertLessThan(intact, lines.count)
        XCTAssertTrue(Set(result.ids).isSuperset(of: IngestFixtures.ids(intact)))
    }

    func testDamageInASecondMemberKeepsTheFirst() throws {
        let first = Gzip.compress(IngestFixtures.bytes(Array(lines[0..<150])))
        var second = Gzip.compress(IngestFixtures.bytes(Array(lines[150...])))
        second[10] = 0xFF  // first deflate byte after the 10-byte header: reserved block type
        let directory = try makeTemporaryDirectory()
        let path = try directory.write("members.jsonl.gz", bytes: first + second)

        let result = try readRecords(path)
        XCTAssertEqual(result.ids, IngestFixtures.ids(150))
        XCTAssertEqual(result.stats.lines, 150)
        let damage = try XCTUnwrap(result.stats.damage)
        XCTAssertTrue(damage.message.hasPrefix("corrupt gzip data: "), damage.message)
        XCTAssertGreaterThanOrEqual(damage.compressedOffset, Int64(first.count + 10))
        XCTAssertLessThanOrEqual(damage.compressedOffset, Int64(first.count + 11))
    }
}
