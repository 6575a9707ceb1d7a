/// Reads every input and hands each unique call, priced and with its session, to a consumer in
/// replay order (SPEC §3.4). Memory is the per-file read buffers and lateness windows plus the
/// duplicate window and per-user session state: it does not grow with the number of calls.
public final class Replayer {
    public let options: AnalysisOptions
    /// Called now and then with (raw bytes read, calls replayed), for a progress line.
    public var progress: ((Int64, Int64) -> Void)?

    public init(options: AnalysisOptions) { self.options = options }

    /// Replays `inputs`; returns what they contained. Throws only for unreadable inputs.
    public func run(_ inputs: [InputFile], consumer: (ReplayedCall) throws -> Void) throws -> InputSummary {
        var summary = InputSummary()
        var examples: [MalformedRecord] = []
        let readers = inputs.enumerated().map { index, file in
            FileRecordReader(
                file: file, fileIndex: Int32(index), forcedFormat: options.forcedFormat,
                keepSystemText: options.keepSystemText, maxLatenessMicros: options.maxLatenessMicros
            ) { record in
                examples.append(record)
            }
        }
        for reader in readers { reader.promptKeys = options.promptKeys }
        let pool = WorkerPool(threads: max(1, options.jobs))
        defer { pool.shutdown() }
        let unitCaches = (0..<pool.threadCount).map { _ in PromptUnitCache() }
        let depth = 2 * max(1, options.jobs) + 2
        let merger = CallMerger(readers: readers, maxLatenessMicros: options.maxLatenessMicros) { reader throws(IngestError) in
            try reader.open(pool: pool, depth: depth, batchSize: 1 << 20, unitCaches: unitCaches)
        }
        try merger.start()
        var deduplicator = Deduplicator(windowMicros: options.duplicateWindowMicros)
        var sessions = SessionInferrer(gapMicros: options.sessionGapMicros)
        var replayed: Int64 = 0
        while var record = try merger.next() {
            guard deduplicator.admit(record) else { continue }
            let attributed = options.attribution?.apply(to: &record) ?? false
            if let since = options.since, record.start < since {
                summary.outsidePeriod += 1
                if let range = options.comparisonRange, range.contains(record.start) { compare(record, &summary) }
                continue
            }
            if let until = options.until, record.start >= until {
                summary.outsidePeriod += 1
                continue
            }
            if attributed { summary.attributedCalls += 1 }
            let call = price(record, sessions: &sessions, summary: &summary)
            summary.calls += 1
            if summary.firstStart == nil || record.start < summary.firstStart! { summary.firstStart = record.start }
            if summary.lastStart == nil || record.start > summary.lastStart! { summary.lastStart = record.start }
            try consumer(call)
            replayed += 1
            if replayed & 0x3FF == 0, let progress {
                progress(readers.reduce(0) { $0 + $1.rawBytesRead }, replayed)
            }
        }
        summary.duplicates = deduplicator.duplicates
        summary.files = readers.map(\.stats)
        summary.malformedExamples = Array(
            examples.sorted { ($0.pathKey, $0.line) < ($1.pathKey, $1.line) }
                .prefix(InputSummary.malformedExampleLimit))
        return summary
    }

    /// Prices a call of the comparison month into its totals (no session, no replay).
    private func compare(_ record: CallRecord, _ summary: inout InputSummary) {
        summary.previousPeriod = summary.previousPeriod ?? PeriodTotals()
        summary.previousPeriod!.add(priced(record, session: nil))
    }

    /// The record with its price-book model, entry and cost (nil when unpriced; $0 for a failed
    /// call without usage, which bills nothing and is never unpriced).
    private func priced(_ record: CallRecord, session: (id: String, inferred: Bool)?) -> ReplayedCall {
        let pricedModel = options.priceBook.resolveID(record.model)
        let entry = pricedModel.flatMap { options.priceBook.entry(id: $0, at: record.start) }
        var call = ReplayedCall(
            record: record, session: session?.id, sessionInferred: session?.inferred ?? false,
            pricedModel: pricedModel, priceEntry: entry, usage: record.usage ?? .zero, cost: nil)
        if record.usage == nil {
            call.cost = .zero
        } else if let entry {
            call.cost = entry.cost(of: call.usage, serviceTier: record.serviceTier)
        }
        return call
    }

    /// Resolves the price and session of one record.
    private func price(_ record: CallRecord, sessions: inout SessionInferrer, summary: inout InputSummary) -> ReplayedCall {
        let session = sessions.session(for: record)
        let call = priced(record, session: session)
        if call.cost == nil {
            summary.unpricedCalls += 1
            summary.unpricedModels[record.model, default: UnpricedModelStats()].calls += 1
            summary.unpricedModels[record.model]!.inputTokens += call.usage.totalInput
            summary.unpricedModels[record.model]!.outputTokens += call.usage.output
        }
        return call
    }
}
