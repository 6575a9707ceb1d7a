import Foundation
import XCTest

@testable import CostReplayKit

final class SynthGeneratorTests: XCTestCase {
    private func fixture() throws -> SynthFixture {
        switch SynthFixture.twoThousand {
        case .success(let f): return f
        case .failure(let e): throw e
        }
    }

    // MARK: determinism

    func testSameSeedGivesSameBytesAndDifferentSeedDifferentBytes() throws {
        let a = try SynthTestSupport.temporaryPath("a.jsonl")
        let b = try SynthTestSupport.temporaryPath("b.jsonl")
        let c = try SynthTestSupport.temporaryPath("c.jsonl")
        let options = SynthOptions(calls: 400, seed: 7)
        var other = options
        other.seed = 8
        let sa = try SynthGenerator.write(to: a, options: options)
        let sb = try SynthGenerator.write(to: b, options: options)
        _ = try SynthGenerator.write(to: c, options: other)
        let da = try Data(contentsOf: URL(fileURLWithPath: a))
        XCTAssertEqual(da, try Data(contentsOf: URL(fileURLWithPath: b)))
        XCTAssertNotEqual(da, try Data(contentsOf: URL(fileURLWithPath: c)))
        XCTAssertEqual(sa.incidents, sb.incidents)
        XCTAssertEqual(Int64(da.count), sa.bytesUncompressed)
    }

    func testGzipOutputIsDeterministicAndMatchesPlainOutput() throws {
        let plain = try SynthTestSupport.temporaryPath("p.jsonl")
        let gz1 = try SynthTestSupport.temporaryPath("g1.jsonl.gz")
        let gz2 = try SynthTestSupport.temporaryPath("g2.jsonl.gz")
        // Enough calls for several 4 MiB chunks, i.e. several gzip members.
        let options = SynthOptions(calls: 3000, seed: 3)
        _ = try SynthGenerator.write(to: plain, options: options)
        let summary = try SynthGenerator.write(to: gz1, options: options)
        _ = try SynthGenerator.write(to: gz2, options: options)
        let compressed = try Data(contentsOf: URL(fileURLWithPath: gz1))
        XCTAssertEqual(compressed, try Data(contentsOf: URL(fileURLWithPath: gz2)))
        XCTAssertEqual(Array(compressed.prefix(2)), [0x1f, 0x8b])
        let inflated = try SynthTestSupport.gunzip(compressed)
        XCTAssertGreaterThan(inflated.count, 4 << 20)
        XCTAssertEqual(inflated, try Data(contentsOf: URL(fileURLWithPath: plain)))
        XCTAssertEqual(Int64(inflated.count), summary.bytesUncompressed)
    }

    // MARK: shape of the log

    func testEveryLineParsesAndCountsMatchTheSummary() throws {
        let f = try fixture()
        XCTAssertEqual(f.summary.calls, 2000)
        XCTAssertEqual(f.lines.count, f.summary.lines)
        let duplicates = Int(try XCTUnwrap(f.summary.incidents["duplicate_lines"])) ?? -1
        XCTAssertEqual(f.summary.lines, f.summary.calls + duplicates)

        var ids: [String: Data] = [:]
        var repeatedIDs = 0
        var previousTs = ""
        for line in f.lines {
            let o = try SynthTestSupport.object(line)
            let id = try XCTUnwrap(o["id"] as? String)
            if let first = ids[id] {
                repeatedIDs += 1
                XCTAssertEqual(first, line, "a duplicate line repeats its original byte for byte")
            }
            ids[id] = line
            let ts = try XCTUnwrap(o["ts"] as? String)
            XCTAssertEqual(ts.count, 24, ts)
            XCTAssertTrue(ts.hasSuffix("Z"))
            XCTAssertLessThanOrEqual(previousTs, ts, "lines are in start order")
            previousTs = ts
            for key in ["latency_ms", "user", "team", "api_key", "provider", "status", "request", "tags"] {
                XCTAssertNotNil(o[key], "\(id) lacks \(key)")
            }
            let tags = try XCTUnwrap(o["tags"] as? [String: String])
            XCTAssertTrue(tags["env"] == "prod" || tags["env"] == "staging")
            let status = try XCTUnwrap(o["status"] as? Int)
            let request = try XCTUnwrap(o["request"] as? [String: Any])
            XCTAssertNotNil(request["model"] as? String)
            if status == 200 {
                let response = try XCTUnwrap(o["response"] as? [String: Any], id)
                XCTAssertNotNil(response["usage"] as? [String: Any], id)
                XCTAssertNil(o["error"])
            } else {
                XCTAssertTrue(status == 429 || status == 529, "\(status)")
                XCTAssertNotNil(o["error"] as? [String: Any])
                XCTAssertNil((o["response"] as? [String: Any])?["usage"], "failed calls carry no usage")
            }
        }
        XCTAssertEqual(ids.count, 2000)
        XCTAssertEqual(repeatedIDs, duplicates)
    }

