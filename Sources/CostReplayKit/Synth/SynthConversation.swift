/// What the model answers in one call, independent of the body shape.
struct SynthAssistantTurn {
    /// Anthropic extended thinking: the summarized text shown, and its signature.
    var thinking: [UInt8] = []
    var signature = ""
    /// Reasoning tokens billed as output but never shown (Claude's full thinking, OpenAI reasoning).
    var hiddenTokens = 0
    var text: [UInt8] = []
    var toolCalls: [SynthToolCall] = []

    /// Bytes of visible output, for the output token count.
    var visibleBytes: Int {
        var n = thinking.count + text.count
        for call in toolCalls { n += call.input.count + call.name.utf8.count + 12 }
        return n
    }
}

/// A conversation as re-sent on every call: the messages so far, serialized once in the body
/// shape of `api` and kept as bytes, so turn n costs a copy of the prefix instead of n
/// re-serializations. Memory is one session's history, dropped when the session ends.
struct SynthConversation {
    let api: SynthAPI
    /// Raw system text: Anthropic `system`, Responses `instructions`, Chat's first message.
    let system: [UInt8]?
    /// Anthropic: the cache breakpoint on the system prompt, `nil` for none.
    let systemCache: SynthCacheTTL?
    /// Serialized `tools` array, or nil.
    let tools: [UInt8]?
    /// Anthropic incremental caching: the last message carries a `cache_control` breakpoint, as
    /// agent harnesses do, so it is kept apart in both forms until the next message arrives.
    let marksLastMessage: Bool

    private(set) var committed: [UInt8] = []
    private(set) var committedCount = 0
    private var lastPlain: [UInt8] = []
    private var lastMarked: [UInt8] = []
    private var hasLast = false

    init(api: SynthAPI, system: [UInt8]?, systemCache: SynthCacheTTL? = nil, tools: [UInt8]?, marksLastMessage: Bool = false) {
        self.api = api
        self.system = system
        self.systemCache = systemCache
        self.tools = tools
        self.marksLastMessage = marksLastMessage && api == .anthropic
        committed.reserveCapacity(16 << 10)
        if api == .openAIChat, let system {
            append(SynthChatBody.systemMessage(system), count: 1)
        }
    }

    /// Elements of `messages` (Responses: `input` items) a request will carry.
    var messageCount: Int { committedCount + (hasLast ? 1 : 0) }

    /// Bytes of the stable head (system text and tool definitions), for 1-hour cache writes.
    var headBytes: Int { (system?.count ?? 0) + (tools?.count ?? 0) }

    mutating func appendUser(text: [UInt8]) {
        switch api {
        case .anthropic:
            appendLast(
                SynthAnthropicBody.userMessage(text, marked: false, blocks: marksLastMessage),
                SynthAnthropicBody.userMessage(text, marked: true, blocks: true))
        case .openAIChat:
            append(SynthChatBody.userMessage(text), count: 1)
        case .openAIResponses:
            append(SynthResponsesBody.userMessage(text), count: 1)
        }
    }

    mutating func appendAssistant(_ turn: SynthAssistantTurn) {
        switch api {
        case .anthropic:
            append(SynthAnthropicBody.assistantMessage(turn), count: 1)
        case .openAIChat:
            append(SynthChatBody.assistantMessage(turn), count: 1)
        case .openAIResponses:
            let (items, count) = SynthResponsesBody.assistantItems(turn)
            append(items, count: count)
        }
    }

    mutating func appendToolResults(_ results: [SynthToolResult]) {
        guard !results.isEmpty else { return }
        switch api {
        case .anthropic:
            appendLast(
                SynthAnthropicBody.toolResults(results, marked: false), SynthAnthropicBody.toolResults(results, marked: true))
        case .openAIChat:
            for r in results { append(SynthChatBody.toolMessage(r), count: 1) }
        case .openAIResponses:
            for r in results { append(SynthResponsesBody.functionOutput(r), count: 1) }
        }
    }

    /// Writes the elements of the messages array (the caller opened it).
    func writeMessages(into w: inout SynthJSONWriter) {
        w.rawElements(committed, count: committedCount)
        if hasLast { w.raw(marksLastMessage ? lastMarked : lastPlain) }
    }

    private mutating func commitLast() {
        guard hasLast else { return }
        hasLast = false
        append(lastPlain, count: 1)
    }

    private mutating func append(_ element: [UInt8], count: Int) {
        commitLast()
        if committedCount > 0 { committed.append(UInt8(ascii: ",")) }
        committed.append(contentsOf: element)
        committedCount += count
    }

    private mutating func appendLast(_ plain: [UInt8], _ marked: [UInt8]) {
        commitLast()
        lastPlain = plain
        lastMarked = marked
        hasLast = true
    }
}
