#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A gzip decompressor for one stream: zlib (`GzipInflater`, always available) or Intel ISA-L
/// (`IsalInflater`, with the `ISAL` package trait). Both read every concatenated member, stop at
/// the first damage and remember where it was; for an intact stream their output is identical.
protocol InflateBackend: AnyObject {
    /// Inflates into `output`; returns the number of bytes produced, 0 at the end (or at damage).
    func read(into output: UnsafeMutableRawBufferPointer) throws(IngestError) -> Int
    /// Set when the stream turned out damaged or truncated.
    var damage: InputDamage? { get }
    /// Compressed bytes consumed so far.
    var compressedOffset: Int64 { get }
}

/// Which inflate implementation decompresses gzip input.
public enum InflateEngine: String, Sendable, CaseIterable {
    case zlib
    case isal

    /// Whether this build includes ISA-L (`swift build --traits ISAL`).
    public static var isalAvailable: Bool {
        #if ISAL
            return true
        #else
            return false
        #endif
    }

    /// The engine used: ISA-L when built in, unless `COSTREPLAY_INFLATE=zlib` asks for zlib (the
    /// benchmark compares both on one binary).
    public static let current: InflateEngine = {
        guard isalAvailable else { return .zlib }
        if let value = getenv("COSTREPLAY_INFLATE"), String(cString: value) == "zlib" { return .zlib }
        return .isal
    }()

    static func open(source: FileDescriptorSource, path: String, prefix: UnsafeRawBufferPointer) throws(IngestError)
        -> InflateBackend
    {
        #if ISAL
            if current == .isal { return try IsalInflater(source: source, path: path, prefix: prefix) }
        #endif
        return try GzipInflater(source: source, path: path, prefix: prefix)
    }
}
