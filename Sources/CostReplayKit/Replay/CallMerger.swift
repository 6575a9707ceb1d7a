/// Merges the per-file streams into one stream in replay order (SPEC §3.4). Each file is already
/// in order, so only one record per file is held here.
///
/// Files are opened lazily: a quick probe finds each file's first start, and a file is opened only
/// once the merge reaches that start minus the lateness allowance. Every non-late record of a file
/// starts no earlier than that, so the order is exactly the same as with every file open, while
/// hourly or daily files cost memory and descriptors only while their time range is being replayed.
final class CallMerger {
    private struct Head {
        let record: CallRecord
        let reader: FileRecordReader
    }

    private struct Waiting {
        let firstStart: Int64
        let reader: FileRecordReader
    }

    private var heap = BinaryHeap<Head>(by: { ReplayOrder.precedes($0.record, $1.record) })
    private var readers: [FileRecordReader]
    private var waiting: [Waiting] = []
    private var nextWaiting = 0
    private let maxLatenessMicros: Int64
    private let open: (FileRecordReader) throws(IngestError) -> Void

    /// - Parameter open: starts reading a file (called once per file, when it is due).
    init(readers: [FileRecordReader], maxLatenessMicros: Int64, open: @escaping (FileRecordReader) throws(IngestError) -> Void) {
        self.readers = readers
        self.maxLatenessMicros = maxLatenessMicros
        self.open = open
    }

    /// Probes every file's first start; files without any call are read through at once (their
    /// lines still count).
    func start() throws(IngestError) {
        for reader in readers {
            if let first = try reader.probeFirstStart() {
                waiting.append(Waiting(firstStart: first.micros, reader: reader))
            } else {
                try activate(reader)
            }
        }
        readers = []
        waiting.sort { ($0.firstStart, $0.reader.fileIndex) < ($1.firstStart, $1.reader.fileIndex) }
    }

    /// The next call in replay order, or nil when every file is exhausted.
    func next() throws(IngestError) -> CallRecord? {
        // Open every waiting file whose records may come before the current head.
        while nextWaiting < waiting.count {
            let candidate = waiting[nextWaiting]
            if let head = heap.min, head.record.start.micros < candidate.firstStart &- maxLatenessMicros { break }
            nextWaiting += 1
            try activate(candidate.reader)
        }
        if nextWaiting == waiting.count && !waiting.isEmpty {
            waiting = []
            nextWaiting = 0
        }
        guard let head = heap.popMin() else { return nil }
        if let following = try head.reader.next() { heap.push(Head(record: following, reader: head.reader)) }
        return head.record
    }

    private func activate(_ reader: FileRecordReader) throws(IngestError) {
        try open(reader)
        if let record = try reader.next() { heap.push(Head(record: record, reader: reader)) }
    }
}
