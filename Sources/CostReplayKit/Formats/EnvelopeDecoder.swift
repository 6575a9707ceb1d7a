/// Decodes our documented request/response log lines (SPEC §3.2).
public struct EnvelopeDecoder: LogDecoder {
    /// Keep the system prompt's text (route rules with `system_contains` need it).
    public var keepSystemText: Bool

    /// Derive prompt-unit hashes and request keys (only the retry, response-cache and prefix-cache
    /// policies read them).
    var promptKeys = true

    /// Shared memo of canonicalized prompt units (agent turns repeat the conversation).
    let unitCache: PromptUnitCache?

    public init(keepSystemText: Bool = false) {
        self.keepSystemText = keepSystemText
        unitCache = nil
    }

    init(keepSystemText: Bool, unitCache: PromptUnitCache?) {
        self.keepSystemText = keepSystemText
        self.unitCache = unitCache
    }

    static let timestampKeys: [JSONKey] = ["ts", "timestamp", "time", "start_time", "startTime"]

    /// The top-level keys the decoder reads, found in one pass (`Field` indexes the result).
    enum Field: Int, CaseIterable {
        case ts, timestamp, time, startTimeSnake, startTime, latency, request, response, provider, model, id, status, usage
        case user, userID, session, sessionID, traceID, conversationID, apiKey, apiKeyID, team, task, complexity, tags
        case serviceTier
    }

    static let fieldTable = JSONKeyTable([
        "ts", "timestamp", "time", "start_time", "startTime", "latency_ms", "request", "response", "provider", "model", "id",
        "status", "usage", "user", "user_id", "session", "session_id", "trace_id", "conversation_id", "api_key",
        "api_key_id", "team", "task", "complexity", "tags", "service_tier",
    ])

    /// The top-level fields of one line.
    struct Fields {
        let indices: [Int]
        subscript(_ field: Field) -> Int? {
            let index = indices[field.rawValue]
            return index < 0 ? nil : index
        }
    }

    public mutating func decode(_ tape: JSONTape, context: DecodeContext, into output: inout DecodeOutput) throws(DecodeFailure) {
        output.records.append(try decode(tape, context: context))
    }

