import Foundation

/// Local wall-clock time of an IANA time zone, exact to the microsecond, for calendar days in
/// reports and calendar budget windows. The UTC offset is cached until the zone's next transition.
///
/// Not thread-safe (the cache is mutable): each scenario and the spend aggregator own their clocks,
/// so scenarios replayed on different threads never share one.
public final class ZoneClock {
    public let identifier: String
    private let zone: TimeZone
    private var cachedFrom: Int64 = .max
    private var cachedUntil: Int64 = .min
    private var cachedOffsetMicros: Int64 = 0

    /// nil when the name is not a known time zone.
    public init?(identifier: String) {
        guard let zone = identifier == "UTC" ? TimeZone(identifier: "UTC") : TimeZone(identifier: identifier) else { return nil }
        self.identifier = identifier
        self.zone = zone
    }

    /// Offset from UTC at an instant, in microseconds.
    public func offsetMicros(at time: Timestamp) -> Int64 {
        if time.micros >= cachedFrom && time.micros < cachedUntil { return cachedOffsetMicros }
        let date = Date(timeIntervalSince1970: Double(Timestamp.floorDiv(time.micros, 1_000_000)))
        cachedOffsetMicros = Int64(zone.secondsFromGMT(for: date)) * 1_000_000
        // Valid from this instant until the next transition (or a day ahead without one); not from
        // an earlier hour, since some zones change their offset at half past.
        cachedFrom = time.micros
        if let next = zone.nextDaylightSavingTimeTransition(after: date) {
            cachedUntil = Int64(next.timeIntervalSince1970) * 1_000_000
        } else {
            cachedUntil = time.micros + Timestamp.microsPerDay
        }
        if cachedUntil <= time.micros { cachedUntil = time.micros + 1 }
        return cachedOffsetMicros
    }

    /// Local microseconds since 1970-01-01T00:00 local (wall clock as if UTC).
    public func localMicros(_ time: Timestamp) -> Int64 { time.micros + offsetMicros(at: time) }

    /// Local calendar day number since 1970-01-01.
    public func localDay(_ time: Timestamp) -> Int64 { Timestamp.floorDiv(localMicros(time), Timestamp.microsPerDay) }
}
