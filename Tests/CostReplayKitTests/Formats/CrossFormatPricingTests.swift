import Foundation
import XCTest

@testable import CostReplayKit

/// The same conversation logged in different formats prices identically (issue 5): each format's
/// usage convention (cache tokens inside or outside the input count) normalizes to the same buckets.
final class CrossFormatPricingTests: XCTestCase {
    /// (uncached input, cache write 5m, cache read, output) of three Anthropic calls.
    static let anthropicCalls: [(Int, Int, Int, Int)] = [(10, 1000, 0, 50), (20, 400, 1000, 80), (5, 0, 1400, 200)]
    static let starts = ["2025-10-01T12:00:00Z", "2025-10-01T12:00:30Z", "2025-10-01T12:01:10Z"]
    static let epochs = [1_759_320_000, 1_759_320_030, 1_759_320_070]

    func envelope() -> [String] {
        Self.anthropicCalls.enumerated().map { i, c in
            #"{"id":"e\#(i)","ts":"\#(Self.starts[i])","provider":"anthropic","model":"claude-sonnet-4-5-20250929","response":{"type":"message","content":[],"usage":{"input_tokens":\#(c.0),"cache_creation_input_tokens":\#(c.1),"cache_read_input_tokens":\#(c.2),"output_tokens":\#(c.3)}}}"#
        }
    }

    func bedrockInvoke() -> [String] {
        Self.anthropicCalls.enumerated().map { i, c in
            #"{"schemaType":"ModelInvocationLog","timestamp":"\#(Self.starts[i])","requestId":"b\#(i)","operation":"InvokeModel","modelId":"us.anthropic.claude-sonnet-4-5-20250929-v1:0","input":{"inputBodyJson":{"anthropic_version":"bedrock-2023-05-31","max_tokens":100,"messages":[]}},"output":{"outputBodyJson":{"type":"message","content":[],"usage":{"input_tokens":\#(c.0),"cache_creation":{"ephemeral_5m_input_tokens":\#(c.1),"ephemeral_1h_input_tokens":0},"cache_creation_input_tokens":\#(c.1),"cache_read_input_tokens":\#(c.2),"output_tokens":\#(c.3)}}}}"#
        }
    }

    func bedrockConverse() -> [String] {
        Self.anthropicCalls.enumerated().map { i, c in
            #"{"schemaType":"ModelInvocationLog","timestamp":"\#(Self.starts[i])","requestId":"v\#(i)","operation":"Converse","modelId":"arn:aws:bedrock:us-east-1:1:inference-profile/global.anthropic.claude-sonnet-4-5-20250929-v1:0","input":{"inputBodyJson":{"messages":[]}},"output":{"outputBodyJson":{"output":{"message":{"content":[]}},"stopReason":"end_turn","usage":{"inputTokens":\#(c.0),"outputTokens":\#(c.3),"cacheReadInputTokens":\#(c.2),"cacheWriteInputTokens":\#(c.1)}}}}"#
        }
    }

    func bedrockBodiless() -> [String] {
        Self.anthropicCalls.enumerated().map { i, c in
            #"{"schemaType":"ModelInvocationLog","timestamp":"\#(Self.starts[i])","requestId":"n\#(i)","modelId":"anthropic.claude-sonnet-4-5-20250929-v1:0","input":{"inputBodyS3Path":"s3://x","inputTokenCount":\#(c.0),"cacheReadInputTokenCount":\#(c.2),"cacheWriteInputTokenCount":\#(c.1)},"output":{"outputBodyS3Path":"s3://y","outputTokenCount":\#(c.3)}}"#
        }
    }

    func litellm() -> [String] {
        Self.anthropicCalls.enumerated().map { i, c in
            let prompt = c.0 + c.1 + c.2
            return
                #"{"id":"l\#(i)","call_type":"acompletion","response_cost":0.1,"status":"success","startTime":\#(Self.epochs[i]),"endTime":\#(Self.epochs[i] + 2),"model":"claude-sonnet-4-5","custom_llm_provider":"anthropic","prompt_tokens":\#(prompt),"completion_tokens":\#(c.3),"hidden_params":{"usage_object":{"prompt_tokens":\#(prompt),"completion_tokens":\#(c.3),"cache_creation_input_tokens":\#(c.1),"cache_read_input_tokens":\#(c.2)}},"metadata":{}}"#
        }
    }

