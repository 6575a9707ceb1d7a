import ArgumentParser
import CostReplayKit

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Parse only: formats, counts, malformed lines and unpriced models, per file."
    )

    @OptionGroup var input: InputOptions
    @OptionGroup var priceOptions: PriceOptions

    func run() throws {
        var options = AnalysisOptions(priceBook: try priceOptions.load())
        options.forcedFormat = input.forcedFormat
        options.maxLatenessMicros = input.maxLatenessMicros
        options.jobs = input.jobs
        let files = try Diagnostics.fatalOnError { try InputDiscovery.discover(input.inputs) }
        let summary = try Diagnostics.fatalOnError { try Replayer(options: options).run(files) { _ in } }
        print(ValidationReport.render(summary))
        for example in summary.malformedExamples {
            Diagnostics.write(
                TerminalText.printable(
                    "costreplay: \(example.pathKey):\(example.line): \(example.reason.rawValue): \(example.detail)")
                    + "\n")
        }
        try ExitStatus.afterAnalysis(summary, strict: false)
    }
}
