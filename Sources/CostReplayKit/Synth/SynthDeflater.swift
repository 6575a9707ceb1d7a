import CZlib

/// Compresses whole chunks into complete gzip members (zlib deflate, window bits 15 + 16).
///
/// Level 1 (`Z_BEST_SPEED`): a synthetic log of millions of calls is written once and read many
/// times; level 6 is five times slower on this text for files about 20% smaller.
/// Not thread-safe: each compressing thread owns one.
final class SynthDeflater {
    private var stream = z_stream()

    init(level: Int32 = Z_BEST_SPEED) throws(SynthDeflateFailure) {
        // The `deflateInit2` macro is not visible from Swift: call the function it expands to.
        let rc = deflateInit2_(
            &stream, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY,
            ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
        guard rc == Z_OK else { throw SynthDeflateFailure(code: rc) }
    }

    deinit {
        deflateEnd(&stream)
    }

    /// `input` as one gzip member: header, deflate data, CRC-32 and length trailer.
    func member(_ input: [UInt8]) throws(SynthDeflateFailure) -> [UInt8] {
        let rc0 = deflateReset(&stream)
        guard rc0 == Z_OK else { throw SynthDeflateFailure(code: rc0) }
        // deflateBound covers the gzip wrapper; with that much room one Z_FINISH call completes.
        let bound = Int(deflateBound(&stream, UInt(input.count))) + 64
        var rc: Int32 = Z_OK
        let output = [UInt8](unsafeUninitializedCapacity: bound) { out, produced in
            input.withUnsafeBufferPointer { inp in
                stream.next_in = UnsafeMutablePointer(mutating: inp.baseAddress)
                stream.avail_in = UInt32(inp.count)
                stream.next_out = out.baseAddress
                stream.avail_out = UInt32(bound)
                rc = deflate(&stream, Z_FINISH)
                produced = bound - Int(stream.avail_out)
            }
            stream.next_in = nil
            stream.next_out = nil
        }
        guard rc == Z_STREAM_END else { throw SynthDeflateFailure(code: rc == Z_OK ? Z_BUF_ERROR : rc) }
        return output
    }
}

/// zlib's return code when deflate fails; `SynthFileWriter` turns it into a `SynthError`.
struct SynthDeflateFailure: Error {
    let code: Int32
}
