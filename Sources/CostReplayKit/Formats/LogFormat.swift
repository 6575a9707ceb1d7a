/// The log formats of SPEC §3.1.
public enum LogFormat: String, CaseIterable, Sendable {
    case envelope
    case openaiBatch = "openai-batch"
    case claudeCode = "claude-code"
    case bedrock
    case otel
    case litellm

    /// Formats this version can decode; the others are recognised and reported as unsupported.
    public var isSupported: Bool {
        switch self {
        case .envelope, .litellm, .openaiBatch, .bedrock, .otel, .claudeCode: return true
        }
    }

    /// Detects the format from the first line that parses as a JSON object (SPEC §3.1).
    public static func detect(_ tape: JSONTape, _ object: Int) -> LogFormat {
        if tape.has(object, "custom_id") && (tape.has(object, "response") || tape.has(object, "error")) {
            return .openaiBatch
        }
        if tape.has(object, "sessionId") { return .claudeCode }
        if let type = tape.string(object, "type"),
            ["user", "assistant", "summary", "system", "file-history-snapshot", "progress"].contains(type)
        {
            return .claudeCode
        }
        if tape.string(object, "schemaType") == "ModelInvocationLog" { return .bedrock }
        if tape.has(object, "resourceSpans") { return .otel }
        if (tape.has(object, "call_type") && tape.has(object, "response_cost")) || tape.has(object, "standard_logging_object") {
            return .litellm
        }
        return .envelope
    }
}
