import Foundation
import XCTest

/// `reports/` must be exactly what the README's commands write from `fixtures/`.
final class ReportsFreshnessTests: XCTestCase {
    func testCommittedReportsAreFresh() throws {
        // Run in a scratch directory that sees the same relative paths as the package root, so the
        // command recorded in report.md is identical.
        let scratch = try CLIHarness.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        try FileManager.default.createSymbolicLink(
            at: scratch.appendingPathComponent("fixtures"),
            withDestinationURL: CLIHarness.packageRoot.appendingPathComponent("fixtures"))
        let commands = try Self.scriptCommands()
        XCTAssertGreaterThanOrEqual(commands.count, 4)
        for arguments in commands {
            let run = try CLIHarness.run(arguments, in: scratch)
            XCTAssertEqual(run.status, 0, "\(arguments): \(run.stderr)")
        }

        let fresh = try CLIHarness.contents(of: scratch.appendingPathComponent("reports"))
        let committed = try CLIHarness.contents(of: CLIHarness.packageRoot.appendingPathComponent("reports"))
            .filter { !$0.key.hasPrefix("benchmark") }
        XCTAssertEqual(Set(fresh.keys), Set(committed.keys), "reports/ has different files; run scripts/regenerate-reports.sh")
        for (name, data) in fresh {
            XCTAssertEqual(data, committed[name], "reports/\(name) is stale; run scripts/regenerate-reports.sh")
        }
    }

    /// The `"$bin" analyze …` lines of scripts/regenerate-reports.sh, as argument lists (the script
    /// uses no quoting inside them), so the test and the script cannot drift apart.
    static func scriptCommands() throws -> [[String]] {
        let script = try String(
            contentsOf: CLIHarness.packageRoot.appendingPathComponent("scripts/regenerate-reports.sh"), encoding: .utf8)
        return script.split(separator: "\n").compactMap { line -> [String]? in
            guard line.hasPrefix("\"$bin\" analyze ") else { return nil }
            return line.split(separator: " ").dropFirst().map(String.init)
        }
    }
}
