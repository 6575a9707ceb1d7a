import XCTest

@testable import CostReplayKit

/// One file → call records (SPEC §3.4, §3.5): line counting, blank lines, malformed lines by reason.
final class FileRecordReaderTests: XCTestCase {
    private let lines = IngestFixtures.lines(5)

    func testPlainGzipAndUnsuffixedGzipGiveTheSameRecords() throws {
        let directory = try makeTemporaryDirectory()
        let plain = try readRecords(try directory.write("a.jsonl", bytes: IngestFixtures.bytes(lines)))
        let gzip = try readRecords(try directory.write("b.jsonl.gz", bytes: Gzip.compress(IngestFixtures.bytes(lines))))
        let unsuffixed = try readRecords(try directory.write("c.log", bytes: Gzip.compress(IngestFixtures.bytes(lines))))
        for result in [plain, gzip, unsuffixed] {
            XCTAssertEqual(result.ids, IngestFixtures.ids(5))
            XCTAssertEqual(result.records.map(\.usage?.input), [1, 2, 3, 4, 5])
            XCTAssertEqual(result.stats.lines, 5)
            XCTAssertEqual(result.stats.records, 5)
            XCTAssertEqual(result.stats.format, .envelope)
            XCTAssertNil(result.stats.damage)
        }
        XCTAssertFalse(plain.stats.compressed)
        XCTAssertTrue(gzip.stats.compressed)
        XCTAssertTrue(unsuffixed.stats.compressed)
    }

    func testFilesOfManyBatchesKeepLineOrderWithAnyNumberOfWorkers() throws {
        let many = IngestFixtures.lines(20_000)  // about 3 MiB: several 1 MiB batches
        let directory = try makeTemporaryDirectory()
        let plain = try directory.write("many.jsonl", bytes: IngestFixtures.bytes(many))
        let gzip = try directory.write("many.jsonl.gz", bytes: Gzip.compress(IngestFixtures.bytes(many)))
        for path in [plain, gzip] {
            for jobs in [1, 3] {
                let result = try readRecords(path, jobs: jobs)
                XCTAssertEqual(result.ids, IngestFixtures.ids(20_000), "\(path), \(jobs) jobs")
                XCTAssertEqual(result.stats.lines, 20_000)
                XCTAssertEqual(result.stats.bytes, Int64(IngestFixtures.bytes(many).count))
            }
        }
    }

    func testFinalLineWithoutNewlineIsCounted() throws {
        let directory = try makeTemporaryDirectory()
        let result = try readRecords(try directory.write("a.jsonl", lines.joined(separator: "\n")))
        XCTAssertEqual(result.ids, IngestFixtures.ids(5))
        XCTAssertEqual(result.stats.lines, 5)
    }

    func testBlankLinesAreLinesButNotCalls() throws {
        let text = lines[0] + "\n\n   \n\t\r\n" + lines[1] + "\r\n\n"
        let directory = try makeTemporaryDirectory()
        let result = try readRecords(try directory.write("a.jsonl", text))
        XCTAssertEqual(result.ids, ["c1", "c2"])
        XCTAssertEqual(result.stats.lines, 6)
        XCTAssertEqual(result.stats.blankLines, 4)
        XCTAssertEqual(result.stats.records, 2)
        XCTAssertEqual(result.stats.malformed, [:])
        XCTAssertEqual(result.malformed, [])
    }

    func testMalformedLinesAreCountedByReasonWithTheirLineNumbers() throws {
        let deep = String(repeating: "[", count: 600) + String(repeating: "]", count: 600)
        let text = [
            lines[0],
            #"{"id":"x","ts":"2026-10-01T00:00:00Z""#,  // 2 invalid-json
            #"[1,2,3]"#,  // 3 not-an-object
            #"{"id":"y","ts":"yesterday","model":"m","response":{"usage":{}}}"#,  // 4 bad-timestamp
            #"{"id":"y","model":"m","response":{"usage":{}}}"#,  // 5 missing-timestamp
            #"{"id":"y","ts":"2026-10-01T00:00:00Z","response":{"usage":{}}}"#,  // 6 missing-model
            #"{"id":"y","ts":"2026-10-01T00:00:00Z","model":"m","response":{"content":[]}}"#,  // 7 missing-usage
            #"{"id":"y","ts":"2026-10-01T00:00:00Z","model":"m","response":{"usage":{"input_tokens":-1}}}"#,  // 8 bad-usage
            deep,  // 9 too-deep
            lines[1],
        ].joined(separator: "\n")
        let directory = try makeTemporaryDirectory()
        let path = try directory.write("bad.jsonl", text)
        let result = try readRecords(path)
        XCTAssertEqual(result.ids, ["c1", "c2"])
        XCTAssertEqual(result.stats.lines, 10)
        XCTAssertEqual(
            result.stats.malformed,
            [
                .invalidJSON: 1, .notAnObject: 1, .badTimestamp: 1, .missingTimestamp: 1, .missingModel: 1,
                .missingUsage: 1, .badUsage: 1, .tooDeep: 1,
            ])
        XCTAssertEqual(result.stats.malformedTotal, 8)
        XCTAssertEqual(result.malformed.map(\.line), [2, 3, 4, 5, 6, 7, 8, 9])
        XCTAssertEqual(
            result.malformed.map(\.reason),
            [
                .invalidJSON, .notAnObject, .badTimestamp, .missingTimestamp, .missingModel, .missingUsage, .badUsage, .tooDeep,
            ])
        XCTAssertEqual(Set(result.malformed.map(\.pathKey)), [path])
    }

    func testLinesBeforeTheFirstObjectAreMalformedAndDoNotDecideTheFormat() throws {
        let directory = try makeTemporaryDirectory()
        let result = try readRecords(try directory.write("a.jsonl", "not json\n[1]\n" + IngestFixtures.text(lines)))
        XCTAssertEqual(result.stats.format, .envelope)
        XCTAssertEqual(result.stats.malformed, [.invalidJSON: 1, .notAnObject: 1])
        XCTAssertEqual(result.ids, IngestFixtures.ids(5))
    }

    func testLineOverSixtyFourMiBIsLineTooLong() throws {
        let directory = try makeTemporaryDirectory()
        let path = try directory.writeLarge(
            "long.jsonl", prefix: lines[0] + "\n{\"pad\":\"", repeating: UInt8(ascii: "x"),
            count: (64 << 20) + 100, suffix: "\"}\n" + lines[1] + "\n")
        let result = try readRecords(path)
        XCTAssertEqual(result.ids, ["c1", "c2"])
        XCTAssertEqual(result.stats.lines, 3)
        XCTAssertEqual(result.stats.malformed, [.lineTooLong: 1])
        XCTAssertEqual(result.malformed.map(\.line), [2])
    }

    /// The last line of the file is over the cap (and ends with a newline): it is skipped like any
    /// other, and reading ends normally.
    func testFileEndingWithALineOverSixtyFourMiB() throws {
        let directory = try makeTemporaryDirectory()
        let path = try directory.writeLarge(
            "tail.jsonl", prefix: lines[0] + "\n", repeating: UInt8(ascii: "x"),
            count: (66 << 20), suffix: "\n")
        let result = try readRecords(path)
        XCTAssertEqual(result.ids, ["c1"])
        XCTAssertEqual(result.stats.lines, 2)
        XCTAssertEqual(result.stats.malformed, [.lineTooLong: 1])
    }
}
