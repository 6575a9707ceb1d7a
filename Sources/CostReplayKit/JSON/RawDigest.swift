/// A 128-bit digest of a run of bytes in one pass, for memo keys over raw text.
///
/// `StreamHasher` folds 16 bytes at a time into one state, so each block waits for the previous
/// multiply; hashing every message of every turn with it was 5% of a run's cycles (perf). Here two
/// lanes take alternate 16-byte halves of each 32-byte block, so their multiplies overlap, and both
/// final words depend on every byte and on the length. Not cryptographic: it only has to make
/// accidental collisions negligible (two 64-bit words).
enum RawDigest {
    private static let k0: UInt64 = 0xA076_1D64_78BD_642F
    private static let k1: UInt64 = 0xE703_7ED1_A0B4_28DB
    private static let k2: UInt64 = 0x8EBC_6AF0_9C88_C6E3
    private static let k3: UInt64 = 0x5899_65CC_7537_4CC3
    private static let k4: UInt64 = 0x1D8E_4E27_C47D_124F

    @inline(__always) private static func mum(_ a: UInt64, _ b: UInt64) -> UInt64 {
        let product = a.multipliedFullWidth(by: b)
        return product.high ^ product.low
    }

    /// The digest of `bytes` (seeded, so separate uses do not share keys).
    static func digest(_ bytes: UnsafeRawBufferPointer, seed: UInt64) -> (UInt64, UInt64) {
        var a = seed ^ k0
        var b = seed ^ k3
        let count = bytes.count
        var index = 0
        if let base = bytes.baseAddress {
            while index + 32 <= count {
                a = mum(base.loadUnaligned(fromByteOffset: index, as: UInt64.self) ^ k1 ^ a,
                    base.loadUnaligned(fromByteOffset: index + 8, as: UInt64.self) ^ k2)
                b = mum(base.loadUnaligned(fromByteOffset: index + 16, as: UInt64.self) ^ k3 ^ b,
                    base.loadUnaligned(fromByteOffset: index + 24, as: UInt64.self) ^ k4)
                index += 32
            }
            if index < count {
                // The last 1–31 bytes, zero-padded; the length below tells padding from zeros.
                var tail: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
                withUnsafeMutableBytes(of: &tail) { $0.baseAddress!.copyMemory(from: base + index, byteCount: count - index) }
                a = mum(UInt64(littleEndian: tail.0) ^ k1 ^ a, UInt64(littleEndian: tail.1) ^ k2)
                b = mum(UInt64(littleEndian: tail.2) ^ k3 ^ b, UInt64(littleEndian: tail.3) ^ k4)
            }
        }
        let length = UInt64(count)
        return (mum(a ^ length, b ^ k0), mum(b ^ length ^ k1, a ^ k2))
    }
}
