#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The `bytes read of total, calls/s, MB/s, ETA` line on a terminal's stderr.
final class ProgressLine {
    private let totalBytes: Int64
    private let started = ProgressLine.now()
    private var lastDraw = 0.0

    init(totalBytes: Int64) { self.totalBytes = totalBytes }

    static func now() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }

    func update(bytes: Int64, calls: Int64) {
        let time = Self.now()
        guard time - lastDraw >= 0.25 else { return }
        lastDraw = time
        let elapsed = max(time - started, 0.001)
        let megabytesPerSecond = Double(bytes) / elapsed / 1e6
        let callsPerSecond = Double(calls) / elapsed
        var line = "\r\(bytes / 1_000_000) of \(totalBytes / 1_000_000) MB, \(Int(callsPerSecond)) calls/s, "
        line += "\(Int(megabytesPerSecond)) MB/s"
        if bytes > 0 && totalBytes > bytes {
            line += ", ETA \(Int(Double(totalBytes - bytes) / (Double(bytes) / elapsed)))s"
        }
        Diagnostics.write(line + "   ")
    }

    func finish() { Diagnostics.write("\r\u{1B}[K") }
}
