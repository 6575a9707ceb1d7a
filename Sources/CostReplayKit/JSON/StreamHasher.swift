/// A fast streaming 64-bit hash (multiply–xorshift over 8-byte words, after wyhash's mixing).
///
/// It is not cryptographic; it only has to make distinct request bodies and prompt prefixes
/// collide with negligible probability (SPEC §3.3 allows any hash of 64 bits or more). The result
/// depends only on the byte sequence, not on how it was split into `update` calls.
public struct StreamHasher {
    private var state: UInt64
    private var pending: UInt64 = 0
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

    @inline(__always) private mutating func absorb(_ word: UInt64) {
        state = Self.mum(state ^ word ^ Self.k1, Self.k2 ^ state >> 17)
    }

    /// Adds one byte.
    @inline(__always) public mutating func update(byte: UInt8) {
        pending |= UInt64(byte) << (UInt64(pendingCount) * 8)
        pendingCount += 1
        length += 1
        if pendingCount == 8 {
            absorb(pending)
            pending = 0
            pendingCount = 0
        }
    }

    /// Adds a run of bytes.
    public mutating func update(_ buffer: UnsafeRawBufferPointer) {
        var index = 0
        let count = buffer.count
        while pendingCount != 0 && index < count {
            update(byte: buffer[index])
            index += 1
        }
        if let base = buffer.baseAddress {
            let wordsStart = index
            while index + 8 <= count {
                absorb(UInt64(littleEndian: base.loadUnaligned(fromByteOffset: index, as: UInt64.self)))
                index += 8
            }
            length += index - wordsStart
        }
        while index < count {
            update(byte: buffer[index])
            index += 1
        }
    }

    /// Adds a 64-bit value (for combining hashes).
    public mutating func update(word: UInt64) {
        withUnsafeBytes(of: word.littleEndian) { update($0) }
    }

    /// The hash of everything added so far.
    public func finalize() -> UInt64 {
        var copy = self
        if copy.pendingCount != 0 { copy.absorb(copy.pending ^ UInt64(copy.pendingCount) << 56) }
        return Self.mum(copy.state ^ UInt64(copy.length), Self.k0 ^ 0x5555_5555_5555_5555)
    }
}
