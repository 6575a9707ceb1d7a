/// What provider prompt caching would have done (SPEC §6.8): per (scope key, model after routing),
/// live prompt-prefix hashes with expiry times.
struct PrefixCacheSimulator {
    let config: PrefixCacheConfig
    fileprivate struct Key: Hashable {
        let scope: String
        let model: String
    }
    private struct Entry {
        var expiry: Int64
        /// Write premium paid when this prefix was written and not read since.
        var unreadPremium: Money
    }
    private var live: [Key: [UInt64: Entry]] = [:]
    private var updatesSinceSweep = 0
    /// Write premium (over the plain input price) paid for prefixes never read again.
    private(set) var wastedWritePremium: Money = .zero
    /// Calls skipped because their format has no request body.
    private(set) var skippedWithoutBody: Int64 = 0

    init(config: PrefixCacheConfig) { self.config = config }

    /// The state changes a call would make, applied only if the call is made (step 8).
    struct PendingUpdate {
        fileprivate var key: Key
        fileprivate var refreshed: [UInt64]
        fileprivate var written: [(UInt64, Money)]
        fileprivate var readHash: UInt64?
        fileprivate var expiry: Int64
    }

    func scopeKey(_ record: CallRecord) -> String? {
        switch config.scope {
        case .user: return record.user
        case .apiKey: return record.apiKey
        case .global: return ""
        }
    }

    /// Applies the cache to `working`; returns the update to commit if the call is made.
    mutating func apply(_ working: inout WorkingCall, context: CallContext) -> PendingUpdate? {
        guard let entry = working.entry, let modelID = working.modelID, config.providers.contains(entry.provider) else {
            return nil
        }
        guard let units = context.record.body?.promptUnits, !units.isEmpty else {
            skippedWithoutBody += 1
            return nil
        }
        guard let scope = scopeKey(context.record) else { return nil }
        let key = Key(scope: scope, model: modelID)
        let now = context.record.start.micros
        let minimum = config.minTokens > 0 ? config.minTokens : entry.minCacheableTokens
        let total = working.usage.totalInput
        var cumulative: [Int] = []
        cumulative.reserveCapacity(units.count)
        var running = 0
        for unit in units {
            running += unit.bytes
            cumulative.append(running)
        }
        let allBytes = max(running, 1)
        func tokens(_ index: Int) -> Int64 { Int64(Int128(total) * Int128(cumulative[index]) / Int128(allBytes)) }

        let table = live[key]
        var read: Int64 = 0
        var readIndex: Int?
        if let table {
            for index in stride(from: units.count - 1, through: 0, by: -1) {
                if let found = table[units[index].prefixHash], found.expiry >= now, tokens(index) >= minimum {
                    read = tokens(index)
                    readIndex = index
                    break
                }
            }
        }
        let last = units.count - 1
        let fullTokens = tokens(last)
        var write: Int64 = 0
        var update = PendingUpdate(key: key, refreshed: [], written: [], readHash: nil, expiry: now + config.ttlMicros)
        if let readIndex {
            update.refreshed.append(units[readIndex].prefixHash)
            update.readHash = units[readIndex].prefixHash
        }
        if fullTokens >= minimum {
            write = readIndex == last ? 0 : fullTokens - read
            let rates = entry.rates(forTotalInput: total)
            let writeRate = config.oneHour ? rates.effectiveCacheWrite1h : rates.effectiveCacheWrite5m
            let premium = Money(raw: Int128(write) * (writeRate - rates.input) * 1_000_000)
            update.written.append((units[last].prefixHash, premium))
            if last != 0 { update.written.append((units[0].prefixHash, .zero)) }
        }
        if !(context.record.usage?.usesCache ?? false) && (read > 0 || write > 0) {
            working.usage.input = total - read - write
            working.usage.cacheRead = read
            working.usage.cacheWrite5m = config.oneHour ? 0 : write
            working.usage.cacheWrite1h = config.oneHour ? write : 0
            working.note(config.identity.name)
        }
        return update
    }

    /// Step 8 for a made call.
    mutating func commit(_ update: PendingUpdate) {
        // Taken out and put back, so the per-key table is mutated in place, never copied.
        var table = live.removeValue(forKey: update.key) ?? [:]
        if let hash = update.readHash, var entry = table[hash] {
            entry.unreadPremium = .zero
            table[hash] = entry
        }
        for hash in update.refreshed { table[hash, default: Entry(expiry: 0, unreadPremium: .zero)].expiry = update.expiry }
        for (hash, premium) in update.written {
            let previous = table[hash]
            if let previous, previous.expiry >= update.expiry - config.ttlMicros {
                // Rewritten while live: the earlier premium stays pending with the entry.
                table[hash] = Entry(expiry: update.expiry, unreadPremium: previous.unreadPremium + premium)
            } else {
                if let previous { wastedWritePremium = wastedWritePremium + previous.unreadPremium }
                table[hash] = Entry(expiry: update.expiry, unreadPremium: premium)
            }
        }
        live[update.key] = table
        updatesSinceSweep += 1
        if updatesSinceSweep > 4096 { sweep(now: update.expiry - config.ttlMicros) }
    }

    /// Drops expired prefixes, counting their unread write premium as wasted.
    private mutating func sweep(now: Int64) {
        updatesSinceSweep = 0
        for (key, table) in live {
            var kept: [UInt64: Entry] = [:]
            for (hash, entry) in table {
                if entry.expiry >= now {
                    kept[hash] = entry
                } else {
                    wastedWritePremium = wastedWritePremium + entry.unreadPremium
                }
            }
            live[key] = kept.isEmpty ? nil : kept
        }
    }

    /// At the end of the replay: every prefix still unread counts as wasted.
    mutating func finish() {
        for (_, table) in live { for (_, entry) in table { wastedWritePremium = wastedWritePremium + entry.unreadPremium } }
        live = [:]
    }
}
