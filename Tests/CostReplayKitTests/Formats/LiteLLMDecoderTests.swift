import XCTest

@testable import CostReplayKit

/// SPEC §3.6 litellm: StandardLoggingPayload lines (fixtures/formats/litellm, from LiteLLM's
/// "StandardLoggingPayload Specification").
final class LiteLLMDecoderTests: XCTestCase {
    func testFixtureCountsAndDetection() throws {
        let result = try readFormatFixture("litellm/standard-logging.jsonl")
        XCTAssertEqual(result.stats.format, .litellm)
        XCTAssertEqual(result.stats.lines, 12)
        XCTAssertEqual(result.stats.nonCalls, [.cacheHits: 1])
        XCTAssertEqual(result.malformedLines, [9: .missingModel, 12: .badUsage])
        XCTAssertEqual(result.stats.records, 9)
        // Line 10 repeats line 1's id: counted once.
        XCTAssertEqual(
            Set(result.ids),
            [
                "chatcmpl-001", "chatcmpl-002", "chatcmpl-003", "chatcmpl-005", "chatcmpl-006", "txt-007", "chatcmpl-008",
                "resp-011",
            ])
        XCTAssertEqual(result.ids.count, 8)
    }

    func testChatUsageObjectAndFieldMapping() throws {
        let call = try readFormatFixture("litellm/standard-logging.jsonl").record("chatcmpl-001")
        XCTAssertEqual(call.start, Timestamp(micros: 1_759_320_000_250_000))
        XCTAssertEqual(call.end, Timestamp(micros: 1_759_320_001_750_000))
        XCTAssertEqual(call.model, "gpt-4o")
        XCTAssertEqual(call.provider, "openai")
        // Cached tokens are inside prompt_tokens.
        XCTAssertEqual(call.usage, Usage(input: 176, cacheRead: 1024, output: 80))
        XCTAssertEqual(call.user, "u-alice")
        XCTAssertEqual(call.team, "team-search")
        XCTAssertEqual(call.apiKey, "search-prod")
        XCTAssertEqual(call.session, "sess-1")
        XCTAssertEqual(call.status, 200)
        XCTAssertTrue(call.succeeded)
        XCTAssertEqual(call.stopReason, "tool_calls")
        XCTAssertEqual(call.bodyShape, .openaiChat)
        let body = try XCTUnwrap(call.body)
        XCTAssertEqual(body.toolCalls, [ToolCall(name: "get_weather", canonicalInput: #"{"city":"Paris"}"#)])
        XCTAssertEqual(body.toolsOffered, 1)
        XCTAssertEqual(body.maxTokens, 256)
        XCTAssertEqual(body.messageCount, 2)
        XCTAssertNotNil(body.requestKey)
        XCTAssertNotNil(body.retryKey)
    }

    func testRequestFromModelParametersMatchesAnEnvelopeRequest() throws {
        // The rebuilt request is model_parameters + model + messages, keyed like the same Chat request.
        let line = try String(contentsOfFile: formatFixture("litellm/standard-logging.jsonl"), encoding: .utf8)
            .split(separator: "\n")[0]
        var decoder = LiteLLMDecoder()
        let facts = try XCTUnwrap(try decodeLine(String(line), with: &decoder).records.first?.body)
        let request = #"""
            {"temperature":0.2,"max_tokens":256,"tools":[{"type":"function","function":{"name":"get_weather","parameters":{"type":"object"}}}],
             "model":"gpt-4o","messages":[{"role":"system","content":"You are terse."},{"role":"user","content":"weather in Paris?"}]}
            """#
        let envelope = try decodeEnvelope(
            #"{"ts":1,"model":"gpt-4o","request":\#(request),"response":{"choices":[],"usage":{"prompt_tokens":1,"completion_tokens":1}}}"#
        )
        XCTAssertEqual(facts.requestKey, envelope.body?.requestKey)
        XCTAssertEqual(facts.retryKey, envelope.body?.retryKey)
        XCTAssertEqual(facts.promptUnits, envelope.body?.promptUnits)
    }

    func testAnthropicCacheCountsOutsideAndInside() throws {
        let result = try readFormatFixture("litellm/standard-logging.jsonl")
        let second = try result.record("chatcmpl-002")
        // prompt_tokens 3000 includes 500 written + 2000 read; cached_tokens null → cache_read_input_tokens.
        XCTAssertEqual(second.usage, Usage(input: 500, cacheWrite5m: 500, cacheRead: 2000, output: 200))
        XCTAssertEqual(second.user, "bob")
        XCTAssertEqual(second.model, "anthropic/claude-sonnet-4-5")
        XCTAssertEqual(second.start, timestamp("2025-10-01T12:00:05Z"))
        XCTAssertEqual(second.end, timestamp("2025-10-01T12:00:09.5Z"))
        let third = try result.record("chatcmpl-003")
        // cache_creation splits the writes; usage from metadata.usage_object.
        XCTAssertEqual(third.usage, Usage(input: 1000, cacheWrite5m: 1000, cacheWrite1h: 2000, cacheRead: 1000, output: 100))
    }

    func testFailures() throws {
        let result = try readFormatFixture("litellm/standard-logging.jsonl")
        let throttled = try result.record("chatcmpl-005")
        XCTAssertFalse(throttled.succeeded)
        XCTAssertEqual(throttled.status, 429)
        XCTAssertNil(throttled.usage, "a failure whose counts are all 0 has no usage")
        let timedOut = try result.record("chatcmpl-006")
        XCTAssertFalse(timedOut.succeeded)
        XCTAssertNil(timedOut.status)
        XCTAssertEqual(timedOut.usage, Usage(input: 700))
        XCTAssertEqual(timedOut.end, timedOut.start, "an end before the start is the start")
    }

    func testTopLevelCountsResponsesUsageAndWrapper() throws {
        let result = try readFormatFixture("litellm/standard-logging.jsonl")
        let text = try result.record("txt-007")
        XCTAssertEqual(text.usage, Usage(input: 40, output: 10))
        XCTAssertNil(text.body, "messages that are not a list give no request")
        let responses = try result.record("resp-011")
        XCTAssertEqual(responses.usage, Usage(input: 800, cacheRead: 100, output: 300, reasoning: 250))
        let wrapped = try result.record("chatcmpl-008")
        XCTAssertEqual(wrapped.usage, Usage(input: 100, output: 5))
        XCTAssertNil(wrapped.session, "trace_id is not a session")
    }

    func testServiceTierSources() throws {
        var decoder = LiteLLMDecoder()
        let base = #""id":"x","startTime":1,"model":"gpt-4o","prompt_tokens":1,"completion_tokens":1"#
        var output = try decodeLine(#"{\#(base),"model_parameters":{"service_tier":"flex"}}"#, with: &decoder)
        XCTAssertEqual(output.records.first?.serviceTier, .flex)
        output = try decodeLine(
            #"{\#(base),"model_parameters":{"service_tier":"flex"},"response":{"service_tier":"priority","choices":[]}}"#,
            with: &decoder)
        XCTAssertEqual(output.records.first?.serviceTier, .priority)
    }
}
