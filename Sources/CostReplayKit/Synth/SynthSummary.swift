/// What a synth run wrote.
public struct SynthSummary: Sendable {
    /// Physical lines written: `calls` plus the injected duplicate lines.
    public let lines: Int
    /// Call lines written (each with a distinct `id`).
    public let calls: Int
    /// Bytes of the log before compression, newlines included.
    public let bytesUncompressed: Int64
    /// The injected incidents, keyed by kind; values are ids, names or counts as text. A key is
    /// present only when its incident was injected (the runaway session needs 300 calls, the
    /// budget blow-out 1,000):
    /// - `runaway_session`: session id of the agent that repeats one identical tool call;
    ///   `runaway_repeats`: how many calls repeat it; `runaway_tool`: `name input-json`.
    /// - `budget_user`: the user who spends over $100 on one UTC day (`budget_day`, `YYYY-MM-DD`)
    ///   with Opus/o3 agent sessions (`budget_sessions`, comma-separated);
    ///   `budget_estimated_usd`: those sessions' spend at list prices.
    /// - `resent_identical`: calls whose request body repeats an earlier call's within minutes,
    ///   under a new id; `resent_identical_example`: `original-id resend-id`.
    /// - `max_tokens_retries`: calls re-sent with a larger max tokens after a `max_tokens` /
    ///   `length` truncation, in the same session within a minute; `max_tokens_retry_example`: a
    ///   session id.
    /// - `errors_429`, `errors_529`: failed calls by status; `errors_retried`: those re-sent with
    ///   the same body.
    /// - `unpriced_model`: the model no price book lists; `unpriced_calls`: its succeeded calls
    ///   (failed calls have no usage and are never unpriced, §3.2).
    /// - `duplicate_lines`: lines written twice, byte for byte (same `id`).
    public let incidents: [String: String]

    public init(lines: Int, calls: Int, bytesUncompressed: Int64, incidents: [String: String]) {
        self.lines = lines
        self.calls = calls
        self.bytesUncompressed = bytesUncompressed
        self.incidents = incidents
    }
}
