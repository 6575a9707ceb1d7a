extension ZoneClock {
    /// The first instant of a local calendar day (local midnight; after a gap, the first instant
    /// that exists on that day).
    public func instant(localDay: Int64) -> Timestamp {
        let local = localDay * Timestamp.microsPerDay
        // Each refinement uses the offset in force at the previous guess; around a transition the
        // guesses straddle it, and the earliest one on the wanted day is local midnight (or, when
        // midnight falls in a gap, the transition itself).
        let first = Timestamp(micros: local - offsetMicros(at: Timestamp(micros: local)))
        let second = Timestamp(micros: local - offsetMicros(at: first))
        let third = Timestamp(micros: local - offsetMicros(at: second))
        let onDay = [first, second, third].filter { self.localDay($0) == localDay }
        return onDay.min() ?? second
    }
}
