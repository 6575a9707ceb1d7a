import XCTest

@testable import CostReplayKit

/// SPEC §3.6 openai-batch: Batch API output files (fixtures/formats/openai-batch, from OpenAI's
/// Batch API guide and batch output object reference).
final class OpenAIBatchDecoderTests: XCTestCase {
    func testFixtureCounts() throws {
        let result = try readFormatFixture("openai-batch/batch_output.jsonl")
        XCTAssertEqual(result.stats.format, .openaiBatch)
        XCTAssertEqual(result.stats.lines, 8)
        XCTAssertEqual(result.stats.nonCalls, [.batchErrors: 2], "an error without body; a 400 body without usage")
        // Embedding bodies carry no `created`: without a completion time they cannot be placed.
        XCTAssertEqual(result.malformedLines, [6: .missingTimestamp, 8: .missingUsage])
        XCTAssertEqual(result.ids, ["request-1:batch_req_001", "request-2:batch_req_002", "request-5:batch_req_005"])
    }

    func testCallsAreBatchTierAtCompletionTime() throws {
        let result = try readFormatFixture("openai-batch/batch_output.jsonl")
        let first = try result.record("request-1:batch_req_001")
        XCTAssertEqual(first.serviceTier, .batch)
        XCTAssertEqual(first.start, Timestamp(micros: 1_759_321_000_000_000))
        XCTAssertEqual(first.end, first.start)
        XCTAssertEqual(first.model, "gpt-4o-mini-2024-07-18")
        XCTAssertEqual(first.usage, Usage(input: 22, output: 2))
        XCTAssertEqual(first.status, 200)
        let cached = try result.record("request-2:batch_req_002")
        XCTAssertEqual(cached.usage, Usage(input: 1024, cacheRead: 1024, output: 100))
        XCTAssertEqual(cached.body?.toolCalls, [ToolCall(name: "lookup", canonicalInput: #"{"q":1}"#)])
        XCTAssertNil(cached.body?.requestKey, "the output file has no request bodies")
        XCTAssertEqual(cached.stopReason, "tool_calls")
        let responses = try result.record("request-5:batch_req_005")
        XCTAssertEqual(responses.bodyShape, .openaiResponses)
        XCTAssertEqual(responses.usage, Usage(input: 500, output: 400, reasoning: 320))
        XCTAssertEqual(responses.start, Timestamp(micros: 1_759_321_010_000_000), "Responses bodies: created_at")
    }

    func testErrorStatusWithUsageIsAFailedCall() throws {
        var decoder = OpenAIBatchDecoder()
        let output = try decodeLine(
            #"{"id":"b","custom_id":"c","response":{"status_code":500,"body":{"created":1759321000,"model":"gpt-4o","usage":{"prompt_tokens":5,"completion_tokens":0}}},"error":null}"#,
            with: &decoder)
        let call = try XCTUnwrap(output.records.first)
        XCTAssertFalse(call.succeeded)
        XCTAssertEqual(call.status, 500)
        XCTAssertEqual(call.usage, Usage(input: 5))
    }
}
