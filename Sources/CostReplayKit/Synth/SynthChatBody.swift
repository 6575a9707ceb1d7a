/// OpenAI Chat Completions bodies.
enum SynthChatBody {
    static func systemMessage(_ text: [UInt8]) -> [UInt8] {
        message(role: "system", text)
    }

    static func userMessage(_ text: [UInt8]) -> [UInt8] {
        message(role: "user", text)
    }

    static func assistantMessage(_ turn: SynthAssistantTurn) -> [UInt8] {
        var w = SynthJSONWriter(capacity: turn.visibleBytes + 256)
        writeMessage(&w, turn, inResponse: false)
        return w.bytes
    }

    static func toolMessage(_ r: SynthToolResult) -> [UInt8] {
        var w = SynthJSONWriter(capacity: r.content.count + 96)
        w.objectStart()
        w.key("role"); w.string("tool")
        w.key("tool_call_id"); w.string(r.callID)
        w.key("content"); w.string(bytes: r.content)
        w.objectEnd()
        return w.bytes
    }

    private static func message(role: StaticString, _ text: [UInt8]) -> [UInt8] {
        var w = SynthJSONWriter(capacity: text.count + 64)
        w.objectStart()
        w.key("role"); w.string(role)
        w.key("content"); w.string(bytes: text)
        w.objectEnd()
        return w.bytes
    }

    static func writeRequest(into w: inout SynthJSONWriter, _ c: SynthConversation, _ s: SynthRequestSettings) {
        w.objectStart()
        w.key("model"); w.string(s.model.name)
        w.key("messages"); w.arrayStart()
        c.writeMessages(into: &w)
        w.arrayEnd()
        if let tools = c.tools {
            w.key("tools"); w.raw(tools)
            w.key("tool_choice"); w.string("auto")
        }
        if s.useMaxCompletionTokens { w.key("max_completion_tokens") } else { w.key("max_tokens") }
        w.int(s.maxTokens)
        if let t = s.temperatureMilli { w.key("temperature"); w.decimal(thousandths: t) }
        if let effort = s.reasoningEffort { w.key("reasoning_effort"); w.string(effort) }
        if let user = s.endUser { w.key("user"); w.string(user) }
        if let tier = s.serviceTier { w.key("service_tier"); w.string(tier) }
        if s.stream {
            w.key("stream"); w.bool(true)
            w.key("stream_options"); w.objectStart()
            w.key("include_usage"); w.bool(true)
            w.objectEnd()
        }
        w.objectEnd()
    }

    static func writeResponse(into w: inout SynthJSONWriter, model: SynthModel, turn: SynthAssistantTurn, info: SynthResponseInfo)
    {
        w.objectStart()
        w.key("id"); w.string(info.id)
        w.key("object"); w.string("chat.completion")
        w.key("created"); w.int(info.createdSeconds)
        w.key("model"); w.string(model.reportedName)
        w.key("choices"); w.arrayStart()
        w.objectStart()
        w.key("index"); w.int(0)
        w.key("message"); writeMessage(&w, turn, inResponse: true)
        w.key("logprobs"); w.null()
        w.key("finish_reason")
        switch info.stop {
        case .endTurn: w.string("stop")
        case .toolUse: w.string("tool_calls")
        case .maxTokens: w.string("length")
        }
        w.objectEnd()
        w.arrayEnd()
        let u = info.usage
        w.key("usage"); w.objectStart()
        w.key("prompt_tokens"); w.int(u.totalInput)
        w.key("completion_tokens"); w.int(u.output)
        w.key("total_tokens"); w.int(u.totalInput + u.output)
        w.key("prompt_tokens_details"); w.objectStart()
        w.key("cached_tokens"); w.int(u.cacheRead)
        w.key("audio_tokens"); w.int(0)
        w.objectEnd()
        w.key("completion_tokens_details"); w.objectStart()
        w.key("reasoning_tokens"); w.int(u.reasoning)
        w.key("audio_tokens"); w.int(0)
        w.key("accepted_prediction_tokens"); w.int(0)
        w.key("rejected_prediction_tokens"); w.int(0)
        w.objectEnd()
        w.objectEnd()
        w.key("service_tier"); w.string(info.serviceTier)
        w.key("system_fingerprint"); w.string(fingerprint(model))
        w.objectEnd()
    }

    private static func writeMessage(_ w: inout SynthJSONWriter, _ turn: SynthAssistantTurn, inResponse: Bool) {
        w.objectStart()
        w.key("role"); w.string("assistant")
        w.key("content")
        if turn.text.isEmpty { w.null() } else { w.string(bytes: turn.text) }
        if !turn.toolCalls.isEmpty {
            w.key("tool_calls"); w.arrayStart()
            for call in turn.toolCalls {
                w.objectStart()
                w.key("id"); w.string(call.id)
                w.key("type"); w.string("function")
                w.key("function"); w.objectStart()
                w.key("name"); w.string(call.name)
                // `arguments` is the JSON object as a string, as OpenAI sends it.
                w.key("arguments"); w.string(bytes: call.input)
                w.objectEnd()
                w.objectEnd()
            }
            w.arrayEnd()
        }
        if inResponse {
            w.key("refusal"); w.null()
            w.key("annotations"); w.arrayStart(); w.arrayEnd()
        }
        w.objectEnd()
    }

    /// A stable `system_fingerprint` per model (FNV-1a of the name).
    private static func fingerprint(_ model: SynthModel) -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in model.name.utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        let hex = String(h, radix: 16)
        return "fp_" + String(hex.prefix(10))
    }
}
