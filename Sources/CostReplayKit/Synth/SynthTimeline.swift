/// Where in the `days` window calls happen: a day/night and weekday/weekend rhythm.
///
/// Activities arrive at a "progress" in [0, 1) (the share of calls planned so far); the timeline
/// maps progress to a time through the cumulative intensity of the hours, so busy hours get more
/// arrivals and arrival times grow with progress — the log comes out in time order for free.
struct SynthTimeline {
    let startMs: Int64
    let days: Int
    /// Cumulative intensity at the start of each hour, normalized; `cumulative[hours] == 1`.
    private let cumulative: [Double]

    /// Relative activity per UTC hour: Europe's morning, the Americas' working day, a quiet night.
    private static let hourWeights: [Double] = [
        0.10, 0.08, 0.07, 0.07, 0.08, 0.12, 0.22, 0.38, 0.55, 0.68, 0.74, 0.78,
        0.80, 0.92, 1.00, 1.00, 0.98, 0.95, 0.88, 0.75, 0.58, 0.42, 0.28, 0.16,
    ]

    init(startMicros: Int64, days: Int) {
        startMs = SynthTimeline.floorDiv(startMicros, 1000)
        self.days = days
        var weights: [Double] = []
        weights.reserveCapacity(days * 24)
        let firstDay = SynthTimeline.floorDiv(startMs, 86_400_000)
        for d in 0..<days {
            // 1970-01-01 was a Thursday: weekday 0 = Monday.
            let weekday = Int(((firstDay + Int64(d) + 3) % 7 + 7) % 7)
            let dayFactor = weekday >= 5 ? 0.3 : 1.0
            for h in 0..<24 { weights.append(SynthTimeline.hourWeights[h] * dayFactor) }
        }
        var total = 0.0
        for w in weights { total += w }
        var cum = [0.0]
        cum.reserveCapacity(weights.count + 1)
        var acc = 0.0
        for w in weights {
            acc += w / total
            cum.append(acc)
        }
        cum[cum.count - 1] = 1
        cumulative = cum
    }

    var endMs: Int64 { startMs + Int64(days) * 86_400_000 }

    /// The time at progress `p` in [0, 1): monotone in `p`.
    func time(atProgress p: Double) -> Int64 {
        let x = min(max(p, 0), 0.999_999_999)
        // Binary search for the hour h with cumulative[h] <= x < cumulative[h + 1].
        var lo = 0
        var hi = cumulative.count - 1
        while hi - lo > 1 {
            let mid = (lo + hi) / 2
            if cumulative[mid] <= x { lo = mid } else { hi = mid }
        }
        let span = cumulative[lo + 1] - cumulative[lo]
        let within = span > 0 ? (x - cumulative[lo]) / span : 0
        return startMs + Int64(lo) * 3_600_000 + Int64(within * 3_600_000)
    }

    /// Epoch ms of `hour`:`minute` UTC on day `day` (0-based) of the window.
    func time(day: Int, hour: Int, minute: Int) -> Int64 {
        SynthTimeline.floorDiv(startMs, 86_400_000) * 86_400_000 + Int64(day) * 86_400_000
            + Int64(hour) * 3_600_000 + Int64(minute) * 60_000
    }

    static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 { Timestamp.floorDiv(a, b) }
}

/// ISO-8601 text of epoch milliseconds, written without Foundation (it runs once per line).
enum SynthTimestamp {
    /// `YYYY-MM-DDTHH:MM:SS.mmmZ`
    static func append(ms: Int64, to out: inout [UInt8]) {
        Timestamp(micros: ms * 1000).appendISOMillis(to: &out)
    }

    /// `YYYY-MM-DD` of a day number since 1970-01-01.
    static func appendDate(days: Int64, to out: inout [UInt8]) {
        let (y, m, d) = CivilDate.fromEpochDay(days)
        out.append(contentsOf: CivilDate.format(year: y, month: m, day: d).utf8)
    }

    static func date(ms: Int64) -> String {
        var out: [UInt8] = []
        appendDate(days: SynthTimeline.floorDiv(ms, 86_400_000), to: &out)
        return String(decoding: out, as: UTF8.self)
    }
}
