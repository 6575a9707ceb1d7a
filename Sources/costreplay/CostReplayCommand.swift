import ArgumentParser
import CostReplayKit

@main
struct CostReplayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "costreplay",
        abstract: "Price LLM API logs exactly and replay them against cost policies.",
        version: CostReplayVersion.current,
        subcommands: [AnalyzeCommand.self, ValidateCommand.self, PricesCommand.self, PolicyCommand.self, SynthCommand.self]
    )
}
