/// Why a response ended, in body-neutral terms.
enum SynthStop {
    case endTurn
    case toolUse
    /// Cut at the request's max tokens: Anthropic `max_tokens`, Chat `length`, Responses incomplete.
    case maxTokens
}

/// The request fields besides the conversation.
struct SynthRequestSettings {
    var model: SynthModel
    var maxTokens: Int
    /// Chat only: newer clients send `max_completion_tokens`, older ones `max_tokens`.
    var useMaxCompletionTokens = true
    var temperatureMilli: Int? = nil
    /// Anthropic extended thinking budget.
    var thinkingBudget: Int? = nil
    /// OpenAI reasoning effort (`reasoning_effort`, Responses `reasoning.effort`).
    var reasoningEffort: StaticString? = nil
    var stream = false
    /// Anthropic `metadata.user_id`, OpenAI `user`: some clients pass the end user.
    var endUser: String? = nil
    /// OpenAI `service_tier` asked for (`flex`, `priority`).
    var serviceTier: StaticString? = nil
}

/// The response fields besides the assistant turn.
struct SynthResponseInfo {
    var id: String
    var createdSeconds: Int64
    var stop: SynthStop
    var usage: SynthUsage
    var anthropicStyle: SynthAnthropicUsageStyle = .cacheFields
    /// Tier the provider reports: OpenAI `default` / `flex` / `priority`; Anthropic `standard` / `priority`.
    var serviceTier: StaticString = "default"
}

/// Dispatch to the writer of each body shape.
enum SynthBodies {
    static func writeRequest(into w: inout SynthJSONWriter, _ conversation: SynthConversation, _ settings: SynthRequestSettings) {
        switch conversation.api {
        case .anthropic: SynthAnthropicBody.writeRequest(into: &w, conversation, settings)
        case .openAIChat: SynthChatBody.writeRequest(into: &w, conversation, settings)
        case .openAIResponses: SynthResponsesBody.writeRequest(into: &w, conversation, settings)
        }
    }

    static func writeResponse(
        into w: inout SynthJSONWriter, api: SynthAPI, model: SynthModel, turn: SynthAssistantTurn,
        info: SynthResponseInfo, _ rng: inout SynthRandom
    ) {
        switch api {
        case .anthropic: SynthAnthropicBody.writeResponse(into: &w, model: model, turn: turn, info: info)
        case .openAIChat: SynthChatBody.writeResponse(into: &w, model: model, turn: turn, info: info)
        case .openAIResponses: SynthResponsesBody.writeResponse(into: &w, model: model, turn: turn, info: info, &rng)
        }
    }

    static func responseID(api: SynthAPI, _ rng: inout SynthRandom) -> String {
        switch api {
        case .anthropic: SynthText.providerID(&rng, prefix: "msg_01", length: 22)
        case .openAIChat: SynthText.providerID(&rng, prefix: "chatcmpl-", length: 29)
        case .openAIResponses: SynthText.providerID(&rng, prefix: "resp_", length: 48, hex: true)
        }
    }
}