    func otel() -> [String] {
        let spans = Self.anthropicCalls.enumerated().map { i, c in
            let input = c.0 + c.1 + c.2
            let attributes = [
                ("gen_ai.operation.name", #"{"stringValue":"chat"}"#),
                ("gen_ai.request.model", #"{"stringValue":"claude-sonnet-4-5"}"#),
                ("gen_ai.usage.input_tokens", #"{"intValue":"\#(input)"}"#),
                ("gen_ai.usage.cache_creation.input_tokens", #"{"intValue":"\#(c.1)"}"#),
                ("gen_ai.usage.cache_read.input_tokens", #"{"intValue":\#(c.2)}"#),
                ("gen_ai.usage.output_tokens", #"{"intValue":"\#(c.3)"}"#),
            ].map { #"{"key":"\#($0.0)","value":\#($0.1)}"# }.joined(separator: ",")
            return
                #"{"traceId":"t","spanId":"s\#(i)","startTimeUnixNano":"\#(Self.epochs[i])000000000","attributes":[\#(attributes)]}"#
        }
        // All three spans in one export line.
        return [
            #"{"resourceSpans":[{"resource":{"attributes":[]},"scopeSpans":[{"spans":[\#(spans.joined(separator: ","))]}]}]}"#
        ]
    }

    func claudeCode() -> [String] {
        Self.anthropicCalls.enumerated().flatMap { i, c in
            // A placeholder entry, then the final one.
            [1, c.3].map { output in
                #"{"type":"assistant","sessionId":"s","cwd":"/w/p","timestamp":"\#(Self.starts[i])","requestId":"r\#(i)","message":{"id":"m\#(i)","model":"claude-sonnet-4-5-20250929","content":[],"usage":{"input_tokens":\#(c.0),"cache_creation_input_tokens":\#(c.1),"cache_read_input_tokens":\#(c.2),"output_tokens":\#(output)}}}"#
            }
        }
    }

    /// Exact costs of the calls of `lines` under the embedded price book, in replay order.
    func costs(_ lines: [String], expecting format: LogFormat) throws -> [Money?] {
        let directory = try makeTemporaryDirectory()
        let path = try directory.write("log.jsonl", lines.joined(separator: "\n") + "\n")
        let (calls, summary) = try replay(
            [InputFile(pathKey: path, path: path)], options: AnalysisOptions(priceBook: PriceBookLoader.embedded()))
        XCTAssertEqual(summary.files.first?.format, format)
        XCTAssertEqual(summary.malformedTotal, 0, "\(format)")
        return calls.map(\.cost)
    }

    func testAnthropicConversationPricesIdenticallyInEveryFormat() throws {
        let expected = try costs(envelope(), expecting: .envelope)
        XCTAssertEqual(expected.count, 3)
        XCTAssertTrue(expected.allSatisfy { $0 != nil && $0! > .zero })
        XCTAssertEqual(try costs(bedrockInvoke(), expecting: .bedrock), expected, "bedrock InvokeModel")
        XCTAssertEqual(try costs(bedrockConverse(), expecting: .bedrock), expected, "bedrock Converse")
        XCTAssertEqual(try costs(bedrockBodiless(), expecting: .bedrock), expected, "bedrock without bodies")
        XCTAssertEqual(try costs(litellm(), expecting: .litellm), expected, "litellm")
        XCTAssertEqual(try costs(otel(), expecting: .otel), expected, "otel")
        XCTAssertEqual(try costs(claudeCode(), expecting: .claudeCode), expected, "claude-code")
    }

    func testOpenAIBatchPricesLikeABatchTierEnvelope() throws {
        let usage = #"{"prompt_tokens":2048,"completion_tokens":100,"prompt_tokens_details":{"cached_tokens":1024}}"#
        let envelope =
            #"{"id":"x","ts":1759320000,"service_tier":"batch","model":"gpt-4o-2024-08-06","response":{"choices":[],"usage":\#(usage)}}"#
        let batch =
            #"{"id":"batch_req_1","custom_id":"x","response":{"status_code":200,"body":{"created":1759320000,"model":"gpt-4o-2024-08-06","choices":[],"usage":\#(usage)}},"error":null}"#
        let litellm =
            #"{"id":"l","call_type":"acompletion","response_cost":0,"startTime":1759320000,"model":"gpt-4o-2024-08-06","model_parameters":{"service_tier":"batch"},"hidden_params":{"usage_object":\#(usage)}}"#
        let expected = try costs([envelope], expecting: .envelope)
        XCTAssertNotNil(expected.first ?? nil)
        XCTAssertEqual(try costs([batch], expecting: .openaiBatch), expected)
        XCTAssertEqual(try costs([litellm], expecting: .litellm), expected)
    }
}
