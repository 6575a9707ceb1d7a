/// Decodes AWS Bedrock model invocation logs (SPEC §3.6 bedrock): `InvokeModel` with Anthropic or
/// OpenAI Chat bodies, `Converse` bodies, and records without bodies (S3 paths, stream events).
struct BedrockDecoder: LogDecoder {
    var keepSystemText: Bool
    let unitCache: PromptUnitCache?
    /// Derive prompt-unit hashes and request keys for InvokeModel bodies (see `EnvelopeDecoder`).
    var promptKeys = true

    init(keepSystemText: Bool = false, unitCache: PromptUnitCache? = nil) {
        self.keepSystemText = keepSystemText
        self.unitCache = unitCache
    }

    /// HTTP statuses of Bedrock's error codes (with or without the `Exception` suffix).
    static let errorStatuses: [String: Int] = [
        "Throttling": 429, "ModelTimeout": 408, "ServiceUnavailable": 503, "ResourceNotFound": 404,
        "Validation": 400, "AccessDenied": 403, "InternalServer": 500, "ModelError": 424,
    ]

    static let converseRequestExcluded = KeySet([
        "metadata", "stream", "stream_options", "user", "safety_identifier", "prompt_cache_key", "service_tier",
        "requestMetadata", "messages",
    ])
    static let converseRetryExcluded = KeySet([
        "metadata", "stream", "stream_options", "user", "safety_identifier", "prompt_cache_key", "service_tier",
        "requestMetadata", "messages", "inferenceConfig", "max_tokens", "max_completion_tokens", "max_output_tokens",
        "temperature",
    ])
    static let inferenceRetryExcluded = KeySet(["maxTokens", "temperature"])

    mutating func decode(_ tape: JSONTape, context: DecodeContext, into output: inout DecodeOutput) throws(DecodeFailure) {
        let root = tape.root
        guard let timeIndex = tape.value(root, "timestamp"), !tape.isNull(timeIndex) else {
            throw DecodeFailure(.missingTimestamp, "no timestamp")
        }
        let start = try FormatFields.timestamp(tape, timeIndex, key: "timestamp")
        guard let model = FormatFields.string(tape, root, "modelId") else { throw DecodeFailure(.missingModel, "no modelId") }
        let id = FormatFields.identifier(tape, root, "requestId") ?? "\(context.pathKey):\(context.line)"
        var call = CallRecord(
            id: id, origin: RecordOrigin(fileIndex: context.fileIndex, line: context.line), start: start, end: start,
            model: model)
        call.provider = "bedrock"
        if let code = FormatFields.string(tape, root, "errorCode") {
            call.succeeded = false
            let base = code.hasSuffix("Exception") ? String(code.dropLast("Exception".count)) : code
            call.status = Self.errorStatuses[base]
        } else {
            call.status = 200
        }
        if let arn = FormatFields.string(tape, FormatFields.object(tape, root, "identity"), "arn") {
            let last = arn.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init) ?? arn
            call.user = last.isEmpty ? arn : last
        }
        if let metadata = FormatFields.object(tape, root, "requestMetadata") {
            Self.readMetadata(tape, metadata, into: &call)
        }

        let input = FormatFields.object(tape, root, "input")
        let outputObject = FormatFields.object(tape, root, "output")
        let request = FormatFields.object(tape, input, "inputBodyJson")
        let response = FormatFields.object(tape, outputObject, "outputBodyJson")
        let converse =
            response.map { r in
                FormatFields.object(tape, r, "output").map { tape.has($0, "message") } ?? false || tape.has(r, "stopReason")
                    || FormatFields.object(tape, r, "usage").map { tape.has($0, "inputTokens") } ?? false
            }
            ?? request.map { tape.has($0, "toolConfig") || tape.has($0, "inferenceConfig") } ?? false

