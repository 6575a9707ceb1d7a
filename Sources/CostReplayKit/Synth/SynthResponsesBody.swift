/// OpenAI Responses API bodies.
enum SynthResponsesBody {
    static func userMessage(_ text: [UInt8]) -> [UInt8] {
        var w = SynthJSONWriter(capacity: text.count + 64)
        w.objectStart()
        w.key("role"); w.string("user")
        w.key("content"); w.string(bytes: text)
        w.objectEnd()
        return w.bytes
    }

    /// The input items replaying an earlier response: its text, then one item per function call.
    static func assistantItems(_ turn: SynthAssistantTurn) -> ([UInt8], Int) {
        var w = SynthJSONWriter(capacity: turn.visibleBytes + 256)
        w.arrayStart()
        var count = 0
        if !turn.text.isEmpty {
            w.objectStart()
            w.key("role"); w.string("assistant")
            w.key("content"); w.string(bytes: turn.text)
            w.objectEnd()
            count += 1
        }
        for call in turn.toolCalls {
            w.objectStart()
            w.key("type"); w.string("function_call")
            w.key("call_id"); w.string(call.id)
            w.key("name"); w.string(call.name)
            w.key("arguments"); w.string(bytes: call.input)
            w.objectEnd()
            count += 1
        }
        w.arrayEnd()
        // Strip the brackets: the conversation stores comma-joined elements.
        return (Array(w.bytes[1..<(w.bytes.count - 1)]), count)
    }

    static func functionOutput(_ r: SynthToolResult) -> [UInt8] {
        var w = SynthJSONWriter(capacity: r.content.count + 96)
        w.objectStart()
        w.key("type"); w.string("function_call_output")
        w.key("call_id"); w.string(r.callID)
        w.key("output"); w.string(bytes: r.content)
        w.objectEnd()
        return w.bytes
    }

    static func writeRequest(into w: inout SynthJSONWriter, _ c: SynthConversation, _ s: SynthRequestSettings) {
        w.objectStart()
        w.key("model"); w.string(s.model.name)
        if let system = c.system { w.key("instructions"); w.string(bytes: system) }
        w.key("input"); w.arrayStart()
        c.writeMessages(into: &w)
        w.arrayEnd()
        if let tools = c.tools { w.key("tools"); w.raw(tools) }
        w.key("max_output_tokens"); w.int(s.maxTokens)
        if let effort = s.reasoningEffort {
            w.key("reasoning"); w.objectStart()
            w.key("effort"); w.string(effort)
            w.objectEnd()
        }
        if let t = s.temperatureMilli { w.key("temperature"); w.decimal(thousandths: t) }
        if let user = s.endUser { w.key("safety_identifier"); w.string(user) }
        if let tier = s.serviceTier { w.key("service_tier"); w.string(tier) }
        if s.stream { w.key("stream"); w.bool(true) }
        w.key("store"); w.bool(false)
        w.objectEnd()
    }

    static func writeResponse(
        into w: inout SynthJSONWriter, model: SynthModel, turn: SynthAssistantTurn, info: SynthResponseInfo,
        _ rng: inout SynthRandom
    ) {
        w.objectStart()
        w.key("id"); w.string(info.id)
        w.key("object"); w.string("response")
        w.key("created_at"); w.int(info.createdSeconds)
        if info.stop == .maxTokens {
            w.key("status"); w.string("incomplete")
            w.key("incomplete_details"); w.objectStart()
            w.key("reason"); w.string("max_output_tokens")
            w.objectEnd()
        } else {
            w.key("status"); w.string("completed")
        }
        w.key("model"); w.string(model.reportedName)
        w.key("output"); w.arrayStart()
        if model.reasoning {
            w.objectStart()
            w.key("type"); w.string("reasoning")
            w.key("id"); w.string(SynthText.providerID(&rng, prefix: "rs_", length: 48, hex: true))
            w.key("summary"); w.arrayStart(); w.arrayEnd()
            w.objectEnd()
        }
        if !turn.text.isEmpty {
            w.objectStart()
            w.key("type"); w.string("message")
            w.key("id"); w.string(SynthText.providerID(&rng, prefix: "msg_", length: 48, hex: true))
            w.key("status"); w.string("completed")
            w.key("role"); w.string("assistant")
            w.key("content"); w.arrayStart()
            w.objectStart()
            w.key("type"); w.string("output_text")
            w.key("text"); w.string(bytes: turn.text)
            w.key("annotations"); w.arrayStart(); w.arrayEnd()
            w.objectEnd()
            w.arrayEnd()
            w.objectEnd()
        }
        for call in turn.toolCalls {
            w.objectStart()
            w.key("type"); w.string("function_call")
            w.key("id"); w.string(SynthText.providerID(&rng, prefix: "fc_", length: 48, hex: true))
            w.key("call_id"); w.string(call.id)
            w.key("name"); w.string(call.name)
            w.key("arguments"); w.string(bytes: call.input)
            w.key("status"); w.string("completed")
            w.objectEnd()
        }
        w.arrayEnd()
        let u = info.usage
        w.key("usage"); w.objectStart()
        w.key("input_tokens"); w.int(u.totalInput)
        w.key("input_tokens_details"); w.objectStart()
        w.key("cached_tokens"); w.int(u.cacheRead)
        w.objectEnd()
        w.key("output_tokens"); w.int(u.output)
        w.key("output_tokens_details"); w.objectStart()
        w.key("reasoning_tokens"); w.int(u.reasoning)
        w.objectEnd()
        w.key("total_tokens"); w.int(u.totalInput + u.output)
        w.objectEnd()
        w.key("service_tier"); w.string(info.serviceTier)
        w.objectEnd()
    }
}
