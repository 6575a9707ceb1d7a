/// Reads one input file into call records in replay order: decoded batches from the file's
/// pipeline → lateness reorder buffer. Malformed lines are counted (with the first examples kept).
final class FileRecordReader {
    let file: InputFile
    let fileIndex: Int32
    private(set) var stats: FileStats
    private var pipeline: FilePipeline?
    private let forcedFormat: LogFormat?
    private let keepSystemText: Bool
    /// Derive prompt hashes and request keys (false when no policy reads them).
    var promptKeys = true
    private var reorder: LatenessReorderBuffer
    private var pending: [CallRecord] = []
    /// Merges Claude Code entries into calls across batches (file order).
    private var grouper: ClaudeCodeGrouper?
    private var pendingIndex = 0
    private var finished = false
    private var examplesKept = 0
    private let recordMalformed: (MalformedRecord) -> Void

    /// - Parameters:
    ///   - recordMalformed: called for each kept example of a skipped line.
    init(
        file: InputFile, fileIndex: Int32, forcedFormat: LogFormat?, keepSystemText: Bool, maxLatenessMicros: Int64,
        recordMalformed: @escaping (MalformedRecord) -> Void
    ) {
        self.file = file
        self.fileIndex = fileIndex
        self.forcedFormat = forcedFormat
        self.keepSystemText = keepSystemText
        self.recordMalformed = recordMalformed
        stats = FileStats(pathKey: file.pathKey)
        reorder = LatenessReorderBuffer(maxLatenessMicros: maxLatenessMicros)
    }

    /// Opens the file and starts reading ahead on `pool`; an unreadable file is a fatal error.
    func open(pool: WorkerPool, depth: Int, batchSize: Int, unitCaches: [PromptUnitCache]) throws(IngestError) {
        let stream = try ByteStream(path: file.path, standardInput: file.isStandardInput)
        stats.compressed = stream.isGzip
        stats.rawBytes = stream.rawSize ?? 0
        var settings = BatchDecodeSettings(
            pathKey: file.pathKey, fileIndex: fileIndex, keepSystemText: keepSystemText,
            unitCaches: unitCaches)
        settings.promptKeys = promptKeys
        let pipeline = FilePipeline(
            stream: stream, pool: pool, settings: settings, forcedFormat: forcedFormat, depth: depth,
            batchSize: batchSize)
        self.pipeline = pipeline
        pipeline.start()
    }

    /// The start of the file's first call, read from its opening lines only; nil when it has none.
    /// Standard input cannot be read twice, so it reports the earliest possible start.
    func probeFirstStart() throws(IngestError) -> Timestamp? {
        if file.isStandardInput { return Timestamp(micros: .min / 2) }
        let stream = try ByteStream(path: file.path)
        let cutter = LineBatchCutter(stream: stream, targetSize: LineBatchCutter.openingBatchSize)
        var settings = BatchDecodeSettings(pathKey: file.pathKey, fileIndex: fileIndex, keepSystemText: false, unitCaches: [])
        settings.promptKeys = false  // only the first start is wanted
        var format = forcedFormat
        while let batch = try cutter.next() {
            defer { batch.release() }
            if format == nil { format = BatchDecoder.detectFormat(batch) }
            if let first = BatchDecoder.decode(batch, format: format, settings: settings).records.first { return first.start }
        }
        return nil
    }

    /// Raw bytes consumed so far (for the progress line).
    var rawBytesRead: Int64 { pipeline?.rawBytesRead ?? 0 }

    /// The next call of this file in replay order, or nil at its end.
    func next() throws(IngestError) -> CallRecord? {
        while true {
            if let ready = reorder.popReady() { return ready }
            if finished { return reorder.popRemaining() }
            if pendingIndex < pending.count {
                let record = pending[pendingIndex]
                pendingIndex += 1
                if reorder.insert(record) { stats.late += 1 }
                continue
            }
            try takeBatch()
        }
    }

    private func takeBatch() throws(IngestError) {
        guard let pipeline, let batch = try pipeline.nextBatch() else {
            if var grouper {
                // Claude Code calls still open at the end of the file are complete now.
                self.grouper = nil
                take(grouper.flush())
                if !pending.isEmpty { return }
            }
            finish()
            return
        }
        stats.lines += batch.lines
        stats.blankLines += batch.blankLines
        stats.unsupportedLines += batch.unsupportedLines
        stats.bytes += batch.bytes
        for (reason, count) in batch.malformedCounts { stats.malformed[reason, default: 0] += count }
        for (kind, count) in batch.nonCalls { stats.nonCalls[kind, default: 0] += count }
        for example in batch.examples where examplesKept < InputSummary.malformedExampleLimit {
            examplesKept += 1
            recordMalformed(example)
        }
        if stats.format == nil { stats.format = pipeline.detectedFormat }
        if stats.format == .claudeCode {
            if grouper == nil { grouper = ClaudeCodeGrouper() }
            take(grouper!.add(batch.records))
        } else {
            take(batch.records)
        }
    }

    /// Makes `records` the next calls to hand on, and counts them.
    private func take(_ records: [CallRecord]) {
        stats.records += Int64(records.count)
        // Without prompt keys no record has a request key; the count only matters to the policies
        // that need them, which turn the keys on.
        if promptKeys { for record in records where record.body?.requestKey == nil { stats.recordsWithoutRequestBody += 1 } }
        pending = records
        pendingIndex = 0
    }

    private func finish() {
        finished = true
        stats.format = stats.format ?? pipeline?.detectedFormat
        stats.damage = pipeline?.damage
        stats.droppedPartialLine = pipeline?.partialLineDropped ?? false
        pipeline = nil
        pending = []
    }
}
