/// A UTC time axis with ticks on round clock times (every 1, 2, 5, 10, 15, 30 minutes, 1, 2, 3, 6,
/// 12 hours, 1, 2, 7, 14 days …), labelled `HH:MM` with the date under the first tick and under
/// every tick where the date changes, so a reader never has to guess which day a time is on.
struct TimeScale {
    /// One tick: its time, the `HH:MM` (or date, for day steps) line and the optional date line.
    struct Tick {
        var micros: Int64
        var label: String
        var dateLine: String?
    }

    let start: Int64
    let end: Int64
    let ticks: [Tick]

    /// Steps a reader can count in, in seconds.
    private static let steps: [Int64] = [
        60, 120, 300, 600, 900, 1800, 3600, 7200, 10_800, 21_600, 43_200, 86_400, 172_800, 604_800, 1_209_600,
    ]

    /// A scale from `start` to `end` (microseconds since the epoch) with at most `maxTicks` ticks.
    /// A range shorter than ten minutes is widened around its centre so one point still gets an axis.
    init(start: Int64, end: Int64, maxTicks: Int) {
        var low = min(start, end)
        var high = max(start, end)
        let minimumSpan: Int64 = 600 * Timestamp.microsPerSecond
        if high - low < minimumSpan {
            let middle = low / 2 + high / 2
            low = middle - minimumSpan / 2
            high = low + minimumSpan
        }
        self.start = low
        self.end = high
        let spanSeconds = (high - low) / Timestamp.microsPerSecond
        let limit = Int64(max(2, maxTicks))
        // The first step whose ticks (on multiples of the step, within the range) number at most `limit`.
        func tickCount(_ stepSeconds: Int64) -> Int64 {
            let step = stepSeconds * Timestamp.microsPerSecond
            let first = -Timestamp.floorDiv(-low, step) * step
            return first > high ? 0 : (high - first) / step + 1
        }
        var stepSeconds = TimeScale.steps.first(where: { tickCount($0) <= limit }) ?? 0
        if stepSeconds == 0 {
            // Longer than the table: whole multiples of four weeks.
            let weeks4: Int64 = 2_419_200
            stepSeconds = ((spanSeconds / (limit - 1)) / weeks4 + 1) * weeks4
        }
        let step = stepSeconds * Timestamp.microsPerSecond
        var ticks: [Tick] = []
        var tick = -Timestamp.floorDiv(-low, step) * step
        var previousDate: String?
        while tick <= high {
            let time = Timestamp(micros: tick)
            let date = time.utcDate
            if stepSeconds >= 86_400 {
                ticks.append(Tick(micros: tick, label: date, dateLine: nil))
            } else {
                let line = date == previousDate ? nil : date
                ticks.append(Tick(micros: tick, label: TimeScale.clock(time, seconds: false), dateLine: line))
            }
            previousDate = date
            tick += step
        }
        self.ticks = ticks
    }

    /// The x pixel of `micros` in a plot spanning `left…right`.
    func pixel(_ micros: Int64, left: Double, right: Double) -> Double {
        left + Double(micros - start) / Double(end - start) * (right - left)
    }

    /// `HH:MM` or `HH:MM:SS` of a UTC instant.
    static func clock(_ time: Timestamp, seconds: Bool) -> String {
        let iso = time.isoMillis  // YYYY-MM-DDTHH:MM:SS.mmmZ
        let characters = Array(iso)
        guard let t = characters.firstIndex(of: "T") else { return iso }
        return String(characters[(t + 1)..<(t + (seconds ? 9 : 6))])
    }
}

extension TimeScale {
    /// Tick marks and labels under a plot: `HH:MM`, with the date on a second line where it changes.
    func draw(_ builder: inout SVGBuilder, frame: ChartFrame) {
        let f = SVGNumber.format
        builder.open(
            "g",
            [
                ("class", "x-axis"), ("font-size", f(ChartStyle.labelSize)), ("fill", ChartStyle.mutedText),
                ("text-anchor", "middle"),
            ])
        builder.element(
            "line",
            [
                ("x1", f(frame.plotLeft)), ("y1", f(frame.plotBottom)), ("x2", f(frame.plotRight)), ("y2", f(frame.plotBottom)),
                ("stroke", ChartStyle.axis),
            ])
        for tick in ticks {
            let x = pixel(tick.micros, left: frame.plotLeft, right: frame.plotRight)
            builder.element(
                "line",
                [("x1", f(x)), ("y1", f(frame.plotTop)), ("x2", f(x)), ("y2", f(frame.plotBottom)), ("stroke", "#eeeeee")])
            builder.element(
                "line",
                [
                    ("x1", f(x)), ("y1", f(frame.plotBottom)), ("x2", f(x)), ("y2", f(frame.plotBottom + 4)),
                    ("stroke", ChartStyle.axis),
                ])
            for (text, y) in [(tick.label, 17.0), (tick.dateLine ?? "", 31.0)] where !text.isEmpty {
                // A label at either end of the axis is kept inside the image.
                let half = SVGText.estimatedWidth(text, fontSize: ChartStyle.labelSize) / 2
                var attributes: [(StaticString, String)] = [("x", f(x)), ("y", f(frame.plotBottom + y))]
                if x + half > frame.width - 4 {
                    attributes = [("x", f(frame.width - 4)), ("y", f(frame.plotBottom + y)), ("text-anchor", "end")]
                } else if x - half < 4 {
                    attributes = [("x", "4"), ("y", f(frame.plotBottom + y)), ("text-anchor", "start")]
                }
                builder.element("text", attributes, text: text)
            }
        }
        builder.close("g")
    }
}