    func testTokenCountsFollowBodySizes() throws {
        let f = try fixture()
        var checked = 0
        for line in f.lines {
            let o = try SynthTestSupport.object(line)
            guard let response = o["response"] as? [String: Any], let usage = response["usage"] as? [String: Any],
                let request = o["request"] as? [String: Any]
            else { continue }
            let total: Int
            if let prompt = usage["prompt_tokens"] as? Int {
                total = prompt
                let cached = try XCTUnwrap((usage["prompt_tokens_details"] as? [String: Any])?["cached_tokens"] as? Int)
                XCTAssertLessThanOrEqual(cached, prompt, "Chat prompt_tokens include the cached ones")
            } else if let details = usage["input_tokens_details"] as? [String: Any] {
                total = try XCTUnwrap(usage["input_tokens"] as? Int)
                XCTAssertLessThanOrEqual(try XCTUnwrap(details["cached_tokens"] as? Int), total)
            } else {
                let creation = usage["cache_creation_input_tokens"] as? Int ?? 0
                total = try XCTUnwrap(usage["input_tokens"] as? Int) + creation + (usage["cache_read_input_tokens"] as? Int ?? 0)
                if let split = usage["cache_creation"] as? [String: Int] {
                    XCTAssertEqual(split["ephemeral_5m_input_tokens"]! + split["ephemeral_1h_input_tokens"]!, creation)
                }
            }
            // About 4 bytes of request per input token, the whole re-sent conversation counted.
            let bytes = try JSONSerialization.data(withJSONObject: request).count
            let ratio = Double(bytes) / Double(total)
            XCTAssertTrue((3.2...4.8).contains(ratio), "\(o["id"]!): \(bytes) bytes for \(total) tokens")
            checked += 1
        }
        XCTAssertGreaterThan(checked, 1900)
    }

    func testBodiesCoverTheThreeShapesToolCallsAndCaching() throws {
        let f = try fixture()
        var anthropicToolUse = 0, chatToolCalls = 0, responsesCalls = 0
        var cacheRead = 0, cacheCreationObject = 0, reasoning = 0, tiers = Set<String>(), models = Set<String>()
        var largest = 0
        var sessions = Set<String>()
        for line in f.lines {
            let o = try SynthTestSupport.object(line)
            largest = max(largest, line.count)
            if let s = o["session"] as? String { sessions.insert(s) }
            if let t = o["service_tier"] as? String { tiers.insert(t) }
            models.insert((o["request"] as? [String: Any])?["model"] as? String ?? "")
            guard let response = o["response"] as? [String: Any], let usage = response["usage"] as? [String: Any] else {
                continue
            }
            if let content = response["content"] as? [[String: Any]] {
                anthropicToolUse += content.filter { $0["type"] as? String == "tool_use" }.count
            }
            if let choices = response["choices"] as? [[String: Any]],
                let calls = (choices.first?["message"] as? [String: Any])?["tool_calls"] as? [[String: Any]]
            {
                for call in calls {
                    let arguments = try XCTUnwrap((call["function"] as? [String: Any])?["arguments"] as? String)
                    XCTAssertNotNil(try JSONSerialization.jsonObject(with: Data(arguments.utf8)) as? [String: Any])
                    chatToolCalls += 1
                }
            }
            if let output = response["output"] as? [[String: Any]] {
                responsesCalls += output.filter { $0["type"] as? String == "function_call" }.count
            }
            if (usage["cache_read_input_tokens"] as? Int ?? 0) > 0 { cacheRead += 1 }
            if usage["cache_creation"] != nil { cacheCreationObject += 1 }
            let r1 = (usage["completion_tokens_details"] as? [String: Any])?["reasoning_tokens"] as? Int ?? 0
            let r2 = (usage["output_tokens_details"] as? [String: Any])?["reasoning_tokens"] as? Int ?? 0
            if r1 + r2 > 0 { reasoning += 1 }
        }
        XCTAssertGreaterThan(anthropicToolUse, 50)
        XCTAssertGreaterThan(chatToolCalls, 20)
        XCTAssertGreaterThan(responsesCalls, 20)
        XCTAssertGreaterThan(cacheRead, 50)
        XCTAssertGreaterThan(cacheCreationObject, 20)
        XCTAssertGreaterThan(reasoning, 20)
        XCTAssertEqual(tiers, ["batch", "flex", "priority"])
        XCTAssertGreaterThan(sessions.count, 10)
        XCTAssertGreaterThan(largest, 40_000, "late agent turns re-send tens of KB")
        for model in [
            "claude-sonnet-4-5", "claude-opus-4-1", "claude-haiku-4-5", "gpt-4o", "gpt-4.1", "gpt-5", "o3", "acme-llm-preview",
        ] {
            XCTAssertTrue(models.contains(model), model)
        }
    }