        var usage: Usage?
        if converse {
            if let usageObject = FormatFields.object(tape, response, "usage") {
                usage = try Self.converseUsage(tape, usageObject)
            }
            call.stopReason = FormatFields.string(tape, response, "stopReason")?.lowercased()
            if let request {
                call.body = converseFacts(tape, request: request, response: response)
            } else if let response {
                var facts = BodyFacts()
                facts.toolCalls = Self.converseToolCalls(tape, response)
                call.body = facts
            }
        } else if request != nil || response != nil {
            // The body shape decides: OpenAI Chat when the response has `choices`, else Anthropic.
            let hasChoices = response.flatMap { tape.value($0, "choices") }.map { tape.kind($0) == .array } ?? false
            let shape: BodyShape = hasChoices ? .openaiChat : .anthropic
            call.bodyShape = shape
            if let usageIndex = response.flatMap({ r in tape.value(r, "usage").flatMap { tape.isNull($0) ? nil : $0 } }) {
                usage = try UsageReader.read(tape, usageIndex, shape: shape)
            }
            call.stopReason = BodyFactsReader.stopReason(tape, response: response, shape: shape)
            call.body = BodyFactsReader.read(
                tape, request: request, response: response, shape: shape, keepSystemText: keepSystemText,
                unitCache: unitCache, promptKeys: promptKeys)
        }
        if usage == nil { usage = try Self.countedUsage(tape, input: input, output: outputObject) }
        if usage == nil && call.succeeded { throw DecodeFailure(.missingUsage, "no usage in the body and no token counts") }
        call.usage = usage
        output.records.append(call)
    }

    /// `team`, `session_id`/`sessionId`, `api_key`, `task`; every other string entry is a tag.
    static func readMetadata(_ tape: JSONTape, _ metadata: Int, into call: inout CallRecord) {
        tape.forEachMember(metadata) { keyIndex, value in
            guard let key = tape.string(keyIndex), let text = tape.string(value), !text.isEmpty else { return }
            switch key {
            case "team": call.team = text
            case "session_id", "sessionId": if call.session == nil || key == "session_id" { call.session = text }
            case "api_key": call.apiKey = text
            case "task": call.task = text
            default: call.tags[key] = text
            }
        }
    }

    /// Usage from the record's own counts (bodies absent, streamed, or without usage); nil when
    /// none of them is present.
    static func countedUsage(_ tape: JSONTape, input: Int?, output: Int?) throws(DecodeFailure) -> Usage? {
        let present =
            FormatFields.present(tape, input, "inputTokenCount") || FormatFields.present(tape, output, "outputTokenCount")
            || FormatFields.present(tape, input, "cacheReadInputTokenCount")
            || FormatFields.present(tape, input, "cacheWriteInputTokenCount")
        guard present else { return nil }
        var usage = Usage()
        if let input {
            usage.input = try UsageReader.count(tape, input, "inputTokenCount")
            usage.cacheRead = try UsageReader.count(tape, input, "cacheReadInputTokenCount")
            usage.cacheWrite5m = try UsageReader.count(tape, input, "cacheWriteInputTokenCount")
        }
        if let output { usage.output = try UsageReader.count(tape, output, "outputTokenCount") }
        return usage
    }

    /// Converse usage: `inputTokens` is uncached input; writes from `cacheDetails` when non-empty.
    static func converseUsage(_ tape: JSONTape, _ usage: Int) throws(DecodeFailure) -> Usage {
        var result = Usage()
        result.input = try UsageReader.count(tape, usage, "inputTokens")
        result.output = try UsageReader.count(tape, usage, "outputTokens")
        result.cacheRead = try UsageReader.count(tape, usage, "cacheReadInputTokens")
        if let details = tape.value(usage, "cacheDetails"), tape.kind(details) == .array, tape.count(details) > 0 {
            for detail in tape.elements(details) where tape.kind(detail) == .object {
                let tokens = try UsageReader.count(tape, detail, "inputTokens")
                if tape.string(detail, "ttl") == "1h" { result.cacheWrite1h += tokens } else { result.cacheWrite5m += tokens }
            }
        } else {
            result.cacheWrite5m = try UsageReader.count(tape, usage, "cacheWriteInputTokens")
        }
        return result
    }

    /// `output.message.content[].toolUse {name, input}`.
    static func converseToolCalls(_ tape: JSONTape, _ response: Int) -> [ToolCall] {
        guard let message = FormatFields.object(tape, FormatFields.object(tape, response, "output"), "message"),
            let content = tape.value(message, "content")
        else { return [] }
        var calls: [ToolCall] = []
        tape.forEachElement(content) { block in
            guard let use = FormatFields.object(tape, block, "toolUse") else { return }
            let input = tape.value(use, "input").map { CanonicalJSON.string(tape, $0) } ?? "null"
            calls.append(ToolCall(name: tape.string(use, "name") ?? "", canonicalInput: input))
        }
        return calls
    }

    /// Request facts of a Converse body (SPEC §3.6): unit 0 = `{system, tools: toolConfig.tools}`,
    /// units = `messages`, limits from `inferenceConfig`.
    func converseFacts(_ tape: JSONTape, request: Int, response: Int?) -> BodyFacts {
        var facts = BodyFacts()
        if let response { facts.toolCalls = Self.converseToolCalls(tape, response) }
        let toolConfig = FormatFields.object(tape, request, "toolConfig")
        let tools = toolConfig.flatMap { tape.value($0, "tools") }
        if let tools, tape.kind(tools) == .array { facts.toolsOffered = tape.count(tools) }
        let inference = FormatFields.object(tape, request, "inferenceConfig")
        if let inference, let index = tape.value(inference, "maxTokens"), let value = tape.integer(index), value >= 0,
            value <= Usage.maxTokensPerBucket
        {
            facts.maxTokens = value
        }
        let system = tape.value(request, "system")
        if keepSystemText, let system { facts.systemText = BodyFactsReader.text(tape, system) }
        facts.toolErrors = Self.converseToolErrors(tape, request)

        var own: [UInt64] = []
        if let messages = tape.value(request, "messages") {
            var zero = HashingSink()
            zero.write(byte: UInt8(ascii: "{"))
            if let system {
                zero.write(Array("\"system\":".utf8))
                CanonicalJSON.write(tape, system, to: &zero)
            }
            if let tools {
                zero.write(Array((system == nil ? "\"tools\":" : ",\"tools\":").utf8))
                CanonicalJSON.write(tape, tools, to: &zero)
            }
            zero.write(byte: UInt8(ascii: "}"))
            var previous = zero.hasher.finalize()
            facts.promptUnits = [PromptUnit(prefixHash: previous, bytes: zero.byteCount)]
            func addUnit(_ index: Int) {
                let unit = unitCache?.unit(tape, index) ?? PromptUnitCache.canonical(tape, index)
                own.append(unit.canonicalHash)
                var combined = StreamHasher(seed: 1)
                combined.update(word: previous)
                combined.update(word: unit.canonicalHash)
                previous = combined.finalize()
                facts.promptUnits.append(PromptUnit(prefixHash: previous, bytes: unit.canonicalBytes))
            }
            if tape.kind(messages) == .array { tape.forEachElement(messages) { addUnit($0) } } else { addUnit(messages) }
            facts.messageCount = facts.promptUnits.count - 1
        }
        // Keys: the canonical members (messages stand in by their own hashes, hashed once above).
        var requestSink = HashingSink(seed: 5)
        CanonicalJSON.writeObject(tape, request, to: &requestSink) { !Self.converseRequestExcluded.contains($0) }
        Self.appendUnits(own, to: &requestSink)
        facts.requestKey = requestSink.hasher.finalize()
        var retrySink = HashingSink(seed: 6)
        CanonicalJSON.writeObject(tape, request, to: &retrySink) { !Self.converseRetryExcluded.contains($0) }
        if let inference {
            retrySink.hasher.update(word: 0x1F)
            CanonicalJSON.writeObject(tape, inference, to: &retrySink) { !Self.inferenceRetryExcluded.contains($0) }
        }
        Self.appendUnits(own, to: &retrySink)
        facts.retryKey = retrySink.hasher.finalize()
        return facts
    }

    static func appendUnits(_ units: [UInt64], to sink: inout HashingSink) {
        sink.hasher.update(word: UInt64(units.count))
        for hash in units { sink.hasher.update(word: hash) }
    }

    /// `toolResult` blocks with `status: "error"` in the last request message.
    static func converseToolErrors(_ tape: JSONTape, _ request: Int) -> Int {
        guard let messages = tape.value(request, "messages"), let last = tape.lastElement(messages),
            let content = FormatFields.object(tape, last).flatMap({ tape.value($0, "content") }), tape.kind(content) == .array
        else { return 0 }
        var errors = 0
        tape.forEachElement(content) { block in
            if let result = FormatFields.object(tape, block, "toolResult"), tape.string(result, "status") == "error" {
                errors += 1
            }
        }
        return errors
    }
}
