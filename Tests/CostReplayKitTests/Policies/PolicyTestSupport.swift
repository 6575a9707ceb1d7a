import Foundation
import XCTest

@testable import CostReplayKit

// Helpers of the policy tests (Tests/CostReplayKitTests/Policies): an envelope log builder
// (SPEC §3.2), a tiny price book with round rates, and a runner that writes the log to a
// temporary directory, runs `AnalyzeJob` with a policy file written in the test, and reads back
// summary.json, calls.csv, incidents.csv and savings.csv.
//
// Every name here starts with `Policy`/`policy` so it cannot collide with the other test helpers
// of the target.

// MARK: - Price book

enum PolicyPrices {
    /// Round rates per million tokens, chosen so that 1 000 tokens cost whole dollars:
    ///
    /// | model     | provider  | input  | output | write 5m | write 1h | read  | per token (in / out) |
    /// |-----------|-----------|--------|--------|----------|----------|-------|----------------------|
    /// | small     | anthropic | 1000   | 2000   | 1250     | 2000     | 100   | $0.001 / $0.002      |
    /// | twin      | anthropic | 1000   | 2000   | 1250     | 2000     | 100   | (same as small)      |
    /// | cachey    | anthropic | 1000   | 2000   | 1250     | 2000     | 100   | min_cacheable_tokens 2500 |
    /// | mid       | anthropic | 4000   | 8000   | 5000     | 8000     | 400   | $0.004 / $0.008      |
    /// | big       | anthropic | 10000  | 20000  | 12500    | 20000    | 1000  | $0.01 / $0.02        |
    /// | tiered    | anthropic | 1000   | 2000   | —        | —        | —     | above 1500 input: 2000 / 4000 |
    /// | oai-small | openai    | 1000   | 2000   | —        | —        | —     |                      |
    /// | oai-big   | openai    | 10000  | 20000  | —        | —        | —     |                      |
    ///
    /// Batch multiplier 0.5 (the default) except `mid`: 0.25.
    static let tinyTOML = """
        as_of = "2026-11-01"

        [[model]]
        id = "small"
        provider = "anthropic"
        input = 1000
        output = 2000
        cache_write_5m = 1250
        cache_write_1h = 2000
        cache_read = 100

        [[model]]
        id = "twin"
        provider = "anthropic"
        input = 1000
        output = 2000
        cache_write_5m = 1250
        cache_write_1h = 2000
        cache_read = 100

        [[model]]
        id = "cachey"
        provider = "anthropic"
        input = 1000
        output = 2000
        cache_write_5m = 1250
        cache_write_1h = 2000
        cache_read = 100
        min_cacheable_tokens = 2500

        [[model]]
        id = "mid"
        provider = "anthropic"
        input = 4000
        output = 8000
        cache_write_5m = 5000
        cache_write_1h = 8000
        cache_read = 400
        batch_multiplier = 0.25

        [[model]]
        id = "big"
        provider = "anthropic"
        input = 10000
        output = 20000
        cache_write_5m = 12500
        cache_write_1h = 20000
        cache_read = 1000

        [[model]]
        id = "tiered"
        provider = "anthropic"
        input = 1000
        output = 2000
        [[model.tier]]
        above_input_tokens = 1500
        input = 2000
        output = 4000

        [[model]]
        id = "oai-small"
        provider = "openai"
        input = 1000
        output = 2000

        [[model]]
        id = "oai-big"
        provider = "openai"
        input = 10000
        output = 20000
        """

    static func tiny() throws -> PriceBook { try PriceBookLoader.loadTOML(tinyTOML, source: "tiny-prices.toml") }
}

// MARK: - Times

enum PolicyTime {
    /// `HH:MM:SS[.fff]` on 2026-10-01 (a Thursday) in UTC; a full timestamp is returned unchanged.
    static func at(_ text: String) -> String {
        text.contains("T") ? text : "2026-10-01T" + text + "Z"
    }
}

// MARK: - Envelope log builder

