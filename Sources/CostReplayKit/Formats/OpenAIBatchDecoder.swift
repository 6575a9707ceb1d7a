/// Decodes OpenAI Batch API output lines (SPEC §3.6 openai-batch). Every call is billed at the
/// batch tier; its time is the completion time `response.body.created`.
struct OpenAIBatchDecoder: LogDecoder {
    mutating func decode(_ tape: JSONTape, context: DecodeContext, into output: inout DecodeOutput) throws(DecodeFailure) {
        let root = tape.root
        let response = FormatFields.object(tape, root, "response")
        let body = FormatFields.object(tape, response, "body")
        let status = FormatFields.status(tape, response.flatMap { tape.value($0, "status_code") })
        let usageIndex = body.flatMap { b in tape.value(b, "usage").flatMap { tape.isNull($0) ? nil : $0 } }
        guard let body else {
            // `error` and no body (or an empty response): nothing was billed.
            output.nonCalls[.batchErrors, default: 0] += 1
            return
        }
        if let status, status >= 400, usageIndex == nil {
            output.nonCalls[.batchErrors, default: 0] += 1
            return
        }
        guard let createdIndex = tape.value(body, "created") ?? tape.value(body, "created_at"), !tape.isNull(createdIndex)
        else { throw DecodeFailure(.missingTimestamp, "no response.body.created") }
        guard tape.kind(createdIndex) == .number else {
            throw DecodeFailure(.badTimestamp, "response.body.created is not a number of epoch seconds")
        }
        let created = try FormatFields.timestamp(tape, createdIndex, key: "response.body.created")
        guard let model = FormatFields.string(tape, body, "model") else {
            throw DecodeFailure(.missingModel, "no model in the response body")
        }
        let customID = FormatFields.identifier(tape, root, "custom_id")
        let lineID = FormatFields.identifier(tape, root, "id")
        let id: String
        switch (customID, lineID) {
        case (let custom?, let line?): id = custom + ":" + line
        case (let custom?, nil): id = custom
        case (nil, let line?): id = line
        case (nil, nil): id = "\(context.pathKey):\(context.line)"
        }
        var call = CallRecord(
            id: id, origin: RecordOrigin(fileIndex: context.fileIndex, line: context.line), start: created, end: created,
            model: model)
        call.status = status ?? 200
        call.succeeded = (status ?? 200) < 400
        call.serviceTier = .batch
        let shape = BodyShape.detect(tape, response: body, request: nil, provider: nil, usage: usageIndex)
        call.bodyShape = shape
        if let usageIndex {
            call.usage = try UsageReader.read(tape, usageIndex, shape: shape)
        } else if call.succeeded {
            throw DecodeFailure(.missingUsage, "a successful response body without usage")
        }
        call.stopReason = BodyFactsReader.stopReason(tape, response: body, shape: shape)
        // The output file has no request bodies: only the response's tool calls are known.
        var facts = BodyFacts()
        facts.toolCalls = BodyFactsReader.toolCalls(tape, body, shape: shape)
        call.body = facts
        output.records.append(call)
    }
}
