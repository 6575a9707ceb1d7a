/// Anthropic Messages API bodies.
enum SynthAnthropicBody {
    static func userMessage(_ text: [UInt8], marked: Bool, blocks: Bool) -> [UInt8] {
        var w = SynthJSONWriter(capacity: text.count + 96)
        w.objectStart()
        w.key("role"); w.string("user")
        w.key("content")
        if blocks || marked {
            w.arrayStart()
            w.objectStart()
            w.key("type"); w.string("text")
            w.key("text"); w.string(bytes: text)
            if marked { cacheControl(&w, ttl: .fiveMinutes) }
            w.objectEnd()
            w.arrayEnd()
        } else {
            w.string(bytes: text)
        }
        w.objectEnd()
        return w.bytes
    }

    static func assistantMessage(_ turn: SynthAssistantTurn) -> [UInt8] {
        var w = SynthJSONWriter(capacity: turn.visibleBytes + 256)
        w.objectStart()
        w.key("role"); w.string("assistant")
        w.key("content"); writeContent(&w, turn)
        w.objectEnd()
        return w.bytes
    }

    static func toolResults(_ results: [SynthToolResult], marked: Bool) -> [UInt8] {
        var w = SynthJSONWriter(capacity: 4096)
        w.objectStart()
        w.key("role"); w.string("user")
        w.key("content"); w.arrayStart()
        for (i, r) in results.enumerated() {
            w.objectStart()
            w.key("type"); w.string("tool_result")
            w.key("tool_use_id"); w.string(r.callID)
            w.key("content"); w.string(bytes: r.content)
            if r.isError { w.key("is_error"); w.bool(true) }
            if marked && i == results.count - 1 { cacheControl(&w, ttl: .fiveMinutes) }
            w.objectEnd()
        }
        w.arrayEnd()
        w.objectEnd()
        return w.bytes
    }

    static func writeRequest(into w: inout SynthJSONWriter, _ c: SynthConversation, _ s: SynthRequestSettings) {
        w.objectStart()
        w.key("model"); w.string(s.model.name)
        w.key("max_tokens"); w.int(s.maxTokens)
        if let t = s.temperatureMilli { w.key("temperature"); w.decimal(thousandths: t) }
        if let budget = s.thinkingBudget {
            w.key("thinking"); w.objectStart()
            w.key("type"); w.string("enabled")
            w.key("budget_tokens"); w.int(budget)
            w.objectEnd()
        }
        if let system = c.system {
            w.key("system")
            if let ttl = c.systemCache {
                w.arrayStart()
                w.objectStart()
                w.key("type"); w.string("text")
                w.key("text"); w.string(bytes: system)
                cacheControl(&w, ttl: ttl)
                w.objectEnd()
                w.arrayEnd()
            } else {
                w.string(bytes: system)
            }
        }
        if let tools = c.tools { w.key("tools"); w.raw(tools) }
        w.key("messages"); w.arrayStart()
        c.writeMessages(into: &w)
        w.arrayEnd()
        if let user = s.endUser {
            w.key("metadata"); w.objectStart()
            w.key("user_id"); w.string(user)
            w.objectEnd()
        }
        if s.stream { w.key("stream"); w.bool(true) }
        w.objectEnd()
    }

    static func writeResponse(into w: inout SynthJSONWriter, model: SynthModel, turn: SynthAssistantTurn, info: SynthResponseInfo)
    {
        w.objectStart()
        w.key("id"); w.string(info.id)
        w.key("type"); w.string("message")
        w.key("role"); w.string("assistant")
        w.key("model"); w.string(model.reportedName)
        w.key("content"); writeContent(&w, turn)
        w.key("stop_reason")
        switch info.stop {
        case .endTurn: w.string("end_turn")
        case .toolUse: w.string("tool_use")
        case .maxTokens: w.string("max_tokens")
        }
        w.key("stop_sequence"); w.null()
        let u = info.usage
        w.key("usage"); w.objectStart()
        w.key("input_tokens"); w.int(u.uncached)
        if info.anthropicStyle != .bare {
            w.key("cache_creation_input_tokens"); w.int(u.cacheWrite5m + u.cacheWrite1h)
            w.key("cache_read_input_tokens"); w.int(u.cacheRead)
        }
        if info.anthropicStyle == .cacheCreationObject {
            w.key("cache_creation"); w.objectStart()
            w.key("ephemeral_5m_input_tokens"); w.int(u.cacheWrite5m)
            w.key("ephemeral_1h_input_tokens"); w.int(u.cacheWrite1h)
            w.objectEnd()
        }
        w.key("output_tokens"); w.int(u.output)
        if info.anthropicStyle == .cacheCreationObject { w.key("service_tier"); w.string(info.serviceTier) }
        w.objectEnd()
        w.objectEnd()
    }

    private static func writeContent(_ w: inout SynthJSONWriter, _ turn: SynthAssistantTurn) {
        w.arrayStart()
        if !turn.thinking.isEmpty {
            w.objectStart()
            w.key("type"); w.string("thinking")
            w.key("thinking"); w.string(bytes: turn.thinking)
            w.key("signature"); w.string(turn.signature)
            w.objectEnd()
        }
        if !turn.text.isEmpty {
            w.objectStart()
            w.key("type"); w.string("text")
            w.key("text"); w.string(bytes: turn.text)
            w.objectEnd()
        }
        for call in turn.toolCalls {
            w.objectStart()
            w.key("type"); w.string("tool_use")
            w.key("id"); w.string(call.id)
            w.key("name"); w.string(call.name)
            w.key("input"); w.raw(call.input)
            w.objectEnd()
        }
        w.arrayEnd()
    }

    private static func cacheControl(_ w: inout SynthJSONWriter, ttl: SynthCacheTTL) {
        w.key("cache_control"); w.objectStart()
        w.key("type"); w.string("ephemeral")
        if ttl == .oneHour { w.key("ttl"); w.string("1h") }
        w.objectEnd()
    }
}