/// One envelope line (SPEC §3.2) with an Anthropic request and response body.
struct PolicyCall {
    var id: String
    var ts: String
    var latencyMs: Int64 = 0
    var user: String? = "alice"
    var team: String?
    var apiKey: String?
    var session: String?
    var task: String?
    /// The complexity hint (a JSON number; fractions test the truncation).
    var complexity: Double?
    var tags: [String: String] = [:]
    var provider: String? = "anthropic"
    var status: Int?
    var serviceTier: String?
    var model = "small"
    /// Content of the single user message (ignored when `messages` is set).
    var prompt = "hello"
    /// Explicit request messages (JSON objects), replacing `prompt`.
    var messages: [[String: Any]]?
    /// Extra plain user messages appended after the prompt (for the message-count complexity terms).
    var extraMessages = 0
    var system: String?
    /// Number of tools the request offers (`request.tools`).
    var toolsOffered = 0
    var maxTokens: Int64?
    var temperature: Double?
    /// `tool_use` blocks of the response, in order.
    var toolUses: [(name: String, input: [String: Any])] = []
    /// `tool_result` blocks with `is_error: true` in the request's last message.
    var toolErrors = 0
    var stopReason = "end_turn"
    var input: Int64 = 1000
    var output: Int64 = 0
    var cacheWrite5m: Int64 = 0
    var cacheWrite1h: Int64 = 0
    var cacheRead: Int64 = 0
    /// false: no response body (a failed call, with `usage` at the top level when `hasUsage`).
    var hasResponse = true
    var hasUsage = true

    init(_ id: String, at time: String, _ configure: (inout PolicyCall) -> Void = { _ in }) {
        self.id = id
        self.ts = PolicyTime.at(time)
        configure(&self)
    }

    /// The request body.
    var requestObject: [String: Any] {
        var request: [String: Any] = ["model": model]
        var list: [[String: Any]] = messages ?? [["role": "user", "content": prompt]]
        if messages == nil {
            for index in 0..<extraMessages { list.append(["role": "user", "content": "more \(index)"]) }
        }
        if toolErrors > 0 {
            var blocks: [[String: Any]] = []
            for index in 0..<toolErrors {
                blocks.append(["type": "tool_result", "tool_use_id": "tu_\(index)", "content": "failed", "is_error": true])
            }
            list.append(["role": "user", "content": blocks])
        }
        request["messages"] = list
        if let system { request["system"] = system }
        if toolsOffered > 0 {
            request["tools"] = (0..<toolsOffered).map { index -> [String: Any] in
                ["name": "tool_\(index)", "description": "a tool", "input_schema": ["type": "object"]]
            }
        }
        if let maxTokens { request["max_tokens"] = maxTokens }
        if let temperature { request["temperature"] = temperature }
        return request
    }

    var usageObject: [String: Any] {
        var usage: [String: Any] = ["input_tokens": input, "output_tokens": output]
        if cacheWrite5m != 0 || cacheWrite1h != 0 {
            usage["cache_creation_input_tokens"] = cacheWrite5m + cacheWrite1h
            usage["cache_creation"] = ["ephemeral_5m_input_tokens": cacheWrite5m, "ephemeral_1h_input_tokens": cacheWrite1h]
        }
        if cacheRead != 0 { usage["cache_read_input_tokens"] = cacheRead }
        return usage
    }

    var object: [String: Any] {
        var root: [String: Any] = ["id": id, "ts": ts, "latency_ms": latencyMs]
        if let user { root["user"] = user }
        if let team { root["team"] = team }
        if let apiKey { root["api_key"] = apiKey }
        if let session { root["session"] = session }
        if let task { root["task"] = task }
        if let complexity { root["complexity"] = complexity }
        if !tags.isEmpty { root["tags"] = tags }
        if let provider { root["provider"] = provider }
        if let status { root["status"] = status }
        if let serviceTier { root["service_tier"] = serviceTier }
        root["request"] = requestObject
        if hasResponse {
            var content: [[String: Any]] = [["type": "text", "text": "ok"]]
            for (index, use) in toolUses.enumerated() {
                content.append(["type": "tool_use", "id": "toolu_\(id)_\(index)", "name": use.name, "input": use.input])
            }
            var response: [String: Any] = [
                "type": "message", "role": "assistant", "model": model, "content": content,
                "stop_reason": stopReason,
            ]
            if hasUsage { response["usage"] = usageObject }
            root["response"] = response
        } else if hasUsage {
            root["usage"] = usageObject
        }
        return root
    }

