/// Decodes OTLP/JSON trace exports, one per line (SPEC §3.6 otel): every model-operation span of
/// the export is a call; `execute_tool` child spans give its tool calls.
struct OTelDecoder: LogDecoder {
    /// Attributes the decoder reads, looked up in one pass over a span's (or resource's) list.
    enum Attribute: Int, CaseIterable {
        case operation, responseModel, requestModel, providerName, system, conversation, userID, endUserID
        case responseTier, requestTier, maxTokens, finishReasons, httpStatus
        case inputTokens, outputTokens, cacheRead, cacheCreation, reasoning
        case toolName, toolArguments
    }

    static let attributeKeys: [JSONKey] = [
        "gen_ai.operation.name", "gen_ai.response.model", "gen_ai.request.model", "gen_ai.provider.name", "gen_ai.system",
        "gen_ai.conversation.id", "user.id", "enduser.id", "openai.response.service_tier", "openai.request.service_tier",
        "gen_ai.request.max_tokens", "gen_ai.response.finish_reasons", "http.response.status_code",
        "gen_ai.usage.input_tokens", "gen_ai.usage.output_tokens", "gen_ai.usage.cache_read.input_tokens",
        "gen_ai.usage.cache_creation.input_tokens", "gen_ai.usage.reasoning.output_tokens",
        "gen_ai.tool.name", "gen_ai.tool.call.arguments",
    ]
    static let usagePrefix: [UInt8] = Array("gen_ai.usage.".utf8)
    static let callOperations: Set<String> = ["chat", "text_completion", "generate_content", "embeddings"]

    /// The attribute values (AnyValue objects) of one attribute list; -1 where absent.
    struct Attributes {
        var values = [Int](repeating: -1, count: Attribute.allCases.count)
        var hasUsage = false

        subscript(_ attribute: Attribute) -> Int? {
            let index = values[attribute.rawValue]
            return index < 0 ? nil : index
        }

        init() {}

        init(_ tape: JSONTape, _ list: Int?) {
            guard let list, tape.kind(list) == .array else { return }
            tape.forEachElement(list) { element in
                guard tape.kind(element) == .object, let key = tape.value(element, "key"), tape.kind(key) == .string,
                    let value = tape.value(element, "value")
                else { return }
                let raw = tape.rawBytes(key)
                if raw.count > OTelDecoder.usagePrefix.count,
                    OTelDecoder.usagePrefix.withUnsafeBytes({ memcmpEqual($0.baseAddress!, raw.baseAddress!, $0.count) })
                {
                    hasUsage = true
                }
                for (position, wanted) in OTelDecoder.attributeKeys.enumerated()
                where wanted.count == raw.count && tape.keyEquals(key, wanted) {
                    values[position] = value
                    break
                }
            }
        }
    }

    /// One span of the export and where its resource attributes are.
    struct SpanEntry {
        var span: Int
        var resource: Int
    }

    mutating func decode(_ tape: JSONTape, context: DecodeContext, into output: inout DecodeOutput) throws(DecodeFailure) {
        guard let resourceSpans = tape.value(tape.root, "resourceSpans"), tape.kind(resourceSpans) == .array else {
            throw DecodeFailure(.notAnExport, "no resourceSpans array")
        }
        var spans: [SpanEntry] = []
        var resources: [Attributes] = []
        tape.forEachElement(resourceSpans) { resourceSpan in
            guard tape.kind(resourceSpan) == .object else { return }
            let resource = FormatFields.object(tape, resourceSpan, "resource").flatMap { tape.value($0, "attributes") }
            resources.append(Attributes(tape, resource))
            let resourceIndex = resources.count - 1
            for scopesKey: JSONKey in ["scopeSpans", "instrumentationLibrarySpans"] {
                guard let scopes = tape.value(resourceSpan, scopesKey), tape.kind(scopes) == .array else { continue }
                tape.forEachElement(scopes) { scope in
                    guard let list = FormatFields.object(tape, scope).flatMap({ tape.value($0, "spans") }),
                        tape.kind(list) == .array
                    else { return }
                    tape.forEachElement(list) { span in
                        if tape.kind(span) == .object { spans.append(SpanEntry(span: span, resource: resourceIndex)) }
                    }
                }
            }
        }
        var attributes: [Attributes] = []
        attributes.reserveCapacity(spans.count)
        var toolSpans: [Int] = []
        for (position, entry) in spans.enumerated() {
            let list = Attributes(tape, tape.value(entry.span, "attributes"))
            if let operation = list[.operation], Self.stringValue(tape, operation, equals: Self.executeTool) {
                toolSpans.append(position)
            }
            attributes.append(list)
        }

        for (position, entry) in spans.enumerated() {
            let own = attributes[position]
            let resource = resources[entry.resource]
            func attribute(_ name: Attribute) -> Int? { own[name] ?? resource[name] }
            let operation = attribute(.operation).flatMap { Self.stringValue(tape, $0) }
            if let operation {
                guard Self.callOperations.contains(operation) else { continue }
            } else if !own.hasUsage && !resource.hasUsage {
                continue
            }
            do {
                let call = try decodeCall(
                    tape, entry: entry, position: position, attribute: attribute, spans: spans, attributes: attributes,
                    toolSpans: toolSpans, context: context)
                output.records.append(call)
            } catch {
                output.failures.append(error)
            }
        }
    }

