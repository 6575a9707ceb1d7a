import XCTest

@testable import CostReplayKit

/// SPEC §3.2: the envelope format's fields, aliases, fall-backs and malformed records.
final class EnvelopeDecoderTests: XCTestCase {
    private let ts = #""ts":"2026-10-01T12:00:00.123Z""#
    private let anthropicResponse =
        #""response":{"type":"message","model":"resp-model","content":[],"usage":{"input_tokens":1,"output_tokens":2}}"#

    func testFullRecord() throws {
        let record = try decodeEnvelope(
            #"""
            {"id":"c-000123","ts":"2026-10-01T12:00:00.123Z","latency_ms":2300,"user":"alice","team":"search",
             "api_key":"key_7","session":"run-7f3","task":"classification","complexity":2.9,"tags":{"env":"prod","n":1},
             "provider":"Anthropic","status":200,"service_tier":"standard","model":"top-model",
             "request":{"model":"req-model","max_tokens":1024,"messages":[{"role":"user","content":"hi"}]},
             "response":{"type":"message","model":"resp-model","content":[],"stop_reason":"End_Turn",
                         "usage":{"input_tokens":1,"output_tokens":2}},
             "error":null}
            """#, pathKey: "logs/a.jsonl", lineNumber: 7)
        XCTAssertEqual(record.id, "c-000123")
        XCTAssertEqual(record.start, timestamp("2026-10-01T12:00:00.123Z"))
        XCTAssertEqual(record.end, timestamp("2026-10-01T12:00:02.423Z"))
        XCTAssertEqual(record.origin, RecordOrigin(fileIndex: 0, line: 7))
        XCTAssertEqual(record.model, "top-model")
        XCTAssertEqual(record.provider, "anthropic")
        XCTAssertEqual(record.user, "alice")
        XCTAssertEqual(record.team, "search")
        XCTAssertEqual(record.apiKey, "key_7")
        XCTAssertEqual(record.session, "run-7f3")
        XCTAssertEqual(record.task, "classification")
        XCTAssertEqual(record.complexity, 2)
        XCTAssertEqual(record.tags, ["env": "prod"])
        XCTAssertEqual(record.status, 200)
        XCTAssertTrue(record.succeeded)
        XCTAssertEqual(record.serviceTier, .standard)
        XCTAssertEqual(record.stopReason, "end_turn")
        XCTAssertEqual(record.bodyShape, .anthropic)
        XCTAssertEqual(record.usage, Usage(input: 1, output: 2))
        XCTAssertEqual(record.body?.maxTokens, 1024)
    }

    func testModelFallsBackToResponseThenRequest() throws {
        XCTAssertEqual(try decodeEnvelope(#"{\#(ts),"request":{"model":"req"},\#(anthropicResponse)}"#).model, "resp-model")
        let noResponseModel = #""response":{"type":"message","content":[],"usage":{"input_tokens":1,"output_tokens":2}}"#
        XCTAssertEqual(try decodeEnvelope(#"{\#(ts),"request":{"model":"req"},\#(noResponseModel)}"#).model, "req")
        XCTAssertEqual(try decodeEnvelope(#"{\#(ts),"model":"","request":{"model":"req"},\#(noResponseModel)}"#).model, "req")
    }

    func testMissingModel() {
        let noModel = #""response":{"type":"message","content":[],"usage":{"input_tokens":1,"output_tokens":2}}"#
        XCTAssertEqual(envelopeFailure(#"{\#(ts),\#(noModel)}"#), .missingModel)
        XCTAssertEqual(envelopeFailure(#"{\#(ts),"model":null,"request":{"model":7},\#(noModel)}"#), .missingModel)
    }

    func testIdFallsBackToPathKeyAndLine() throws {
        let line = #"{\#(ts),\#(anthropicResponse)}"#
        XCTAssertEqual(try decodeEnvelope(line, pathKey: "logs/x.jsonl", lineNumber: 42).id, "logs/x.jsonl:42")
        XCTAssertEqual(try decodeEnvelope(#"{"id":"",\#(ts),\#(anthropicResponse)}"#, pathKey: "p", lineNumber: 3).id, "p:3")
        XCTAssertEqual(try decodeEnvelope(#"{"id":12345,\#(ts),\#(anthropicResponse)}"#).id, "12345")
    }

    func testTimestampAliases() throws {
        for key in ["ts", "timestamp", "time", "start_time", "startTime"] {
            let record = try decodeEnvelope(#"{"\#(key)":"2026-10-01 12:00:00+02:00",\#(anthropicResponse)}"#)
            XCTAssertEqual(record.start, timestamp("2026-10-01T10:00:00Z"), key)
        }
        // `ts` comes first when several are present.
        let both = try decodeEnvelope(#"{"timestamp":"2026-01-01T00:00:00Z","ts":"2026-10-01T12:00:00Z",\#(anthropicResponse)}"#)
        XCTAssertEqual(both.start, timestamp("2026-10-01T12:00:00Z"))
    }

    func testEpochTimestamps() throws {
        XCTAssertEqual(try decodeEnvelope(#"{"ts":1790856000.5,\#(anthropicResponse)}"#).start.micros, 1_790_856_000_500_000)
        XCTAssertEqual(try decodeEnvelope(#"{"ts":1790856000123,\#(anthropicResponse)}"#).start.micros, 1_790_856_000_123_000)
        XCTAssertEqual(
            try decodeEnvelope(#"{"ts":1.7908560001234567e12,\#(anthropicResponse)}"#).start.micros, 1_790_856_000_123_456)
    }

    func testBadTimestamps() {
        for value in [
            #""1790856000""#, #""2026-10-01""#, "true", "null", #""2026-10-01T12:00:00Zx""#, #""2026-02-30T00:00:00Z""#,
            "[]", #""yesterday""#,
        ] {
            XCTAssertEqual(envelopeFailure(#"{"ts":\#(value),\#(anthropicResponse)}"#), .badTimestamp, value)
        }
        XCTAssertEqual(envelopeFailure(#"{\#(anthropicResponse)}"#), .missingTimestamp)
    }

    func testLatencySetsTheEnd() throws {
        let cases: [(String, Int64)] = [
            ("2300", 2_300_000), ("2300.5", 2_300_500), ("0.0015", 1), ("0", 0), ("-5", 0), (#""100""#, 0),
        ]
        for (latency, micros) in cases {
            let record = try decodeEnvelope(#"{\#(ts),"latency_ms":\#(latency),\#(anthropicResponse)}"#)
            XCTAssertEqual(record.end.micros - record.start.micros, micros, latency)
        }
        let noLatency = try decodeEnvelope(#"{\#(ts),\#(anthropicResponse)}"#)
        XCTAssertEqual(noLatency.end, noLatency.start)
    }

    func testStatusAndOutcome() throws {
        XCTAssertEqual(try decodeEnvelope(#"{\#(ts),"status":"200",\#(anthropicResponse)}"#).status, 200)
        let throttled = try decodeEnvelope(#"{\#(ts),"status":"429",\#(anthropicResponse)}"#)
        XCTAssertEqual(throttled.status, 429)
        XCTAssertFalse(throttled.succeeded)
        let noStatus = try decodeEnvelope(#"{\#(ts),\#(anthropicResponse)}"#)
        XCTAssertEqual(noStatus.status, 200)
        XCTAssertTrue(noStatus.succeeded)
        let redirect = try decodeEnvelope(#"{\#(ts),"status":399,\#(anthropicResponse)}"#)
        XCTAssertTrue(redirect.succeeded)
        XCTAssertFalse(try decodeEnvelope(#"{\#(ts),"status":400,\#(anthropicResponse)}"#).succeeded)
    }

    func testSucceededCallWithoutUsageIsMissingUsage() {
        XCTAssertEqual(envelopeFailure(#"{\#(ts),"model":"m","response":{"type":"message","content":[]}}"#), .missingUsage)
        XCTAssertEqual(envelopeFailure(#"{\#(ts),"model":"m","response":{"type":"message","usage":null}}"#), .missingUsage)
    }

    func testFailedCallWithoutUsageHasNoUsage() throws {
        let errorBody = try decodeEnvelope(
            #"{\#(ts),"model":"m","status":500,"response":{"type":"error","error":{"message":"x"}}}"#)
        XCTAssertFalse(errorBody.succeeded)
        XCTAssertEqual(errorBody.status, 500)
        XCTAssertNil(errorBody.usage)

        let noResponse = try decodeEnvelope(#"{\#(ts),"model":"m","error":{"type":"overloaded_error"}}"#)
        XCTAssertFalse(noResponse.succeeded)
        XCTAssertNil(noResponse.status)
        XCTAssertNil(noResponse.usage)
    }

    func testFailedCallWithUsageKeepsIt() throws {
        let record = try decodeEnvelope(
            #"{\#(ts),"model":"m","status":503,"usage":{"input_tokens":40,"output_tokens":0},"provider":"anthropic"}"#)
        XCTAssertFalse(record.succeeded)
        XCTAssertEqual(record.usage, Usage(input: 40))
    }

    func testUsageFromTheResponseBeforeTheTopLevel() throws {
        let record = try decodeEnvelope(
            #"{\#(ts),"model":"m","usage":{"input_tokens":99,"output_tokens":99},\#(anthropicResponse)}"#)
        XCTAssertEqual(record.usage, Usage(input: 1, output: 2))
        let topLevel = try decodeEnvelope(
            #"{\#(ts),"model":"m","usage":{"input_tokens":99,"output_tokens":9},"response":{"type":"message","content":[]}}"#)
        XCTAssertEqual(topLevel.usage, Usage(input: 99, output: 9))
    }

    func testUserFallbacks() throws {
        let anthropicRequest = #""request":{"metadata":{"user_id":"meta-user"},"messages":[]}"#
        XCTAssertEqual(try decodeEnvelope(#"{\#(ts),\#(anthropicRequest),\#(anthropicResponse)}"#).user, "meta-user")
        XCTAssertEqual(try decodeEnvelope(#"{\#(ts),"user":"top",\#(anthropicRequest),\#(anthropicResponse)}"#).user, "top")
        XCTAssertEqual(
            try decodeEnvelope(#"{\#(ts),"user_id":"alias",\#(anthropicRequest),\#(anthropicResponse)}"#).user, "alias")

        let chatResponse = #""response":{"choices":[],"usage":{"prompt_tokens":1,"completion_tokens":1}}"#
        let both = #""request":{"model":"m","user":"req-user","safety_identifier":"safety","metadata":{"user_id":"ignored"}}"#
        XCTAssertEqual(try decodeEnvelope(#"{\#(ts),\#(both),\#(chatResponse)}"#).user, "req-user")
        let safetyOnly = #""request":{"model":"m","safety_identifier":"safety"}"#
        XCTAssertEqual(try decodeEnvelope(#"{\#(ts),\#(safetyOnly),\#(chatResponse)}"#).user, "safety")
        // The Anthropic fallback is not used for OpenAI bodies, nor OpenAI's for Anthropic bodies.
        XCTAssertNil(try decodeEnvelope(#"{\#(ts),"request":{"model":"m","metadata":{"user_id":"x"}},\#(chatResponse)}"#).user)
        XCTAssertNil(try decodeEnvelope(#"{\#(ts),"request":{"user":"x","messages":[]},\#(anthropicResponse)}"#).user)
    }

    func testSessionAndKeyAliases() throws {
        for key in ["session", "session_id", "trace_id", "conversation_id"] {
            XCTAssertEqual(try decodeEnvelope(#"{\#(ts),"\#(key)":"s1",\#(anthropicResponse)}"#).session, "s1", key)
        }
        XCTAssertEqual(try decodeEnvelope(#"{\#(ts),"session_id":"b","session":"a",\#(anthropicResponse)}"#).session, "a")
        XCTAssertEqual(try decodeEnvelope(#"{\#(ts),"api_key_id":"k",\#(anthropicResponse)}"#).apiKey, "k")
    }

    func testServiceTierPrecedence() throws {
        func tier(top: String?, usage: String?, response: String?, request: String?) throws -> ServiceTier {
            let field = { (value: String?) in value.map { #","service_tier":"\#($0)""# } ?? "" }
            let line =
                #"{\#(ts),"model":"m"\#(field(top)),"request":{"messages":[]\#(field(request))},"#
                + #""response":{"choices":[]\#(field(response)),"usage":{"prompt_tokens":1,"completion_tokens":1\#(field(usage))}}}"#
            return try decodeEnvelope(line).serviceTier
        }
        XCTAssertEqual(try tier(top: "batch", usage: "flex", response: "priority", request: "flex"), .batch)
        XCTAssertEqual(try tier(top: nil, usage: "flex", response: "priority", request: "batch"), .flex)
        XCTAssertEqual(try tier(top: nil, usage: nil, response: "priority", request: "batch"), .priority)
        XCTAssertEqual(try tier(top: nil, usage: nil, response: nil, request: "batch"), .batch)
        XCTAssertEqual(try tier(top: nil, usage: nil, response: nil, request: nil), .standard)
        XCTAssertEqual(try tier(top: "default", usage: "flex", response: nil, request: nil), .standard)
        XCTAssertEqual(try tier(top: "auto", usage: nil, response: nil, request: nil), .standard)
        XCTAssertEqual(try tier(top: "PRIORITY", usage: nil, response: nil, request: nil), .priority)
    }

    /// `response.usage.service_tier` is read only from the response's usage: a top-level usage
    /// object (used when the response has none) is not in the §3.2 chain.
    func testServiceTierIgnoresATopLevelUsageObject() throws {
        let line =
            #"{\#(ts),"model":"m","response":{"choices":[],"service_tier":"priority"},"#
            + #""usage":{"prompt_tokens":1,"completion_tokens":1,"service_tier":"flex"}}"#
        XCTAssertEqual(try decodeEnvelope(line).serviceTier, .priority)
    }

    func testStopReasons() throws {
        let chat = #"{\#(ts),"model":"m","response":{"choices":[{"finish_reason":"Length"}],"usage":{"prompt_tokens":1}}}"#
        XCTAssertEqual(try decodeEnvelope(chat).stopReason, "length")
        let incomplete =
            #"{\#(ts),"model":"m","response":{"object":"response","status":"incomplete","#
            + #""incomplete_details":{"reason":"max_output_tokens"},"output":[],"usage":{"input_tokens":1}}}"#
        XCTAssertEqual(try decodeEnvelope(incomplete).stopReason, "max_output_tokens")
        let completed =
            #"{\#(ts),"model":"m","response":{"object":"response","status":"completed","output":[],"usage":{"input_tokens":1}}}"#
        XCTAssertEqual(try decodeEnvelope(completed).stopReason, "completed")
    }

    func testComplexityAndTags() throws {
        XCTAssertEqual(try decodeEnvelope(#"{\#(ts),"complexity":-3.7,\#(anthropicResponse)}"#).complexity, -3)
        XCTAssertEqual(try decodeEnvelope(#"{\#(ts),"complexity":12,\#(anthropicResponse)}"#).complexity, 12)
        XCTAssertNil(try decodeEnvelope(#"{\#(ts),"complexity":"5",\#(anthropicResponse)}"#).complexity)
        XCTAssertEqual(
            try decodeEnvelope(#"{\#(ts),"tags":{"a":"1","b":true,"c":"x\ny"},\#(anthropicResponse)}"#).tags,
            ["a": "1", "c": "x\ny"])
    }
}
