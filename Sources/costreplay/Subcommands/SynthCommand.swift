import ArgumentParser
import CostReplayKit

struct SynthCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "synth",
        abstract: "Write a realistic, seeded envelope log (gzip when the name ends in .gz)."
    )

    @Option(help: "File to write.")
    var out: String

    @Option(help: "Number of calls.")
    var calls: Int = 10_000

    @Option(help: "Random seed; the same seed writes the same bytes.")
    var seed: UInt64 = 1

    @Option(help: "First day (YYYY-MM-DD or a timestamp).")
    var start: String = "2026-10-01"

    @Option(help: "Number of days the calls span.")
    var days: Int = 7

    func validate() throws {
        if calls < 1 { throw ValidationError("--calls must be at least 1") }
        if days < 1 { throw ValidationError("--days must be at least 1") }
        if startTime == nil { throw ValidationError("--start: expected YYYY-MM-DD or a timestamp, got '\(start)'") }
    }

    var startTime: Timestamp? {
        TimestampParser.parseText(start) ?? TimestampParser.parseText(start + "T00:00:00Z")
    }

    func run() throws {
        let options = SynthOptions(calls: calls, seed: seed, startMicros: startTime!.micros, days: days)
        let summary = try Diagnostics.fatalOnError { try SynthGenerator.write(to: out, options: options) }
        print("wrote \(summary.lines) lines (\(summary.calls) calls, \(summary.bytesUncompressed) bytes uncompressed) to \(out)")
    }
}
