/// A call as one scenario's transforms reshape it: the model it would use, its usage buckets and
/// service tier, and which policies changed it.
public struct WorkingCall: Sendable {
    /// Price-book id and entry of the model (nil entry: unpriced; transforms leave it alone).
    public var modelID: String?
    public var entry: PriceEntry?
    public var usage: Usage
    public var tier: ServiceTier
    /// Names of the policies that changed the call, in pipeline order.
    public var modifiedBy: [String] = []

    init(_ call: ReplayedCall) {
        modelID = call.pricedModel
        // Unpriced calls are never transformed (SPEC §6.1); failed calls without usage are priced
        // (at $0) and are, so a tier change still shows as a modification.
        entry = call.cost == nil ? nil : call.priceEntry
        usage = call.usage
        tier = call.record.serviceTier
    }

    /// Whether transforms may touch it (priced calls only).
    var isPriced: Bool { entry != nil }

    /// Cost at the current model, usage and tier (nil when unpriced; zero for no-usage failures).
    func cost(baseline: ReplayedCall) -> Money? {
        // Untouched, it costs what it cost (the baseline was priced with this entry, usage and tier).
        guard let entry, !modifiedBy.isEmpty else { return baseline.cost }
        if baseline.record.usage == nil { return .zero }
        return entry.cost(of: usage, serviceTier: tier)
    }

    mutating func note(_ policy: String) {
        if modifiedBy.last != policy { modifiedBy.append(policy) }
    }
}
