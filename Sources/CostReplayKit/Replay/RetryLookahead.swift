/// Decides which calls were wasted retries (SPEC §6.7) by looking ahead in the replay stream:
/// a truncated or failed-with-usage call A is wasted when the next logged call of its session (or,
/// without one, of its user's session-less calls) has the same retry key and starts at most
/// `window` after A ends. Calls are held only until that is known, in order. A candidate holds the
/// stream for at most `maxHoldMicros` of replay time past its start plus the window: a call that
/// ran longer than that is decided "not retried" then, so one very long call cannot make the look-ahead
/// hold the rest of the input (documented in docs/decisions.md).
struct RetryLookahead {
    private struct Held {
        var call: ReplayedCall
        /// nil while undecided.
        var wasted: Bool?
        var group: String?
    }

    let windowMicros: Int64
    /// Longest a candidate may hold later calls beyond its start and the retry window.
    let maxHoldMicros: Int64 = 3_600_000_000
    private var queue: [Held] = []
    private var head = 0
    /// Group → queue index of its undecided candidate.
    private var pending: [String: Int] = [:]

    init(windowMicros: Int64) { self.windowMicros = windowMicros }

    /// The group whose next call decides: explicit session, else the user's session-less calls.
    static func group(_ call: ReplayedCall) -> String? {
        if let session = call.record.session { return "s:" + session }
        if let user = call.record.user { return "u:" + user }
        return nil
    }

    static func isCandidate(_ record: CallRecord) -> Bool {
        guard record.usage != nil else { return false }
        if !record.succeeded { return true }
        guard let reason = record.stopReason else { return false }
        return reason == "max_tokens" || reason == "length" || reason == "model_context_window_exceeded"
    }

    /// Adds the next call in replay order; returns the calls now decided, in order.
    mutating func push(_ call: ReplayedCall) -> [(ReplayedCall, Bool)] {
        let now = call.record.start.micros
        let group = Self.group(call)
        if let group, let index = pending.removeValue(forKey: group) {
            let candidate = queue[index].call
            let key = candidate.record.body?.retryKey
            queue[index].wasted =
                key != nil && key == call.record.body?.retryKey
                && now <= candidate.record.end.micros &+ windowMicros
        }
        // Candidates whose window has passed without a next call were not retried.
        for (pendingGroup, index) in pending
        where queue[index].call.record.end.micros &+ windowMicros < now
            || queue[index].call.record.start.micros &+ windowMicros &+ maxHoldMicros < now
        {
            queue[index].wasted = false
            pending.removeValue(forKey: pendingGroup)
        }
        var held = Held(call: call, wasted: false, group: group)
        if let group, Self.isCandidate(call.record) {
            held.wasted = nil
            pending[group] = queue.count
        }
        queue.append(held)
        return release()
    }

    /// Everything still held, at the end of the input (undecided candidates were not retried).
    mutating func finish() -> [(ReplayedCall, Bool)] {
        for index in head..<queue.count where queue[index].wasted == nil { queue[index].wasted = false }
        pending.removeAll()
        return release()
    }

    private mutating func release() -> [(ReplayedCall, Bool)] {
        var released: [(ReplayedCall, Bool)] = []
        while head < queue.count, let wasted = queue[head].wasted {
            released.append((queue[head].call, wasted))
            head += 1
        }
        if head == queue.count {
            queue.removeAll(keepingCapacity: true)
            head = 0
        } else if head > 1024 && head * 2 > queue.count {
            queue.removeFirst(head)
            for key in pending.keys { pending[key]! -= head }
            head = 0
        }
        return released
    }
}
