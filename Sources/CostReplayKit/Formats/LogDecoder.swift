/// Where a decoder is in the inputs, for ids and messages.
public struct DecodeContext: Sendable {
    public var pathKey: String
    public var fileIndex: Int32
    public var line: Int64

    public init(pathKey: String, fileIndex: Int32, line: Int64) {
        self.pathKey = pathKey
        self.fileIndex = fileIndex
        self.line = line
    }
}

/// Log entries that are neither calls nor malformed, counted per file (SPEC §3.6, §7.1 Data quality).
public enum NonCallKind: String, CaseIterable, Sendable, Comparable {
    /// Claude Code client-side placeholders (`<synthetic>` model, `isApiErrorMessage`).
    case synthetic
    /// OpenAI Batch lines that failed without a billable response.
    case batchErrors = "batch-errors"
    /// LiteLLM answers from its own cache (`cache_hit: true`).
    case cacheHits = "cache-hits"

    public static func < (a: NonCallKind, b: NonCallKind) -> Bool { a.rawValue < b.rawValue }

    /// The row label in the report's Data quality section.
    public var dataQualityLabel: String {
        switch self {
        case .synthetic: return "Claude Code synthetic entries (not calls)"
        case .batchErrors: return "OpenAI Batch error lines (not billed)"
        case .cacheHits: return "LiteLLM cache hits (not calls)"
        }
    }
}

/// What decoding one line produced: zero or more calls, non-call entries, and malformed records of
/// a line that was otherwise used (an OpenTelemetry export with one bad span).
public struct DecodeOutput {
    public var records: [CallRecord] = []
    public var nonCalls: [NonCallKind: Int64] = [:]
    /// Records of the line that were skipped while others were used; each counts as malformed.
    public var failures: [DecodeFailure] = []

    public init() {}
}

/// Turns the parsed JSON object of one line into call records. One decoder per format, all behind
/// this interface. Lines are decoded in batches on worker threads, so a decoder sees consecutive
/// lines of one batch; state that spans a whole file (Claude Code's entries of one call) is merged
/// in file order after decoding (`ClaudeCodeGrouper`).
public protocol LogDecoder {
    /// Decodes one line's top-level object (`tape.root`), appending what it found to `output`. A
    /// thrown failure makes the whole line malformed.
    mutating func decode(_ tape: JSONTape, context: DecodeContext, into output: inout DecodeOutput) throws(DecodeFailure)
}