    /// Decodes one envelope line into its call.
    public mutating func decode(_ tape: JSONTape, context: DecodeContext) throws(DecodeFailure) -> CallRecord {
        let root = tape.root
        let fields = Fields(indices: Self.fieldTable.lookup(tape, root))
        let start = try Self.startTime(tape, fields)
        var end = start
        if let latency = fields[.latency], tape.kind(latency) == .number,
            let millis = TimestampParser.parseMillisDuration(tape.rawBytes(latency)), millis > 0
        {
            end = start.adding(micros: millis)
        }
        let request = fields[.request].flatMap { tape.kind($0) == .object ? $0 : nil }
        let response = fields[.response].flatMap { tape.kind($0) == .object ? $0 : nil }
        let provider = fields[.provider].flatMap { tape.string($0) }?.lowercased()

        guard
            let model = Self.nonEmptyString(tape, fields[.model])
                ?? response.flatMap({ Self.nonEmptyString(tape, $0, "model") })
                ?? request.flatMap({ Self.nonEmptyString(tape, $0, "model") })
        else { throw DecodeFailure(.missingModel, "no model in the record, its response or its request") }

        let id = Self.identifier(tape, fields[.id]) ?? "\(context.pathKey):\(context.line)"
        var call = CallRecord(
            id: id, origin: RecordOrigin(fileIndex: context.fileIndex, line: context.line),
            start: start, end: end, model: model)
        call.provider = provider

        var status: Int?
        if let statusIndex = fields[.status] {
            if let value = tape.integer(statusIndex) {
                status = Int(clamping: value)
            } else if let text = tape.string(statusIndex), let value = Int(text) {
                status = value
            }
        }
        if status == nil && response != nil { status = 200 }
        call.status = status
        call.succeeded = response != nil && (status ?? 200) < 400

        let usageIndex =
            response.flatMap { r in tape.value(r, "usage").flatMap { tape.isNull($0) ? nil : $0 } }
            ?? fields[.usage].flatMap { tape.isNull($0) ? nil : $0 }
        let shape = BodyShape.detect(tape, response: response, request: request, provider: provider, usage: usageIndex)
        call.bodyShape = shape
        if let usageIndex {
            call.usage = try UsageReader.read(tape, usageIndex, shape: shape)
        } else if call.succeeded {
            throw DecodeFailure(.missingUsage, "a successful call without usage")
        }

        call.user = Self.nonEmptyString(tape, fields[.user]) ?? Self.nonEmptyString(tape, fields[.userID])
        if call.user == nil, let request {
            if shape == .anthropic {
                call.user = tape.value(request, "metadata").flatMap { Self.nonEmptyString(tape, $0, "user_id") }
            } else {
                call.user = Self.nonEmptyString(tape, request, "user") ?? Self.nonEmptyString(tape, request, "safety_identifier")
            }
        }
        call.session =
            Self.nonEmptyString(tape, fields[.session]) ?? Self.nonEmptyString(tape, fields[.sessionID])
            ?? Self.nonEmptyString(tape, fields[.traceID]) ?? Self.nonEmptyString(tape, fields[.conversationID])
        call.apiKey = Self.nonEmptyString(tape, fields[.apiKey]) ?? Self.nonEmptyString(tape, fields[.apiKeyID])
        call.team = Self.nonEmptyString(tape, fields[.team])
        call.task = Self.nonEmptyString(tape, fields[.task])
        if let complexity = fields[.complexity], tape.kind(complexity) == .number,
            var parts = DecimalParts(tape.rawBytes(complexity))
        {
            // Truncated towards zero here, clamped to 1...10 where it is used (§6.5).
            let negative = parts.negative
            parts.negative = false
            if let whole = parts.floored(scale: 0) { call.complexity = Int(clamping: negative ? -whole : whole) }
        }
        if let tags = fields[.tags], tape.kind(tags) == .object {
            tape.forEachMember(tags) { key, value in
                if let text = tape.string(value), let name = tape.string(key) { call.tags[name] = text }
            }
        }

        let tierText =
            Self.nonEmptyString(tape, fields[.serviceTier])
            ?? response.flatMap { r in tape.value(r, "usage").flatMap { Self.nonEmptyString(tape, $0, "service_tier") } }
            ?? response.flatMap { Self.nonEmptyString(tape, $0, "service_tier") }
            ?? request.flatMap { Self.nonEmptyString(tape, $0, "service_tier") }
        call.serviceTier = ServiceTier(logged: tierText)
        call.stopReason = BodyFactsReader.stopReason(tape, response: response, shape: shape)
        if request != nil || response != nil {
            call.body = BodyFactsReader.read(
                tape, request: request, response: response, shape: shape,
                keepSystemText: keepSystemText, unitCache: unitCache, promptKeys: promptKeys)
        }
        return call
    }

    /// The call's start from the first timestamp key present.
    static func startTime(_ tape: JSONTape, _ fields: Fields) throws(DecodeFailure) -> Timestamp {
        let timestampFields: [Field] = [.ts, .timestamp, .time, .startTimeSnake, .startTime]
        for (key, field) in zip(timestampKeys, timestampFields) {
            guard let index = fields[field] else { continue }
            let parsed: Timestamp?
            switch tape.kind(index) {
            case .string:
                parsed = tape.isEscaped(index) ? nil : TimestampParser.parseText(tape.rawBytes(index))
            case .number:
                parsed = TimestampParser.parseEpochNumber(tape.rawBytes(index))
            default:
                parsed = nil
            }
            guard let parsed else {
                let raw = String(decoding: tape.rawBytes(index).prefix(40), as: UTF8.self)
                throw DecodeFailure(.badTimestamp, "\(String(decoding: key.bytes, as: UTF8.self)) \"\(raw)\" is not a timestamp")
            }
            return parsed
        }
        throw DecodeFailure(.missingTimestamp, "no ts/timestamp/time/start_time/startTime key")
    }

    /// The record's id: a string, or a number's text.
    static func identifier(_ tape: JSONTape, _ index: Int?) -> String? {
        guard let index else { return nil }
        switch tape.kind(index) {
        case .string:
            let text = tape.string(index) ?? ""
            return text.isEmpty ? nil : text
        case .number: return tape.numberText(index)
        default: return nil
        }
    }

    /// A string field, treating "" as absent.
    static func nonEmptyString(_ tape: JSONTape, _ object: Int, _ key: JSONKey) -> String? {
        nonEmptyString(tape, tape.value(object, key))
    }

    /// The string at `index`, treating "" (and non-strings) as absent.
    static func nonEmptyString(_ tape: JSONTape, _ index: Int?) -> String? {
        guard let index, let text = tape.string(index), !text.isEmpty else { return nil }
        return text
    }
}
