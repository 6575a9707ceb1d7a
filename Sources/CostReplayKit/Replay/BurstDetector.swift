/// Burst hours (SPEC §7.1): a user's UTC clock hour whose actual spend is more than 10 × the
/// median of that user's hours with a priced call, and more than $5.
struct BurstDetector {
    private var hourly: [String: [Int64: Money]] = [:]

    mutating func add(_ call: ReplayedCall) {
        guard let user = call.record.user, let cost = call.cost, call.record.usage != nil else { return }
        let hour = Timestamp.floorDiv(call.record.start.micros, 3_600_000_000)
        hourly[user, default: [:]][hour, default: .zero] = (hourly[user]?[hour] ?? .zero) + cost
    }

    func incidents() -> [Incident] {
        let threshold = Money(raw: 5 * Money.oneDollarRaw)
        var result: [Incident] = []
        for user in hourly.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
            let hours = hourly[user]!
            let sorted = hours.values.map(\.raw).sorted()
            guard !sorted.isEmpty else { continue }
            // Twice the median, kept exact for an even count.
            let middle = sorted.count / 2
            let twiceMedian = sorted.count % 2 == 1 ? 2 * sorted[middle] : sorted[middle - 1] + sorted[middle]
            for hour in hours.keys.sorted() {
                let spend = hours[hour]!
                guard spend > threshold, 2 * spend.raw > 10 * twiceMedian else { continue }
                let median = Money(raw: twiceMedian / 2)
                result.append(
                    Incident(
                        time: Timestamp(micros: hour * 3_600_000_000), kind: .burst, policy: "", scope: "user",
                        key: user, session: nil, callID: nil,
                        reason:
                            "hour spend \(NumberFormatting.dollars(spend)) > 10 × median hour \(NumberFormatting.dollars(median))",
                        detail: "\(hours.count) hours with priced calls", scenario: "baseline"))
            }
        }
        return result
    }
}
