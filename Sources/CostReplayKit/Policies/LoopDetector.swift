/// Loop detection per session (the seed's LoopDetector, SPEC §6.4): request caps and tool-error
/// streaks before a call, and repeated, near-duplicate or alternating tool calls after it.
struct LoopDetector {
    let config: LoopConfig

    /// A class: the history arrays are mutated in place, never copied back into the dictionary.
    private final class SessionState {
        var requests = 0
        var errorStreak = 0
        /// The most recent tool calls only: no rule looks further back than `keep` entries.
        var history: [ToolCall] = []
        var shingles: [Set<UInt32>] = []
        /// Every tool call the session made (for `max_tool_calls`).
        var toolCallCount = 0
        var madeCost: Money = .zero
    }
    private var sessions = IDTable<SessionState>()

    /// Why a session was halted.
    struct Halt {
        var reason: String
        var detail: String
    }

    init(config: LoopConfig) { self.config = config }

    /// Tool calls held for a session (for memory tests).
    func historyCount(_ session: Int32) -> Int { sessions[session]?.history.count ?? 0 }

    /// Step 1: counts the request and extends or resets the tool-error streak. A returned halt
    /// avoids this call and the rest of the session.
    mutating func beforeCall(session: Int32, toolErrors: Int) -> Halt? {
        let state = self.state(session)
        state.requests += 1
        state.errorStreak = toolErrors > 0 ? state.errorStreak + 1 : 0
        if config.errorStreak > 0 && state.errorStreak >= config.errorStreak {
            return Halt(reason: "error_streak", detail: "\(state.errorStreak) consecutive requests carrying tool errors")
        }
        if config.maxRequests > 0 && state.requests > config.maxRequests {
            return Halt(reason: "max_requests", detail: "request \(state.requests) of a session limited to \(config.maxRequests)")
        }
        return nil
    }

    /// Step 5: the session cost cap. A returned halt avoids this call and the rest of the session.
    func exceedsCostCap(session: Int32, cost: Money) -> Halt? {
        guard config.maxSessionCost.raw > 0 else { return nil }
        let spent = sessions[session]?.madeCost ?? .zero
        guard spent + cost > config.maxSessionCost else { return nil }
        return Halt(
            reason: "max_session_cost",
            detail:
                "session cost \(NumberFormatting.dollars(spent)) + this call \(NumberFormatting.dollars(cost)) > cap \(NumberFormatting.dollars(config.maxSessionCost))"
        )
    }

    /// Adds a made call's cost to its session.
    mutating func recordCost(session: Int32, cost: Money) {
        let state = self.state(session)
        state.madeCost = state.madeCost + cost
    }

    private mutating func state(_ session: Int32) -> SessionState {
        if let existing = sessions[session] { return existing }
        let created = SessionState()
        sessions[session] = created
        return created
    }

    /// Step 7: feeds the call's tool calls; a returned halt keeps this call and avoids the rest of
    /// the session.
    mutating func afterCall(session: Int32, toolCalls: [ToolCall]) -> Halt? {
        guard !toolCalls.isEmpty else { return nil }
        let state = self.state(session)
        let useShingles = config.similarity < 1_000_000
        for call in toolCalls {
            if config.maxToolCalls > 0 && state.toolCallCount >= config.maxToolCalls {
                return Halt(
                    reason: "max_tool_calls",
                    detail: "tool call \(state.toolCallCount + 1) after \(config.maxToolCalls): " + Self.shorten(call.signature))
            }
            let callShingles = useShingles ? Self.shingles(call.canonicalInput) : []
            if config.maxRepeats > 0 {
                let start = max(0, state.history.count - config.repeatWindow)
                var similar = 0
                for index in start..<state.history.count
                where isSimilar(
                    state.history[index], useShingles ? state.shingles[index] : [],
                    call, callShingles)
                {
                    similar += 1
                }
                if similar >= config.maxRepeats {
                    return Halt(
                        reason: "repeat",
                        detail: "\(similar) of the last \(min(config.repeatWindow, state.history.count)) tool calls repeat "
                            + Self.shorten(call.signature))
                }
            }
            state.history.append(call)
            if useShingles { state.shingles.append(callShingles) }
            state.toolCallCount += 1
            if config.alternating >= 4 && state.history.count >= config.alternating {
                let tail = state.history.suffix(config.alternating)
                let a = tail[tail.startIndex]
                let b = tail[tail.startIndex + 1]
                if a != b && tail.enumerated().allSatisfy({ $0.element == ($0.offset % 2 == 0 ? a : b) }) {
                    return Halt(
                        reason: "alternating",
                        detail: "\(config.alternating) tool calls alternating " + Self.shorten(a.signature) + " / "
                            + Self.shorten(b.signature))
                }
            }
            // Memory per session stays at the window the rules read, however long the session runs.
            let keep = max(config.repeatWindow, config.alternating, 1)
            if state.history.count > 2 * keep {
                state.history.removeFirst(state.history.count - keep)
                if useShingles { state.shingles.removeFirst(state.shingles.count - keep) }
            }
        }
        return nil
    }

    /// Same name and equal input, or (below similarity 1.0) byte-equal or 3-gram Jaccard ≥ similarity.
    private func isSimilar(_ a: ToolCall, _ aShingles: Set<UInt32>, _ b: ToolCall, _ bShingles: Set<UInt32>) -> Bool {
        guard a.name == b.name else { return false }
        if a.canonicalInput == b.canonicalInput { return true }
        guard config.similarity < 1_000_000 else { return false }
        let union = aShingles.union(bShingles).count
        guard union > 0 else { return false }
        let intersection = aShingles.intersection(bShingles).count
        // intersection / union ≥ similarity, exactly: intersection × 10⁶ ≥ similarity × union.
        return Int128(intersection) * 1_000_000 >= config.similarity * Int128(union)
    }

    /// The set of 3-byte substrings of a canonical input.
    static func shingles(_ text: String) -> Set<UInt32> {
        let bytes = Array(text.utf8)
        guard bytes.count >= 3 else { return [] }
        var result = Set<UInt32>()
        for index in 0...(bytes.count - 3) {
            result.insert(UInt32(bytes[index]) << 16 | UInt32(bytes[index + 1]) << 8 | UInt32(bytes[index + 2]))
        }
        return result
    }

    /// A signature cut to a readable length for incidents.
    static func shorten(_ signature: String) -> String {
        let flat = signature.replacingAll("\n", with: " ")
        return flat.count > 120 ? String(flat.prefix(119)) + "…" : flat
    }
}
