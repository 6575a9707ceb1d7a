#if canImport(Glibc)
    import Glibc
#endif
@testable import CostReplayKit

/// The input reader on arbitrary bytes: magic-byte detection, inflating every gzip member, stopping
/// at damage, and cutting lines with tiny batches and a tiny line cap so batch edges, carried tails
/// and skipped long lines are all exercised.
let path = "/dev/shm/costreplay-fuzz-gzip-\(getpid())"

func fuzz(_ bytes: UnsafeRawBufferPointer) {
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    precondition(fd >= 0)
    var offset = 0
    while offset < bytes.count {
        let written = write(fd, bytes.baseAddress! + offset, bytes.count - offset)
        precondition(written > 0)
        offset += written
    }
    close(fd)
    guard let stream = try? ByteStream(path: path) else { fatalError("cannot open the input") }
    let sizes = bytes.count > 0 ? Int(bytes[0] % 4) : 0
    let cutter = LineBatchCutter(stream: stream, targetSize: [7, 64, 300, 4096][sizes], maxLineBytes: 97)
    var lines: Int64 = 0
    do {
        while let batch = try cutter.next() {
            let decoded = BatchDecoder.decode(
                batch, format: .envelope,
                settings: BatchDecodeSettings(pathKey: "fuzz", fileIndex: 0, keepSystemText: false, unitCaches: []))
            lines += decoded.lines
            batch.release()
        }
    } catch {
        fatalError("a file that opened cannot fail to read: \(error)")
    }
    if !stream.isGzip {
        // Plain input: every newline is a line end, plus a last line without one.
        var newlines: Int64 = 0
        for byte in bytes where byte == 0x0A { newlines += 1 }
        let expected = newlines + (bytes.last.map { $0 != 0x0A ? 1 : 0 } ?? 0)
        precondition(lines == expected, "\(lines) lines read, \(expected) in the input")
    }
}
