/// All model prices, with name resolution (SPEC §5.1).
public final class PriceBook: @unchecked Sendable {
    /// Where the book came from: `embedded` or the file name.
    public let source: String
    /// The date the prices were read.
    public let asOf: String
    /// Entries by canonical id, each list sorted by `effectiveFrom` (nil first).
    public let entriesByID: [String: [PriceEntry]]
    /// Lower-cased id or alias → canonical id.
    private let nameIndex: [String: String]
    private var resolutionCache: [String: String?] = [:]
    private let cacheLock = Lock()

    /// Builds a book; duplicate names are the loader's responsibility to reject.
    public init(source: String, asOf: String, entries: [PriceEntry]) {
        self.source = source
        self.asOf = asOf
        var byID: [String: [PriceEntry]] = [:]
        for entry in entries { byID[entry.id, default: []].append(entry) }
        for id in byID.keys {
            byID[id]!.sort { ($0.effectiveFrom?.micros ?? Int64.min) < ($1.effectiveFrom?.micros ?? Int64.min) }
        }
        entriesByID = byID
        var index: [String: String] = [:]
        for (id, list) in byID {
            index[id.lowercased()] = id
            for entry in list { for alias in entry.aliases { index[alias.lowercased()] = id } }
        }
        nameIndex = index
    }

    /// All canonical ids, sorted.
    public var ids: [String] { entriesByID.keys.sorted() }

    /// The canonical id a logged model name resolves to, or nil when it is unpriced.
    public func resolveID(_ logged: String) -> String? {
        cacheLock.lock()
        if let cached = resolutionCache[logged] {
            cacheLock.unlock()
            return cached
        }
        cacheLock.unlock()
        let resolved = ModelNameResolver.candidates(logged).lazy.compactMap { self.nameIndex[$0] }.first
        cacheLock.lock()
        resolutionCache[logged] = .some(resolved)
        cacheLock.unlock()
        return resolved
    }

    /// The entry in force for a model id at a time: the latest `effective_from` ≤ the call's UTC
    /// start date; nil when the call predates every entry.
    public func entry(id: String, at time: Timestamp) -> PriceEntry? {
        guard let list = entriesByID[id] else { return nil }
        let day = Timestamp(micros: time.epochDay * Timestamp.microsPerDay)
        return list.last { ($0.effectiveFrom?.micros ?? Int64.min) <= day.micros }
    }

    /// Resolves a logged name and picks the entry in force at `time`.
    public func entry(forLoggedModel logged: String, at time: Timestamp) -> PriceEntry? {
        guard let id = resolveID(logged) else { return nil }
        return entry(id: id, at: time)
    }
}
