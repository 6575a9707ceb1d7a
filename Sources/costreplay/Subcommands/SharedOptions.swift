#if canImport(Glibc)
    import Glibc
#endif
import ArgumentParser
import CostReplayKit

/// Options that read inputs: shared by `analyze` and `validate`.
struct InputOptions: ParsableArguments {
    @Argument(help: "Log files, directories (walked recursively) or - for standard input.")
    var inputs: [String] = []

    @Option(help: "Force one log format for every file (envelope, openai-batch, claude-code, bedrock, otel, litellm).")
    var format: String?

    @Option(help: "Decode threads (default: the number of cores). The output is the same for any value.")
    var jobs: Int = ProcessorCount.online

    @Option(
        name: .customLong("max-lateness"),
        help: "How far a record may start before an earlier-read record of its file (e.g. 15m).")
    var maxLateness: String = "15m"

    func validate() throws {
        if inputs.isEmpty { throw ValidationError("name at least one input file or directory (or - for standard input)") }
        if let format, LogFormat(rawValue: format) == nil {
            throw ValidationError(
                "unknown format '\(format)'; expected one of \(LogFormat.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        if jobs < 1 || jobs > 256 { throw ValidationError("--jobs must be between 1 and 256") }
        if DurationParser.parse(maxLateness) == nil {
            throw ValidationError("--max-lateness: expected a duration such as 15m, got '\(maxLateness)'")
        }
    }

    var forcedFormat: LogFormat? { format.flatMap(LogFormat.init(rawValue:)) }
    var maxLatenessMicros: Int64 { DurationParser.parse(maxLateness) ?? 15 * 60_000_000 }
}

/// Cores available to this process.
enum ProcessorCount {
    static var online: Int { max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) }
}

/// `--prices FILE`.
struct PriceOptions: ParsableArguments {
    @Option(help: "Price book: TOML (SPEC §5.1) or LiteLLM's model_prices_and_context_window.json. Default: the embedded book.")
    var prices: String?

    /// Loads the chosen book; errors stop the run before any output.
    func load() throws -> PriceBook {
        guard let prices else { return PriceBookLoader.embedded() }
        return try Diagnostics.fatalOnError {
            let text = try FileText.read(prices)
            return try PriceBookLoader.load(text: text, source: prices)
        }
    }
}
