import XCTest

@testable import CostReplayKit

/// SPEC §2: compression is found by the magic bytes `1f 8b`, never by the name; concatenated gzip
/// members are read whole.
final class ByteStreamTests: XCTestCase {
    private let content = IngestFixtures.bytes(IngestFixtures.lines(300))

    func testPlainFileIsReadAsIs() throws {
        let directory = try makeTemporaryDirectory()
        let path = try directory.write("plain.jsonl", bytes: content)
        let read = try readStream(path)
        XCTAssertFalse(read.isGzip)
        XCTAssertNil(read.damage)
        XCTAssertEqual(read.bytes, content)
    }

    func testGzipFileIsInflated() throws {
        let directory = try makeTemporaryDirectory()
        let path = try directory.write("logs.jsonl.gz", bytes: Gzip.compress(content))
        let read = try readStream(path)
        XCTAssertTrue(read.isGzip)
        XCTAssertNil(read.damage)
        XCTAssertEqual(read.bytes, content)
    }

    func testConcatenatedMembersAreReadWhole() throws {
        let parts = [Array(content[0..<1000]), [], Array(content[1000..<5000]), Array(content[5000...])]
        let directory = try makeTemporaryDirectory()
        let path = try directory.write("multi.jsonl.gz", bytes: parts.flatMap { Gzip.compress($0) })
        for bufferSize in [1, 7, 4096, 1 << 20] {
            let read = try readStream(path, bufferSize: bufferSize)
            XCTAssertNil(read.damage, "buffer \(bufferSize)")
            XCTAssertEqual(read.bytes, content, "buffer \(bufferSize)")
        }
    }

    func testGzipIsDetectedByMagicBytesNotByName() throws {
        let directory = try makeTemporaryDirectory()
        let gzipWithoutSuffix = try directory.write("gateway.ndjson", bytes: Gzip.compress(content))
        let plainWithSuffix = try directory.write("plain.jsonl.gz", bytes: content)

        let inflated = try readStream(gzipWithoutSuffix)
        XCTAssertTrue(inflated.isGzip)
        XCTAssertEqual(inflated.bytes, content)

        let plain = try readStream(plainWithSuffix)
        XCTAssertFalse(plain.isGzip)
        XCTAssertEqual(plain.bytes, content)
    }

    func testFilesShorterThanTheMagicAreReadAsIs() throws {
        let directory = try makeTemporaryDirectory()
        for bytes: [UInt8] in [[], [0x1F], [0x7B]] {
            let path = try directory.write("short-\(bytes.count).log", bytes: bytes)
            let read = try readStream(path)
            XCTAssertFalse(read.isGzip)
            XCTAssertEqual(read.bytes, bytes)
        }
    }

    func testMissingFileIsUnreadable() {
        XCTAssertThrowsError(try ByteStream(path: "/nonexistent/costreplay/none.jsonl")) { error in
            guard case .unreadable(let path, _)? = error as? IngestError else { return XCTFail("\(error)") }
            XCTAssertEqual(path, "/nonexistent/costreplay/none.jsonl")
        }
    }
}
