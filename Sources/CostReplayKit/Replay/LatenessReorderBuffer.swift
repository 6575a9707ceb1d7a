/// Restores start-time order within one file whose records are at most `maxLateness` out of order
/// (a gateway writes a call when it completes, so starts arrive slightly shuffled).
///
/// A record is released once no later non-late record can precede it: when its start is at or
/// before the largest start read so far minus `maxLateness`. A record more than `maxLateness`
/// earlier than the largest start already read is **late** (SPEC §3.4): it is counted and released
/// at once, so it is replayed right after the records already released — slightly after its own
/// start, never before a record it was read after. Memory holds one lateness window of records.
struct LatenessReorderBuffer {
    let maxLatenessMicros: Int64
    private var heap = BinaryHeap<CallRecord>(by: ReplayOrder.precedes)
    private var largestStart: Int64 = .min
    /// Records found late so far.
    private(set) var lateCount = 0

    init(maxLatenessMicros: Int64) { self.maxLatenessMicros = maxLatenessMicros }

    /// Adds a record in file order; returns true when it was late.
    @discardableResult
    mutating func insert(_ record: CallRecord) -> Bool {
        var late = false
        if largestStart != .min && record.start.micros < largestStart &- maxLatenessMicros {
            late = true
            lateCount += 1
        }
        largestStart = max(largestStart, record.start.micros)
        heap.push(record)
        return late
    }

    /// The next record that is safe to release, if any.
    mutating func popReady() -> CallRecord? {
        guard let first = heap.min else { return nil }
        if first.start.micros <= largestStart &- maxLatenessMicros { return heap.popMin() }
        return nil
    }

    /// After the file's end: everything, in order.
    mutating func popRemaining() -> CallRecord? { heap.popMin() }

    var isEmpty: Bool { heap.isEmpty }
}
