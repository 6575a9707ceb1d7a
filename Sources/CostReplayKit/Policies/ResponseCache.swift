/// The response cache (the seed's PromptCache, SPEC §6.6): identical requests within the TTL of a
/// made call's end are answered from the cache.
struct ResponseCache {
    let config: ResponseCacheConfig
    private struct Key: Hashable {
        let scope: Int32
        let request: UInt64
    }
    /// Insert time (end of the last made, succeeded call) per key.
    private var inserted: [Key: Int64] = [:]
    private var insertsSinceSweep = 0
    private var countAfterSweep = 0

    init(config: ResponseCacheConfig) { self.config = config }

    /// Entries held (for memory tests).
    var entryCount: Int { inserted.count }

    /// The interned scope value of a call; nil when the call lacks the scope's field.
    func scopeKey(_ context: CallContext) -> Int32? {
        switch config.scope {
        case .user: return context.userID >= 0 ? context.userID : nil
        case .apiKey: return context.apiKeyID >= 0 ? context.apiKeyID : nil
        case .global: return 0
        }
    }

    /// Whether the call is answered from the cache.
    func isHit(_ context: CallContext) -> Bool {
        let record = context.record
        guard let request = record.body?.requestKey, let scope = scopeKey(context),
            let time = inserted[Key(scope: scope, request: request)]
        else { return false }
        let age = record.start.micros - time
        return age >= 0 && age <= config.ttlMicros
    }

    /// Step 8: a made, succeeded call stores its key at its end time.
    mutating func commit(_ context: CallContext) {
        let record = context.record
        guard record.succeeded, let request = record.body?.requestKey, let scope = scopeKey(context) else { return }
        inserted[Key(scope: scope, request: request)] = record.end.micros
        insertsSinceSweep += 1
        // Amortized: sweep once the inserts since the last sweep outnumber what survived it.
        if insertsSinceSweep >= max(4096, countAfterSweep) { sweep(now: record.start.micros) }
    }

    /// Drops entries that can no longer be hit, so memory follows the TTL, not the input.
    private mutating func sweep(now: Int64) {
        insertsSinceSweep = 0
        let horizon = now - config.ttlMicros
        inserted = inserted.filter { $0.value >= horizon }
        countAfterSweep = inserted.count
        // Room for the inserts until the next sweep, so the table does not regrow step by step
        // (rehashing every entry each time) after every sweep.
        inserted.reserveCapacity(countAfterSweep + max(4096, countAfterSweep))
    }
}
