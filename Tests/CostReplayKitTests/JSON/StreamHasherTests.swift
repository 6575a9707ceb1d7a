import XCTest

@testable import CostReplayKit

/// Request keys and prefix hashes rely on the hash depending only on the bytes, not on how the
/// canonical writer happened to split them into writes.
final class StreamHasherTests: XCTestCase {
    func testHashDoesNotDependOnHowBytesAreSplit() {
        var generator = SystemRandomNumberGenerator()
        for length in [0, 1, 7, 15, 16, 17, 31, 32, 33, 100, 1000] {
            let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let whole = bytes.withUnsafeBytes { raw -> UInt64 in
                var hasher = StreamHasher(seed: 5)
                hasher.update(raw)
                return hasher.finalize()
            }
            for _ in 0..<20 {
                var hasher = StreamHasher(seed: 5)
                var index = 0
                while index < length {
                    let piece = Int.random(in: 0...min(40, length - index), using: &generator)
                    if piece == 1, Bool.random(using: &generator) {
                        hasher.update(byte: bytes[index])
                    } else {
                        bytes[index..<(index + piece)].withUnsafeBytes { hasher.update($0) }
                    }
                    index += piece
                }
                XCTAssertEqual(hasher.finalize(), whole, "length \(length)")
                XCTAssertEqual(hasher.length, length)
            }
        }
    }

    func testDifferentBytesOrLengthsHashDifferently() {
        func hash(_ bytes: [UInt8]) -> UInt64 {
            var hasher = StreamHasher()
            bytes.withUnsafeBytes { hasher.update($0) }
            return hasher.finalize()
        }
        XCTAssertNotEqual(hash([]), hash([0]))
        XCTAssertNotEqual(hash([0]), hash([0, 0]))
        XCTAssertNotEqual(hash(Array(repeating: 1, count: 16)), hash(Array(repeating: 1, count: 17)))
        XCTAssertNotEqual(hash(Array("{\"a\":1}".utf8)), hash(Array("{\"a\":2}".utf8)))
    }
}
