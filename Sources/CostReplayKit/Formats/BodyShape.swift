/// The provider API a request/response body follows; it decides the usage convention (SPEC §3.3, §4).
public enum BodyShape: String, Sendable {
    case anthropic
    case openaiChat = "openai-chat"
    case openaiResponses = "openai-responses"

    /// The vendor whose API this shape is.
    public var vendor: String { self == .anthropic ? "anthropic" : "openai" }

    /// Decides the shape from the response body, else the provider label, else the request.
    static func detect(_ tape: JSONTape, response: Int?, request: Int?, provider: String?, usage: Int?) -> BodyShape {
        if let response, tape.kind(response) == .object {
            if let choices = tape.value(response, "choices"), tape.kind(choices) == .array { return .openaiChat }
            if tape.value(response, "usage", "prompt_tokens") != nil { return .openaiChat }
            if let output = tape.value(response, "output"), tape.kind(output) == .array { return .openaiResponses }
            if tape.string(response, "object") == "response" { return .openaiResponses }
            if let content = tape.value(response, "content"), tape.kind(content) == .array { return .anthropic }
            if tape.string(response, "type") == "message" { return .anthropic }
        }
        if let provider, ["anthropic", "bedrock", "vertex", "vertex_ai"].contains(provider) { return .anthropic }
        if let request, tape.kind(request) == .object {
            if tape.has(request, "input") && !tape.has(request, "messages") { return .openaiResponses }
            if tape.has(request, "system") { return .anthropic }
            if tape.has(request, "messages") { return .openaiChat }
        }
        if let usage, tape.kind(usage) == .object {
            if tape.has(usage, "prompt_tokens") { return .openaiChat }
            if tape.has(usage, "input_tokens_details") { return .openaiResponses }
        }
        return .anthropic
    }
}
