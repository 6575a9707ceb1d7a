/// The output side of one synth run: numbers the calls in line order, writes each finished line,
/// injects the duplicate lines, and keeps the incident counters.
///
/// Activities write a call by filling `request` (reused, so a retry can be compared or re-sent),
/// then `begin` + the bodies into `line` + `finish`.
final class SynthRun {
    let writer: SynthFileWriter
    /// The line being written.
    var line = SynthJSONWriter(capacity: 1 << 18)
    /// The request body of the call being written.
    var request = SynthJSONWriter(capacity: 1 << 18)
    var incidents = SynthIncidents()
    /// Call lines written so far; the last call's number.
    private(set) var calls = 0
    private(set) var lines = 0
    private var duplicateRandom: SynthRandom

    init(writer: SynthFileWriter, seed: UInt64) {
        self.writer = writer
        duplicateRandom = SynthRandom(seed: seed ^ 0xD0_0B1E)
    }

    /// Starts the next call's line with its envelope head; returns the call number of its id.
    @discardableResult
    func begin(_ envelope: SynthEnvelope) -> Int {
        calls += 1
        line.reset()
        envelope.writeHead(into: &line, callNumber: calls)
        return calls
    }

    /// Closes the line and writes it; about one line in 500 is written twice, as a gateway that
    /// retries its log shipping does (same bytes, same id, right after the first copy).
    func finish() throws(SynthError) {
        line.objectEnd()
        try writer.writeLine(line.bytes)
        lines += 1
        if incidents.duplicateLines < (calls + 250) / 500 && duplicateRandom.chance(0.25) {
            try writer.writeLine(line.bytes)
            lines += 1
            incidents.duplicateLines += 1
        }
    }

    static func callID(_ number: Int) -> String {
        var out: [UInt8] = []
        synthAppend("s-", to: &out)
        SynthJSONWriter.appendPadded(number, width: 7, to: &out)
        return String(decoding: out, as: UTF8.self)
    }
}
