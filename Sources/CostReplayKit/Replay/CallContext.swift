/// Facts about one call that every scenario shares, derived once: its task, complexity, whether
/// it was a wasted retry, and its tool signatures.
public struct CallContext: Sendable {
    public var call: ReplayedCall
    /// Task from the hint, else the task route's rules, else `unknown` (SPEC §6.5).
    public var task: String
    /// 1...10, from the hint or the formula of SPEC §6.5.
    public var complexity: Int
    /// The next logged call of its session re-sent it within the retry window (SPEC §6.7).
    public var isWastedRetry: Bool
    /// Canonical tool signatures of the response, for loop detection.
    public var toolCalls: [ToolCall] { call.record.body?.toolCalls ?? [] }

    public var record: CallRecord { call.record }
    public var session: String? { call.session }
}
