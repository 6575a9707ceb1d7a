/// Decodes LiteLLM `StandardLoggingPayload` lines, bare or under `standard_logging_object`
/// (SPEC §3.6 litellm).
struct LiteLLMDecoder: LogDecoder {
    /// Derive prompt-unit hashes and request keys (see `EnvelopeDecoder`).
    var promptKeys = true
    var keepSystemText: Bool
    let unitCache: PromptUnitCache?
    /// The request rebuilt from `model_parameters`, `model` and `messages`.
    private let request = SyntheticObject()

    init(keepSystemText: Bool = false, unitCache: PromptUnitCache? = nil) {
        self.keepSystemText = keepSystemText
        self.unitCache = unitCache
    }

    mutating func decode(_ tape: JSONTape, context: DecodeContext, into output: inout DecodeOutput) throws(DecodeFailure) {
        let payload = FormatFields.object(tape, tape.root, "standard_logging_object") ?? tape.root
        if let hit = tape.value(payload, "cache_hit"), tape.bool(hit) == true {
            output.nonCalls[.cacheHits, default: 0] += 1
            return
        }
        guard let startIndex = tape.value(payload, "startTime"), !tape.isNull(startIndex) else {
            throw DecodeFailure(.missingTimestamp, "no startTime")
        }
        let start = try FormatFields.timestamp(tape, startIndex, key: "startTime")
        var end = start
        if let endIndex = tape.value(payload, "endTime"), !tape.isNull(endIndex),
            let parsed = try? FormatFields.timestamp(tape, endIndex, key: "endTime"), parsed > start
        {
            end = parsed
        }
        guard let model = FormatFields.string(tape, payload, "model") else {
            throw DecodeFailure(.missingModel, "no model in the payload")
        }
        let id = FormatFields.identifier(tape, payload, "id") ?? "\(context.pathKey):\(context.line)"
        var call = CallRecord(
            id: id, origin: RecordOrigin(fileIndex: context.fileIndex, line: context.line), start: start, end: end,
            model: model)
        call.provider = FormatFields.string(tape, payload, "custom_llm_provider")?.lowercased()

        let failed = tape.string(payload, "status") == "failure"
        call.succeeded = !failed
        if failed {
            call.status = FormatFields.status(
                tape, FormatFields.object(tape, payload, "error_information").flatMap { tape.value($0, "error_code") })
        } else {
            call.status = 200
        }

        let response = FormatFields.object(tape, payload, "response")
        let metadata = FormatFields.object(tape, payload, "metadata")
        let usageObject =
            FormatFields.object(tape, payload, "hidden_params").flatMap { FormatFields.object(tape, $0, "usage_object") }
            ?? metadata.flatMap { FormatFields.object(tape, $0, "usage_object") }
        var usage: Usage?
        if let usageObject {
            usage = try Self.usage(tape, usageObject)
        } else if tape.has(payload, "prompt_tokens") || tape.has(payload, "completion_tokens") {
            var counted = Usage()
            counted.input = try UsageReader.count(tape, payload, "prompt_tokens")
            counted.output = try UsageReader.count(tape, payload, "completion_tokens")
            usage = counted
        }
        if failed, let counted = usage, counted.totalTokens == 0 { usage = nil }
        if usage == nil && !failed { throw DecodeFailure(.missingUsage, "a successful payload without token counts") }
        call.usage = usage

        call.user = FormatFields.string(tape, payload, "end_user") ?? FormatFields.string(tape, metadata, "user_api_key_user_id")
        call.team = FormatFields.string(tape, metadata, "user_api_key_team_id")
        call.apiKey =
            FormatFields.string(tape, metadata, "user_api_key_alias") ?? FormatFields.string(tape, metadata, "user_api_key_hash")
        call.session = FormatFields.string(tape, payload, "session_id")
        let parameters = FormatFields.object(tape, payload, "model_parameters")
        let tierText =
            FormatFields.string(tape, FormatFields.object(tape, response, "usage"), "service_tier")
            ?? FormatFields.string(tape, response, "service_tier")
            ?? FormatFields.string(tape, parameters, "service_tier")
        call.serviceTier = ServiceTier(logged: tierText)

        // LiteLLM logs every provider in OpenAI's shapes: Responses when the body is one, else Chat.
        var shape = BodyShape.openaiChat
        if let response {
            let detected = BodyShape.detect(tape, response: response, request: nil, provider: nil, usage: nil)
            if detected == .openaiResponses { shape = .openaiResponses }
        }
        call.bodyShape = shape
        call.stopReason = BodyFactsReader.stopReason(tape, response: response, shape: shape)

        var facts: BodyFacts?
        if let messages = tape.value(payload, "messages"), tape.kind(messages) == .array {
            request.begin()
            if let parameters {
                tape.forEachMember(parameters) { key, value in request.add(rawKey: tape.rawBytes(key), value: value, of: tape) }
            }
            if let modelIndex = tape.value(payload, "model") { request.add("model", value: modelIndex, of: tape) }
            request.add("messages", value: messages, of: tape)
            if let root = request.finish() {
                facts = BodyFactsReader.read(
                    request.tape, request: root, response: nil, shape: .openaiChat, keepSystemText: keepSystemText,
                    unitCache: unitCache, promptKeys: promptKeys)
            }
        }
        if let response {
            if facts == nil { facts = BodyFacts() }
            facts!.toolCalls = BodyFactsReader.toolCalls(tape, response, shape: shape)
        }
        call.body = facts
        output.records.append(call)
    }

    /// The usage object of `hidden_params` / `metadata` (Chat- or Responses-shaped), SPEC §3.6.
    static func usage(_ tape: JSONTape, _ usage: Int) throws(DecodeFailure) -> Usage {
        let responses = !tape.has(usage, "prompt_tokens") && tape.has(usage, "input_tokens")
        let prompt = try UsageReader.count(tape, usage, responses ? "input_tokens" : "prompt_tokens")
        let details = FormatFields.object(tape, usage, responses ? "input_tokens_details" : "prompt_tokens_details")
        var result = Usage()
        if FormatFields.present(tape, details, "cached_tokens") {
            result.cacheRead = try UsageReader.count(tape, details!, "cached_tokens")
        } else {
            result.cacheRead = try UsageReader.count(tape, usage, "cache_read_input_tokens")
        }
        if let creation = FormatFields.object(tape, usage, "cache_creation") {
            result.cacheWrite5m = try UsageReader.count(tape, creation, "ephemeral_5m_input_tokens")
            result.cacheWrite1h = try UsageReader.count(tape, creation, "ephemeral_1h_input_tokens")
        } else if FormatFields.present(tape, usage, "cache_creation_input_tokens") {
            result.cacheWrite5m = try UsageReader.count(tape, usage, "cache_creation_input_tokens")
        } else if FormatFields.present(tape, details, "cache_write_tokens") {
            result.cacheWrite5m = try UsageReader.count(tape, details!, "cache_write_tokens")
        } else {
            result.cacheWrite5m = try UsageReader.count(tape, usage, "cache_write_tokens")
        }
        result.input = prompt - result.cacheRead - result.cacheWrite5m - result.cacheWrite1h
        result.output = try UsageReader.count(tape, usage, responses ? "output_tokens" : "completion_tokens")
        if let outputDetails = FormatFields.object(
            tape, usage, responses ? "output_tokens_details" : "completion_tokens_details")
        {
            result.reasoning = try UsageReader.count(tape, outputDetails, "reasoning_tokens")
        }
        guard result.input >= 0 else {
            throw DecodeFailure(.badUsage, "cached tokens exceed the prompt tokens (uncached input would be \(result.input))")
        }
        return result
    }
}
