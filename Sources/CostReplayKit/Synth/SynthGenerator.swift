/// `costreplay synth`: writes a realistic, deterministic envelope log (§3.2) of agent sessions,
/// chats and pipeline calls with injected incidents, for fixtures, demos and benchmarks.
///
/// Lines are in start-time order (exactly: no late records; ties keep a fixed order), except
/// that an injected duplicate line follows its original. Activities that begin near the end of
/// the window may run a little past it. Memory is bounded by the activities live at one moment,
/// not by the number of calls.
public enum SynthGenerator {
    /// Writes envelope log lines to `path` (gzip when it ends in `.gz`; `-` is standard output),
    /// streaming, in start-time order.
    public static func write(to path: String, options: SynthOptions) throws -> SynthSummary {
        guard options.calls >= 0 else { throw SynthError.invalidOptions("--calls must be 0 or more (got \(options.calls))") }
        guard options.days >= 1 else { throw SynthError.invalidOptions("--days must be at least 1 (got \(options.days))") }
        guard options.days <= 3660 else { throw SynthError.invalidOptions("--days must be at most 3660 (got \(options.days))") }

        var master = SynthRandom(seed: options.seed)
        let timeline = SynthTimeline(startMicros: options.startMicros, days: options.days)
        var populationRandom = master.split()
        let population = SynthPopulation(&populationRandom)
        var planner = SynthPlanner(options: options, population: population, timeline: timeline, rng: master.split())

        let writer = try SynthFileWriter(path: path)
        let run = SynthRun(writer: writer, seed: master.next())
        run.incidents = planner.incidents

        var queue = SynthActivityQueue()
        while true {
            // Admit every activity that starts no later than the earliest pending call, so no
            // call written later can start earlier than one already written.
            if let arrival = planner.peekStartMs(), queue.earliest.map({ arrival <= $0 }) ?? true {
                queue.push(planner.take())
                continue
            }
            guard let activity = queue.pop() else { break }
            if try activity.emitNext(run) { queue.push(activity) }
        }
        try writer.close()
        precondition(run.calls == options.calls, "synth planned \(options.calls) calls but wrote \(run.calls)")
        return SynthSummary(
            lines: run.lines, calls: run.calls, bytesUncompressed: writer.bytesIn, incidents: run.incidents.summary())
    }
}
