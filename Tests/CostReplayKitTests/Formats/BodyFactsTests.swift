import XCTest

@testable import CostReplayKit

/// SPEC §3.3: tool calls, tool errors, prompt units and request/retry keys derived from bodies.
final class BodyFactsTests: XCTestCase {
    private func facts(request: String? = nil, response: String, provider: String? = nil) throws -> BodyFacts {
        var members = [#""ts":"2026-10-01T12:00:00Z""#, #""model":"m""#, #""response":\#(response)"#]
        if let request { members.append(#""request":\#(request)"#) }
        if let provider { members.append(#""provider":"\#(provider)""#) }
        return try XCTUnwrap(try decodeEnvelope("{" + members.joined(separator: ",") + "}").body)
    }

    private let anthropicUsage = #""usage":{"input_tokens":1,"output_tokens":1}"#
    private let chatUsage = #""usage":{"prompt_tokens":1,"completion_tokens":1}"#

    /// Facts of an Anthropic request with an empty response.
    private func anthropicRequestFacts(_ request: String) throws -> BodyFacts {
        try facts(request: request, response: #"{"type":"message","content":[],\#(anthropicUsage)}"#)
    }

    // MARK: Tool calls

    func testAnthropicToolUseBlocks() throws {
        let response = #"""
            {"type":"message","content":[
              {"type":"text","text":"let me look"},
              {"type":"tool_use","id":"t1","name":"read_file","input":{"path":"a.txt","opts":[1,2.50,{"z":null,"a":true}]}},
              {"type":"server_tool_use","id":"s1","name":"web_search","input":{"q":"x"}},
              {"type":"thinking","thinking":"..."},
              {"type":"tool_use","id":"t2","name":"ls","input":{}}
            ],\#(anthropicUsage)}
            """#
        let calls = try facts(response: response).toolCalls
        XCTAssertEqual(
            calls,
            [
                ToolCall(name: "read_file", canonicalInput: #"{"opts":[1,2.5,{"a":true,"z":null}],"path":"a.txt"}"#),
                ToolCall(name: "ls", canonicalInput: "{}"),
            ])
        XCTAssertEqual(calls.first?.signature, "read_file\n" + #"{"opts":[1,2.5,{"a":true,"z":null}],"path":"a.txt"}"#)
    }

    func testOpenAIChatToolCallsParseTheirArguments() throws {
        let response = #"""
            {"choices":[{"message":{"role":"assistant","tool_calls":[
              {"id":"1","type":"function","function":{"name":"get","arguments":"{\"b\":1,\"a\":[true, 1.0]}"}},
              {"id":"2","type":"function","function":{"name":"bad","arguments":"{not json"}},
              {"id":"3","type":"function","function":{"name":"nul","arguments":null}},
              {"id":"4","type":"function","function":{"name":"str","arguments":"\"just text\""}},
              {"id":"5","type":"function","function":{"name":"esc","arguments":"{\"s\":\"\\u00e9\\n\"}"}}
            ]}},{"message":{"tool_calls":[{"function":{"name":"second-choice","arguments":"{}"}}]}}],\#(chatUsage)}
            """#
        XCTAssertEqual(
            try facts(response: response).toolCalls,
            [
                ToolCall(name: "get", canonicalInput: #"{"a":[true,1],"b":1}"#),
                ToolCall(name: "bad", canonicalInput: #""{not json""#),
                ToolCall(name: "nul", canonicalInput: "null"),
                ToolCall(name: "str", canonicalInput: #""just text""#),
                ToolCall(name: "esc", canonicalInput: "{\"s\":\"é\\n\"}"),
            ])
    }

    func testResponsesFunctionCalls() throws {
        let response = #"""
            {"object":"response","output":[
              {"type":"reasoning","summary":[]},
              {"type":"function_call","name":"f","arguments":"{\"x\":1e2,\"y\":\"\"}"},
              {"type":"message","content":[]},
              {"type":"function_call","name":"g","arguments":"oops"}
            ],"usage":{"input_tokens":1,"output_tokens":1}}
            """#
        XCTAssertEqual(
            try facts(response: response).toolCalls,
            [
                ToolCall(name: "f", canonicalInput: #"{"x":100,"y":""}"#),
                ToolCall(name: "g", canonicalInput: #""oops""#),
            ])
    }

    // MARK: Tool errors

    func testToolErrorsCountErrorResultsInTheLastMessage() throws {
        let request = #"""
            {"model":"m","messages":[
              {"role":"user","content":[{"type":"tool_result","tool_use_id":"0","is_error":true}]},
              {"role":"assistant","content":[{"type":"text","text":"retry"}]},
              {"role":"user","content":[
                {"type":"tool_result","tool_use_id":"1","is_error":true,"content":"boom"},
                {"type":"tool_result","tool_use_id":"2","is_error":false},
                {"type":"tool_result","tool_use_id":"3"},
                {"type":"tool_result","tool_use_id":"4","is_error":true},
                {"type":"tool_result","tool_use_id":"5","is_error":"true"},
                {"type":"text","text":"is_error"}
              ]}
            ]}
            """#
        XCTAssertEqual(try anthropicRequestFacts(request).toolErrors, 2)
        XCTAssertEqual(try anthropicRequestFacts(#"{"messages":[{"role":"user","content":"plain text"}]}"#).toolErrors, 0)
        XCTAssertEqual(try anthropicRequestFacts(#"{"messages":[]}"#).toolErrors, 0)
        // OpenAI bodies never count tool errors.
        let chatRequest = #"{"messages":[{"role":"user","content":[{"type":"tool_result","is_error":true}]}]}"#
        XCTAssertEqual(try facts(request: chatRequest, response: #"{"choices":[],\#(chatUsage)}"#).toolErrors, 0)
    }

    // MARK: Request facts and prompt units

    func testRequestFacts() throws {
        let request = #"""
            {"model":"m","system":[{"type":"text","text":"You are terse."},{"type":"text","text":"Be kind."}],
             "tools":[{"name":"a"},{"name":"b"},{"name":"c"}],"max_tokens":512,
             "messages":[{"role":"user","content":"one"},{"role":"assistant","content":"two"},{"role":"user","content":"three"}]}
            """#
        let body = try anthropicRequestFacts(request)
        XCTAssertEqual(body.toolsOffered, 3)
        XCTAssertEqual(body.maxTokens, 512)
        XCTAssertEqual(body.systemText, "You are terse.\nBe kind.")
        XCTAssertEqual(body.messageCount, 3)
        XCTAssertEqual(body.promptUnits.count, 4)
        XCTAssertNotNil(body.requestKey)
        XCTAssertNotNil(body.retryKey)

        let systemMessages = messages([message("system", "sys"), message("developer", "dev")])
        let chat = try facts(
            request: #"{"max_completion_tokens":64,"# + systemMessages + "}",
            response: #"{"choices":[],\#(chatUsage)}"#)
        XCTAssertEqual(chat.maxTokens, 64)
        XCTAssertEqual(chat.systemText, "sys\ndev")
        let responses = try facts(
            request: #"{"max_output_tokens":32,"instructions":"inst","input":"hello"}"#,
            response: #"{"object":"response","output":[],"usage":{"input_tokens":1}}"#)
        XCTAssertEqual(responses.maxTokens, 32)
        XCTAssertEqual(responses.systemText, "inst")
    }

    func testPromptUnitBytesAreTheirCanonicalLength() throws {
        let body = try anthropicRequestFacts(#"{"max_tokens":9,"model":"m","messages":[ {"role": "user", "content": "hi"} ]}"#)
        XCTAssertEqual(
            body.promptUnits.map(\.bytes), [#"{"model":"m"}"#.utf8.count, #"{"content":"hi","role":"user"}"#.utf8.count])
    }

    /// One message object.
    private func message(_ role: String, _ content: String) -> String { #"{"role":"\#(role)","content":"\#(content)"}"# }

    /// `"messages":[…]` of the given message objects.
    private func messages(_ objects: [String]) -> String { #""messages":["# + objects.joined(separator: ",") + "]" }

    func testRequestsSharingAPrefixShareItsHashes() throws {
        let head = #""model":"m","system":"s","tools":[{"name":"t"}]"#
        let first = message("user", "a")
        let firstReordered = #"{"content":"a","role":"user"}"#
        let second = message("assistant", "b")
        let one = try anthropicRequestFacts("{\(head),\"max_tokens\":100,\(messages([first, second, message("user", "c")]))}")
        let two = try anthropicRequestFacts(
            "{\(head),\"max_tokens\":100,\(messages([firstReordered, second, message("user", "DIFFERENT"), message("user", "d")]))}"
        )
        let hashesOne = one.promptUnits.map(\.prefixHash)
        let hashesTwo = two.promptUnits.map(\.prefixHash)
        XCTAssertEqual(hashesOne.count, 4)
        XCTAssertEqual(hashesTwo.count, 5)
        XCTAssertEqual(Array(hashesOne.prefix(3)), Array(hashesTwo.prefix(3)), "unit 0 and the first two messages are shared")
        XCTAssertNotEqual(hashesOne[3], hashesTwo[3])
        XCTAssertEqual(Set(hashesTwo).count, 5)

        // max_tokens is not part of unit 0; system is.
        let otherLimit = try anthropicRequestFacts("{\(head),\"max_tokens\":7,\(messages([first]))}")
        XCTAssertEqual(otherLimit.promptUnits.map(\.prefixHash), Array(hashesOne.prefix(2)))
        let otherSystem = try anthropicRequestFacts(
            #"{"model":"m","system":"S","tools":[{"name":"t"}],"# + messages([first]) + "}")
        XCTAssertNotEqual(otherSystem.promptUnits.first?.prefixHash, hashesOne.first)
        XCTAssertNotEqual(otherSystem.promptUnits.last?.prefixHash, hashesOne[1])
    }

    func testResponsesPromptUnits() throws {
        let response = #"{"object":"response","output":[],"usage":{"input_tokens":1}}"#
        let stringInput = try facts(request: #"{"model":"m","instructions":"i","input":"hello"}"#, response: response)
        XCTAssertEqual(stringInput.messageCount, 1)
        XCTAssertEqual(
            stringInput.promptUnits.map(\.bytes), [#"{"instructions":"i","model":"m"}"#.utf8.count, #""hello""#.utf8.count])
        let items = try facts(
            request: #"{"model":"m","input":[{"role":"user","content":"a"},{"role":"user","content":"b"}]}"#, response: response)
        XCTAssertEqual(items.messageCount, 2)
        XCTAssertEqual(items.promptUnits.count, 3)
    }

    func testRequestWithoutMessagesHasNoPromptUnits() throws {
        let body = try anthropicRequestFacts(#"{"model":"m","prompt":"legacy"}"#)
        XCTAssertEqual(body.promptUnits, [])
        XCTAssertEqual(body.messageCount, 0)
        XCTAssertNotNil(body.requestKey)
    }

    // MARK: Request and retry keys

    func testRequestKeyIgnoresTransportKeys() throws {
        let base = #""model":"m","max_tokens":100,"temperature":0.5,"messages":[{"role":"user","content":"hi"}]"#
        let reference = try anthropicRequestFacts("{\(base)}")
        let variants = [
            #"{\#(base),"stream":true}"#,
            #"{\#(base),"stream":false,"stream_options":{"include_usage":true}}"#,
            #"{\#(base),"metadata":{"user_id":"u1"}}"#,
            #"{\#(base),"user":"someone"}"#,
            #"{\#(base),"safety_identifier":"s","prompt_cache_key":"k","service_tier":"flex"}"#,
            #"{"messages":[{"content":"hi","role":"user"}],"temperature":0.50,"max_tokens":100,"model":"m"}"#,
        ]
        for variant in variants {
            let body = try anthropicRequestFacts(variant)
            XCTAssertEqual(body.requestKey, reference.requestKey, variant)
            XCTAssertEqual(body.retryKey, reference.retryKey, variant)
        }
    }

    func testRetryKeyAlsoIgnoresOutputLimitsAndTemperature() throws {
        let messages = #""messages":[{"role":"user","content":"hi"}]"#
        let reference = try anthropicRequestFacts(#"{"model":"m","max_tokens":100,"temperature":0.5,\#(messages)}"#)
        for variant in [
            #"{"model":"m","max_tokens":4096,"temperature":0.5,\#(messages)}"#,
            #"{"model":"m","max_tokens":100,"temperature":1,\#(messages)}"#,
            #"{"model":"m",\#(messages)}"#,
            #"{"model":"m","max_completion_tokens":10,"max_output_tokens":20,\#(messages)}"#,
        ] {
            let body = try anthropicRequestFacts(variant)
            XCTAssertNotEqual(body.requestKey, reference.requestKey, variant)
            XCTAssertEqual(body.retryKey, reference.retryKey, variant)
        }
    }

    func testKeysChangeWithTheRequestContent() throws {
        let reference = try anthropicRequestFacts(#"{"model":"m","messages":[{"role":"user","content":"hi"}]}"#)
        for variant in [
            #"{"model":"m","messages":[{"role":"user","content":"hi!"}]}"#,
            #"{"model":"m2","messages":[{"role":"user","content":"hi"}]}"#,
            #"{"model":"m","messages":[{"role":"user","content":"hi","user":"nested keys count"}]}"#,
            #"{"model":"m","top_p":0.9,"messages":[{"role":"user","content":"hi"}]}"#,
        ] {
            let body = try anthropicRequestFacts(variant)
            XCTAssertNotEqual(body.requestKey, reference.requestKey, variant)
            XCTAssertNotEqual(body.retryKey, reference.retryKey, variant)
        }
    }

    func testResponseWithoutRequestHasOnlyToolCalls() throws {
        let body = try facts(
            response: #"{"type":"message","content":[{"type":"tool_use","name":"x","input":{"a":1}}],\#(anthropicUsage)}"#)
        XCTAssertEqual(body.toolCalls.map(\.name), ["x"])
        XCTAssertNil(body.requestKey)
        XCTAssertNil(body.retryKey)
        XCTAssertEqual(body.promptUnits, [])
    }
}
