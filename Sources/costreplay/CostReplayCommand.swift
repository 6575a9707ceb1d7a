import ArgumentParser
import CostReplayKit

#if canImport(Glibc)
    import Glibc
#endif

@main
struct CostReplayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "costreplay",
        abstract: "Price LLM API logs exactly and replay them against cost policies.",
        version: CostReplayVersion.current,
        subcommands: [AnalyzeCommand.self, ValidateCommand.self, PricesCommand.self, PolicyCommand.self, SynthCommand.self]
    )

    /// Runs the command; usage mistakes exit with status 2 as SPEC §2 says (ArgumentParser's own
    /// default is 64).
    static func main() {
        InterruptCleanup.install()
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            if exitCode(for: error) == .validationFailure {
                Diagnostics.write(fullMessage(for: error) + "\n")
                Glibc.exit(2)
            }
            exit(withError: error)
        }
    }
}
