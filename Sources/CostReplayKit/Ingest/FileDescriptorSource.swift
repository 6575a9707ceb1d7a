#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads raw bytes from a file descriptor (a file, or standard input).
final class FileDescriptorSource {
    private let descriptor: Int32
    private let ownsDescriptor: Bool
    private var closed = false
    /// Bytes read so far (the compressed offset for gzip input).
    private(set) var offset: Int64 = 0

    /// Opens `path` for reading.
    init(path: String) throws(IngestError) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw .unreadable(path: path, reason: String(cString: strerror(errno))) }
        var info = stat()
        if fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
            Glibc.close(fd)
            throw .unreadable(path: path, reason: "is a directory")
        }
        descriptor = fd
        ownsDescriptor = true
    }

    /// Reads standard input.
    init(standardInput: Void) {
        descriptor = 0
        ownsDescriptor = false
    }

    deinit { close() }

    /// Releases the descriptor early (a file read to its end); later reads return 0.
    func close() {
        guard !closed else { return }
        closed = true
        if ownsDescriptor { Glibc.close(descriptor) }
    }

    /// Fills up to `buffer.count` bytes; returns 0 at end of file.
    func read(into buffer: UnsafeMutableRawBufferPointer, path: String) throws(IngestError) -> Int {
        guard !closed else { return 0 }
        while true {
            let count = Glibc.read(descriptor, buffer.baseAddress, buffer.count)
            if count >= 0 {
                offset += Int64(count)
                return count
            }
            if errno == EINTR { continue }
            throw .unreadable(path: path, reason: String(cString: strerror(errno)))
        }
    }

    /// Size of the file in bytes, when it is a regular file.
    var size: Int64? {
        var info = stat()
        guard !closed, fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return Int64(info.st_size)
    }
}
