/// One `ZoneClock` per time zone name, so the budgets of one scenario share its offset cache.
/// Used by one thread (one cache per scenario).
public final class ZoneClockCache {
    private var clocks: [String: ZoneClock] = [:]

    public init() {}

    /// The clock of a zone already validated by the policy loader (unknown names fall back to UTC).
    public func clock(_ identifier: String) -> ZoneClock {
        if let clock = clocks[identifier] { return clock }
        let clock = ZoneClock(identifier: identifier) ?? ZoneClock(identifier: "UTC")!
        clocks[identifier] = clock
        return clock
    }
}
