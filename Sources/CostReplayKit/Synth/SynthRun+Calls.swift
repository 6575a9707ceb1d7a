/// Writing one call line: the request, the token accounting that follows from its bytes, the
/// response or the refusal.
extension SynthRun {
    /// Writes a succeeded call whose request is `conversation` sent with `settings` and whose
    /// answer is `turn` (or, when `truncated`, `turn` cut at the max tokens). Token counts follow
    /// from the bytes actually written; the prompt cache is consulted and updated.
    func writeSuccess(
        _ caller: SynthCaller, _ conversation: SynthConversation, _ settings: SynthRequestSettings,
        turn: SynthAssistantTurn, truncated: Bool = false, cache: inout SynthPromptCache,
        sharesWholePrompt: Bool, startMs: Int64, _ rng: inout SynthRandom
    ) throws(SynthError) -> (latencyMs: Int, usage: SynthUsage) {
        request.reset()
        SynthBodies.writeRequest(into: &request, conversation, settings)
        let bpt = caller.bytesPerTokenMilli
        let total = SynthUsage.tokens(bytes: request.count, bytesPerTokenMilli: bpt)
        let head = min(total, SynthUsage.tokens(bytes: conversation.headBytes + 32, bytesPerTokenMilli: bpt))
        var cacheable = 0
        if cache.isAnthropic {
            // Breakpoint on the last message: everything but the few tokens after it is cacheable.
            if conversation.marksLastMessage {
                cacheable = max(0, total - rng.int(1, 12))
            } else if conversation.systemCache != nil {
                cacheable = head
            }
        }
        var usage = cache.split(
            total: total, cacheable: cacheable, head: head, headTTL: conversation.systemCache, at: startMs, &rng)
        let visible = SynthUsage.tokens(bytes: turn.visibleBytes, bytesPerTokenMilli: bpt)
        usage.output = truncated ? settings.maxTokens : visible + turn.hiddenTokens
        usage.reasoning = settings.model.reasoning ? min(turn.hiddenTokens, usage.output) : 0
        // Time to first token grows with the prompt; then output at the model's speed.
        let ttft = 250 + total / 50 + rng.int(0, 600)
        let latency = ttft + Int(Double(usage.output) * 1000 / settings.model.tokensPerSecond)
        let stop: SynthStop = truncated ? .maxTokens : (turn.toolCalls.isEmpty ? .endTurn : .toolUse)
        let info = SynthResponseInfo(
            id: SynthBodies.responseID(api: conversation.api, &rng),
            createdSeconds: (startMs + Int64(conversation.api == .openAIResponses ? 0 : latency)) / 1000,
            stop: stop, usage: usage, anthropicStyle: caller.anthropicStyle, serviceTier: caller.responseTier)

        begin(caller.envelope(startMs: startMs, latencyMs: latency, model: settings.model))
        line.key("request")
        line.raw(request.bytes)
        line.key("response")
        SynthBodies.writeResponse(into: &line, api: conversation.api, model: settings.model, turn: turn, info: info, &rng)
        try finish()

        let prefix = cache.isAnthropic ? cacheable : (sharesWholePrompt ? total : head)
        cache.commit(prefix: prefix, head: head, headTTL: conversation.systemCache, at: startMs, &rng)
        return (latency, usage)
    }

    /// Writes a call the provider refused (429/529): same request, no usage. Returns its latency.
    func writeFailure(
        _ caller: SynthCaller, _ conversation: SynthConversation, _ settings: SynthRequestSettings,
        failure: SynthFailure, retried: Bool, startMs: Int64, _ rng: inout SynthRandom
    ) throws(SynthError) -> Int {
        request.reset()
        SynthBodies.writeRequest(into: &request, conversation, settings)
        let latency = failure == .overloaded ? rng.int(300, 3000) : rng.int(40, 400)
        begin(caller.envelope(startMs: startMs, latencyMs: latency, model: settings.model, status: failure.status))
        line.key("request")
        line.raw(request.bytes)
        failure.write(
            into: &line, api: conversation.api, model: settings.model, organization: caller.organization,
            keepBody: rng.chance(0.7), &rng)
        try finish()
        switch failure {
        case .rateLimited: incidents.errors429 += 1
        case .overloaded: incidents.errors529 += 1
        }
        if retried { incidents.errorsRetried += 1 }
        return latency
    }
}
