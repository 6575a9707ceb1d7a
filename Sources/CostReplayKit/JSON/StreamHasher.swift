/// A fast streaming 64-bit hash (multiply–xorshift over 16-byte blocks, after wyhash's mixing).
///
/// It is not cryptographic; it only has to make distinct request bodies and prompt prefixes
/// collide with negligible probability (SPEC §3.3 allows any hash of 64 bits or more). The result
/// depends only on the byte sequence, not on how it was split into `update` calls: blocks are
/// aligned to the position in the stream, never to the start of a write.
public struct StreamHasher {
    private var state: UInt64
    /// Bytes of the current 16-byte block, little-endian, `pendingCount` of them.
    private var pending: UInt128 = 0
    private var pendingCount = 0
    /// Bytes hashed so far.
    public private(set) var length = 0

    private static let k0: UInt64 = 0xA076_1D64_78BD_642F
    private static let k1: UInt64 = 0xE703_7ED1_A0B4_28DB
    private static let k2: UInt64 = 0x8EBC_6AF0_9C88_C6E3

    public init(seed: UInt64 = 0) { state = seed ^ Self.k0 }

    @inline(__always) private static func mum(_ a: UInt64, _ b: UInt64) -> UInt64 {
        let product = a.multipliedFullWidth(by: b)
        return product.high ^ product.low
    }

    @inline(__always) private mutating func absorb(_ low: UInt64, _ high: UInt64) {
        state = Self.mum(low ^ Self.k1 ^ state, high ^ Self.k2)
    }

    /// Adds one byte.
    @inline(__always) public mutating func update(byte: UInt8) {
        pending |= UInt128(byte) << (pendingCount &* 8)
        pendingCount += 1
        length += 1
        if pendingCount == 16 { flushBlock() }
    }

    @inline(__always) private mutating func flushBlock() {
        absorb(UInt64(truncatingIfNeeded: pending), UInt64(truncatingIfNeeded: pending >> 64))
        pending = 0
        pendingCount = 0
    }

    /// Copies up to 16 bytes into the pending block at once (short writes are the common case).
    @inline(__always) private mutating func addShort(_ buffer: UnsafeRawBufferPointer, from start: Int, count: Int) {
        var chunk: UInt128 = 0
        withUnsafeMutableBytes(of: &chunk) { $0.baseAddress!.copyMemory(from: buffer.baseAddress! + start, byteCount: count) }
        pending |= UInt128(littleEndian: chunk) << (pendingCount &* 8)
        pendingCount += count
        length += count
        if pendingCount == 16 { flushBlock() }
    }

    /// Adds a run of bytes.
    public mutating func update(_ buffer: UnsafeRawBufferPointer) {
        var index = 0
        let count = buffer.count
        guard count > 0 else { return }
        if pendingCount != 0 {
            // Fill the pending block first, so blocks stay aligned to the stream position.
            let take = min(16 - pendingCount, count)
            addShort(buffer, from: 0, count: take)
            index = take
        }
        if let base = buffer.baseAddress {
            let blocksStart = index
            while index + 16 <= count {
                absorb(
                    UInt64(littleEndian: base.loadUnaligned(fromByteOffset: index, as: UInt64.self)),
                    UInt64(littleEndian: base.loadUnaligned(fromByteOffset: index + 8, as: UInt64.self)))
                index += 16
            }
            length += index - blocksStart
        }
        if index < count { addShort(buffer, from: index, count: count - index) }
    }

    /// Adds a 64-bit value (for combining hashes).
    public mutating func update(word: UInt64) {
        // Prefix hashes combine two words per unit: take the aligned cases without the general path.
        switch pendingCount {
        case 0:
            pending = UInt128(word)
            pendingCount = 8
            length += 8
        case 8:
            absorb(UInt64(truncatingIfNeeded: pending), word)
            pending = 0
            pendingCount = 0
            length += 8
        default:
            withUnsafeBytes(of: word.littleEndian) { update($0) }
        }
    }

    /// The hash of everything added so far.
    public func finalize() -> UInt64 {
        var copy = self
        if copy.pendingCount != 0 {
            copy.absorb(
                UInt64(truncatingIfNeeded: copy.pending),
                UInt64(truncatingIfNeeded: copy.pending >> 64) ^ UInt64(copy.pendingCount) << 56)
        }
        return Self.mum(copy.state ^ UInt64(copy.length), Self.k0 ^ 0x5555_5555_5555_5555)
    }
}
