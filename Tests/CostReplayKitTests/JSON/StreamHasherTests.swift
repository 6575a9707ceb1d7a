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

    /// `update(word:)` has fast paths at block offsets 0 and 8; every offset must hash like the bytes.
    func testWordUpdateHashesLikeItsLittleEndianBytes() {
        var generator = SystemRandomNumberGenerator()
        for lead in 0..<40 {
            let prefix = (0..<lead).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let words = (0..<3).map { _ in UInt64.random(in: 0...UInt64.max, using: &generator) }
            var byWords = StreamHasher(seed: 9)
            var byBytes = StreamHasher(seed: 9)
            prefix.withUnsafeBytes { byWords.update($0) }
            prefix.withUnsafeBytes { byBytes.update($0) }
            for word in words {
                byWords.update(word: word)
                withUnsafeBytes(of: word.littleEndian) { byBytes.update($0) }
            }
            XCTAssertEqual(byWords.finalize(), byBytes.finalize(), "after \(lead) bytes")
            XCTAssertEqual(byWords.length, lead + 24)
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
