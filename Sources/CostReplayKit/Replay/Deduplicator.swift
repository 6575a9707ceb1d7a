/// Drops records whose call id was already replayed (SPEC §3.4: the first in replay order is kept).
///
/// Ids are remembered as 128-bit hashes for a window of replay time only, so memory follows the
/// call rate, not the input size: copies of one record carry the same start time, and merged logs
/// from several machines repeat a call within minutes. Two records with one id more than
/// `windowMicros` apart in start time are both kept (documented in docs/decisions.md).
struct Deduplicator {
    let windowMicros: Int64
    private var seen: [IDHash: Int64] = [:]
    private var order: [(IDHash, Int64)] = []
    private var orderStart = 0
    /// Records dropped as duplicates.
    private(set) var duplicates: Int64 = 0

    struct IDHash: Hashable {
        let a: UInt64
        let b: UInt64
    }

    init(windowMicros: Int64) { self.windowMicros = windowMicros }

    /// True when the record is new (and remembers it), false for a duplicate.
    mutating func admit(_ record: CallRecord) -> Bool {
        expire(before: record.start.micros &- windowMicros)
        let key = Self.hash(record.id)
        if seen[key] != nil {
            duplicates += 1
            return false
        }
        seen[key] = record.start.micros
        order.append((key, record.start.micros))
        return true
    }

    private mutating func expire(before limit: Int64) {
        while orderStart < order.count, order[orderStart].1 < limit {
            let (key, start) = order[orderStart]
            if seen[key] == start { seen.removeValue(forKey: key) }
            orderStart += 1
        }
        if orderStart > 4096 && orderStart * 2 > order.count {
            order.removeFirst(orderStart)
            orderStart = 0
        }
    }

    static func hash(_ id: String) -> IDHash {
        var text = id
        return text.withUTF8 { buffer in
            let raw = UnsafeRawBufferPointer(buffer)
            var first = StreamHasher(seed: 11)
            first.update(raw)
            var second = StreamHasher(seed: 12_345)
            second.update(raw)
            return IDHash(a: first.finalize(), b: second.finalize())
        }
    }
}
