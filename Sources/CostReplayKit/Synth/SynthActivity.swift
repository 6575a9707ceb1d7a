/// Something that makes calls over time: an agent session, a chat, a batch of short tasks.
///
/// An activity's calls are in start order; the generator interleaves activities through
/// `SynthActivityQueue`, always writing the earliest pending call next, so the log is in start
/// order while only the live activities are in memory.
protocol SynthActivity: AnyObject {
    /// Start of the next call, epoch milliseconds.
    var nextStartMs: Int64 { get }
    /// Calls this activity writes in all (fixed when it is planned).
    var plannedCalls: Int { get }
    /// Writes the next call; returns false when the activity has written its last call.
    func emitNext(_ run: SynthRun) throws(SynthError) -> Bool
}

/// A binary min-heap of activities by (next start, admission order): ties resolve the same way
/// on every run.
struct SynthActivityQueue {
    private struct Entry {
        let time: Int64
        let order: Int
        let activity: SynthActivity
    }

    private var heap: [Entry] = []
    private var admitted = 0

    var isEmpty: Bool { heap.isEmpty }
    var count: Int { heap.count }
    var earliest: Int64? { heap.first?.time }

    mutating func push(_ activity: SynthActivity) {
        admitted += 1
        heap.append(Entry(time: activity.nextStartMs, order: admitted, activity: activity))
        var i = heap.count - 1
        while i > 0 {
            let parent = (i - 1) / 2
            guard less(heap[i], heap[parent]) else { break }
            heap.swapAt(i, parent)
            i = parent
        }
    }

    mutating func pop() -> SynthActivity? {
        guard !heap.isEmpty else { return nil }
        let top = heap[0].activity
        let last = heap.removeLast()
        if !heap.isEmpty {
            heap[0] = last
            var i = 0
            while true {
                let l = 2 * i + 1
                let r = l + 1
                var m = i
                if l < heap.count && less(heap[l], heap[m]) { m = l }
                if r < heap.count && less(heap[r], heap[m]) { m = r }
                if m == i { break }
                heap.swapAt(i, m)
                i = m
            }
        }
        return top
    }

    private func less(_ a: Entry, _ b: Entry) -> Bool {
        a.time != b.time ? a.time < b.time : a.order < b.order
    }
}
