import XCTest

@testable import CostReplayKit

/// Prompt hashes and request keys are only derived when a policy reads them; skipping them must
/// not change any output of a run whose policies do not.
final class PromptKeysTests: XCTestCase {
    func testSkippingPromptKeysChangesNoOutputWhenNoPolicyReadsThem() throws {
        let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent(
                "fixtures/logs/gateway-2026-10.jsonl.gz"
            ).path
        let policy = """
            [loop]
            [[route]]
            name = "route"
            [[route.rule]]
            task = "classification"
            model = "claude-haiku-4-5"
            [[budget]]
            name = "daily"
            scope = "user"
            period = "day"
            max_cost_usd = 20
            """
        let set = try policySet(policy)
        XCTAssertNil(set.retry)
        XCTAssertNil(set.responseCache)
        XCTAssertNil(set.prefixCache)
        let inputs = try InputDiscovery.discover([fixture])
        let root = try policyTemporaryDirectory()
        let skipped = try policyRun(
            inputs: inputs, policies: set, prices: PriceBookLoader.embedded(), outputDirectory: root + "/skipped")
        XCTAssertEqual(skipped.result.inputs.calls, 1500)
        // The same run with the keys forced on (as if a policy needed them).
        let keyed = try policyRun(
            inputs: inputs, policies: set, prices: PriceBookLoader.embedded(), outputDirectory: root + "/keyed"
        ) { $0.forcePromptKeys = true }
        for name in ["calls.csv", "summary.json", "incidents.csv", "savings.csv", "sessions.csv", "report.md"] {
            XCTAssertEqual(
                try skipped.file(name), try keyed.file(name).replacingOccurrences(of: "/keyed", with: "/skipped"), name)
        }
    }

    func testMessageCountIsKeptWithoutKeys() throws {
        let line =
            #"{"id":"m1","ts":"2026-10-01T00:00:00Z","request":{"model":"m","system":"s","messages":[{"role":"user","content":"a"},{"role":"assistant","content":"b"},{"role":"user","content":"c"}]}}"#
        try withTape(line) { tape in
            let request = tape.value(tape.root, "request")
            XCTAssertNotNil(request)
            let facts = BodyFactsReader.read(
                tape, request: request, response: nil, shape: .anthropic, keepSystemText: false, promptKeys: false)
            let full = BodyFactsReader.read(tape, request: request, response: nil, shape: .anthropic, keepSystemText: false)
            XCTAssertEqual(facts.messageCount, 3)
            XCTAssertEqual(facts.messageCount, full.messageCount)
            XCTAssertNil(facts.requestKey)
            XCTAssertTrue(facts.promptUnits.isEmpty)
        }
    }
}
