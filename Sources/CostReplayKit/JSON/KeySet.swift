/// A small fixed set of object keys, tested against raw key bytes without allocating or hashing
/// (a handful of byte comparisons beat a `Set<[UInt8]>` lookup on the per-call path).
public struct KeySet: Sendable {
    private let keys: [[UInt8]]

    public init(_ keys: [String]) { self.keys = keys.map { Array($0.utf8) } }

    /// Whether the raw (unescaped) key bytes are one of the keys.
    public func contains(_ raw: UnsafeRawBufferPointer) -> Bool {
        for key in keys where key.count == raw.count {
            if key.withUnsafeBytes({ memcmpEqual($0.baseAddress!, raw.baseAddress!, raw.count) }) { return true }
        }
        return false
    }
}
