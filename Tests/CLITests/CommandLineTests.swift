import Foundation
import XCTest

/// Exit codes, error messages and invariances of the command line (SPEC §2).
final class CommandLineTests: XCTestCase {
    var scratch: URL!

    override func setUpWithError() throws { scratch = try CLIHarness.temporaryDirectory() }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: scratch) }

    let edgeCases = "fixtures/logs/edge-cases.jsonl"

    func testUsageErrorExitsTwo() throws {
        let result = try CLIHarness.run(["analyze"])
        XCTAssertEqual(result.status, 2)
        let unknownOption = try CLIHarness.run(["analyze", edgeCases, "--no-such-option"])
        XCTAssertEqual(unknownOption.status, 2)
    }

    func testBadPolicyFileStopsBeforeAnyOutput() throws {
        let policy = scratch.appendingPathComponent("bad.toml")
        try "[[budget]]\nscope = \"user\"\nperiod = \"fortnight\"\nmax_cost_usd = 5\n".write(
            to: policy, atomically: true, encoding: .utf8)
        let out = scratch.appendingPathComponent("out")
        let result = try CLIHarness.run(["analyze", edgeCases, "--policy", policy.path, "--out", out.path])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("costreplay: error: \(policy.path): budget[0].period:"), result.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.path), "nothing may be written after a policy error")
    }

    func testBadPriceBookNamesTheKey() throws {
        let prices = scratch.appendingPathComponent("prices.toml")
        try "as_of = \"2026-01-01\"\n[[model]]\nid = \"m\"\ninput = -1\noutput = 2\n".write(
            to: prices, atomically: true, encoding: .utf8)
        let result = try CLIHarness.run([
            "analyze", edgeCases, "--prices", prices.path, "--out", scratch.appendingPathComponent("o").path,
        ])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("model[0].input: must not be negative"), result.stderr)
    }

    func testStrictExitsThreeOnMalformedInput() throws {
        let result = try CLIHarness.run(["analyze", edgeCases, "--strict", "--out", scratch.appendingPathComponent("o").path])
        XCTAssertEqual(result.status, 3)
        XCTAssertTrue(FileManager.default.fileExists(atPath: scratch.appendingPathComponent("o/report.md").path))
    }

    func testTruncatedGzipUsesLinesBeforeDamageAndExitsOne() throws {
        let source = CLIHarness.packageRoot.appendingPathComponent("fixtures/logs/gateway-2026-10.jsonl.gz")
        let data = try Data(contentsOf: source)
        let cut = scratch.appendingPathComponent("cut.jsonl.gz")
        try data.prefix(data.count / 2).write(to: cut)
        let out = scratch.appendingPathComponent("o")
        let result = try CLIHarness.run(["analyze", cut.path, "--out", out.path])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("truncated gzip stream at compressed byte"), result.stderr)
        let summary =
            try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("summary.json"))) as! [String: Any]
        let calls = (summary["inputs"] as! [String: Any])["calls"] as! Int
        XCTAssertGreaterThan(calls, 100)
        XCTAssertLessThan(calls, 1500)
        let report = try String(contentsOf: out.appendingPathComponent("report.md"), encoding: .utf8)
        XCTAssertTrue(report.contains("**Damaged input:**"), "the report names the damage")
        XCTAssertTrue(report.contains("the incomplete line it cut off was dropped"), "cutting a file in half cuts a line")
    }

    func testStandardInputIsReadAsPathDash() throws {
        let data = try Data(contentsOf: CLIHarness.packageRoot.appendingPathComponent(edgeCases))
        let result = try CLIHarness.run(["validate", "-"], input: data)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("| -    | envelope"), result.stdout)
        XCTAssertTrue(result.stdout.contains("12 unique calls, 1 duplicates, 8 malformed, 1 late"), result.stdout)
    }

    func testOutputIsIdenticalForAnyJobCount() throws {
        let one = scratch.appendingPathComponent("one")
        let many = scratch.appendingPathComponent("many")
        XCTAssertEqual(try CLIHarness.run(["analyze", "fixtures/logs", "--jobs", "1", "--out", one.path]).status, 0)
        XCTAssertEqual(try CLIHarness.run(["analyze", "fixtures/logs", "--jobs", "4", "--out", many.path]).status, 0)
        let a = try CLIHarness.contents(of: one)
        let b = try CLIHarness.contents(of: many)
        XCTAssertEqual(Set(a.keys), Set(b.keys))
        for name in a.keys where name != "report.md" { XCTAssertEqual(a[name], b[name], name) }
        // report.md records the output directory in its reproduce line; everything else is equal.
        let strip = { (data: Data) in
            String(decoding: data, as: UTF8.self).split(separator: "\n").filter { !$0.contains("Reproduce") }
        }
        XCTAssertEqual(strip(a["report.md"]!), strip(b["report.md"]!))
    }

    func testPolicyInitWritesTheDefaultsThatAnalyzeUses() throws {
        let file = scratch.appendingPathComponent("policy.toml")
        XCTAssertEqual(try CLIHarness.run(["policy", "init", file.path]).status, 0)
        let withFile = scratch.appendingPathComponent("with")
        let without = scratch.appendingPathComponent("without")
        XCTAssertEqual(try CLIHarness.run(["analyze", "fixtures/logs", "--policy", file.path, "--out", withFile.path]).status, 0)
        XCTAssertEqual(try CLIHarness.run(["analyze", "fixtures/logs", "--out", without.path]).status, 0)
        XCTAssertEqual(
            try Data(contentsOf: withFile.appendingPathComponent("calls.csv")),
            try Data(contentsOf: without.appendingPathComponent("calls.csv")))
        let text = try String(contentsOf: file, encoding: .utf8)
        for line in text.split(separator: "\n") where line.contains(" = ") && !line.hasPrefix("#") {
            XCTAssertTrue(line.contains("#"), "every key is commented: \(line)")
        }
    }

    func testPricesResolvesDecoratedNames() throws {
        let result = try CLIHarness.run(["prices", "bedrock/us.anthropic.claude-3-5-haiku-20241022-v1:0"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("→ claude-3-5-haiku"), result.stdout)
        let missing = try CLIHarness.run(["prices", "no-such-model"])
        XCTAssertEqual(missing.status, 1)
        XCTAssertTrue(missing.stderr.contains("costreplay: error: no-such-model: not in the price book"))
    }

    func testValidateNamesEachMalformedLine() throws {
        let result = try CLIHarness.run(["validate", edgeCases])
        XCTAssertEqual(result.status, 0)
        XCTAssertTrue(result.stderr.contains("\(edgeCases):8: invalid-json"), result.stderr)
        XCTAssertTrue(result.stderr.contains("\(edgeCases):10: bad-timestamp"), result.stderr)
        XCTAssertTrue(result.stdout.contains("envelope"))
    }

    func testSynthIsDeterministic() throws {
        let a = scratch.appendingPathComponent("a.jsonl")
        let b = scratch.appendingPathComponent("b.jsonl")
        XCTAssertEqual(try CLIHarness.run(["synth", "--out", a.path, "--calls", "200", "--seed", "9"]).status, 0)
        XCTAssertEqual(try CLIHarness.run(["synth", "--out", b.path, "--calls", "200", "--seed", "9"]).status, 0)
        XCTAssertEqual(try Data(contentsOf: a), try Data(contentsOf: b))
    }

    func testUnwritableOutputIsAClearError() throws {
        let blocker = scratch.appendingPathComponent("file")
        try Data("x".utf8).write(to: blocker)
        let result = try CLIHarness.run(["analyze", edgeCases, "--out", blocker.path])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("costreplay: error: \(blocker.path): cannot create"), result.stderr)
    }
}

