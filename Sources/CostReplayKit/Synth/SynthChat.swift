/// A person chatting: no `session` field (the replay infers sessions from the gaps), a growing
/// message list, minutes between turns, a system prompt on most.
final class SynthChat: SynthActivity {
    struct Plan {
        var caller: SynthCaller
        var api: SynthAPI
        var settings: SynthRequestSettings
        var turns: Int
        var cacheMode: SynthPromptCache.Mode = .none
        var systemCache: SynthCacheTTL? = nil
        var hasSystem = true
        /// At this turn the provider refuses the call; `retried`: the user sends it again.
        var failure: (turn: Int, kind: SynthFailure, retried: Bool)? = nil
        /// At this turn the client sends the identical request a second time, minutes later.
        var resendTurn: Int? = nil

        var calls: Int {
            var n = turns
            if let failure, failure.retried { n += 1 }
            if resendTurn != nil { n += 1 }
            return n
        }
    }

    private let plan: Plan
    private var rng: SynthRandom
    private var conversation: SynthConversation
    private var cache: SynthPromptCache
    private var turn = 0
    /// Steps within the turn: failure, then the call, then the resend.
    private var step = 0
    private var failedTurnEnded = false
    private var firstCallOfTurn: Int?
    private(set) var nextStartMs: Int64

    var plannedCalls: Int { plan.calls }

    init(plan: Plan, startMs: Int64, rng: SynthRandom) {
        self.plan = plan
        self.rng = rng
        nextStartMs = startMs
        var system: [UInt8]?
        if plan.hasSystem {
            var s: [UInt8] = []
            synthAppend("You are a helpful assistant for the ", to: &s)
            s.append(contentsOf: Array(plan.caller.user.team.utf8))
            synthAppend(" team. Answer concisely and cite internal docs when relevant.\n", to: &s)
            // Cached system prompts are the long ones: style guides, product docs.
            let size = plan.systemCache != nil ? self.rng.logUniformInt(4500, 9000) : self.rng.logUniformInt(60, 2000)
            SynthText.prose(&self.rng, bytes: size, into: &s)
            system = s
        }
        conversation = SynthConversation(api: plan.api, system: system, systemCache: plan.systemCache, tools: nil)
        cache = SynthPromptCache(mode: plan.cacheMode)
        conversation.appendUser(text: SynthText.prose(&self.rng, bytes: self.rng.logUniformInt(40, 1200)))
    }

    func emitNext(_ run: SynthRun) throws(SynthError) -> Bool {
        let start = nextStartMs
        if let failure = plan.failure, failure.turn == turn, step == 0 {
            let latency = try run.writeFailure(
                plan.caller, conversation, plan.settings, failure: failure.kind, retried: failure.retried, startMs: start, &rng)
            step = 1
            if failure.retried {
                nextStartMs = start + Int64(latency + rng.int(1000, 30_000))
                return true
            }
            // Not retried: the user gives up on this turn and the chat ends here.
            return false
        }
        var answer = SynthAssistantTurn()
        answer.text = SynthText.prose(&rng, bytes: rng.logUniformInt(100, 1800))
        if plan.settings.model.reasoning { answer.hiddenTokens = rng.logUniformInt(64, 2500) }
        let (latency, _) = try run.writeSuccess(
            plan.caller, conversation, plan.settings, turn: answer, cache: &cache, sharesWholePrompt: true, startMs: start, &rng)
        if plan.resendTurn == turn && step < 2 {
            // Same request again (a double submit, a client retry on a slow answer).
            if firstCallOfTurn == nil {
                firstCallOfTurn = run.calls
                step = 2
                nextStartMs = start + Int64(latency + rng.int(20_000, 240_000))
                return true
            }
        }
        if let first = firstCallOfTurn {
            run.incidents.resentIdentical += 1
            if run.incidents.resentExample == nil {
                run.incidents.resentExample = SynthRun.callID(first) + " " + SynthRun.callID(run.calls)
            }
            firstCallOfTurn = nil
        }
        conversation.appendAssistant(answer)
        turn += 1
        step = 0
        guard turn < plan.turns else { return false }
        conversation.appendUser(text: SynthText.prose(&rng, bytes: rng.logUniformInt(30, 900)))
        // Reading and typing: seconds to a quarter of an hour, under the 30-minute session gap.
        nextStartMs = start + Int64(latency + rng.logUniformInt(8000, 900_000))
        return true
    }
}
