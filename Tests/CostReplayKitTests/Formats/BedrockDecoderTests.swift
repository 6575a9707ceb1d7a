import XCTest

@testable import CostReplayKit

/// SPEC §3.6 bedrock: model invocation logs as delivered to S3 (fixtures/formats/bedrock, from the
/// Bedrock user guide's invocation-logging page and the runtime API reference).
final class BedrockDecoderTests: XCTestCase {
    static let fixture =
        "bedrock/AWSLogs/111122223333/BedrockModelInvocationLogs/us-east-1/2025/10/01/12/20251001T1200Z_invocations.json"

    func testFixtureCountsAndDuplicates() throws {
        let result = try readFormatFixture(Self.fixture)
        XCTAssertEqual(result.stats.format, .bedrock)
        XCTAssertEqual(result.stats.lines, 12)
        XCTAssertEqual(result.malformedLines, [11: .missingModel])
        XCTAssertEqual(result.stats.records, 11)
        XCTAssertEqual(result.ids.count, 10, "the repeated delivery of requestId …0001 counts once")
        XCTAssertTrue(result.ids.contains(formatFixture(Self.fixture) + ":12"), "no requestId → PATHKEY:LINE")
    }

    func testInvokeModelAnthropicBody() throws {
        let call = try readFormatFixture(Self.fixture).record("a1b2c3d4-0001")
        XCTAssertEqual(call.start, timestamp("2025-10-01T12:00:00Z"))
        XCTAssertEqual(call.end, call.start)
        XCTAssertEqual(
            call.model, "arn:aws:bedrock:us-east-1:111122223333:inference-profile/us.anthropic.claude-sonnet-4-5-20250929-v1:0")
        XCTAssertEqual(call.provider, "bedrock")
        XCTAssertEqual(call.user, "alice", "last segment of the assumed-role ARN")
        XCTAssertEqual(call.team, "reviews")
        XCTAssertEqual(call.session, "pr-4711")
        XCTAssertEqual(call.apiKey, "ci-bot")
        XCTAssertEqual(call.task, "code-review")
        XCTAssertEqual(call.tags, ["env": "prod"])
        XCTAssertEqual(call.serviceTier, .standard)
        XCTAssertEqual(call.status, 200)
        XCTAssertEqual(call.bodyShape, .anthropic)
        // The body's usage, 5m/1h split from cache_creation.
        XCTAssertEqual(call.usage, Usage(input: 12, cacheWrite5m: 500, cacheWrite1h: 1000, cacheRead: 3000, output: 60))
        XCTAssertEqual(call.stopReason, "tool_use")
        let body = try XCTUnwrap(call.body)
        XCTAssertEqual(body.toolCalls, [ToolCall(name: "read_file", canonicalInput: #"{"path":"src/a.py"}"#)])
        XCTAssertEqual(body.toolErrors, 1)
        XCTAssertEqual(body.toolsOffered, 1)
        XCTAssertEqual(body.maxTokens, 1024)
        XCTAssertEqual(body.messageCount, 3)
        XCTAssertNotNil(body.requestKey)
    }

    func testConverseBody() throws {
        let result = try readFormatFixture(Self.fixture)
        let call = try result.record("a1b2c3d4-0002")
        XCTAssertEqual(call.user, "carol")
        XCTAssertEqual(call.session, "shell-9", "requestMetadata.sessionId")
        XCTAssertEqual(call.team, "platform")
        XCTAssertEqual(call.usage, Usage(input: 40, cacheWrite5m: 500, cacheWrite1h: 2000, cacheRead: 0, output: 25))
        XCTAssertEqual(call.stopReason, "tool_use")
        let body = try XCTUnwrap(call.body)
        XCTAssertEqual(body.toolCalls, [ToolCall(name: "ls", canonicalInput: #"{"dir":"/tmp"}"#)])
        XCTAssertEqual(body.toolErrors, 1)
        XCTAssertEqual(body.toolsOffered, 2)
        XCTAssertEqual(body.maxTokens, 512)
        XCTAssertEqual(body.messageCount, 3)
        XCTAssertEqual(body.promptUnits.count, 4)
        let plain = try result.record("a1b2c3d4-0003")
        XCTAssertEqual(plain.usage, Usage(input: 8, cacheWrite5m: 1200, cacheRead: 100, output: 3), "empty cacheDetails")
        XCTAssertEqual(plain.stopReason, "end_turn")
        XCTAssertEqual(plain.user, "alice")
    }

    func testConverseUnitZeroAndKeys() throws {
        var decoder = BedrockDecoder()
        func facts(_ request: String) throws -> BodyFacts {
            let line =
                #"{"schemaType":"ModelInvocationLog","timestamp":"2025-10-01T12:00:00Z","requestId":"r","modelId":"m","input":{"inputBodyJson":\#(request)},"output":{"outputBodyJson":{"output":{"message":{"content":[]}},"stopReason":"end_turn","usage":{"inputTokens":1,"outputTokens":1}}}}"#
            return try XCTUnwrap(try decodeLine(line, with: &decoder).records.first?.body)
        }
        let base = try facts(
            #"{"system":[{"text":"s"}],"toolConfig":{"tools":[{"toolSpec":{"name":"t"}}]},"messages":[{"role":"user","content":[{"text":"a"}]}],"inferenceConfig":{"maxTokens":5,"temperature":0.1,"topP":0.9}}"#
        )
        // Unit 0 is {system, tools: toolConfig.tools}.
        let zero = try canonical(#"{"system":[{"text":"s"}],"tools":[{"toolSpec":{"name":"t"}}]}"#)
        XCTAssertEqual(base.promptUnits.first?.bytes, zero.utf8.count)
        let metadata = try facts(
            #"{"requestMetadata":{"a":"b"},"system":[{"text":"s"}],"toolConfig":{"tools":[{"toolSpec":{"name":"t"}}]},"messages":[{"role":"user","content":[{"text":"a"}]}],"inferenceConfig":{"maxTokens":5,"temperature":0.1,"topP":0.9}}"#
        )
        XCTAssertEqual(metadata.requestKey, base.requestKey, "requestMetadata is not part of the request key")
        XCTAssertEqual(metadata.promptUnits, base.promptUnits)
        let longer = try facts(
            #"{"system":[{"text":"s"}],"toolConfig":{"tools":[{"toolSpec":{"name":"t"}}]},"messages":[{"role":"user","content":[{"text":"a"}]}],"inferenceConfig":{"maxTokens":50,"temperature":0.7,"topP":0.9}}"#
        )
        XCTAssertNotEqual(longer.requestKey, base.requestKey)
        XCTAssertEqual(longer.retryKey, base.retryKey, "the retry key ignores maxTokens and temperature")
        let otherTopP = try facts(
            #"{"system":[{"text":"s"}],"toolConfig":{"tools":[{"toolSpec":{"name":"t"}}]},"messages":[{"role":"user","content":[{"text":"a"}]}],"inferenceConfig":{"maxTokens":5,"temperature":0.1,"topP":0.5}}"#
        )
        XCTAssertNotEqual(otherTopP.retryKey, base.retryKey)
    }

    func testBodilessAndStreamedRecordsUseTheCounts() throws {
        let result = try readFormatFixture(Self.fixture)
        let bodiless = try result.record("a1b2c3d4-0004")
        XCTAssertEqual(bodiless.usage, Usage(input: 90000, cacheRead: 10000, output: 700))
        XCTAssertNil(bodiless.body)
        let streamed = try result.record("a1b2c3d4-0008")
        XCTAssertEqual(streamed.usage, Usage(input: 15, output: 220))
        XCTAssertEqual(streamed.body?.toolCalls, [])
        XCTAssertNotNil(streamed.body?.requestKey, "the request body is still there")
        let chat = try result.record("a1b2c3d4-0009")
        XCTAssertEqual(chat.bodyShape, .openaiChat)
        XCTAssertEqual(chat.usage, Usage(input: 10, output: 2))
        XCTAssertEqual(chat.body?.maxTokens, 50)
        XCTAssertEqual(chat.stopReason, "stop")
    }

    func testErrorCodes() throws {
        let result = try readFormatFixture(Self.fixture)
        let throttled = try result.record("a1b2c3d4-0005")
        XCTAssertFalse(throttled.succeeded)
        XCTAssertEqual(throttled.status, 429)
        XCTAssertNil(throttled.usage)
        let timeout = try result.record("a1b2c3d4-0006")
        XCTAssertEqual(timeout.status, 408)
        XCTAssertEqual(timeout.usage, Usage(input: 5000))
        let unknown = try result.record("a1b2c3d4-0007")
        XCTAssertFalse(unknown.succeeded)
        XCTAssertNil(unknown.status)
        var decoder = BedrockDecoder()
        for (code, status) in [
            ("ServiceUnavailableException", 503), ("ResourceNotFound", 404), ("ValidationException", 400),
            ("AccessDeniedException", 403), ("InternalServerException", 500), ("ModelErrorException", 424),
        ] {
            let line =
                #"{"schemaType":"ModelInvocationLog","timestamp":"2025-10-01T12:00:00Z","requestId":"r","modelId":"m","errorCode":"\#(code)"}"#
            XCTAssertEqual(try decodeLine(line, with: &decoder).records.first?.status, status, code)
        }
    }

    func testModelIdsResolveToTheBook() throws {
        let book = try priceBook(
            """
            as_of = "2026-01-01"
            [[model]]
            id = "claude-sonnet-4-5"
            provider = "anthropic"
            aliases = ["claude-sonnet-4-5-20250929"]
            input = 3
            output = 15
            [[model]]
            id = "claude-sonnet-4-5-us"
            provider = "anthropic"
            aliases = ["us.anthropic.claude-sonnet-4-5-20250929-v1:0"]
            input = 3.3
            output = 16.5
            """)
        XCTAssertEqual(book.resolveID("anthropic.claude-sonnet-4-5-20250929-v1:0"), "claude-sonnet-4-5")
        XCTAssertEqual(book.resolveID("global.anthropic.claude-sonnet-4-5-20250929-v1:0"), "claude-sonnet-4-5")
        XCTAssertEqual(book.resolveID("us.anthropic.claude-sonnet-4-5-20250929-v1:0"), "claude-sonnet-4-5-us")
        XCTAssertEqual(
            book.resolveID(
                "arn:aws:bedrock:us-east-1:111122223333:inference-profile/us.anthropic.claude-sonnet-4-5-20250929-v1:0"),
            "claude-sonnet-4-5-us", "an inference-profile ARN keeps its regional price")
        XCTAssertEqual(
            book.resolveID("arn:aws:bedrock:eu-west-1::foundation-model/anthropic.claude-sonnet-4-5-20250929-v1:0"),
            "claude-sonnet-4-5")
    }
}

extension BedrockDecoderTests {
    func testCamelCaseUsageAloneMeansConverse() throws {
        var decoder = BedrockDecoder()
        let line =
            #"{"schemaType":"ModelInvocationLog","timestamp":"2025-10-01T12:00:00Z","requestId":"r","modelId":"m","output":{"outputBodyJson":{"usage":{"inputTokens":7,"outputTokens":3,"cacheReadInputTokens":2}}}}"#
        XCTAssertEqual(try decodeLine(line, with: &decoder).records.first?.usage, Usage(input: 7, cacheRead: 2, output: 3))
    }
}
