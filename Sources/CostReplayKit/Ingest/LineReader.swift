#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One physical line handed out by `LineReader`.
enum LineEvent {
    /// A line's bytes (without the newline), valid until the next call.
    case line(UnsafeRawBufferPointer, number: Int64)
    /// A line longer than the cap; its bytes were skipped without being held.
    case tooLong(number: Int64)
    /// No more lines.
    case end
}

/// Splits a byte stream into lines without copying them, except for the tail of a chunk that a
/// line continues past. Memory stays at the chunk size plus the longest line under the cap.
final class LineReader {
    private let stream: ByteStream
    private var buffer: UnsafeMutableRawBufferPointer
    private var start = 0
    private var end = 0
    private var atEnd = false
    private var lineNumber: Int64 = 0
    let maxLineBytes: Int
    private let chunkSize: Int

    init(stream: ByteStream, chunkSize: Int = 1 << 20, maxLineBytes: Int = 64 << 20) {
        self.stream = stream
        self.chunkSize = chunkSize
        self.maxLineBytes = maxLineBytes
        buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkSize, alignment: 16)
    }

    deinit { buffer.deallocate() }

    /// Whether an incomplete last line was dropped because the stream was damaged.
    private(set) var partialLineDropped = false

    /// Physical lines handed out so far.
    var linesRead: Int64 { lineNumber }

    /// The next line.
    func next() throws(IngestError) -> LineEvent {
        var searchFrom = start
        while true {
            if searchFrom < end,
               let found = memchr(buffer.baseAddress! + searchFrom, 0x0A, end - searchFrom) {
                let newline = buffer.baseAddress!.distance(to: UnsafeMutableRawPointer(found))
                let line = UnsafeRawBufferPointer(start: buffer.baseAddress! + start, count: newline - start)
                start = newline + 1
                lineNumber += 1
                return .line(line, number: lineNumber)
            }
            if atEnd {
                guard start < end else { return .end }
                if stream.damage != nil {
                    // The bytes after the last newline were cut off by the damage: not a line.
                    partialLineDropped = true
                    start = end
                    return .end
                }
                // A last line without a final newline is still a line.
                let line = UnsafeRawBufferPointer(start: buffer.baseAddress! + start, count: end - start)
                start = end
                lineNumber += 1
                return .line(line, number: lineNumber)
            }
            searchFrom = end
            if end - start >= maxLineBytes {
                try skipRestOfLine()
                lineNumber += 1
                return .tooLong(number: lineNumber)
            }
            try fill()
            searchFrom -= consumedShift
        }
    }

    /// How far the last `fill` moved the buffered bytes towards the front.
    private var consumedShift = 0

    /// Reads more bytes, first moving the unfinished line to the front (growing when it is long).
    private func fill() throws(IngestError) {
        consumedShift = start
        if start > 0 {
            if end > start {
                buffer.baseAddress!.copyMemory(from: buffer.baseAddress! + start, byteCount: end - start)
            }
            end -= start
            start = 0
        }
        if end == buffer.count {
            let grown = UnsafeMutableRawBufferPointer.allocate(byteCount: min(buffer.count * 2, maxLineBytes + chunkSize), alignment: 16)
            grown.baseAddress!.copyMemory(from: buffer.baseAddress!, byteCount: end)
            buffer.deallocate()
            buffer = grown
        }
        let count = try stream.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[end...]))
        if count == 0 { atEnd = true }
        end += count
    }

    /// Discards bytes up to and including the next newline (or the end), in chunk-size steps.
    private func skipRestOfLine() throws(IngestError) {
        start = 0
        end = 0
        shrinkIfGrown()
        while true {
            let count = try stream.read(into: buffer)
            if count == 0 {
                atEnd = true
                return
            }
            if let found = memchr(buffer.baseAddress!, 0x0A, count) {
                let newline = buffer.baseAddress!.distance(to: UnsafeMutableRawPointer(found))
                start = newline + 1
                end = count
                return
            }
        }
    }

    private func shrinkIfGrown() {
        guard buffer.count > chunkSize else { return }
        buffer.deallocate()
        buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkSize, alignment: 16)
    }
}
