/// Merges the per-file streams into one stream in replay order (SPEC §3.4). Each file is already
/// in order, so only one record per file is held here.
final class CallMerger {
    private struct Head {
        let record: CallRecord
        let reader: FileRecordReader
    }

    private var heap = BinaryHeap<Head>(by: { ReplayOrder.precedes($0.record, $1.record) })
    private var pending: [FileRecordReader]

    init(readers: [FileRecordReader]) { pending = readers }

    /// Primes every file's first record.
    func start() throws(IngestError) {
        for reader in pending {
            if let record = try reader.next() { heap.push(Head(record: record, reader: reader)) }
        }
        pending = []
    }

    /// The next call in replay order, or nil when every file is exhausted.
    func next() throws(IngestError) -> CallRecord? {
        guard let head = heap.popMin() else { return nil }
        if let following = try head.reader.next() { heap.push(Head(record: following, reader: head.reader)) }
        return head.record
    }
}
