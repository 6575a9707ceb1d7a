/// Derives what the policies need from request and response bodies (SPEC §3.3).
enum BodyFactsReader {
    static let requestKeyExcluded = KeySet([
        "metadata", "stream", "stream_options", "user", "safety_identifier",
        "prompt_cache_key", "service_tier",
    ])
    static let retryKeyExcluded = KeySet([
        "metadata", "stream", "stream_options", "user", "safety_identifier",
        "prompt_cache_key", "service_tier", "max_tokens", "max_completion_tokens",
        "max_output_tokens", "temperature",
    ])

    static let maxTokensKeys: [JSONKey] = ["max_tokens", "max_completion_tokens", "max_output_tokens"]

    /// Reads the facts of a request/response pair of shape `shape`.
    static func read(
        _ tape: JSONTape, request: Int?, response: Int?, shape: BodyShape, keepSystemText: Bool,
        unitCache: PromptUnitCache? = nil, promptKeys: Bool = true
    ) -> BodyFacts {
        var facts = BodyFacts()
        if let response, tape.kind(response) == .object {
            facts.toolCalls = toolCalls(tape, response, shape: shape)
        }
        guard let request, tape.kind(request) == .object else { return facts }
        if let tools = tape.value(request, "tools"), tape.kind(tools) == .array { facts.toolsOffered = tape.count(tools) }
        for key in maxTokensKeys {
            // Log text is untrusted: only a non-negative count within the bucket cap is a limit
            // (anything else would overflow or undercut budget estimates); otherwise it is absent.
            if let index = tape.value(request, key), let value = tape.integer(index), value >= 0,
                value <= Usage.maxTokensPerBucket
            {
                facts.maxTokens = value
                break
            }
        }
        // Decoding a long system prompt per call is costly; only route rules with system_contains need it.
        if keepSystemText { facts.systemText = systemText(tape, request, shape: shape) }
        facts.toolErrors = shape == .anthropic ? toolErrors(tape, request) : 0
        let layout = PromptLayout.of(shape)
        guard promptKeys else {
            // No policy reads prompt hashes or request keys: only the message count (for the
            // complexity formula) is needed, and it is the number of units after unit 0.
            if let messages = tape.value(request, layout.messagesKey) {
                facts.messageCount = tape.kind(messages) == .array ? tape.count(messages) : 1
            }
            return facts
        }
        if let units = readPromptUnits(tape, request, layout: layout, cache: unitCache, into: &facts) {
            facts.requestKey = key(tape, request, excluding: requestKeyExcluded, reusing: units, layout: layout)
            facts.retryKey = key(tape, request, excluding: retryKeyExcluded, reusing: units, layout: layout)
        } else {
            facts.requestKey = key(tape, request, excluding: requestKeyExcluded)
            facts.retryKey = key(tape, request, excluding: retryKeyExcluded)
        }
        return facts
    }

    /// The stop (finish) reason of a response, lower-cased.
    static func stopReason(_ tape: JSONTape, response: Int?, shape: BodyShape) -> String? {
        guard let response, tape.kind(response) == .object else { return nil }
        switch shape {
        case .anthropic:
            return tape.string(response, "stop_reason")?.lowercased()
        case .openaiChat:
            guard let choices = tape.value(response, "choices"), let first = tape.firstElement(choices) else { return nil }
            return tape.string(first, "finish_reason")?.lowercased()
        case .openaiResponses:
            if tape.string(response, "status") == "incomplete",
                let details = tape.value(response, "incomplete_details"), let reason = tape.string(details, "reason")
            {
                return reason.lowercased()
            }
            return tape.string(response, "status")?.lowercased()
        }
    }