    private func decodeCall(
        _ tape: JSONTape, entry: SpanEntry, position: Int, attribute: (Attribute) -> Int?, spans: [SpanEntry],
        attributes: [Attributes], toolSpans: [Int], context: DecodeContext
    ) throws(DecodeFailure) -> CallRecord {
        let span = entry.span
        guard let traceID = FormatFields.string(tape, span, "traceId"), let spanID = FormatFields.string(tape, span, "spanId")
        else { throw DecodeFailure(.missingID, "a model span without traceId or spanId") }
        guard let startIndex = tape.value(span, "startTimeUnixNano"), !tape.isNull(startIndex) else {
            throw DecodeFailure(.missingTimestamp, "span \(spanID) has no startTimeUnixNano")
        }
        guard let start = Self.nanos(tape, startIndex) else {
            throw DecodeFailure(.badTimestamp, "span \(spanID): startTimeUnixNano is not an int64 of nanoseconds")
        }
        var end = start
        if let endIndex = tape.value(span, "endTimeUnixNano"), let parsed = Self.nanos(tape, endIndex), parsed > start {
            end = parsed
        }
        guard
            let model = attribute(.responseModel).flatMap({ Self.stringValue(tape, $0) })
                ?? attribute(.requestModel).flatMap({ Self.stringValue(tape, $0) })
        else { throw DecodeFailure(.missingModel, "span \(spanID) has no gen_ai.response.model or gen_ai.request.model") }

        var call = CallRecord(
            id: traceID + ":" + spanID,
            origin: RecordOrigin(fileIndex: context.fileIndex, line: context.line, position: Int32(clamping: position)),
            start: start, end: end, model: model)
        call.provider = (attribute(.providerName) ?? attribute(.system)).flatMap { Self.stringValue(tape, $0) }?.lowercased()
        call.session = attribute(.conversation).flatMap { Self.stringValue(tape, $0) } ?? traceID
        call.user =
            (attribute(.userID).flatMap { Self.stringValue(tape, $0) })
            ?? attribute(.endUserID).flatMap { Self.stringValue(tape, $0) }
        call.serviceTier = ServiceTier(
            logged: (attribute(.responseTier) ?? attribute(.requestTier)).flatMap { Self.stringValue(tape, $0) })
        if let reasons = attribute(.finishReasons), let array = FormatFields.object(tape, reasons, "arrayValue"),
            let values = tape.value(array, "values"), let first = tape.firstElement(values)
        {
            call.stopReason = Self.stringValue(tape, first)?.lowercased()
        }
        let statusObject = FormatFields.object(tape, span, "status")
        let code = statusObject.flatMap { tape.value($0, "code") }
        let failed = code.map { tape.integer($0) == 2 || tape.string($0) == "STATUS_CODE_ERROR" } ?? false
        call.succeeded = !failed
        let http = attribute(.httpStatus).flatMap { Self.intValue(tape, $0) }.map { Int(clamping: $0) }
        call.status = http ?? (failed ? nil : 200)

        let counts: [Attribute] = [.inputTokens, .outputTokens, .cacheRead, .cacheCreation, .reasoning]
        if counts.contains(where: { attribute($0) != nil }) {
            var usage = Usage()
            let input = try Self.count(tape, attribute(.inputTokens), "gen_ai.usage.input_tokens")
            usage.cacheRead = try Self.count(tape, attribute(.cacheRead), "gen_ai.usage.cache_read.input_tokens")
            usage.cacheWrite5m = try Self.count(tape, attribute(.cacheCreation), "gen_ai.usage.cache_creation.input_tokens")
            usage.input = input - usage.cacheRead - usage.cacheWrite5m
            usage.output = try Self.count(tape, attribute(.outputTokens), "gen_ai.usage.output_tokens")
            usage.reasoning = try Self.count(tape, attribute(.reasoning), "gen_ai.usage.reasoning.output_tokens")
            guard usage.input >= 0 else {
                throw DecodeFailure(
                    .badUsage, "cached tokens exceed gen_ai.usage.input_tokens (uncached input would be \(usage.input))")
            }
            call.usage = usage
        } else if call.succeeded {
            throw DecodeFailure(.missingUsage, "span \(spanID) succeeded without gen_ai.usage.* counts")
        }

        var facts = BodyFacts()
        if let index = attribute(.maxTokens), let value = Self.intValue(tape, index), value >= 0,
            value <= Usage.maxTokensPerBucket
        {
            facts.maxTokens = value
        }
        // Tool calls: execute_tool children of this span in the same export, in start order.
        var tools: [(start: Timestamp, order: Int, call: ToolCall)] = []
        let ownSpanID = tape.value(span, "spanId")!
        let ownTraceID = tape.value(span, "traceId")!
        for order in toolSpans {
            let child = spans[order]
            let childAttributes = attributes[order]
            guard let parent = tape.value(child.span, "parentSpanId"), Self.sameString(tape, parent, ownSpanID),
                let trace = tape.value(child.span, "traceId"), Self.sameString(tape, trace, ownTraceID)
            else { continue }
            let name = childAttributes[.toolName].flatMap { Self.stringValue(tape, $0) } ?? ""
            let arguments = childAttributes[.toolArguments].flatMap { tape.value($0, "stringValue") }
            let input = BodyFactsReader.canonicalArguments(tape, arguments)
            let childStart = tape.value(child.span, "startTimeUnixNano").flatMap { Self.nanos(tape, $0) } ?? start
            tools.append((childStart, order, ToolCall(name: name, canonicalInput: input)))
        }
        facts.toolCalls = tools.sorted { ($0.start, $0.order) < ($1.start, $1.order) }.map(\.call)
        call.body = facts
        return call
    }

