import ArgumentParser
import CostReplayKit
import Foundation

struct PolicyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "policy",
        abstract: "Work with policy files.",
        subcommands: [Init.self]
    )

    struct Init: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "init",
            abstract: "Write the default policy file, every key commented (standard output without FILE)."
        )

        @Argument(help: "File to write.")
        var file: String?

        func run() throws {
            guard let file else {
                print(DefaultPolicyFile.text, terminator: "")
                return
            }
            try Diagnostics.fatalOnError {
                guard FileManager.default.createFile(atPath: file, contents: Data(DefaultPolicyFile.text.utf8)) else {
                    throw OutputError.cannotCreate(path: file, reason: "cannot write the file")
                }
            }
        }
    }
}

/// `--policy FILE`.
struct PolicyOptions: ParsableArguments {
    @Option(help: "Policy file (TOML, SPEC §6.10); replaces the embedded defaults entirely.")
    var policy: String?

    /// Loads the policies; errors stop the run before any output.
    func load(timezone: String) throws -> PolicySet {
        guard let policy else { return PolicyFileLoader.defaults(timezone: timezone) }
        return try Diagnostics.fatalOnError {
            try PolicyFileLoader.load(text: try FileText.read(policy), source: policy, defaultTimezone: timezone)
        }
    }
}