    /// The JSON line (keys sorted, no whitespace).
    var line: String {
        let data = try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self)
    }
}

enum PolicyLogBuilder {
    /// JSONL text of `calls`, one line each, with a final newline.
    static func jsonl(_ calls: [PolicyCall]) -> String {
        calls.map(\.line).joined(separator: "\n") + "\n"
    }

    /// A message object whose RFC 8785 form `{"content":"…","role":"ROLE"}` is exactly `bytes` long
    /// (ASCII content, no escapes): 28 + n bytes for `user`, 33 + n for `assistant`.
    static func message(role: String = "user", bytes: Int, fill: Character = "m") -> [String: Any] {
        let overhead = #"{"content":"","role":""}"#.utf8.count + role.utf8.count
        precondition(bytes > overhead)
        return ["role": role, "content": String(repeating: fill, count: bytes - overhead)]
    }

    /// A system text such that unit 0 `{"model":"MODEL","system":"…"}` is exactly `bytes` long.
    static func system(model: String, unitBytes bytes: Int, fill: Character = "s") -> String {
        let overhead = #"{"model":"","system":""}"#.utf8.count + model.utf8.count
        precondition(bytes > overhead)
        return String(repeating: fill, count: bytes - overhead)
    }
}

// MARK: - Running an analysis

/// What one analysis wrote, parsed.
struct PolicyRunOutput {
    let result: AnalysisResult
    let summaryText: String
    let callsText: String
    let summary: [String: Any]
    let calls: [[String: String]]
    let incidents: [[String: String]]
    let savings: [[String: String]]
    /// Where the reports were written.
    let directory: String

    /// The text of any report file.
    func file(_ name: String) throws -> String {
        String(decoding: try Data(contentsOf: URL(fileURLWithPath: directory + "/" + name)), as: UTF8.self)
    }

    func call(_ id: String, file: StaticString = #filePath, line: UInt = #line) -> [String: String] {
        guard let row = calls.first(where: { $0["call_id"] == id }) else {
            XCTFail("no calls.csv row for \(id)", file: file, line: line)
            return [:]
        }
        return row
    }

    /// `cf_action` of every call, in calls.csv order, as `id=action` pairs (easy to read in a failure).
    var actions: [String] { calls.map { ($0["call_id"] ?? "?") + "=" + ($0["cf_action"] ?? "?") } }

    /// calls.csv cf_cost_usd of every call, in order.
    var cfCosts: [String] { calls.map { $0["cf_cost_usd"] ?? "?" } }

    var combined: [String: Any] { summary["combined"] as? [String: Any] ?? [:] }
    var baseline: [String: Any] { summary["baseline"] as? [String: Any] ?? [:] }
    var incidentCounts: [String: Any] { summary["incidents"] as? [String: Any] ?? [:] }
    var policies: [[String: Any]] { summary["policies"] as? [[String: Any]] ?? [] }

    /// The summary.json `policies[]` entry of `name`.
    func policy(_ name: String) -> [String: Any] { policies.first { $0["name"] as? String == name } ?? [:] }
    func isolated(_ name: String) -> [String: Any] { policy(name)["isolated"] as? [String: Any] ?? [:] }

    /// Waterfall entries as (policy, savings_usd).
    var waterfall: [(String, Double)] {
        (combined["waterfall"] as? [[String: Any]] ?? []).map {
            ($0["policy"] as? String ?? "?", policyDouble($0["savings_usd"]))
        }
    }

    /// Incident rows of one kind.
    func incidents(kind: String) -> [[String: String]] { incidents.filter { $0["kind"] == kind } }

    /// The exact combined-scenario cost.
    var exactCombinedCost: Money { result.replay?.combined.cost ?? .zero }
    /// The exact baseline cost.
    var exactBaselineCost: Money { result.spend.total.cost }
    /// The exact isolated-scenario cost of a policy.
    func exactIsolatedCost(_ name: String) -> Money? {
        result.replay?.isolated.first { $0.policies.first?.name == name }?.cost
    }
}

func policyDouble(_ value: Any?) -> Double {
    if let number = value as? NSNumber { return number.doubleValue }
    if let number = value as? Double { return number }
    if let number = value as? Int { return Double(number) }
    return .nan
}

