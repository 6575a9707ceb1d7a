/// Who makes an activity's calls and how the gateway labels them: fixed for the activity.
struct SynthCaller {
    var user: SynthUser
    var apiKey: String
    var env: StaticString
    var app: StaticString
    var session: String? = nil
    var task: String? = nil
    var complexity: Int? = nil
    /// Top-level `service_tier` of the envelope (batch, flex, priority), nil for standard.
    var envelopeTier: StaticString? = nil
    /// What the provider reports (`default`, `flex`, `priority`; Anthropic `standard`, `priority`).
    var responseTier: StaticString = "default"
    var anthropicStyle: SynthAnthropicUsageStyle = .cacheFields
    /// Tokenizers differ: 3.6–4.4 bytes a token, fixed per activity so counts grow with bodies.
    var bytesPerTokenMilli: Int = 4000

    /// The OpenAI organization of the caller's team, as quoted in rate-limit messages: stable per team.
    var organization: String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in user.team.utf8 { hash = (hash ^ UInt64(b)) &* 0x100_0000_01b3 }
        var rng = SynthRandom(seed: hash)
        return SynthText.providerID(&rng, prefix: "org-", length: 24)
    }

    func envelope(startMs: Int64, latencyMs: Int, model: SynthModel, status: Int = 200) -> SynthEnvelope {
        SynthEnvelope(
            startMs: startMs, latencyMs: latencyMs, user: user.name, team: user.team, apiKey: apiKey,
            session: session, task: task, complexity: complexity, provider: model.provider, status: status,
            serviceTier: envelopeTier, env: env, app: app)
    }
}
