import XCTest

@testable import CostReplayKit

/// SPEC §4: usage buckets under each body shape's convention, and `bad-usage`.
final class UsageNormalizationTests: XCTestCase {
    private func line(response: String, extra: String = "") -> String {
        #"{"ts":"2026-10-01T12:00:00Z","model":"m",\#(extra)"response":\#(response)}"#
    }

    private func anthropic(_ usage: String) -> String {
        line(response: #"{"type":"message","content":[],"usage":\#(usage)}"#)
    }

    private func chat(_ usage: String) -> String {
        line(response: #"{"object":"chat.completion","choices":[],"usage":\#(usage)}"#)
    }

    private func responses(_ usage: String) -> String {
        line(response: #"{"object":"response","output":[],"usage":\#(usage)}"#)
    }

    func testAnthropicWithCacheCreationObject() throws {
        let record = try decodeEnvelope(
            anthropic(
                """
                {"input_tokens":12,"cache_creation_input_tokens":2100,
                 "cache_creation":{"ephemeral_5m_input_tokens":100,"ephemeral_1h_input_tokens":2000},
                 "cache_read_input_tokens":18000,"output_tokens":350}
                """))
        XCTAssertEqual(record.bodyShape, .anthropic)
        XCTAssertEqual(record.usage, Usage(input: 12, cacheWrite5m: 100, cacheWrite1h: 2000, cacheRead: 18_000, output: 350))
    }

    func testAnthropicWithoutCacheCreationObjectCountsAllWritesAsFiveMinutes() throws {
        let record = try decodeEnvelope(
            anthropic(
                #"{"input_tokens":12,"cache_creation_input_tokens":2100,"cache_read_input_tokens":18000,"output_tokens":350}"#))
        XCTAssertEqual(record.usage, Usage(input: 12, cacheWrite5m: 2100, cacheRead: 18_000, output: 350))
    }

    func testAnthropicMissingAndNullCountsAreZero() throws {
        let record = try decodeEnvelope(anthropic(#"{"input_tokens":5,"cache_read_input_tokens":null,"output_tokens":1}"#))
        XCTAssertEqual(record.usage, Usage(input: 5, output: 1))
    }

    func testOpenAIChatSubtractsCachedAndWrittenTokens() throws {
        let plain = try decodeEnvelope(
            chat(
                """
                {"prompt_tokens":5000,"completion_tokens":600,"prompt_tokens_details":{"cached_tokens":3968},
                 "completion_tokens_details":{"reasoning_tokens":256}}
                """))
        XCTAssertEqual(plain.bodyShape, .openaiChat)
        XCTAssertEqual(plain.usage, Usage(input: 1032, cacheRead: 3968, output: 600, reasoning: 256))

        let withWrites = try decodeEnvelope(
            chat(
                """
                {"prompt_tokens":5000,"completion_tokens":600,
                 "prompt_tokens_details":{"cached_tokens":3968,"cache_write_tokens":500}}
                """))
        XCTAssertEqual(withWrites.usage, Usage(input: 532, cacheWrite5m: 500, cacheRead: 3968, output: 600))

        let writesOnUsage = try decodeEnvelope(
            chat(
                #"{"prompt_tokens":5000,"completion_tokens":600,"cache_write_tokens":700,"prompt_tokens_details":{"cached_tokens":0}}"#
            ))
        XCTAssertEqual(writesOnUsage.usage, Usage(input: 4300, cacheWrite5m: 700, output: 600))

        let noDetails = try decodeEnvelope(
            chat(#"{"prompt_tokens":10,"completion_tokens":2,"completion_tokens_details":{"reasoning_tokens":null}}"#))
        XCTAssertEqual(noDetails.usage, Usage(input: 10, output: 2))
    }

    func testOpenAIResponses() throws {
        let record = try decodeEnvelope(
            responses(
                """
                {"input_tokens":5000,"input_tokens_details":{"cached_tokens":1000,"cache_write_tokens":500},
                 "output_tokens":300,"output_tokens_details":{"reasoning_tokens":100},"total_tokens":5300}
                """))
        XCTAssertEqual(record.bodyShape, .openaiResponses)
        XCTAssertEqual(record.usage, Usage(input: 3500, cacheWrite5m: 500, cacheRead: 1000, output: 300, reasoning: 100))
    }

    func testBodyShapeComesFromTheResponseThenProviderThenRequest() throws {
        // usage.prompt_tokens alone makes a Chat body.
        XCTAssertEqual(
            try decodeEnvelope(line(response: #"{"usage":{"prompt_tokens":10,"completion_tokens":1}}"#)).usage,
            Usage(input: 10, output: 1))
        // A failed call without a response: the provider, then the request, decide.
        let failed = #"{"ts":"2026-10-01T12:00:00Z","model":"m","status":500,"usage":{"input_tokens":7,"output_tokens":0},"#
        XCTAssertEqual(try decodeEnvelope(failed + #""provider":"bedrock"}"#).bodyShape, .anthropic)
        XCTAssertEqual(try decodeEnvelope(failed + #""request":{"input":"hi"}}"#).bodyShape, .openaiResponses)
        XCTAssertEqual(try decodeEnvelope(failed + #""request":{"system":"s","messages":[]}}"#).bodyShape, .anthropic)
        XCTAssertEqual(try decodeEnvelope(failed + #""request":{"messages":[]}}"#).bodyShape, .openaiChat)
    }

    func testNegativeUncachedInputIsBadUsage() {
        XCTAssertEqual(
            envelopeFailure(chat(#"{"prompt_tokens":100,"completion_tokens":1,"prompt_tokens_details":{"cached_tokens":200}}"#)),
            .badUsage)
        let overlapping =
            #"{"input_tokens":10,"output_tokens":1,"input_tokens_details":{"cached_tokens":6,"cache_write_tokens":5}}"#
        XCTAssertEqual(envelopeFailure(responses(overlapping)), .badUsage)
        // Exactly zero uncached input is fine.
        XCTAssertNil(
            envelopeFailure(chat(#"{"prompt_tokens":200,"completion_tokens":1,"prompt_tokens_details":{"cached_tokens":200}}"#)))
    }

    func testTokenCountsMustBeNonNegativeIntegers() {
        for bad in [#""12""#, "12.0", "-1", "1e3", "true", "[]", "{}", "1000000000001"] {
            XCTAssertEqual(envelopeFailure(anthropic(#"{"input_tokens":\#(bad),"output_tokens":1}"#)), .badUsage, "input \(bad)")
            XCTAssertEqual(envelopeFailure(anthropic(#"{"input_tokens":1,"output_tokens":\#(bad)}"#)), .badUsage, "output \(bad)")
            XCTAssertEqual(envelopeFailure(chat(#"{"prompt_tokens":\#(bad),"completion_tokens":1}"#)), .badUsage, "prompt \(bad)")
            XCTAssertEqual(
                envelopeFailure(anthropic(#"{"input_tokens":1,"cache_creation":{"ephemeral_1h_input_tokens":\#(bad)}}"#)),
                .badUsage, "1h \(bad)")
        }
        XCTAssertEqual(envelopeFailure(line(response: #"{"type":"message","usage":"lots"}"#)), .badUsage)
        XCTAssertNil(envelopeFailure(anthropic(#"{"input_tokens":1000000000,"output_tokens":0}"#)))
        XCTAssertEqual(envelopeFailure(anthropic(#"{"input_tokens":1000000001,"output_tokens":0}"#)), .badUsage)
    }

    func testOverTheBucketLimitSaysSo() {
        XCTAssertThrowsError(try decodeEnvelope(anthropic(#"{"input_tokens":1000000001,"output_tokens":0}"#))) { error in
            XCTAssertEqual(
                (error as? DecodeFailure)?.detail, "input_tokens is 1000000001, over the limit of 1,000,000,000 tokens per bucket"
            )
        }
        XCTAssertThrowsError(try decodeEnvelope(anthropic(#"{"input_tokens":-3,"output_tokens":0}"#))) { error in
            XCTAssertEqual((error as? DecodeFailure)?.detail, "input_tokens is -3, not a non-negative integer")
        }
    }
}
