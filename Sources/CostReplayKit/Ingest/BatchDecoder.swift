#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What decoding one batch produced.
struct DecodedBatch: @unchecked Sendable {
    var sequence: Int
    var records: [CallRecord] = []
    /// Entries that are neither calls nor malformed (synthetic, batch errors, cache hits).
    var nonCalls: [NonCallKind: Int64] = [:]
    var malformedCounts: [MalformedReason: Int64] = [:]
    /// The first skipped lines (at most `InputSummary.malformedExampleLimit`).
    var examples: [MalformedRecord] = []
    var lines: Int64 = 0
    var blankLines: Int64 = 0
    var unsupportedLines: Int64 = 0
    var bytes: Int64 = 0
}

/// Per-file facts every batch decode needs.
struct BatchDecodeSettings: @unchecked Sendable {
    var pathKey: String
    var fileIndex: Int32
    var keepSystemText: Bool
    /// Derive prompt hashes and request keys (some policy reads them).
    var promptKeys = true
    /// One per worker thread, shared by every file of a run.
    var unitCaches: [PromptUnitCache]
}

/// Decodes the lines of one batch (on a worker thread): JSON tape → format decoder.
enum BatchDecoder {
    static func decode(
        _ batch: LineBatch, format: LogFormat?, settings: BatchDecodeSettings,
        unitCache: PromptUnitCache? = nil
    ) -> DecodedBatch {
        var result = DecodedBatch(sequence: batch.sequence)
        result.bytes = batch.byteCount
        for line in batch.tooLongLines {
            result.lines += 1
            skip(.lineTooLong, line: line, detail: "line longer than 64 MiB", settings: settings, into: &result)
        }
        switch format {
        case .litellm:
            var decoder = LiteLLMDecoder(keepSystemText: settings.keepSystemText, unitCache: unitCache)
            decoder.promptKeys = settings.promptKeys
            decodeLines(batch, format: format, decoder: &decoder, settings: settings, into: &result)
        case .openaiBatch:
            var decoder = OpenAIBatchDecoder()
            decodeLines(batch, format: format, decoder: &decoder, settings: settings, into: &result)
        case .bedrock:
            var decoder = BedrockDecoder(keepSystemText: settings.keepSystemText, unitCache: unitCache)
            decoder.promptKeys = settings.promptKeys
            decodeLines(batch, format: format, decoder: &decoder, settings: settings, into: &result)
        case .otel:
            var decoder = OTelDecoder()
            decodeLines(batch, format: format, decoder: &decoder, settings: settings, into: &result)
        case .claudeCode:
            var decoder = ClaudeCodeDecoder(pathKey: settings.pathKey)
            decodeLines(batch, format: format, decoder: &decoder, settings: settings, into: &result)
        case .envelope, nil:
            var decoder = EnvelopeDecoder(keepSystemText: settings.keepSystemText, unitCache: unitCache)
            decoder.promptKeys = settings.promptKeys
            decodeLines(batch, format: format, decoder: &decoder, settings: settings, into: &result)
        }
        return result
    }

    /// Decodes every line of `batch` with `decoder` (specialized per format).
    static func decodeLines<Decoder: LogDecoder>(
        _ batch: LineBatch, format: LogFormat?, decoder: inout Decoder, settings: BatchDecodeSettings,
        into result: inout DecodedBatch
    ) {
        var tape = JSONTape()
        var output = DecodeOutput()
        let base = UnsafeRawPointer(batch.bytes.baseAddress)
        let count = batch.bytes.count
        var position = 0
        var number = batch.firstLine
        while position < count, let base {
            let end: Int
            if let found = memchr(base + position, 0x0A, count - position) {
                end = base.distance(to: UnsafeRawPointer(found))
            } else {
                end = count
            }
            let line = UnsafeRawBufferPointer(start: base + position, count: end - position)
            result.lines += 1
            if line.count > batch.maxLineBytes {
                skip(.lineTooLong, line: number, detail: "line longer than 64 MiB", settings: settings, into: &result)
                position = end + 1
                number += 1
                continue
            }
            decodeLine(
                line, number: number, tape: &tape, format: format, decoder: &decoder, output: &output, settings: settings,
                into: &result)
            position = end + 1
            number += 1
        }
        result.records = output.records
        result.nonCalls = output.nonCalls
    }

    static func decodeLine<Decoder: LogDecoder>(
        _ bytes: UnsafeRawBufferPointer, number: Int64, tape: inout JSONTape, format: LogFormat?,
        decoder: inout Decoder, output: inout DecodeOutput, settings: BatchDecodeSettings, into result: inout DecodedBatch
    ) {
        if isBlank(bytes) {
            result.blankLines += 1
            return
        }
        do {
            try tape.parse(bytes)
        } catch {
            switch error {
            case .tooDeep:
                skip(
                    .tooDeep, line: number, detail: "JSON nested deeper than \(tape.maxDepth) levels", settings: settings,
                    into: &result)
            case .invalid(let offset):
                skip(.invalidJSON, line: number, detail: "invalid JSON at byte \(offset + 1)", settings: settings, into: &result)
            }
            return
        }
        guard tape.kind(tape.root) == .object else {
            skip(.notAnObject, line: number, detail: "the line is JSON but not an object", settings: settings, into: &result)
            return
        }
        if let format, !format.isSupported {
            // Recognised but not decodable by this version: counted per file, not as malformed.
            result.unsupportedLines += 1
            return
        }
        let context = DecodeContext(pathKey: settings.pathKey, fileIndex: settings.fileIndex, line: number)
        do {
            try decoder.decode(tape, context: context, into: &output)
        } catch {
            skip(error.reason, line: number, detail: error.detail, settings: settings, into: &result)
        }
        if !output.failures.isEmpty {
            for failure in output.failures {
                skip(failure.reason, line: number, detail: failure.detail, settings: settings, into: &result)
            }
            output.failures.removeAll(keepingCapacity: true)
        }
    }

    static func skip(
        _ reason: MalformedReason, line: Int64, detail: String, settings: BatchDecodeSettings,
        into result: inout DecodedBatch
    ) {
        result.malformedCounts[reason, default: 0] += 1
        if result.examples.count < InputSummary.malformedExampleLimit {
            result.examples.append(MalformedRecord(reason: reason, pathKey: settings.pathKey, line: line, detail: detail))
        }
    }

    static func isBlank(_ bytes: UnsafeRawBufferPointer) -> Bool {
        for byte in bytes where !(byte == 0x20 || byte == 0x09 || byte == 0x0D) { return false }
        return true
    }

    /// The format of the first line of `batch` that parses as a JSON object, if any.
    static func detectFormat(_ batch: LineBatch) -> LogFormat? {
        var tape = JSONTape()
        guard let base = UnsafeRawPointer(batch.bytes.baseAddress) else { return nil }
        let count = batch.bytes.count
        var position = 0
        while position < count {
            let end = memchr(base + position, 0x0A, count - position).map { base.distance(to: UnsafeRawPointer($0)) } ?? count
            let line = UnsafeRawBufferPointer(start: base + position, count: end - position)
            position = end + 1
            guard !isBlank(line), (try? tape.parse(line)) != nil, tape.kind(tape.root) == .object else { continue }
            return LogFormat.detect(tape, tape.root)
        }
        return nil
    }
}
