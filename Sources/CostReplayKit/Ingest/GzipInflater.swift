import CZlib

/// Inflates a gzip stream (all concatenated members) from a raw source, stopping cleanly at the
/// first damage and remembering where it was.
final class GzipInflater: InflateBackend {
    private var stream = z_stream()
    private var input: UnsafeMutableRawBufferPointer
    private var inputStart = 0
    private var inputEnd = 0
    /// Compressed offset of `input[0]`.
    private var inputBaseOffset: Int64 = 0
    private let source: FileDescriptorSource
    private let path: String
    private var initialized = false
    private var finished = false
    private var sourceExhausted = false
    /// Set when the stream turned out damaged or truncated.
    private(set) var damage: InputDamage?

    /// `prefix` holds bytes already read from `source` (the magic-byte sniff).
    init(source: FileDescriptorSource, path: String, prefix: UnsafeRawBufferPointer, bufferSize: Int = 1 << 16)
        throws(IngestError)
    {
        self.source = source
        self.path = path
        input = UnsafeMutableRawBufferPointer.allocate(byteCount: max(bufferSize, prefix.count), alignment: 16)
        if prefix.count > 0 { input.baseAddress!.copyMemory(from: prefix.baseAddress!, byteCount: prefix.count) }
        inputEnd = prefix.count
        // windowBits 15 + 32: zlib detects gzip (and zlib) headers itself.
        let status = inflateInit2_(&stream, 15 + 32, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
        guard status == Z_OK else {
            input.deallocate()
            throw .unreadable(path: path, reason: "zlib initialisation failed (\(status))")
        }
        initialized = true
    }

    deinit {
        if initialized { inflateEnd(&stream) }
        input.deallocate()
    }

    /// Compressed bytes consumed so far.
    var compressedOffset: Int64 { inputBaseOffset + Int64(inputStart) }

    /// Inflates into `output`; returns the number of bytes produced, 0 at the end (or at damage).
    func read(into output: UnsafeMutableRawBufferPointer) throws(IngestError) -> Int {
        guard !finished else { return 0 }
        var produced = 0
        while produced == 0 {
            if inputStart == inputEnd {
                if sourceExhausted {
                    finish(
                        damage: atMemberBoundary
                            ? nil : InputDamage(compressedOffset: compressedOffset, message: "truncated gzip stream"))
                    return 0
                }
                try refill()
                continue
            }
            stream.next_in = input.baseAddress!.assumingMemoryBound(to: Bytef.self) + inputStart
            stream.avail_in = uInt(inputEnd - inputStart)
            stream.next_out = output.baseAddress!.assumingMemoryBound(to: Bytef.self)
            stream.avail_out = uInt(output.count)
            let status = inflate(&stream, Z_NO_FLUSH)
            inputStart = inputEnd - Int(stream.avail_in)
            produced = output.count - Int(stream.avail_out)
            atMemberBoundary = false
            switch status {
            case Z_OK, Z_BUF_ERROR:
                continue
            case Z_STREAM_END:
                // Another member may follow: reset and keep going; the next read decides.
                inflateReset(&stream)
                atMemberBoundary = true
                if produced > 0 { return produced }
                if inputStart == inputEnd && !sourceExhausted { try refill() }
                if inputStart == inputEnd && sourceExhausted {
                    finish(damage: nil)
                    return 0
                }
            default:
                let message = stream.msg.map { String(cString: $0) } ?? "zlib error \(status)"
                finish(damage: InputDamage(compressedOffset: compressedOffset, message: "corrupt gzip data: \(message)"))
                return produced
            }
        }
        return produced
    }

    /// True right after a member ended (so end of input there is a clean end).
    private var atMemberBoundary = false

    private func refill() throws(IngestError) {
        inputBaseOffset += Int64(inputEnd)
        inputStart = 0
        inputEnd = 0
        let count = try source.read(into: input, path: path)
        if count == 0 { sourceExhausted = true }
        inputEnd = count
    }

    private func finish(damage: InputDamage?) {
        finished = true
        if self.damage == nil { self.damage = damage }
    }
}