    // MARK: incidents

    func testEveryIncidentKindIsInjectedAndSummarized() throws {
        let f = try fixture()
        let i = f.summary.incidents
        for key in [
            "runaway_session", "runaway_repeats", "runaway_tool", "budget_user", "budget_day", "budget_sessions",
            "budget_estimated_usd", "resent_identical", "resent_identical_example", "max_tokens_retries",
            "max_tokens_retry_example", "errors_429", "errors_529", "errors_retried", "unpriced_model", "unpriced_calls",
            "duplicate_lines",
        ] {
            XCTAssertNotNil(i[key], key)
        }
        var unique: [String: [String: Any]] = [:]
        var order: [String] = []
        for line in f.lines {
            let o = try SynthTestSupport.object(line)
            let id = o["id"] as! String
            if unique[id] == nil { order.append(id) }
            unique[id] = o
        }
        let calls = order.map { unique[$0]! }

        // The runaway session repeats one identical tool call dozens of times.
        let runaway = calls.filter { $0["session"] as? String == i["runaway_session"] }
        var signatures: [String: Int] = [:]
        for call in runaway {
            for block in ((call["response"] as? [String: Any])?["content"] as? [[String: Any]]) ?? []
            where block["type"] as? String == "tool_use" {
                let input = try JSONSerialization.data(withJSONObject: block["input"]!, options: .sortedKeys)
                signatures["\(block["name"]!) \(String(decoding: input, as: UTF8.self))", default: 0] += 1
            }
        }
        XCTAssertGreaterThanOrEqual(signatures.values.max() ?? 0, Int(i["runaway_repeats"]!)!)
        XCTAssertGreaterThanOrEqual(Int(i["runaway_repeats"]!)!, 30)

        // The budget user spends over $100 on the budget day with Opus (list prices).
        XCTAssertGreaterThan(Double(i["budget_estimated_usd"]!)!, 100)
        let budgetCalls = calls.filter {
            $0["user"] as? String == i["budget_user"] && ($0["ts"] as! String).hasPrefix(i["budget_day"]!)
                && ($0["request"] as? [String: Any])?["model"] as? String == "claude-opus-4-1"
        }
        var opusOutput = 0
        for call in budgetCalls {
            opusOutput += (((call["response"] as? [String: Any])?["usage"] as? [String: Any])?["output_tokens"] as? Int) ?? 0
        }
        XCTAssertGreaterThan(Double(opusOutput) * 75 / 1e6, 100, "Opus output alone is over $100")

        // Identical requests re-sent within minutes under a new id.
        let example = i["resent_identical_example"]!.split(separator: " ").map(String.init)
        let original = try XCTUnwrap(unique[example[0]]), resend = try XCTUnwrap(unique[example[1]])
        XCTAssertEqual(
            try JSONSerialization.data(withJSONObject: original["request"]!, options: .sortedKeys),
            try JSONSerialization.data(withJSONObject: resend["request"]!, options: .sortedKeys))

        // A truncated call, then the same request with a larger max tokens in the same session within a minute.
        let session = i["max_tokens_retry_example"]!
        let inSession = calls.filter { $0["session"] as? String == session }
        let truncatedIndex = try XCTUnwrap(
            inSession.firstIndex { call in
                let response = call["response"] as? [String: Any]
                let finish = ((response?["choices"] as? [[String: Any]])?.first?["finish_reason"] as? String)
                return response?["stop_reason"] as? String == "max_tokens" || finish == "length"
            })
        let truncated = inSession[truncatedIndex], retry = inSession[truncatedIndex + 1]
        var a = truncated["request"] as! [String: Any], b = retry["request"] as! [String: Any]
        let key = a["max_tokens"] != nil ? "max_tokens" : "max_completion_tokens"
        XCTAssertGreaterThan(b[key] as! Int, a[key] as! Int)
        a[key] = nil
        b[key] = nil
        XCTAssertEqual(
            try JSONSerialization.data(withJSONObject: a, options: .sortedKeys),
            try JSONSerialization.data(withJSONObject: b, options: .sortedKeys))

        // Errors and the unpriced model, as counted.
        XCTAssertEqual(calls.filter { $0["status"] as? Int == 429 }.count, Int(i["errors_429"]!))
        XCTAssertEqual(calls.filter { $0["status"] as? Int == 529 }.count, Int(i["errors_529"]!))
        XCTAssertEqual(
            calls.filter {
                ($0["request"] as? [String: Any])?["model"] as? String == i["unpriced_model"] && $0["status"] as? Int == 200
            }.count,
            Int(i["unpriced_calls"]!))
    }