/// Issue 5: every log format of SPEC §3.1 in one mixed directory.
final class LogFormatCommandLineTests: XCTestCase {
    func testValidateNamesEachFileFormatInAMixedDirectory() throws {
        let result = try CLIHarness.run(["validate", "fixtures/formats"])
        XCTAssertEqual(result.status, 0, result.stderr)
        for (file, format) in [
            ("20251001T1200Z_invocations.json", "bedrock"), ("7f3c1a9e-2b4d-4c1e-9f7a-0d5e6b8c9a10.jsonl", "claude-code"),
            ("agent-a1b2.jsonl", "claude-code"), ("standard-logging.jsonl", "litellm"), ("batch_output.jsonl", "openai-batch"),
            ("traces.jsonl", "otel"),
        ] {
            let row = result.stdout.split(separator: "\n").first { $0.contains(file) }
            XCTAssertNotNil(row, "no row for \(file)")
            XCTAssertTrue(row?.contains("| \(format) ") ?? false, String(row ?? ""))
        }
        XCTAssertTrue(result.stdout.contains("not a call, synthetic: 2"), result.stdout)
        XCTAssertTrue(result.stdout.contains("not a call, batch-errors: 2"), result.stdout)
        XCTAssertTrue(result.stdout.contains("not a call, cache-hits: 1"), result.stdout)
        XCTAssertFalse(result.stdout.contains("not supported"), result.stdout)
        XCTAssertTrue(result.stderr.contains("traces.jsonl:4: not-an-export"), result.stderr)
    }

    func testReportNotesNonCallsTimeSourcesAndBodylessFormats() throws {
        let scratch = try CLIHarness.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let out = scratch.appendingPathComponent("out")
        let result = try CLIHarness.run(["analyze", "fixtures/formats", "--out", out.path, "--quiet"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let report = try String(contentsOf: out.appendingPathComponent("report.md"), encoding: .utf8)
        func row(_ label: String) -> String? {
            report.split(separator: "\n").first { $0.hasPrefix("| \(label) ") }.map { $0.replacingOccurrences(of: " ", with: "") }
        }
        XCTAssertEqual(row("Claude Code synthetic entries (not calls)"), "|ClaudeCodesyntheticentries(notcalls)|2|")
        XCTAssertEqual(row("OpenAI Batch error lines (not billed)"), "|OpenAIBatcherrorlines(notbilled)|2|")
        XCTAssertEqual(row("LiteLLM cache hits (not calls)"), "|LiteLLMcachehits(notcalls)|1|")
        XCTAssertTrue(report.contains("**Time sources:** OpenAI Batch output"))
        XCTAssertTrue(report.contains("Formats whose records had no request body: "), report)
        for format in ["claude-code", "openai-batch", "otel", "bedrock", "litellm"] {
            XCTAssertTrue(report.contains("\(format) ("), "\(format) lacks bodies for some records")
        }
        let summary = try String(contentsOf: out.appendingPathComponent("summary.json"), encoding: .utf8)
        XCTAssertFalse(summary.contains("synthetic"), "summary.json keeps the keys of SPEC §7.2")
    }
}
