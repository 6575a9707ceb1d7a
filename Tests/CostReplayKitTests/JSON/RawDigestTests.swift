import XCTest

@testable import CostReplayKit

/// The prompt-unit memo keys on RawDigest: equal bytes must give equal digests, and any change of
/// a byte (in either lane, in the padded tail) or of the length must change it.
final class RawDigestTests: XCTestCase {
    private func digest(_ bytes: [UInt8], seed: UInt64 = 21) -> [UInt64] {
        bytes.withUnsafeBytes { raw in
            let (a, b) = RawDigest.digest(raw, seed: seed)
            return [a, b]
        }
    }

    func testEqualBytesGiveEqualDigests() {
        let bytes = (0..<1000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        XCTAssertEqual(digest(bytes), digest(Array(bytes)))
        XCTAssertNotEqual(digest(bytes, seed: 1), digest(bytes, seed: 2))
    }

    func testEveryByteAndTheLengthMatter() {
        for length in [0, 1, 15, 16, 31, 32, 33, 63, 64, 65, 100] {
            let bytes = [UInt8](repeating: 0, count: length)
            let base = digest(bytes)
            XCTAssertNotEqual(base, digest(bytes + [0]), "length \(length) vs \(length + 1)")
            for position in 0..<length {
                var changed = bytes
                changed[position] = 1
                XCTAssertNotEqual(base, digest(changed), "byte \(position) of \(length)")
            }
        }
    }

    /// Both words depend on every byte: a change in one lane's half of a block changes both.
    func testBothWordsDependOnBothLanes() {
        let bytes = [UInt8](repeating: 7, count: 64)
        let base = digest(bytes)
        for position in [0, 8, 16, 24, 40, 63] {
            var changed = bytes
            changed[position] ^= 0x80
            let other = digest(changed)
            XCTAssertNotEqual(base[0], other[0], "byte \(position)")
            XCTAssertNotEqual(base[1], other[1], "byte \(position)")
        }
    }
}
