/// Dense integer ids for the strings scenarios key their state by (sessions, users, API keys).
///
/// The main thread interns each call's strings once; a dozen scenarios then index arrays by id
/// instead of hashing the same strings again and again.
struct KeyInterner {
    private var ids: [String: Int32] = [:]

    /// The id of `key`, assigned on first sight.
    mutating func id(_ key: String?) -> Int32 {
        guard let key else { return -1 }
        if let id = ids[key] { return id }
        let id = Int32(ids.count)
        ids[key] = id
        return id
    }
}

/// A table indexed by interned id that grows on demand.
struct IDTable<Value> {
    private var values: [Value?] = []

    subscript(id: Int32) -> Value? {
        get { Int(id) < values.count ? values[Int(id)] : nil }
        set {
            let index = Int(id)
            if index >= values.count { values.append(contentsOf: repeatElement(nil, count: index - values.count + 1)) }
            values[index] = newValue
        }
    }

    /// Mutates the value of `id` in place, creating it first when absent. Reading, changing and
    /// storing back a copy would copy any collection inside the value on every call (copy on write
    /// sees two references), which grows with the collection, not with the change.
    mutating func modify<Result>(
        _ id: Int32, default makeDefault: @autoclosure () -> Value, _ body: (inout Value) -> Result
    ) -> Result {
        let index = Int(id)
        if index >= values.count { values.append(contentsOf: repeatElement(nil, count: index - values.count + 1)) }
        if values[index] == nil { values[index] = makeDefault() }
        return body(&values[index]!)
    }
}

extension IDTable: Sendable where Value: Sendable {}
