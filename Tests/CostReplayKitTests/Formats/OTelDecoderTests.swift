import XCTest

@testable import CostReplayKit

/// SPEC §3.6 otel: OTLP/JSON exports, one per line (fixtures/formats/otel, from the OpenTelemetry
/// GenAI semantic conventions and the OTLP/JSON encoding rules).
final class OTelDecoderTests: XCTestCase {
    static let trace1 = "5b8efff798038103d269b633813fc60c"
    static let trace3 = "4bf92f3577b34da6a3ce929d0e0e4736"

    func testFixtureCounts() throws {
        let result = try readFormatFixture("otel/traces.jsonl")
        XCTAssertEqual(result.stats.format, .otel)
        XCTAssertEqual(result.stats.lines, 7)
        // Line 3: missing usage on a success, a count as stringValue, a span without spanId; line 4.
        XCTAssertEqual(result.stats.malformed, [.missingUsage: 1, .badUsage: 1, .missingID: 1, .notAnExport: 1])
        XCTAssertEqual(result.stats.records, 8, "2 + 1 + 2 + 0 + 2 (the re-export) + 0 + 1")
        XCTAssertEqual(
            result.ids,
            [
                "\(Self.trace1):b000000000000002", "\(Self.trace1):b000000000000006",
                "0af7651916cd43dd8448eb211c80319c:d000000000000001", "\(Self.trace3):e000000000000001",
                "\(Self.trace3):e000000000000005", "\(Self.trace3):f000000000000001",
            ], "agent, tool and plain spans are not calls; the re-exported line counts once")
    }

    func testChatSpanMapping() throws {
        let call = try readFormatFixture("otel/traces.jsonl").record("\(Self.trace1):b000000000000002")
        // Nanoseconds as decimal strings, floored to the microsecond.
        XCTAssertEqual(call.start, Timestamp(micros: 1_759_320_001_000_123))
        XCTAssertEqual(call.end, Timestamp(micros: 1_759_320_003_000_999))
        XCTAssertEqual(call.model, "gpt-4o-2024-08-06", "response model before request model")
        XCTAssertEqual(call.provider, "openai")
        XCTAssertEqual(call.session, "conv-1")
        XCTAssertEqual(call.user, "u-res", "from the resource when the span has none")
        XCTAssertEqual(call.serviceTier, .standard)
        XCTAssertEqual(call.stopReason, "tool_calls")
        XCTAssertEqual(call.status, 200)
        XCTAssertTrue(call.succeeded)
        // OpenTelemetry convention: cached tokens are inside gen_ai.usage.input_tokens.
        XCTAssertEqual(call.usage, Usage(input: 476, cacheRead: 1024, output: 120))
        XCTAssertEqual(call.body?.maxTokens, 800)
        XCTAssertEqual(
            call.body?.toolCalls,
            [
                ToolCall(name: "get_time", canonicalInput: #"{"tz":"CET"}"#),
                ToolCall(name: "get_weather", canonicalInput: #"{"city":"Paris"}"#),
            ], "execute_tool children in start order; another parent's tool is not this call's")
        XCTAssertNil(call.body?.requestKey)
        XCTAssertEqual(call.origin.position, 1)
    }

    func testSecondSpanAndLegacyExport() throws {
        let result = try readFormatFixture("otel/traces.jsonl")
        let claude = try result.record("\(Self.trace1):b000000000000006")
        XCTAssertEqual(claude.provider, "anthropic", "gen_ai.system, lower-cased")
        XCTAssertEqual(claude.model, "claude-sonnet-4-5")
        XCTAssertEqual(claude.session, Self.trace1, "no conversation id: the trace id")
        XCTAssertEqual(claude.usage, Usage(input: 500, cacheWrite5m: 1500, cacheRead: 3000, output: 200), "integer intValues")
        XCTAssertEqual(claude.stopReason, "end_turn")
        XCTAssertEqual(claude.body?.toolCalls, [])
        let legacy = try result.record("0af7651916cd43dd8448eb211c80319c:d000000000000001")
        XCTAssertEqual(legacy.user, "dave")
        XCTAssertEqual(legacy.usage, Usage(input: 30, output: 7), "no operation name, but gen_ai.usage.*")
    }

    func testFailuresAndErrors() throws {
        let result = try readFormatFixture("otel/traces.jsonl")
        let throttled = try result.record("\(Self.trace3):e000000000000001")
        XCTAssertFalse(throttled.succeeded)
        XCTAssertEqual(throttled.status, 429)
        XCTAssertNil(throttled.usage)
        let named = try result.record("\(Self.trace3):f000000000000001")
        XCTAssertFalse(named.succeeded, "status code by name")
        XCTAssertNil(named.status)
        XCTAssertEqual(named.usage, Usage(input: 10))
        XCTAssertEqual(named.end, named.start, "endTimeUnixNano 0 → start")
        XCTAssertEqual(result.malformedLines[4], .notAnExport)
        XCTAssertEqual(Set(result.malformed.filter { $0.line == 3 }.map(\.reason)), [.missingUsage, .badUsage, .missingID])
    }
}
