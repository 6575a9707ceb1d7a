/// Reads a usage object into the priced buckets under each body shape's convention (SPEC §4).
enum UsageReader {
    /// Normalizes `usage` (an object) of a body of shape `shape`.
    static func read(_ tape: JSONTape, _ usage: Int, shape: BodyShape) throws(DecodeFailure) -> Usage {
        guard tape.kind(usage) == .object else { throw DecodeFailure(.badUsage, "usage is not an object") }
        var result = Usage()
        switch shape {
        case .anthropic:
            result.input = try count(tape, usage, "input_tokens")
            if let creation = tape.value(usage, "cache_creation"), tape.kind(creation) == .object {
                result.cacheWrite5m = try count(tape, creation, "ephemeral_5m_input_tokens")
                result.cacheWrite1h = try count(tape, creation, "ephemeral_1h_input_tokens")
            } else {
                result.cacheWrite5m = try count(tape, usage, "cache_creation_input_tokens")
            }
            result.cacheRead = try count(tape, usage, "cache_read_input_tokens")
            result.output = try count(tape, usage, "output_tokens")
        case .openaiChat:
            let prompt = try count(tape, usage, "prompt_tokens")
            let details = tape.value(usage, "prompt_tokens_details").flatMap { tape.kind($0) == .object ? $0 : nil }
            let cached = try details.map { d throws(DecodeFailure) in try count(tape, d, "cached_tokens") } ?? 0
            var written: Int64 = 0
            if let details, tape.value(details, "cache_write_tokens") != nil {
                written = try count(tape, details, "cache_write_tokens")
            } else {
                written = try count(tape, usage, "cache_write_tokens")
            }
            result.cacheRead = cached
            result.cacheWrite5m = written
            result.input = prompt - cached - written
            result.output = try count(tape, usage, "completion_tokens")
            if let completion = tape.value(usage, "completion_tokens_details"), tape.kind(completion) == .object {
                result.reasoning = try count(tape, completion, "reasoning_tokens")
            }
        case .openaiResponses:
            let input = try count(tape, usage, "input_tokens")
            var cached: Int64 = 0
            var written: Int64 = 0
            if let details = tape.value(usage, "input_tokens_details"), tape.kind(details) == .object {
                cached = try count(tape, details, "cached_tokens")
                written = try count(tape, details, "cache_write_tokens")
            }
            result.cacheRead = cached
            result.cacheWrite5m = written
            result.input = input - cached - written
            result.output = try count(tape, usage, "output_tokens")
            if let details = tape.value(usage, "output_tokens_details"), tape.kind(details) == .object {
                result.reasoning = try count(tape, details, "reasoning_tokens")
            }
        }
        guard result.input >= 0 else {
            throw DecodeFailure(.badUsage, "cached tokens exceed the input tokens (uncached input would be \(result.input))")
        }
        return result
    }

    /// A token count: absent or null is 0; anything but a non-negative integer literal is bad-usage.
    static func count(_ tape: JSONTape, _ object: Int, _ key: JSONKey) throws(DecodeFailure) -> Int64 {
        guard let index = tape.value(object, key), !tape.isNull(index) else { return 0 }
        guard let value = tape.integer(index), value >= 0, value <= Usage.maxTokensPerBucket else {
            let shown =
                tape.kind(index) == .string
                ? "\"" + (tape.string(index) ?? "") + "\""
                : String(decoding: tape.rawBytes(index).prefix(40), as: UTF8.self)
            let name = String(decoding: key.bytes, as: UTF8.self)
            if let value = tape.integer(index), value > Usage.maxTokensPerBucket {
                throw DecodeFailure(.badUsage, "\(name) is \(value), over the limit of 1,000,000,000 tokens per bucket")
            }
            throw DecodeFailure(.badUsage, "\(name) is \(shown.prefix(60)), not a non-negative integer")
        }
        return value
    }
}
