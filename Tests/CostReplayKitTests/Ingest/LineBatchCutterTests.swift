import XCTest

@testable import CostReplayKit

/// Cutting a stream into newline-aligned batches (SPEC §3.4, §3.5): every physical line counts, a
/// final newline adds none, and a line over the cap is skipped as `line-too-long` without being
/// held in memory. Small target sizes make lines straddle batch boundaries.
final class LineBatchCutterTests: XCTestCase {
    func testSplitsLinesAcrossBatchBoundaries() throws {
        let lines = (0..<60).map { index in
            String(repeating: Character(UnicodeScalar(UInt8(65 + index % 26))), count: index * 7 % 45)
        }
        let directory = try makeTemporaryDirectory()
        let path = try directory.write("lines.log", lines.map { $0 + "\n" }.joined())
        let expected = lines.enumerated().map { ReadLine.line($1, number: Int64($0 + 1)) }
        for targetSize in [1, 3, 8, 64, 1 << 20] {
            XCTAssertEqual(try readLines(path, targetSize: targetSize, maxLineBytes: 1024), expected, "target \(targetSize)")
        }
    }

    func testFinalLineWithoutNewlineIsALine() throws {
        let directory = try makeTemporaryDirectory()
        let path = try directory.write("lines.log", "first\nsecond\n\nlast")
        XCTAssertEqual(
            try readLines(path, targetSize: 4),
            [
                .line("first", number: 1), .line("second", number: 2), .line("", number: 3), .line("last", number: 4),
            ])
    }

    func testFinalNewlineAddsNoLine() throws {
        let directory = try makeTemporaryDirectory()
        XCTAssertEqual(
            try readLines(try directory.write("a.log", "one\ntwo\n")), [.line("one", number: 1), .line("two", number: 2)])
        XCTAssertEqual(try readLines(try directory.write("b.log", "\n\n")), [.line("", number: 1), .line("", number: 2)])
        XCTAssertEqual(try readLines(try directory.write("c.log", "")), [])
    }

    func testCarriageReturnsStayInTheLine() throws {
        let directory = try makeTemporaryDirectory()
        let path = try directory.write("crlf.log", "a\r\nb\r\n")
        XCTAssertEqual(try readLines(path), [.line("a\r", number: 1), .line("b\r", number: 2)])
    }

    func testLinesOverTheCapAreSkippedAndReadingGoesOn() throws {
        let long = String(repeating: "x", count: 5000)
        let huge = String(repeating: "y", count: 300_000)
        let directory = try makeTemporaryDirectory()
        let path = try directory.write("long.log", "a\n\(long)\nb\n\(huge)\nc\n\(long)\n\(long)\nd")
        let expected: [ReadLine] = [
            .line("a", number: 1), .tooLong(number: 2), .line("b", number: 3), .tooLong(number: 4),
            .line("c", number: 5), .tooLong(number: 6), .tooLong(number: 7), .line("d", number: 8),
        ]
        for targetSize in [64, 1000, 4096] {
            let lines = try readLines(path, targetSize: targetSize, maxLineBytes: 1024)
            XCTAssertEqual(lines.map(Self.summary), expected.map(Self.summary), "target \(targetSize)")
        }
    }

    func testSkippedLineIsNotHeldInMemory() throws {
        // 256 MiB without a newline under a 1 KiB cap: peak memory must not grow with the line.
        let size = 256 << 20
        let directory = try makeTemporaryDirectory()
        let path = try directory.writeLarge("huge.log", prefix: "a\n", repeating: UInt8(ascii: "z"), count: size, suffix: "\nb\n")
        let before = peakResidentBytes()
        let lines = try readLines(path, targetSize: 1 << 16, maxLineBytes: 1024)
        let growth = peakResidentBytes() - before
        XCTAssertEqual(lines, [.line("a", number: 1), .tooLong(number: 2), .line("b", number: 3)])
        XCTAssertLessThan(growth, 32 << 20, "peak memory grew by \(growth >> 20) MiB reading a \(size >> 20) MiB line")
    }

    /// SPEC §3.5 says lines *over* the cap are malformed: a line of exactly the cap is a line, one
    /// byte more is too long, wherever the line falls relative to the batches.
    func testCapBoundaryIsExact() throws {
        let cap = 1024
        let directory = try makeTemporaryDirectory()
        var mismatches: [String] = []
        for targetSize in [64, 100, 1024, 4096] {
            for prefixLength in [0, 1, 63, 200, 1000] {
                let prefix = String(repeating: "p", count: prefixLength)
                let atCap = String(repeating: "a", count: cap)
                let overCap = String(repeating: "o", count: cap + 1)
                let path = try directory.write("cap-\(targetSize)-\(prefixLength).log", "\(prefix)\n\(atCap)\n\(overCap)\nend\n")
                let lines = try readLines(path, targetSize: targetSize, maxLineBytes: cap)
                let expected: [ReadLine] = [
                    .line(prefix, number: 1), .line(atCap, number: 2), .tooLong(number: 3), .line("end", number: 4),
                ]
                if lines != expected {
                    mismatches.append("target \(targetSize), prefix \(prefixLength): \(lines.map(Self.summary))")
                }
            }
        }
        XCTAssertEqual(mismatches, [], "lines at / over a 1024-byte cap")
    }

    private static func summary(_ line: ReadLine) -> String {
        switch line {
        case .line(let text, let number): return "\(number): \(text.utf8.count) bytes"
        case .tooLong(let number): return "\(number): too long"
        }
    }
}
