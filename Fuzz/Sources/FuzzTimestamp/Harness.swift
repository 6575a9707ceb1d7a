@testable import CostReplayKit

/// Timestamps, epoch numbers, millisecond durations, policy durations and `--period` months.
func fuzz(_ bytes: UnsafeRawBufferPointer) {
    if let time = TimestampParser.parseText(bytes) {
        let text = time.isoMillis
        precondition(TimestampParser.parseText(text) != nil, "our own timestamp \(text) does not parse")
    }
    if let time = TimestampParser.parseEpochNumber(bytes) { _ = time.isoMillis }
    if let millis = TimestampParser.parseMillisDuration(bytes) { _ = Timestamp(micros: 0).adding(micros: millis) }
    let text = String(decoding: bytes, as: UTF8.self)
    _ = DurationParser.parse(text)
    if let month = ReportPeriod(text: text), let clock = ZoneClock(identifier: "America/New_York") {
        _ = month.bounds(in: clock)
        _ = month.previous.bounds(in: clock)
    }
}