func policyInt(_ value: Any?) -> Int {
    if let number = value as? NSNumber { return number.intValue }
    if let number = value as? Int { return number }
    return Int.min
}

/// Exact dollars from decimal text.
func policyUSD(_ text: String) -> Money { Money(dollarsText: text)! }

/// Parses RFC 4180 CSV into rows keyed by the header (cells parsed by the shared `parseCSV`).
func policyCSVRecords(_ text: String) -> [[String: String]] {
    let rows = parseCSV(text)
    guard let header = rows.first else { return [] }
    return rows.dropFirst().map { cells in
        var record: [String: String] = [:]
        for (index, name) in header.enumerated() { record[name] = index < cells.count ? cells[index] : "" }
        return record
    }
}

extension XCTestCase {
    /// A fresh directory removed when the test ends.
    func policyTemporaryDirectory() throws -> String {
        let path = FileManager.default.temporaryDirectory.path + "/costreplay-policytests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(atPath: path) }
        return path
    }

    /// Loads a policy file written in the test.
    func policySet(_ toml: String, timezone: String = "UTC") throws -> PolicySet {
        do {
            return try PolicyFileLoader.load(text: toml, source: "policy.toml", defaultTimezone: timezone)
        } catch {
            XCTFail("policy file rejected: \(error)")
            throw error
        }
    }

    /// Writes `calls` as one envelope log and analyzes it under `policy`.
    func policyRun(
        _ calls: [PolicyCall], policy: String, prices: PriceBook? = nil, timezone: String = "UTC",
        policyTimezone: String? = nil, configure: (inout AnalysisOptions) -> Void = { _ in }
    ) throws -> PolicyRunOutput {
        try policyRun(
            files: [("log.jsonl", PolicyLogBuilder.jsonl(calls))], policy: policy, prices: prices, timezone: timezone,
            policyTimezone: policyTimezone, configure: configure)
    }

    /// Writes each (name, text) under one input folder, discovers them like the CLI does, and
    /// analyzes them under `policy`.
    func policyRun(
        files: [(String, String)], policy: String, prices: PriceBook? = nil, timezone: String = "UTC",
        policyTimezone: String? = nil, configure: (inout AnalysisOptions) -> Void = { _ in }
    ) throws -> PolicyRunOutput {
        let set = try policySet(policy, timezone: policyTimezone ?? timezone)
        return try policyRun(files: files, policies: set, prices: prices, timezone: timezone, configure: configure)
    }

    func policyRun(
        files: [(String, String)], policies: PolicySet, prices: PriceBook? = nil,
        timezone: String = "UTC", configure: (inout AnalysisOptions) -> Void = { _ in }
    ) throws -> PolicyRunOutput {
        let root = try policyTemporaryDirectory()
        let logs = root + "/logs"
        try FileManager.default.createDirectory(atPath: logs, withIntermediateDirectories: true)
        for (name, text) in files {
            try Data(text.utf8).write(to: URL(fileURLWithPath: logs + "/" + name))
        }
        let inputs = try InputDiscovery.discover([logs])
        return try policyRun(
            inputs: inputs, policies: policies, prices: prices ?? PolicyPrices.tiny(), timezone: timezone,
            outputDirectory: root + "/out", configure: configure)
    }

    func policyRun(
        inputs: [InputFile], policies: PolicySet, prices: PriceBook, timezone: String = "UTC",
        outputDirectory: String, configure: (inout AnalysisOptions) -> Void = { _ in }
    ) throws -> PolicyRunOutput {
        var options = AnalysisOptions(priceBook: prices)
        configure(&options)
        let job = AnalyzeJob(
            inputs: inputs, options: options, policies: policies,
            outputDirectory: outputDirectory, timezone: timezone, command: "costreplay analyze (policy test)")
        let result = try job.run()
        func read(_ name: String) throws -> String {
            String(decoding: try Data(contentsOf: URL(fileURLWithPath: outputDirectory + "/" + name)), as: UTF8.self)
        }
        let summaryText = try read("summary.json")
        let summary = try JSONSerialization.jsonObject(with: Data(summaryText.utf8)) as? [String: Any] ?? [:]
        let callsText = try read("calls.csv")
        return PolicyRunOutput(
            result: result, summaryText: summaryText, callsText: callsText, summary: summary,
            calls: policyCSVRecords(callsText), incidents: policyCSVRecords(try read("incidents.csv")),
            savings: policyCSVRecords(try read("savings.csv")), directory: outputDirectory)
    }

