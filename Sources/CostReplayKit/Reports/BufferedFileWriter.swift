#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Errors writing reports.
public enum OutputError: Error, Equatable, Sendable, CustomStringConvertible {
    case cannotCreate(path: String, reason: String)
    case cannotWrite(path: String, reason: String)

    public var description: String {
        switch self {
        case .cannotCreate(let path, let reason): return "\(path): cannot create: \(reason)"
        case .cannotWrite(let path, let reason): return "\(path): cannot write: \(reason)"
        }
    }
}

/// Writes text to a file through a buffer.
public final class BufferedFileWriter {
    public let path: String
    /// The name errors give: the report file a temporary file stands for.
    private let reportedPath: String
    private let descriptor: Int32
    private var buffer: [UInt8] = []
    private let capacity = 1 << 16
    private var closed = false

    /// Creates (truncating) `path`; errors name `reportedPath` (default `path`).
    public init(path: String, reportedPath: String? = nil) throws(OutputError) {
        self.path = path
        self.reportedPath = reportedPath ?? path
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw .cannotCreate(path: self.reportedPath, reason: String(cString: strerror(errno))) }
        descriptor = fd
        buffer.reserveCapacity(capacity)
    }

    deinit { if !closed { Glibc.close(descriptor) } }

    public func write(_ text: String) throws(OutputError) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= capacity { try flush() }
    }

    /// Appends raw UTF-8 bytes.
    func write(bytes: [UInt8]) throws(OutputError) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= capacity { try flush() }
    }

    public func flush() throws(OutputError) {
        var offset = 0
        while offset < buffer.count {
            let written = buffer.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress! + offset, $0.count - offset) }
            if written < 0 {
                if errno == EINTR { continue }
                throw .cannotWrite(path: reportedPath, reason: String(cString: strerror(errno)))
            }
            offset += written
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes, syncs and closes.
    public func close() throws(OutputError) {
        guard !closed else { return }
        try flush()
        closed = true
        if Glibc.close(descriptor) != 0 { throw .cannotWrite(path: reportedPath, reason: String(cString: strerror(errno))) }
    }
}
