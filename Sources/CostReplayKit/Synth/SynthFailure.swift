/// A call the provider refused: what the gateway logs instead of a response.
enum SynthFailure {
    /// 429: Anthropic `rate_limit_error`, OpenAI `rate_limit_exceeded`.
    case rateLimited
    /// 529: Anthropic `overloaded_error` (OpenAI has no 529).
    case overloaded

    var status: Int {
        switch self {
        case .rateLimited: 429
        case .overloaded: 529
        }
    }

    /// Writes the provider's error body as `response` (when `keepBody`; some gateways drop it) and
    /// the gateway's `error` summary. No usage: nothing was billed.
    func write(
        into w: inout SynthJSONWriter, api: SynthAPI, model: SynthModel, organization: String, keepBody: Bool,
        _ rng: inout SynthRandom
    ) {
        let anthropic = api == .anthropic
        var message: [UInt8] = []
        switch (self, anthropic) {
        case (.overloaded, _):
            synthAppend("Overloaded", to: &message)
        case (.rateLimited, true):
            synthAppend("This request would exceed the rate limit for your organization of ", to: &message)
            SynthJSONWriter.appendDecimal(Int64(rng.pick([80_000, 200_000, 400_000])), to: &message)
            synthAppend(
                " input tokens per minute. Please reduce the prompt length or the maximum tokens requested, or try again later.",
                to: &message)
        case (.rateLimited, false):
            synthAppend("Rate limit reached for ", to: &message)
            message.append(contentsOf: Array(model.name.utf8))
            synthAppend(" in organization ", to: &message)
            message.append(contentsOf: Array(organization.utf8))
            synthAppend(" on tokens per min (TPM): Limit 30000, Used 29412, Requested ", to: &message)
            SynthJSONWriter.appendDecimal(Int64(rng.int(800, 9000)), to: &message)
            synthAppend(". Please try again in 2.4s.", to: &message)
        }
        if keepBody {
            w.key("response")
            w.objectStart()
            if anthropic {
                w.key("type"); w.string("error")
                w.key("error"); w.objectStart()
                w.key("type"); w.string(self == .overloaded ? "overloaded_error" : "rate_limit_error")
                w.key("message"); w.string(bytes: message)
                w.objectEnd()
            } else {
                w.key("error"); w.objectStart()
                w.key("message"); w.string(bytes: message)
                w.key("type"); w.string("tokens")
                w.key("param"); w.null()
                w.key("code"); w.string("rate_limit_exceeded")
                w.objectEnd()
            }
            w.objectEnd()
        }
        w.key("error"); w.objectStart()
        if anthropic {
            w.key("type"); w.string(self == .overloaded ? "overloaded_error" : "rate_limit_error")
        } else {
            w.key("code"); w.string("rate_limit_exceeded")
        }
        w.key("message"); w.string(bytes: message)
        w.objectEnd()
    }
}