    /// Asserts the combined scenario's totals, both in summary.json (rounded to 6 decimals) and exactly.
    func assertPolicyCombined(
        _ output: PolicyRunOutput, cost: String, savings: String, avoided: Int, modified: Int,
        file: StaticString = #filePath, line: UInt = #line
    ) {
        let combined = output.combined
        XCTAssertEqual(policyDouble(combined["cost_usd"]), Double(cost)!, "combined.cost_usd", file: file, line: line)
        XCTAssertEqual(policyDouble(combined["savings_usd"]), Double(savings)!, "combined.savings_usd", file: file, line: line)
        XCTAssertEqual(policyInt(combined["calls_avoided"]), avoided, "combined.calls_avoided", file: file, line: line)
        XCTAssertEqual(policyInt(combined["calls_modified"]), modified, "combined.calls_modified", file: file, line: line)
        XCTAssertEqual(output.exactCombinedCost, policyUSD(cost), "exact combined cost", file: file, line: line)
    }

    /// Asserts one call's combined outcome in calls.csv.
    func assertPolicyCall(
        _ output: PolicyRunOutput, _ id: String, _ action: String, cost: String, policy: String = "",
        model: String? = nil, file: StaticString = #filePath, line: UInt = #line
    ) {
        let row = output.call(id, file: file, line: line)
        XCTAssertEqual(row["cf_action"], action, "\(id) cf_action", file: file, line: line)
        XCTAssertEqual(row["cf_cost_usd"], cost, "\(id) cf_cost_usd", file: file, line: line)
        XCTAssertEqual(row["cf_policy"], policy, "\(id) cf_policy", file: file, line: line)
        if let model { XCTAssertEqual(row["cf_model"], model, "\(id) cf_model", file: file, line: line) }
    }
}

// MARK: - Running the CLI in a child process (for behaviour that may trap)

struct PolicyProcessResult {
    let status: Int32
    /// Whether the child ended by a signal (a Swift runtime trap is SIGILL / SIGTRAP).
    let crashed: Bool
    let stderr: String
}

extension XCTestCase {
    /// The `costreplay` executable built next to the test bundle; skips the test when absent.
    func policyCLIPath() throws -> String {
        let bundle = URL(fileURLWithPath: ProcessInfo.processInfo.arguments[0])
        var directory = bundle.deletingLastPathComponent()
        // On Linux the test runner is `…/debug/costreplayPackageTests.xctest`; on macOS it lives
        // inside the bundle's Contents/MacOS.
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent("costreplay").path
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate, isDirectory: &isDirectory), !isDirectory.boolValue,
                FileManager.default.isExecutableFile(atPath: candidate)
            {
                return candidate
            }
            directory = directory.deletingLastPathComponent()
        }
        throw XCTSkip("the costreplay executable is not built next to the tests")
    }

    /// Runs `costreplay analyze` on `calls` in a child process, so that a trap fails this test
    /// instead of killing the whole test run.
    func policyRunCLI(_ calls: [PolicyCall], policy: String, prices: String = PolicyPrices.tinyTOML) throws -> PolicyProcessResult
    {
        let executable = try policyCLIPath()
        let root = try policyTemporaryDirectory()
        try Data(PolicyLogBuilder.jsonl(calls).utf8).write(to: URL(fileURLWithPath: root + "/log.jsonl"))
        try Data(policy.utf8).write(to: URL(fileURLWithPath: root + "/policy.toml"))
        try Data(prices.utf8).write(to: URL(fileURLWithPath: root + "/prices.toml"))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = [
            "analyze", root + "/log.jsonl", "--policy", root + "/policy.toml", "--prices", root + "/prices.toml",
            "--out", root + "/out", "--quiet",
        ]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let stderr = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return PolicyProcessResult(
            status: process.terminationStatus, crashed: process.terminationReason == .uncaughtSignal,
            stderr: String(decoding: stderr, as: UTF8.self))
    }
}
