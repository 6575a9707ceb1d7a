/// Facts about one call that every scenario shares, derived once: its task, complexity, whether
/// it was a wasted retry, and its tool signatures.
///
/// A class so that a dozen scenarios on several threads share one copy instead of copying the call
/// record into each; it is immutable after creation.
public final class CallContext: @unchecked Sendable {
    public let call: ReplayedCall
    /// Task from the hint, else the task route's rules, else `unknown` (SPEC §6.5).
    public let task: String
    /// 1...10, from the hint or the formula of SPEC §6.5.
    public let complexity: Int
    /// The next logged call of its session re-sent it within the retry window (SPEC §6.7).
    public let isWastedRetry: Bool
    /// The call belongs to the `--focus` target.
    public let inFocus: Bool
    /// Interned ids of the session, user and API key (-1 when absent).
    let sessionID: Int32
    let userID: Int32
    let apiKeyID: Int32

    init(
        call: ReplayedCall, task: String, complexity: Int, isWastedRetry: Bool, sessionID: Int32 = -1, userID: Int32 = -1,
        apiKeyID: Int32 = -1, inFocus: Bool = false
    ) {
        self.inFocus = inFocus
        self.call = call
        self.task = task
        self.complexity = complexity
        self.isWastedRetry = isWastedRetry
        self.sessionID = sessionID
        self.userID = userID
        self.apiKeyID = apiKeyID
    }

    /// Canonical tool signatures of the response, for loop detection.
    public var toolCalls: [ToolCall] { call.record.body?.toolCalls ?? [] }
    public var record: CallRecord { call.record }
    public var session: String? { call.session }
}
