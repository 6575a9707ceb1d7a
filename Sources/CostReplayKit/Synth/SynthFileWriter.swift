import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The output file of a synth run. Lines are appended to a buffer that is written out whenever
/// it fills, so memory stays constant whatever the number of calls. When the path ends in `.gz`
/// each 4 MiB buffer becomes one gzip member, compressed on worker threads (`SynthParallelGzip`);
/// the path `-` is standard output, uncompressed.
final class SynthFileWriter {
    let path: String
    private let fd: Int32
    private let ownsFD: Bool
    private let gzip: SynthParallelGzip?
    private var buffer: [UInt8] = []
    private let capacity: Int
    private var chunksSubmitted = 0
    private var closed = false
    /// Bytes handed to `writeLine`, before compression.
    private(set) var bytesIn: Int64 = 0

    init(path: String) throws(SynthError) {
        self.path = path
        let compress = path != "-" && path.hasSuffix(".gz")
        capacity = compress ? 4 << 20 : 1 << 20
        buffer.reserveCapacity(capacity)
        if path == "-" {
            fd = 1
            ownsFD = false
            gzip = nil
            return
        }
        let opened = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard opened >= 0 else {
            throw .cannotCreate(path: path, reason: SynthFileWriter.describeErrno())
        }
        fd = opened
        ownsFD = true
        if compress {
            let workers = min(max(ProcessInfo.processInfo.activeProcessorCount, 1), 8)
            gzip = SynthParallelGzip(workers: workers, level: 1)
        } else {
            gzip = nil
        }
    }

    deinit {
        if !closed {
            gzip?.cancel()
            if ownsFD { synthCloseFD(fd) }
        }
    }

    /// Appends `line` and a newline.
    func writeLine(_ line: [UInt8]) throws(SynthError) {
        if buffer.count + line.count + 1 > capacity && !buffer.isEmpty {
            try flushBuffer()
        }
        buffer.append(contentsOf: line)
        buffer.append(UInt8(ascii: "\n"))
        bytesIn += Int64(line.count + 1)
    }

    /// Flushes, waits for the compression and closes the file.
    func close() throws(SynthError) {
        guard !closed else { return }
        // An empty log still gets one (empty) gzip member, so that it is a valid gzip file.
        if !buffer.isEmpty || (gzip != nil && chunksSubmitted == 0) {
            try flushBuffer()
        }
        if let gzip {
            let members: [[UInt8]]
            do {
                members = try gzip.finish()
            } catch {
                throw .compressionFailed(path: path, code: error.code)
            }
            for member in members { try writeAll(member) }
        }
        closed = true
        if ownsFD && synthCloseFD(fd) != 0 {
            throw .writeFailed(path: path, reason: SynthFileWriter.describeErrno())
        }
    }

    private func flushBuffer() throws(SynthError) {
        if let gzip {
            let chunk = buffer
            buffer = []
            buffer.reserveCapacity(capacity)
            chunksSubmitted += 1
            let members: [[UInt8]]
            do {
                members = try gzip.submit(chunk)
            } catch {
                throw .compressionFailed(path: path, code: error.code)
            }
            for member in members { try writeAll(member) }
        } else {
            try writeAll(buffer)
            buffer.removeAll(keepingCapacity: true)
        }
    }

    private func writeAll(_ bytes: [UInt8]) throws(SynthError) {
        let failed = bytes.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> Bool in
            guard var base = raw.baseAddress else { return false }
            var left = raw.count
            while left > 0 {
                let n = write(fd, base, left)
                if n < 0 {
                    if errno == EINTR { continue }
                    return true
                }
                left -= n
                base += n
            }
            return false
        }
        if failed { throw .writeFailed(path: path, reason: SynthFileWriter.describeErrno()) }
    }

    private static func describeErrno() -> String {
        String(cString: strerror(errno))
    }
}

/// `close(2)`, reachable from inside a type that has its own `close()`.
@discardableResult
private func synthCloseFD(_ fd: Int32) -> Int32 {
    close(fd)
}