    static let executeTool: JSONKey = "execute_tool"

    /// Whether two string tokens have the same raw bytes (ids are plain hex, never escaped).
    static func sameString(_ tape: JSONTape, _ a: Int, _ b: Int) -> Bool {
        guard tape.kind(a) == .string, tape.kind(b) == .string else { return false }
        let x = tape.rawBytes(a)
        let y = tape.rawBytes(b)
        return x.count == y.count && (x.count == 0 || memcmpEqual(x.baseAddress!, y.baseAddress!, x.count))
    }

    /// Whether an AnyValue's `stringValue` is `text`, without making a String.
    static func stringValue(_ tape: JSONTape, _ value: Int, equals text: JSONKey) -> Bool {
        guard tape.kind(value) == .object, let string = tape.value(value, "stringValue"), tape.kind(string) == .string else {
            return false
        }
        return tape.keyEquals(string, text)
    }

    /// An AnyValue's `stringValue` (non-empty).
    static func stringValue(_ tape: JSONTape, _ value: Int) -> String? {
        FormatFields.string(tape, value, "stringValue")
    }

    /// An AnyValue's `intValue`: a decimal string (OTLP/JSON's int64 encoding) or an integer.
    static func intValue(_ tape: JSONTape, _ value: Int) -> Int64? {
        guard tape.kind(value) == .object, let index = tape.value(value, "intValue") else { return nil }
        if let integer = tape.integer(index) { return integer }
        guard tape.kind(index) == .string, !tape.isEscaped(index) else { return nil }
        return decimalInt64(tape.rawBytes(index))
    }

    /// A token count attribute: an `intValue` within the bucket cap; absent is 0; a `stringValue`,
    /// a double or a negative number is bad-usage.
    static func count(_ tape: JSONTape, _ value: Int?, _ name: String) throws(DecodeFailure) -> Int64 {
        guard let value else { return 0 }
        guard let count = intValue(tape, value), count >= 0, count <= Usage.maxTokensPerBucket else {
            let shown = String(decoding: tape.span(value).prefix(60), as: UTF8.self)
            throw DecodeFailure(.badUsage, "\(name) is \(shown), not a non-negative intValue")
        }
        return count
    }

    /// Nanoseconds since the epoch (decimal string or integer), floored to microseconds.
    static func nanos(_ tape: JSONTape, _ index: Int) -> Timestamp? {
        let value: Int64?
        switch tape.kind(index) {
        case .number: value = tape.integer(index)
        case .string: value = tape.isEscaped(index) ? nil : decimalInt64(tape.rawBytes(index))
        default: value = nil
        }
        guard let value, value > 0 else { return nil }
        return Timestamp(micros: value / 1000)
    }

    /// A non-negative decimal integer that fits in Int64.
    static func decimalInt64(_ bytes: UnsafeRawBufferPointer) -> Int64? {
        guard !bytes.isEmpty, bytes.count <= 19 else { return nil }
        var result: Int64 = 0
        for byte in bytes {
            guard byte >= 0x30, byte <= 0x39 else { return nil }
            let (scaled, overflow) = result.multipliedReportingOverflow(by: 10)
            guard !overflow else { return nil }
            let (sum, overflowAdding) = scaled.addingReportingOverflow(Int64(byte - 0x30))
            guard !overflowAdding else { return nil }
            result = sum
        }
        return result
    }
}
