/// The three request/response body shapes the generator writes.
enum SynthAPI {
    case anthropic
    case openAIChat
    case openAIResponses
}

/// A model the generator calls, with what shapes its bodies and timings.
struct SynthModel {
    /// Name sent in `request.model`.
    let name: String
    /// Name the provider reports in `response.model` (OpenAI and Anthropic report dated snapshots).
    let reportedName: String
    let provider: String
    let anthropic: Bool
    /// Hidden reasoning tokens on OpenAI reasoning models.
    let reasoning: Bool
    /// Output speed in tokens per second, for latencies.
    let tokensPerSecond: Double
    /// List prices in USD per million tokens (input, output): used only to size the budget incident.
    let inputPrice: Double
    let outputPrice: Double

    static let sonnet45 = SynthModel(
        name: "claude-sonnet-4-5", reportedName: "claude-sonnet-4-5-20250929", provider: "anthropic", anthropic: true,
        reasoning: false, tokensPerSecond: 70, inputPrice: 3, outputPrice: 15)
    static let opus41 = SynthModel(
        name: "claude-opus-4-1", reportedName: "claude-opus-4-1-20250805", provider: "anthropic", anthropic: true,
        reasoning: false, tokensPerSecond: 45, inputPrice: 15, outputPrice: 75)
    static let haiku45 = SynthModel(
        name: "claude-haiku-4-5", reportedName: "claude-haiku-4-5-20251001", provider: "anthropic", anthropic: true,
        reasoning: false, tokensPerSecond: 140, inputPrice: 1, outputPrice: 5)
    static let haiku35 = SynthModel(
        name: "claude-3-5-haiku-20241022", reportedName: "claude-3-5-haiku-20241022", provider: "anthropic", anthropic: true,
        reasoning: false, tokensPerSecond: 120, inputPrice: 0.8, outputPrice: 4)
    static let sonnet4 = SynthModel(
        name: "claude-sonnet-4-20250514", reportedName: "claude-sonnet-4-20250514", provider: "anthropic", anthropic: true,
        reasoning: false, tokensPerSecond: 65, inputPrice: 3, outputPrice: 15)
    static let opus4 = SynthModel(
        name: "claude-opus-4-20250514", reportedName: "claude-opus-4-20250514", provider: "anthropic", anthropic: true,
        reasoning: false, tokensPerSecond: 40, inputPrice: 15, outputPrice: 75)
    static let gpt4o = SynthModel(
        name: "gpt-4o", reportedName: "gpt-4o-2024-08-06", provider: "openai", anthropic: false, reasoning: false,
        tokensPerSecond: 90, inputPrice: 2.5, outputPrice: 10)
    static let gpt4oMini = SynthModel(
        name: "gpt-4o-mini", reportedName: "gpt-4o-mini-2024-07-18", provider: "openai", anthropic: false, reasoning: false,
        tokensPerSecond: 110, inputPrice: 0.15, outputPrice: 0.6)
    static let gpt41 = SynthModel(
        name: "gpt-4.1", reportedName: "gpt-4.1-2025-04-14", provider: "openai", anthropic: false, reasoning: false,
        tokensPerSecond: 85, inputPrice: 2, outputPrice: 8)
    static let gpt41Mini = SynthModel(
        name: "gpt-4.1-mini", reportedName: "gpt-4.1-mini-2025-04-14", provider: "openai", anthropic: false, reasoning: false,
        tokensPerSecond: 120, inputPrice: 0.4, outputPrice: 1.6)
    static let gpt5 = SynthModel(
        name: "gpt-5", reportedName: "gpt-5-2025-08-07", provider: "openai", anthropic: false, reasoning: true,
        tokensPerSecond: 75, inputPrice: 1.25, outputPrice: 10)
    static let gpt5Mini = SynthModel(
        name: "gpt-5-mini", reportedName: "gpt-5-mini-2025-08-07", provider: "openai", anthropic: false, reasoning: true,
        tokensPerSecond: 110, inputPrice: 0.25, outputPrice: 2)
    static let o3 = SynthModel(
        name: "o3", reportedName: "o3-2025-04-16", provider: "openai", anthropic: false, reasoning: true, tokensPerSecond: 60,
        inputPrice: 2, outputPrice: 8)
    /// Not in any price book: its calls must come out unpriced.
    static let unpriced = SynthModel(
        name: "acme-llm-preview", reportedName: "acme-llm-preview", provider: "acme", anthropic: false, reasoning: false,
        tokensPerSecond: 100, inputPrice: 0, outputPrice: 0)

    /// Agent models per body shape, with weights.
    static let anthropicAgents: [(SynthModel, Double)] = [
        (sonnet45, 50), (sonnet4, 15), (opus41, 12), (opus4, 5), (haiku45, 13), (haiku35, 5),
    ]
    static let chatAgents: [(SynthModel, Double)] = [(gpt41, 35), (gpt4o, 25), (o3, 15), (gpt41Mini, 15), (gpt5, 10)]
    static let responsesAgents: [(SynthModel, Double)] = [(gpt5, 45), (gpt5Mini, 25), (o3, 20), (gpt41, 10)]
    /// Short classification/extraction calls: mostly sent to expensive models, the waste routing finds.
    static let anthropicShort: [(SynthModel, Double)] = [
        (sonnet45, 40), (opus41, 20), (sonnet4, 15), (opus4, 5), (haiku45, 12), (haiku35, 8),
    ]
    static let openAIShort: [(SynthModel, Double)] = [
        (gpt41, 30), (gpt4o, 25), (gpt5, 15), (o3, 8), (gpt4oMini, 12), (gpt41Mini, 6), (gpt5Mini, 4),
    ]
    /// Plain chat.
    static let anthropicChat: [(SynthModel, Double)] = [
        (sonnet45, 45), (haiku45, 20), (sonnet4, 15), (opus41, 10), (haiku35, 10),
    ]
    static let openAIChat: [(SynthModel, Double)] = [
        (gpt4o, 30), (gpt4oMini, 20), (gpt41, 20), (gpt5, 12), (gpt41Mini, 10), (gpt5Mini, 8),
    ]

    static func pick(_ table: [(SynthModel, Double)], _ rng: inout SynthRandom) -> SynthModel {
        table[rng.weighted(table.map(\.1))].0
    }
}
