/// Looks up a fixed set of keys in one object with a single pass over its members, instead of one
/// scan per key (the envelope decoder reads two dozen top-level keys of every line).
struct JSONKeyTable: Sendable {
    private let keys: [JSONKey]
    /// Key length → positions in `keys` with that length.
    private let byLength: [Int: [Int]]

    init(_ keys: [JSONKey]) {
        self.keys = keys
        var byLength: [Int: [Int]] = [:]
        for (position, key) in keys.enumerated() { byLength[key.count, default: []].append(position) }
        self.byLength = byLength
    }

    /// Value indices of the keys in `object`, in key order (-1: absent; the last of duplicates wins).
    func lookup(_ tape: JSONTape, _ object: Int) -> [Int] {
        var found = [Int](repeating: -1, count: keys.count)
        tape.forEachMember(object) { key, value in
            let length = tape.isEscaped(key) ? tape.decodedStringBytes(key).count : tape.rawBytes(key).count
            guard let candidates = byLength[length] else { return }
            for position in candidates where tape.keyEquals(key, keys[position]) {
                found[position] = value
                break
            }
        }
        return found
    }
}
