/// Remembers the canonical hash and length of prompt units by a hash of their raw bytes.
///
/// Every turn of an agent session re-sends the whole conversation, so nearly every message was
/// canonicalized before. Hashing raw bytes is a plain pass; RFC 8785 canonicalization (key sorting,
/// escape rewriting) is several times dearer. Equal raw bytes always have equal canonical forms, so a
/// hit is exact (up to 128-bit collisions of the raw hash). The cache is bounded: it is cleared when
/// full, so memory does not grow with the input.
final class PromptUnitCache: @unchecked Sendable {
    struct Entry {
        let canonicalHash: UInt64
        let canonicalBytes: Int
    }

    private struct RawKey: Hashable {
        let a: UInt64
        let b: UInt64
        let length: Int

        /// `a` is already a well-mixed hash of every byte: feeding the dictionary's hasher that one
        /// word is enough (equality still compares all three).
        func hash(into hasher: inout Hasher) { hasher.combine(a) }
    }

    /// Used by one worker thread at a time (one cache per worker), so no lock.
    private var entries: [RawKey: Entry] = [:]
    private let capacity: Int
    /// Units smaller than this are canonicalized directly. A lookup costs about 1,000 instructions
    /// and canonicalizing a typical 100–250-byte message several thousand (callgrind), so only
    /// the tiniest units skip the cache.
    static let minimumBytes = 64

    init(capacity: Int = 1 << 14) { self.capacity = capacity }

    /// The canonical hash and length of the value `index` of `tape`, computed or remembered.
    func unit(_ tape: JSONTape, _ index: Int) -> Entry {
        let raw = tape.span(index)
        guard raw.count >= Self.minimumBytes else { return Self.canonical(tape, index) }
        let (a, b) = RawDigest.digest(raw, seed: 21)
        let key = RawKey(a: a, b: b, length: raw.count)
        if let hit = entries[key] { return hit }
        let entry = Self.canonical(tape, index)
        if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
        entries[key] = entry
        return entry
    }

    /// Unit 0 — the object of the request's `keys` members that are present (model, tools, system)
    /// — computed or remembered by the raw bytes of those members' values.
    func unitZero(_ tape: JSONTape, request: Int, keys: [JSONKey], include: KeySet) -> Entry {
        var first = StreamHasher(seed: 22)
        var total = 0
        for key in keys {
            // The key's name and a marker keep shapes ("system" vs "instructions"), "absent" and
            // every value distinct.
            key.withBytes { first.update($0) }
            if let value = tape.value(request, key) {
                let span = tape.span(value)
                first.update(word: UInt64(span.count) << 1 | 1)
                first.update(span)
                total += span.count
            } else {
                first.update(word: 0)
            }
        }
        let key = RawKey(a: first.finalize(), b: UInt64(keys.count), length: -total - 1)
        if let hit = entries[key] { return hit }
        var sink = HashingSink()
        CanonicalJSON.writeObject(tape, request, to: &sink) { include.contains($0) }
        let entry = Entry(canonicalHash: sink.hasher.finalize(), canonicalBytes: sink.byteCount)
        if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
        entries[key] = entry
        return entry
    }

    static func canonical(_ tape: JSONTape, _ index: Int) -> Entry {
        var sink = HashingSink()
        CanonicalJSON.write(tape, index, to: &sink)
        return Entry(canonicalHash: sink.hasher.finalize(), canonicalBytes: sink.byteCount)
    }
}
