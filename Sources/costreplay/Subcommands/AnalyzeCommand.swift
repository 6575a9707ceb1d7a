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

    @Option(help: "IANA time zone for report days and calendar budgets.")
    var timezone: String = "UTC"

    @Flag(help: "Exit with status 3 when any record was malformed, unpriced or late.")
    var strict = false

    @Flag(help: "No progress line.")
    var quiet = false

    func validate() throws {
        if let since, TimestampParser.parseText(since) == nil { throw ValidationError("--since: not a timestamp: '\(since)'") }
        if let until, TimestampParser.parseText(until) == nil { throw ValidationError("--until: not a timestamp: '\(until)'") }
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
        }
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
        if timezone != "UTC" { words += ["--timezone", timezone] }
        if strict { words.append("--strict") }
        return words.map(ShellQuoting.quote).joined(separator: " ")
    }
}
