/// Reads one input file into call records in replay order: lines → JSON tape → format decoder →
/// lateness reorder buffer. Malformed lines are counted (with the first examples kept) and skipped.
final class FileRecordReader {
    let file: InputFile
    let fileIndex: Int32
    private(set) var stats: FileStats
    private var lineReader: LineReader?
    private var stream: ByteStream?
    private var tape = JSONTape()
    private var decoder: (any LogDecoder)?
    private let forcedFormat: LogFormat?
    private var reorder: LatenessReorderBuffer
    private var finished = false
    private let recordMalformed: (MalformedRecord) -> Void

    /// - Parameters:
    ///   - recordMalformed: called for every skipped line (the caller keeps the first examples).
    init(file: InputFile, fileIndex: Int32, forcedFormat: LogFormat?, maxLatenessMicros: Int64,
         recordMalformed: @escaping (MalformedRecord) -> Void) {
        self.file = file
        self.fileIndex = fileIndex
        self.forcedFormat = forcedFormat
        self.recordMalformed = recordMalformed
        stats = FileStats(pathKey: file.pathKey)
        reorder = LatenessReorderBuffer(maxLatenessMicros: maxLatenessMicros)
    }

    /// Opens the file; an unreadable file is a fatal error for the run.
    func open() throws(IngestError) {
        let stream = try ByteStream(path: file.path, standardInput: file.isStandardInput)
        self.stream = stream
        stats.compressed = stream.isGzip
        stats.rawBytes = stream.rawSize ?? 0
        lineReader = LineReader(stream: stream)
    }

    /// Raw bytes consumed so far (for the progress line).
    var rawBytesRead: Int64 { stream?.rawBytesRead ?? 0 }

    /// The next call of this file in replay order, or nil at its end.
    func next() throws(IngestError) -> CallRecord? {
        while true {
            if let ready = reorder.popReady() { return ready }
            if finished { return reorder.popRemaining() }
            try readMore()
        }
    }

    /// Reads lines until one decodes into a call (or the file ends).
    private func readMore() throws(IngestError) {
        guard let lineReader else {
            finished = true
            return
        }
        while true {
            switch try lineReader.next() {
            case .end:
                finish()
                return
            case .tooLong(let number):
                stats.lines += 1
                skip(.lineTooLong, line: number, detail: "line longer than \(lineReader.maxLineBytes >> 20) MiB")
            case .line(let bytes, let number):
                stats.lines += 1
                stats.bytes += Int64(bytes.count) + 1
                if let record = decodeLine(bytes, number: number) {
                    stats.records += 1
                    if reorder.insert(record) { stats.late += 1 }
                    return
                }
            }
        }
    }

    private func finish() {
        finished = true
        stats.damage = stream?.damage
        stats.droppedPartialLine = lineReader?.partialLineDropped ?? false
        lineReader = nil
        stream = nil
    }

    private func skip(_ reason: MalformedReason, line: Int64, detail: String) {
        stats.malformed[reason, default: 0] += 1
        recordMalformed(MalformedRecord(reason: reason, pathKey: file.pathKey, line: line, detail: detail))
    }

    /// Decodes one line; nil when it is blank, malformed or not a call.
    private func decodeLine(_ bytes: UnsafeRawBufferPointer, number: Int64) -> CallRecord? {
        if isBlank(bytes) {
            stats.blankLines += 1
            return nil
        }
        do {
            try tape.parse(bytes)
        } catch {
            switch error {
            case .tooDeep:
                skip(.tooDeep, line: number, detail: "JSON nested deeper than \(tape.maxDepth) levels")
            case .invalid(let offset):
                skip(.invalidJSON, line: number, detail: "invalid JSON at byte \(offset + 1)")
            }
            return nil
        }
        guard tape.kind(tape.root) == .object else {
            skip(.notAnObject, line: number, detail: "the line is JSON but not an object")
            return nil
        }
        if decoder == nil && stats.format == nil {
            let format = forcedFormat ?? LogFormat.detect(tape, tape.root)
            stats.format = format
            if format == .envelope { decoder = EnvelopeDecoder() }
        }
        guard var active = decoder else {
            // Recognised but not decodable by this version: counted per file, not as malformed.
            stats.unsupportedLines += 1
            return nil
        }
        let context = DecodeContext(pathKey: file.pathKey, fileIndex: fileIndex, line: number)
        do {
            let record = try active.decode(tape, context: context)
            decoder = active
            return record
        } catch {
            decoder = active
            skip(error.reason, line: number, detail: error.detail)
            return nil
        }
    }

    private func isBlank(_ bytes: UnsafeRawBufferPointer) -> Bool {
        for byte in bytes where !(byte == 0x20 || byte == 0x09 || byte == 0x0D) { return false }
        return true
    }
}
