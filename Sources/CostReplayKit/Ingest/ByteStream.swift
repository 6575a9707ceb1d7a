/// The decompressed bytes of one input, whatever its compression (detected by magic bytes).
final class ByteStream {
    private let source: FileDescriptorSource
    private let inflater: InflateBackend?
    private var sniffed: [UInt8]
    private var sniffedConsumed = 0
    let path: String
    /// Whether the input is gzip-compressed.
    let isGzip: Bool

    /// Opens a file, or standard input for path `-` when `standardInput` is true.
    init(path: String, standardInput: Bool = false) throws(IngestError) {
        self.path = path
        source = standardInput ? FileDescriptorSource(standardInput: ()) : try FileDescriptorSource(path: path)
        // Read the first bytes to look for the gzip magic 1f 8b.
        let head = UnsafeMutableRawBufferPointer.allocate(byteCount: 2, alignment: 1)
        defer { head.deallocate() }
        var have = 0
        while have < 2 {
            let count = try source.read(into: UnsafeMutableRawBufferPointer(rebasing: head[have...]), path: path)
            if count == 0 { break }
            have += count
        }
        let sniffedBytes = Array(head.prefix(have))
        if have == 2 && sniffedBytes[0] == 0x1F && sniffedBytes[1] == 0x8B {
            isGzip = true
            inflater = try InflateEngine.open(source: source, path: path, prefix: UnsafeRawBufferPointer(rebasing: head[0..<2]))
            sniffed = []
        } else {
            isGzip = false
            inflater = nil
            sniffed = sniffedBytes
        }
    }

    /// Fills `buffer` with the next decompressed bytes; 0 at the end.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws(IngestError) -> Int {
        if let inflater { return try inflater.read(into: buffer) }
        if sniffedConsumed < sniffed.count {
            let count = min(buffer.count, sniffed.count - sniffedConsumed)
            for index in 0..<count { buffer[index] = sniffed[sniffedConsumed + index] }
            sniffedConsumed += count
            return count
        }
        return try source.read(into: buffer, path: path)
    }

    /// Closes the file once it has been read to its end, so that many small files waiting in the
    /// merge hold no descriptor (issue 7: 100,000 files in one directory).
    func close() { source.close() }

    /// Damage found in the compressed stream, if any.
    var damage: InputDamage? { inflater?.damage }

    /// Compressed (raw) bytes read so far, for progress.
    var rawBytesRead: Int64 { inflater?.compressedOffset ?? source.offset }

    /// Size of the raw file, when known.
    var rawSize: Int64? { source.size }
}