    static func toolCalls(_ tape: JSONTape, _ response: Int, shape: BodyShape) -> [ToolCall] {
        var calls: [ToolCall] = []
        switch shape {
        case .anthropic:
            guard let content = tape.value(response, "content") else { return [] }
            tape.forEachElement(content) { block in
                guard tape.kind(block) == .object, tape.string(block, "type") == "tool_use" else { return }
                let name = tape.string(block, "name") ?? ""
                let input = tape.value(block, "input").map { CanonicalJSON.string(tape, $0) } ?? "null"
                calls.append(ToolCall(name: name, canonicalInput: input))
            }
        case .openaiChat:
            guard let choices = tape.value(response, "choices"), let first = tape.firstElement(choices),
                let toolCalls = tape.value(first, "message", "tool_calls")
            else { return [] }
            tape.forEachElement(toolCalls) { call in
                guard tape.kind(call) == .object, let function = tape.value(call, "function") else { return }
                calls.append(
                    ToolCall(
                        name: tape.string(function, "name") ?? "",
                        canonicalInput: canonicalArguments(tape, tape.value(function, "arguments"))))
            }
        case .openaiResponses:
            guard let output = tape.value(response, "output") else { return [] }
            tape.forEachElement(output) { item in
                guard tape.kind(item) == .object, tape.string(item, "type") == "function_call" else { return }
                calls.append(
                    ToolCall(
                        name: tape.string(item, "name") ?? "",
                        canonicalInput: canonicalArguments(tape, tape.value(item, "arguments"))))
            }
        }
        return calls
    }

    /// OpenAI `arguments` is a JSON string: its parsed value, or the string itself when it does not
    /// parse (null → JSON null).
    static func canonicalArguments(_ tape: JSONTape, _ index: Int?) -> String {
        guard let index else { return "null" }
        guard tape.kind(index) == .string else { return CanonicalJSON.string(tape, index) }
        var text = tape.decodedStringBytes(index)
        let parsed: String? = text.withUnsafeMutableBytes { buffer in
            var inner = JSONTape(maxDepth: 256)
            do {
                try inner.parse(UnsafeRawBufferPointer(buffer))
                return CanonicalJSON.string(inner, inner.root)
            } catch {
                return nil
            }
        }
        return parsed ?? CanonicalJSON.string(tape, index)
    }

    /// Anthropic `tool_result` blocks with `is_error: true` in the last request message.
    static func toolErrors(_ tape: JSONTape, _ request: Int) -> Int {
        guard let messages = tape.value(request, "messages"), let last = tape.lastElement(messages),
            tape.kind(last) == .object, let content = tape.value(last, "content"), tape.kind(content) == .array
        else { return 0 }
        var errors = 0
        tape.forEachElement(content) { block in
            if tape.kind(block) == .object, tape.string(block, "type") == "tool_result",
                let flag = tape.value(block, "is_error"), tape.bool(flag) == true
            {
                errors += 1
            }
        }
        return errors
    }

    static func systemText(_ tape: JSONTape, _ request: Int, shape: BodyShape) -> String? {
        if shape == .openaiResponses, let instructions = tape.string(request, "instructions") { return instructions }
        if let system = tape.value(request, "system") {
            return text(tape, system)
        }
        guard let messages = tape.value(request, "messages") else { return nil }
        var parts: [String] = []
        tape.forEachElement(messages) { message in
            guard tape.kind(message) == .object, let role = tape.string(message, "role"),
                role == "system" || role == "developer", let content = tape.value(message, "content")
            else { return }
            if let text = text(tape, content) { parts.append(text) }
        }
        return parts.isEmpty ? nil : parts.joined(separator: "\n")
    }

    /// The text of a string, or of an array of `{text}` blocks joined by newlines.
    static func text(_ tape: JSONTape, _ index: Int) -> String? {
        if let string = tape.string(index) { return string }
        var parts: [String] = []
        tape.forEachElement(index) { block in
            if tape.kind(block) == .object, let text = tape.string(block, "text") { parts.append(text) }
        }
        return parts.isEmpty ? nil : parts.joined(separator: "\n")
    }

    /// Which request keys form unit 0 and which hold the messages, per body shape.
    struct PromptLayout: Sendable {
        let zeroKeys: KeySet
        let zeroKeyList: [JSONKey]
        let messagesKey: JSONKey
        let messagesKeySet: KeySet

        /// Built once per shape, not per call (each holds a few small arrays).
        static let responses = PromptLayout(zero: ["model", "tools", "instructions"], messages: "input")
        static let chat = PromptLayout(zero: ["model", "tools", "system"], messages: "messages")

