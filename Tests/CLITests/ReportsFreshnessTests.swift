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
        let main = try CLIHarness.run(["analyze", "fixtures/logs", "--out", "reports", "--quiet"], in: scratch)
        XCTAssertEqual(main.status, 0, main.stderr)
        let all = try CLIHarness.run(
            [
                "analyze", "fixtures/logs", "--policy", "fixtures/policies/all-policies.toml",
                "--out", "reports/all-policies", "--quiet",
            ], in: scratch)
        XCTAssertEqual(all.status, 0, all.stderr)

        let fresh = try CLIHarness.contents(of: scratch.appendingPathComponent("reports"))
        let committed = try CLIHarness.contents(of: CLIHarness.packageRoot.appendingPathComponent("reports"))
            .filter { !$0.key.hasPrefix("benchmark") }
        XCTAssertEqual(Set(fresh.keys), Set(committed.keys), "reports/ has different files; run scripts/regenerate-reports.sh")
        for (name, data) in fresh {
            XCTAssertEqual(data, committed[name], "reports/\(name) is stale; run scripts/regenerate-reports.sh")
        }
    }
}
