#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads one file ahead of the replay on the worker pool: an inflate job cuts the next batch of
/// lines (one at a time per file, in order), decode jobs turn batches into records (in parallel),
/// and the replay thread takes decoded batches strictly in sequence. At most `depth` batches per
/// file are in flight, so memory is bounded by depth × batch size, whatever the file size.
final class FilePipeline: @unchecked Sendable {
    private let cutter: LineBatchCutter
    private let stream: ByteStream
    private let pool: WorkerPool
    private let settings: BatchDecodeSettings
    private let depth: Int
    private var format: LogFormat?
    private var formatKnown: Bool

    private var mutex = pthread_mutex_t()
    private var condition = pthread_cond_t()
    private var ready: [Int: DecodedBatch] = [:]
    private var produced = 0
    private var consumed = 0
    private var inflating = false
    private var exhausted = false
    private var failure: IngestError?
    private var publishedRawBytes: Int64 = 0

    init(
        stream: ByteStream, pool: WorkerPool, settings: BatchDecodeSettings, forcedFormat: LogFormat?, depth: Int,
        batchSize: Int
    ) {
        self.stream = stream
        self.pool = pool
        self.settings = settings
        self.depth = depth
        cutter = LineBatchCutter(stream: stream, targetSize: batchSize)
        format = forcedFormat
        formatKnown = forcedFormat != nil
        pthread_mutex_init(&mutex, nil)
        pthread_cond_init(&condition, nil)
    }

    deinit {
        pthread_mutex_destroy(&mutex)
        pthread_cond_destroy(&condition)
    }

    /// The detected (or forced) format, once known.
    var detectedFormat: LogFormat? {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        return format
    }

    /// Damage and the dropped partial line, valid after the last batch.
    var damage: InputDamage? { stream.damage }
    var partialLineDropped: Bool { cutter.partialLineDropped }
    /// Raw bytes read so far, as of the last batch cut (published under the lock for progress).
    var rawBytesRead: Int64 {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        return publishedRawBytes
    }

    /// Starts reading ahead.
    func start() {
        pthread_mutex_lock(&mutex)
        scheduleInflateLocked()
        pthread_mutex_unlock(&mutex)
    }

    /// The next decoded batch in order, waiting for it; nil after the last.
    func nextBatch() throws(IngestError) -> DecodedBatch? {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        while true {
            if let batch = ready.removeValue(forKey: consumed) {
                consumed += 1
                scheduleInflateLocked()
                return batch
            }
            if let failure, consumed == produced { throw failure }
            if exhausted && consumed == produced { return nil }
            pthread_cond_wait(&condition, &mutex)
        }
    }

    private func scheduleInflateLocked() {
        // Priming takes a file's first batch; only a file the replay keeps reading from (two batches
        // or more) reads deep ahead, so the many files waiting their turn hold one small batch each.
        let allowed = consumed < 2 ? 1 : depth
        guard !inflating, !exhausted, failure == nil, produced - consumed < allowed else { return }
        inflating = true
        pool.submit(urgent: true) { [self] _ in inflateOne() }
    }

    /// Runs on a worker: cuts one batch, hands it to a decode job, and schedules the next cut.
    private func inflateOne() {
        let batch: LineBatch?
        do {
            batch = try cutter.next()
        } catch {
            pthread_mutex_lock(&mutex)
            failure = error
            inflating = false
            pthread_cond_broadcast(&condition)
            pthread_mutex_unlock(&mutex)
            return
        }
        if cutter.finished { stream.close() }
        guard let batch else {
            pthread_mutex_lock(&mutex)
            exhausted = true
            inflating = false
            pthread_cond_broadcast(&condition)
            pthread_mutex_unlock(&mutex)
            return
        }
        // Format detection happens here, in file order, so every decode job knows the format.
        if !formatKnown, let detected = BatchDecoder.detectFormat(batch) {
            pthread_mutex_lock(&mutex)
            format = detected
            formatKnown = true
            pthread_mutex_unlock(&mutex)
        }
        let batchFormat = format
        pool.submit { [self] worker in
            let decoded = BatchDecoder.decode(
                batch, format: batchFormat, settings: settings,
                unitCache: settings.unitCaches[worker % settings.unitCaches.count])
            batch.release()
            pthread_mutex_lock(&mutex)
            ready[decoded.sequence] = decoded
            pthread_cond_broadcast(&condition)
            pthread_mutex_unlock(&mutex)
        }
        let rawBytes = stream.rawBytesRead
        pthread_mutex_lock(&mutex)
        publishedRawBytes = rawBytes
        produced += 1
        inflating = false
        if cutter.finished { exhausted = true }
        scheduleInflateLocked()
        pthread_cond_broadcast(&condition)
        pthread_mutex_unlock(&mutex)
    }
}
