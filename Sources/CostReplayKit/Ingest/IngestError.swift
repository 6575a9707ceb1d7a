/// Problems reading an input file as a whole.
public enum IngestError: Error, Equatable, Sendable {
    /// The file could not be opened or read.
    case unreadable(path: String, reason: String)
    /// An input path does not exist.
    case missing(path: String)
}

extension IngestError: CustomStringConvertible {
    public var description: String {
        switch self {
        case .unreadable(let path, let reason): return "\(path): cannot read: \(reason)"
        case .missing(let path): return "\(path): no such file or directory"
        }
    }
}

/// Damage found in a compressed stream: everything before it was used.
public struct InputDamage: Equatable, Sendable {
    /// Offset in the compressed file where the damage was found.
    public var compressedOffset: Int64
    /// What is wrong, e.g. `truncated gzip stream` or zlib's message.
    public var message: String

    public init(compressedOffset: Int64, message: String) {
        self.compressedOffset = compressedOffset
        self.message = message
    }
}
