import ArgumentParser
import CostReplayKit

struct AnalyzeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Price every call, replay the policies, and write the reports."
    )

    @OptionGroup var input: InputOptions
    @OptionGroup var priceOptions: PriceOptions
    @OptionGroup var policyOptions: PolicyOptions

    @Option(help: "Output directory (created; report files in it are replaced).")
    var out: String = "reports"

    @Option(help: "Only calls starting at or after this time.")
    var since: String?

    @Option(help: "Only calls starting before this time.")
    var until: String?

    @Option(help: "Report one calendar month (YYYY-MM, in --timezone); the month before is read for comparison.")
    var period: String?

    @Flag(help: "Write focus.csv (FOCUS 1.2, one row per call and token bucket); always on with --period.")
    var exportFocus = false

    @Option(help: "Post-mortem of one user, session or team: user:U, session:S or team:T.")
    var focus: String?

    @Option(help: "CSV mapping user or api_key to team and cost_center, applied before grouping.")
    var attribution: String?

    @Option(help: "IANA time zone for report days and calendar budgets.")
    var timezone: String = "UTC"

    @Flag(help: "Exit with status 3 when any record was malformed, unpriced or late.")
    var strict = false

    @Flag(help: "No progress line.")
    var quiet = false

    func validate() throws {
        if let since, TimestampParser.parseText(since) == nil { throw ValidationError("--since: not a timestamp: '\(since)'") }
        if let until, TimestampParser.parseText(until) == nil { throw ValidationError("--until: not a timestamp: '\(until)'") }
        if let period, ReportPeriod(text: period) == nil { throw ValidationError("--period: expected YYYY-MM, got '\(period)'") }
        if period != nil && (since != nil || until != nil) {
            throw ValidationError("--period cannot be combined with --since or --until")
        }
        if let focus, FocusTarget(text: focus) == nil {
            throw ValidationError("--focus: expected user:NAME, session:ID or team:NAME, got '\(focus)'")
        }
        if ZoneClock(identifier: timezone) == nil { throw ValidationError("--timezone: unknown time zone '\(timezone)'") }
    }

    func run() throws {
        let priceBook = try priceOptions.load()
        let policies = try policyOptions.load(timezone: timezone)
        var options = AnalysisOptions(priceBook: priceBook)
        options.forcedFormat = input.forcedFormat
        options.maxLatenessMicros = input.maxLatenessMicros
        options.jobs = input.jobs
        options.since = since.flatMap(TimestampParser.parseText)
        options.until = until.flatMap(TimestampParser.parseText)
        if let month = period.flatMap(ReportPeriod.init(text:)), let clock = ZoneClock(identifier: timezone) {
            let bounds = month.bounds(in: clock)
            let previous = month.previous.bounds(in: clock)
            options.period = month
            options.since = bounds.start
            options.until = bounds.end
            options.comparisonRange = previous.start..<previous.end
        }
        options.focus = focus.flatMap(FocusTarget.init(text:))
        options.exportFocus = exportFocus || period != nil
        if let attribution {
            options.attribution = try Diagnostics.fatalOnError {
                try AttributionTable(text: try FileText.read(attribution), source: attribution)
            }
        }
        let files = try Diagnostics.fatalOnError { try InputDiscovery.discover(input.inputs) }
        var job = AnalyzeJob(
            inputs: files, options: options, policies: policies, outputDirectory: out, timezone: timezone,
            command: reproduceCommand())
        let totalBytes = files.reduce(Int64(0)) { $0 + (FileSize.of($1.path) ?? 0) }
        var progress: ProgressLine?
        if !quiet && Diagnostics.stderrIsTerminal && totalBytes > 50_000_000 {
            let line = ProgressLine(totalBytes: totalBytes)
            progress = line
            job.progress = { bytes, calls in line.update(bytes: bytes, calls: calls) }
            InterruptCleanup.shared.beforeExit = { line.finish() }
        }
        job.interruptGuard = InterruptCleanup.shared
        let result = try Diagnostics.fatalOnError { try job.run() }
        progress?.finish()
        try ExitStatus.afterAnalysis(result.inputs, strict: strict)
    }

    /// The command line, without options that only affect the terminal.
    func reproduceCommand() -> String {
        var words = ["costreplay", "analyze"] + input.inputs
        if let format = input.format { words += ["--format", format] }
        if input.maxLateness != "15m" { words += ["--max-lateness", input.maxLateness] }
        if let policy = policyOptions.policy { words += ["--policy", policy] }
        if let prices = priceOptions.prices { words += ["--prices", prices] }
        words += ["--out", out]
        if let since { words += ["--since", since] }
        if let until { words += ["--until", until] }
        if let period { words += ["--period", period] }
        if let focus { words += ["--focus", focus] }
        if exportFocus { words.append("--export-focus") }
        if let attribution { words += ["--attribution", attribution] }
        if timezone != "UTC" { words += ["--timezone", timezone] }
        if strict { words.append("--strict") }
        return words.map(ShellQuoting.quote).joined(separator: " ")
    }
}
