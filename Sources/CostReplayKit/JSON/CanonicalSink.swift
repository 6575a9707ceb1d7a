/// Receives the bytes of canonical JSON as they are produced, so the same writer can build a
/// string, hash, or just measure a value without materializing it.
public protocol CanonicalSink {
    /// Appends raw bytes.
    mutating func write(_ bytes: UnsafeRawBufferPointer)
    /// Appends one byte.
    mutating func write(byte: UInt8)
}

extension CanonicalSink {
    /// Appends the bytes of an array.
    mutating func write(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { write($0) }
    }
}

/// Collects canonical bytes into an array.
public struct ByteArraySink: CanonicalSink {
    public var bytes: [UInt8] = []
    public init() {}
    public mutating func write(_ buffer: UnsafeRawBufferPointer) { bytes.append(contentsOf: buffer) }
    public mutating func write(byte: UInt8) { bytes.append(byte) }
}

/// Hashes canonical bytes and counts them.
public struct HashingSink: CanonicalSink {
    public var hasher: StreamHasher
    public init(seed: UInt64 = 0) { hasher = StreamHasher(seed: seed) }
    public mutating func write(_ buffer: UnsafeRawBufferPointer) { hasher.update(buffer) }
    public mutating func write(byte: UInt8) { hasher.update(byte: byte) }
    /// Number of bytes written so far.
    public var byteCount: Int { hasher.length }
}