        static func of(_ shape: BodyShape) -> PromptLayout { shape == .openaiResponses ? responses : chat }

        private init(zero: [String], messages: String) {
            zeroKeys = KeySet(zero)
            zeroKeyList = zero.map { JSONKey($0) }
            messagesKey = JSONKey(messages)
            messagesKeySet = KeySet([messages])
        }
    }

    /// Hashes of unit 0 and of each message unit on its own (for reuse by the request keys).
    struct UnitHashes {
        let zero: UInt64
        let messages: [UInt64]
    }

    /// Prompt units and their prefix hashes: unit 0 is model/tools/system, then one per message.
    /// Returns the units' own hashes, or nil when the request has no messages.
    static func readPromptUnits(
        _ tape: JSONTape, _ request: Int, layout: PromptLayout, cache: PromptUnitCache?,
        into facts: inout BodyFacts
    ) -> UnitHashes? {
        guard let messages = tape.value(request, layout.messagesKey) else { return nil }
        let zero: PromptUnitCache.Entry
        if let cache {
            zero = cache.unitZero(tape, request: request, keys: layout.zeroKeyList, include: layout.zeroKeys)
        } else {
            var sink = HashingSink()
            CanonicalJSON.writeObject(tape, request, to: &sink) { key in layout.zeroKeys.contains(key) }
            zero = PromptUnitCache.Entry(canonicalHash: sink.hasher.finalize(), canonicalBytes: sink.byteCount)
        }
        let zeroHash = zero.canonicalHash
        var previous = zeroHash
        let messageCount = tape.kind(messages) == .array ? tape.count(messages) : 1
        var units: [PromptUnit] = []
        units.reserveCapacity(messageCount + 1)
        units.append(PromptUnit(prefixHash: previous, bytes: zero.canonicalBytes))
        var own: [UInt64] = []
        own.reserveCapacity(messageCount)
        func addUnit(_ index: Int) {
            let unit = cache?.unit(tape, index) ?? PromptUnitCache.canonical(tape, index)
            own.append(unit.canonicalHash)
            var combined = StreamHasher(seed: 1)
            combined.update(word: previous)
            combined.update(word: unit.canonicalHash)
            previous = combined.finalize()
            units.append(PromptUnit(prefixHash: previous, bytes: unit.canonicalBytes))
        }
        if tape.kind(messages) == .array {
            tape.forEachElement(messages) { addUnit($0) }
        } else {
            addUnit(messages)
        }
        facts.messageCount = units.count - 1
        facts.promptUnits = units
        return UnitHashes(zero: zeroHash, messages: own)
    }

    /// Hash of the canonical request without the excluded keys.
    static func key(_ tape: JSONTape, _ request: Int, excluding excluded: KeySet) -> UInt64 {
        var sink = HashingSink(seed: 2)
        CanonicalJSON.writeObject(tape, request, to: &sink) { key in !excluded.contains(key) }
        return sink.hasher.finalize()
    }

    /// The same key computed from the unit hashes, so the (large) messages are hashed only once:
    /// the canonical remaining members, unit 0's hash (or its excluded keys' absence), and each
    /// message's hash. Two requests get equal keys exactly when their canonical forms without the
    /// excluded keys are equal (up to hash collisions), which is all SPEC §3.3 asks of the key.
    static func key(
        _ tape: JSONTape, _ request: Int, excluding excluded: KeySet, reusing units: UnitHashes,
        layout: PromptLayout
    ) -> UInt64 {
        let messagesKey = layout.messagesKeySet
        var sink = HashingSink(seed: 3)
        CanonicalJSON.writeObject(tape, request, to: &sink) { key in
            !excluded.contains(key) && !layout.zeroKeys.contains(key) && !messagesKey.contains(key)
        }
        // Unit 0's keys are never excluded, so its hash stands for them.
        sink.hasher.update(word: units.zero)
        sink.hasher.update(word: UInt64(units.messages.count))
        for hash in units.messages { sink.hasher.update(word: hash) }
        return sink.hasher.finalize()
    }
}