    // MARK: edges and errors

    func testZeroCallsWritesAnEmptyValidGzip() throws {
        let path = try SynthTestSupport.temporaryPath("empty.jsonl.gz")
        let summary = try SynthGenerator.write(to: path, options: SynthOptions(calls: 0))
        XCTAssertEqual(summary.lines, 0)
        XCTAssertEqual(summary.incidents, [:])
        XCTAssertEqual(try SynthTestSupport.gunzip(try Data(contentsOf: URL(fileURLWithPath: path))).count, 0)
    }

    func testSmallLogsHaveExactlyTheCallsAsked() throws {
        for calls in [1, 7, 150] {
            let path = try SynthTestSupport.temporaryPath("small.jsonl")
            let summary = try SynthGenerator.write(to: path, options: SynthOptions(calls: calls, seed: UInt64(calls), days: 1))
            let lines = SynthTestSupport.lines(try Data(contentsOf: URL(fileURLWithPath: path)))
            XCTAssertEqual(summary.calls, calls)
            XCTAssertEqual(lines.count, summary.lines)
            XCTAssertNil(summary.incidents["runaway_session"], "too small for a runaway session")
        }
    }

    func testManySeedsAndSizesWriteExactlyTheCallsAsked() throws {
        // The planner counts every activity's calls in advance (retries, re-sends, incidents);
        // the generator checks the total, so any miscount would trap here.
        for seed in 1...12 {
            let calls = seed * 797 % 2500 + 1
            let days = seed % 10 + 1
            let summary = try SynthGenerator.write(
                to: "/dev/null", options: SynthOptions(calls: calls, seed: UInt64(seed), days: days))
            XCTAssertEqual(summary.calls, calls, "seed \(seed) days \(days)")
            XCTAssertEqual(summary.lines, calls + (Int(summary.incidents["duplicate_lines"] ?? "0") ?? 0))
        }
    }

    func testUnwritablePathIsAnErrorNamingThePath() throws {
        let path = "/nonexistent-dir-\(UUID().uuidString)/log.jsonl.gz"
        XCTAssertThrowsError(try SynthGenerator.write(to: path, options: SynthOptions(calls: 10))) { error in
            guard case SynthError.cannotCreate(let p, _) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(p, path)
            XCTAssertTrue((error as? LocalizedError)?.errorDescription?.contains(path) == true)
        }
    }

    func testInvalidOptionsAreRejected() {
        XCTAssertThrowsError(try SynthGenerator.write(to: "/dev/null", options: SynthOptions(calls: -1)))
        XCTAssertThrowsError(try SynthGenerator.write(to: "/dev/null", options: SynthOptions(days: 0)))
    }
}
