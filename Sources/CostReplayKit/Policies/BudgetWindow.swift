/// One scope key's usage within a budget's window (SPEC §6.3).
struct BudgetWindow {
    struct Usage {
        var tokens: Int64 = 0
        var cost: Money = .zero
        var requests: Int64 = 0
    }

    private struct Record {
        let end: Int64
        let tokens: Int64
        let cost: Money
    }

    /// Calendar: the bucket the sums belong to.
    private var bucket: Int64 = .min
    /// From-first: the window start; nil before the first check.
    private(set) var windowStart: Int64?
    private var records: [Record] = []
    private var head = 0
    private(set) var sums = Usage()

    /// Usage visible to a check at `time` (records already flushed have end ≤ time).
    mutating func usageAtCheck(_ time: Int64, rule: BudgetRule) -> Usage {
        switch rule.window {
        case .calendar:
            return rule.bucket(time) == bucket ? sums : Usage()
        case .rolling:
            evict(endingAtOrBefore: time - rule.lengthMicros)
            return sums
        case .fromFirst:
            if let start = windowStart {
                if time > start + rule.lengthMicros {
                    windowStart = time
                    evict(endingAtOrBefore: time - 1)
                }
            } else {
                windowStart = time
                evict(endingAtOrBefore: time - 1)
            }
            return sums
        case .whole:
            return sums
        }
    }

    /// Adds an admitted call at its end time; returns usage before and after (for alerts).
    mutating func record(end: Int64, tokens: Int64, cost: Money, rule: BudgetRule) -> (before: Usage, after: Usage) {
        switch rule.window {
        case .calendar:
            let recordBucket = rule.bucket(end)
            if recordBucket > bucket {
                bucket = recordBucket
                sums = Usage()
            } else if recordBucket < bucket {
                // A late record for a past bucket: that window is gone.
                return (Usage(), Usage())
            }
        case .rolling:
            evict(endingAtOrBefore: end - rule.lengthMicros)
            records.append(Record(end: end, tokens: tokens, cost: cost))
        case .fromFirst:
            if let start = windowStart, end < start { return (sums, sums) }
            records.append(Record(end: end, tokens: tokens, cost: cost))
        case .whole:
            break
        }
        let before = sums
        sums.tokens += tokens
        sums.cost = sums.cost + cost
        sums.requests += 1
        return (before, sums)
    }

    private mutating func evict(endingAtOrBefore limit: Int64) {
        while head < records.count, records[head].end <= limit {
            sums.tokens -= records[head].tokens
            sums.cost = sums.cost - records[head].cost
            sums.requests -= 1
            head += 1
        }
        if head > 256 && head * 2 > records.count {
            records.removeFirst(head)
            head = 0
        }
    }
}

/// The time arithmetic of one budget: window kind, bucket numbering and fixed lengths.
struct BudgetRule {
    enum WindowKind { case calendar, rolling, fromFirst, whole }

    let window: WindowKind
    let period: BudgetConfig.Period
    let clock: ZoneClock
    /// Rolling and from-first length (hour 3600 s, day 86400 s, week 7 days, month 30 days).
    let lengthMicros: Int64

    init(config: BudgetConfig, clock: ZoneClock) {
        self.period = config.period
        self.clock = clock
        let hour: Int64 = 3_600_000_000
        switch config.period {
        case .hours(let n): lengthMicros = n * hour
        case .days(let n): lengthMicros = n * 24 * hour
        case .week: lengthMicros = 7 * 24 * hour
        case .month: lengthMicros = 30 * 24 * hour
        case .none: lengthMicros = .max
        }
        if case .none = config.period {
            window = .whole
        } else {
            switch config.window {
            case .calendar: window = .calendar
            case .rolling: window = .rolling
            case .fromFirst: window = .fromFirst
            }
        }
    }

    /// The first instant of a calendar bucket (inverse of `bucket`), for charts that restart at
    /// each period.
    func bucketStart(_ bucket: Int64) -> Timestamp {
        let hour: Int64 = 3_600_000_000
        let localDay: Int64
        var hoursIntoDay: Int64 = 0
        switch period {
        case .hours(let n):
            let localHour = bucket * n
            localDay = Timestamp.floorDiv(localHour, 24)
            hoursIntoDay = localHour - localDay * 24
        case .days(let n): localDay = bucket * n
        case .week: localDay = bucket * 7 - 3
        case .month:
            localDay = CivilDate.epochDay(
                year: Timestamp.floorDiv(bucket, 12), month: bucket - Timestamp.floorDiv(bucket, 12) * 12 + 1, day: 1)
        case .none: return Timestamp(micros: .min)
        }
        let midnight = clock.instant(localDay: localDay)
        guard hoursIntoDay > 0 else { return midnight }
        let guess = midnight.adding(micros: hoursIntoDay * hour)
        // Within the day the offset may change once (a transition); the local hour decides.
        return Timestamp(micros: (localDay * 24 + hoursIntoDay) * hour - clock.offsetMicros(at: guess))
    }

    /// The calendar bucket of an instant in local wall-clock time.
    func bucket(_ time: Int64) -> Int64 {
        let local = clock.localMicros(Timestamp(micros: time))
        let hour: Int64 = 3_600_000_000
        switch period {
        case .hours(let n): return Timestamp.floorDiv(Timestamp.floorDiv(local, hour), n)
        case .days(let n): return Timestamp.floorDiv(Timestamp.floorDiv(local, Timestamp.microsPerDay), n)
        case .week: return Timestamp.floorDiv(Timestamp.floorDiv(local, Timestamp.microsPerDay) + 3, 7)
        case .month:
            let (year, month, _) = CivilDate.fromEpochDay(Timestamp.floorDiv(local, Timestamp.microsPerDay))
            return year * 12 + month - 1
        case .none: return 0
        }
    }
}
