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
    /// Records that arrived in order (the common case): a FIFO, no heap work.
    private var inOrder: [CallRecord] = []
    private var inOrderHead = 0
    /// Records that arrived out of order.
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
        if inOrderHead == inOrder.count || !ReplayOrder.precedes(record, inOrder[inOrder.count - 1]) {
            if inOrderHead == inOrder.count {
                inOrder.removeAll(keepingCapacity: true)
                inOrderHead = 0
            }
            inOrder.append(record)
        } else {
            heap.push(record)
        }
        largestStart = max(largestStart, record.start.micros)
        return late
    }

    /// The next record that is safe to release, if any.
    mutating func popReady() -> CallRecord? {
        guard let first = peekFirst() else { return nil }
        guard first.start.micros <= largestStart &- maxLatenessMicros else { return nil }
        return popFirst()
    }

    /// After the file's end: everything, in order.
    mutating func popRemaining() -> CallRecord? { peekFirst() == nil ? nil : popFirst() }

    var isEmpty: Bool { inOrderHead == inOrder.count && heap.isEmpty }

    private func peekFirst() -> CallRecord? {
        let queued = inOrderHead < inOrder.count ? inOrder[inOrderHead] : nil
        guard let heaped = heap.min else { return queued }
        guard let queued else { return heaped }
        return ReplayOrder.precedes(heaped, queued) ? heaped : queued
    }

    private mutating func popFirst() -> CallRecord? {
        let queued = inOrderHead < inOrder.count ? inOrder[inOrderHead] : nil
        if let heaped = heap.min, queued == nil || ReplayOrder.precedes(heaped, queued!) { return heap.popMin() }
        guard let queued else { return nil }
        inOrderHead += 1
        if inOrderHead > 4096 && inOrderHead * 2 > inOrder.count {
            inOrder.removeFirst(inOrderHead)
            inOrderHead = 0
        }
        return queued
    }
}
