#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A run of whole lines cut from a file's decompressed bytes, the unit of parallel decoding.
struct LineBatch: @unchecked Sendable {
    /// Position of the batch in its file.
    var sequence: Int
    /// Bytes of complete lines (each ends with a newline, except possibly the file's last line).
    var bytes: UnsafeMutableRawBufferPointer
    /// Number of the first line in `bytes`.
    var firstLine: Int64
    /// Lines over the cap found before this batch's bytes, skipped unread (their line numbers).
    var tooLongLines: [Int64]
    /// Uncompressed bytes the batch stands for (including skipped long lines).
    var byteCount: Int64
    /// Lines longer than this are `line-too-long` even when they fit in the batch.
    var maxLineBytes: Int

    func release() { bytes.deallocate() }
}

/// Cuts a byte stream into newline-aligned batches of about `targetSize` bytes. A line longer than
/// the cap is skipped without being held; a longer line below the cap grows one batch.
final class LineBatchCutter {
    private let stream: ByteStream
    private let targetSize: Int
    let maxLineBytes: Int
    /// Bytes after the last newline of the previous batch.
    private var carry: UnsafeMutableRawBufferPointer
    private var carryCount = 0
    private var nextLine: Int64 = 1
    private var sequence = 0
    private(set) var finished = false
    /// Set when the stream ended with damage and an incomplete last line was dropped.
    private(set) var partialLineDropped = false

    /// The first batches of a file are small: every input file is primed at the start to find its
    /// first call, and most files wait their turn, so what they hold meanwhile must be little.
    static let openingBatchSize = 1 << 16
    static let openingBatches = 2

    init(stream: ByteStream, targetSize: Int = 1 << 20, maxLineBytes: Int = 64 << 20) {
        self.stream = stream
        self.targetSize = targetSize
        self.maxLineBytes = maxLineBytes
        carry = UnsafeMutableRawBufferPointer.allocate(byteCount: min(targetSize, Self.openingBatchSize), alignment: 16)
    }

    deinit { carry.deallocate() }

    /// The next batch, or nil at the end of the stream.
    func next() throws(IngestError) -> LineBatch? {
        guard !finished else { return nil }
        var tooLong: [Int64] = []
        var skippedBytes: Int64 = 0
        let size = sequence < Self.openingBatches ? min(targetSize, Self.openingBatchSize) : targetSize
        var buffer = UnsafeMutableRawBufferPointer.allocate(
            byteCount: max(size, carryCount + size / 2), alignment: 16)
        var count = 0
        if carryCount > 0 {
            buffer.baseAddress!.copyMemory(from: carry.baseAddress!, byteCount: carryCount)
            count = carryCount
            carryCount = 0
        }
        var atEnd = false
        while true {
            // Fill the buffer, then cut at the last newline.
            while count < buffer.count && !atEnd {
                let read = try stream.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[count...]))
                if read == 0 { atEnd = true }
                count += read
            }
            if atEnd { break }
            if let cut = lastNewline(buffer, count) {
                // Keep the tail for the next batch.
                let tail = count - cut - 1
                if tail > carry.count {
                    carry.deallocate()
                    carry = UnsafeMutableRawBufferPointer.allocate(byteCount: tail, alignment: 16)
                }
                if tail > 0 { carry.baseAddress!.copyMemory(from: buffer.baseAddress! + cut + 1, byteCount: tail) }
                carryCount = tail
                count = cut + 1
                break
            }
            // No newline in the whole buffer: one long line.
            if count > maxLineBytes {
                tooLong.append(nextLine)
                nextLine += 1
                skippedBytes += Int64(count)
                let (rest, ended) = try skipToNewline(scratch: buffer)
                skippedBytes += rest.skipped
                atEnd = ended
                count = 0
                if rest.tailCount > 0 {
                    buffer.baseAddress!.copyMemory(from: buffer.baseAddress! + rest.tailStart, byteCount: rest.tailCount)
                    count = rest.tailCount
                }
                if atEnd { break }
                continue
            }
            let grown = UnsafeMutableRawBufferPointer.allocate(
                byteCount: min(buffer.count * 2, maxLineBytes + targetSize), alignment: 16)
            grown.baseAddress!.copyMemory(from: buffer.baseAddress!, byteCount: count)
            buffer.deallocate()
            buffer = grown
        }
        if atEnd {
            finished = true
            if count > 0 && buffer[count - 1] != 0x0A && stream.damage != nil {
                // Cut off by the damage: not a line.
                let lastCut = lastNewline(buffer, count).map { $0 + 1 } ?? 0
                partialLineDropped = count > lastCut
                count = lastCut
            }
        }
        if count == 0 && tooLong.isEmpty {
            buffer.deallocate()
            return nil
        }
        let lines = countLines(buffer, count)
        let batch = LineBatch(
            sequence: sequence, bytes: UnsafeMutableRawBufferPointer(rebasing: buffer[0..<count]),
            firstLine: nextLine, tooLongLines: tooLong, byteCount: Int64(count) + skippedBytes,
            maxLineBytes: maxLineBytes)
        sequence += 1
        nextLine += lines
        return batch
    }

    private struct SkipResult {
        var skipped: Int64
        var tailStart: Int
        var tailCount: Int
    }

    /// Reads and drops bytes up to the next newline; returns what follows it in `scratch`.
    private func skipToNewline(scratch: UnsafeMutableRawBufferPointer) throws(IngestError) -> (SkipResult, Bool) {
        var skipped: Int64 = 0
        while true {
            let read = try stream.read(into: scratch)
            if read == 0 { return (SkipResult(skipped: skipped, tailStart: 0, tailCount: 0), true) }
            if let found = memchr(scratch.baseAddress!, 0x0A, read) {
                let newline = scratch.baseAddress!.distance(to: UnsafeMutableRawPointer(found))
                skipped += Int64(newline + 1)
                return (SkipResult(skipped: skipped, tailStart: newline + 1, tailCount: read - newline - 1), false)
            }
            skipped += Int64(read)
        }
    }

    private func lastNewline(_ buffer: UnsafeMutableRawBufferPointer, _ count: Int) -> Int? {
        // Backwards: the unfinished tail after the last newline is usually short.
        var index = count - 1
        while index >= 0 {
            if buffer[index] == 0x0A { return index }
            index -= 1
        }
        return nil
    }

    /// Lines in the bytes: newlines, plus one for a last line without a newline.
    private func countLines(_ buffer: UnsafeMutableRawBufferPointer, _ count: Int) -> Int64 {
        var lines: Int64 = 0
        var position = 0
        while position < count, let found = memchr(buffer.baseAddress! + position, 0x0A, count - position) {
            lines += 1
            position = buffer.baseAddress!.distance(to: UnsafeMutableRawPointer(found)) + 1
        }
        if position < count { lines += 1 }
        return lines
    }
}
