/// An agent session: an explicit `session` id, tools offered, and every turn re-sending the
/// whole conversation — task, the model's tool calls, the tool results — so bodies and input
/// tokens grow turn by turn until the final answer.
final class SynthAgentSession: SynthActivity {
    /// Something that happens at one turn besides a plain call.
    enum Event {
        /// The provider refuses the call; the agent's SDK re-sends the same request after a backoff.
        case failure(SynthFailure)
        /// The answer is cut at max tokens; the agent re-sends with twice the max tokens within a minute.
        case truncated
    }

    struct Plan {
        var caller: SynthCaller
        var api: SynthAPI
        var settings: SynthRequestSettings
        var kit: SynthTools.Kit
        var turns: Int
        var events: [Int: Event] = [:]
        var cacheMode: SynthPromptCache.Mode = .none
        /// Anthropic: breakpoint on the system prompt, and moving breakpoint on the last message.
        var systemCache: SynthCacheTTL? = nil
        var marksLastMessage = false
        /// Hidden thinking/reasoning tokens per turn.
        var hiddenTokens: ClosedRange<Int>? = nil
        /// From this turn on, every turn repeats one identical tool call (the runaway incident).
        var runawayFrom: Int? = nil
        /// Milliseconds the client spends running tools between turns.
        var toolTimeMs: ClosedRange<Int> = 300...15_000
        /// Count this session's spend into the budget incident.
        var budgetIncident = false

        /// Calls the plan makes: a turn, plus one for each re-sent request.
        var calls: Int { turns + events.count }
    }

    private var plan: Plan
    private var rng: SynthRandom
    private var conversation: SynthConversation
    private var cache: SynthPromptCache
    private var turn = 0
    /// 0: the turn's first request; 1: its re-send after a failure or truncation.
    private var attempt = 0
    private var pending: SynthAssistantTurn?
    private var runawayCall: SynthToolCall?
    private var runawayOutput: [UInt8] = []
    private(set) var nextStartMs: Int64

    var plannedCalls: Int { plan.calls }

    init(plan: Plan, startMs: Int64, rng: SynthRandom) {
        self.plan = plan
        self.rng = rng
        self.nextStartMs = startMs
        var system: [UInt8] = []
        synthAppend("You are a careful autonomous agent working for the ", to: &system)
        system.append(contentsOf: Array(plan.caller.user.team.utf8))
        synthAppend(
            " team. Use the tools to inspect before you change anything, keep changes minimal, and report what you did.\n\n",
            to: &system)
        SynthText.prose(&self.rng, bytes: self.rng.logUniformInt(500, 2500), into: &system)
        conversation = SynthConversation(
            api: plan.api, system: system, systemCache: plan.systemCache,
            tools: SynthTools.definitions(plan.kit, api: plan.api), marksLastMessage: plan.marksLastMessage)
        cache = SynthPromptCache(mode: plan.cacheMode)
        var task: [UInt8] = []
        synthAppend("Task: ", to: &task)
        SynthText.prose(&self.rng, bytes: self.rng.logUniformInt(120, 1500), into: &task)
        conversation.appendUser(text: task)
        if let from = plan.runawayFrom, from < plan.turns {
            // One command, byte-identical every time; its output never changes either.
            var w = SynthJSONWriter(capacity: 128)
            w.objectStart()
            w.key("command"); w.string("npm test -- --runInBand")
            w.key("timeout_s"); w.int(600)
            w.objectEnd()
            runawayCall = SynthToolCall(id: "", name: "run_shell", input: w.bytes)
            SynthText.shellOutput(&self.rng, bytes: 1500, failing: true, into: &runawayOutput)
        }
    }

    func emitNext(_ run: SynthRun) throws(SynthError) -> Bool {
        let start = nextStartMs
        let answer = pending ?? makeTurn()
        pending = answer
        var settings = plan.settings
        let event = plan.events[turn]

        if attempt == 0, let event {
            switch event {
            case .failure(let failure):
                let latency = try run.writeFailure(
                    plan.caller, conversation, settings, failure: failure, retried: true, startMs: start, &rng)
                attempt = 1
                nextStartMs = start + Int64(latency + rng.int(1000, 20_000))
                return true
            case .truncated:
                var cut = SynthAssistantTurn()
                cut.text = SynthText.prose(&rng, bytes: settings.maxTokens * plan.caller.bytesPerTokenMilli / 1000 - 60)
                let (latency, _) = try run.writeSuccess(
                    plan.caller, conversation, settings, turn: cut, truncated: true, cache: &cache,
                    sharesWholePrompt: true, startMs: start, &rng)
                attempt = 1
                nextStartMs = start + Int64(latency + rng.int(2000, 30_000))
                return true
            }
        }
        if attempt == 1, case .truncated = event {
            settings.maxTokens *= 2
            run.incidents.maxTokensRetries += 1
            if run.incidents.maxTokensRetrySession == nil { run.incidents.maxTokensRetrySession = plan.caller.session }
        }
        let (latency, usage) = try run.writeSuccess(
            plan.caller, conversation, settings, turn: answer, cache: &cache, sharesWholePrompt: true, startMs: start, &rng)
        if plan.budgetIncident {
            run.incidents.budgetCostUSD +=
                (Double(usage.totalInput) * settings.model.inputPrice + Double(usage.output) * settings.model.outputPrice) / 1e6
        }

        conversation.appendAssistant(answer)
        let toolTime: Int
        if runawayCall != nil, let from = plan.runawayFrom, turn >= from {
            conversation.appendToolResults(
                answer.toolCalls.map { SynthToolResult(callID: $0.id, content: runawayOutput, isError: false) })
            toolTime = rng.int(6000, 14_000)  // the test suite runs every time
        } else {
            conversation.appendToolResults(answer.toolCalls.map { SynthTools.result(for: $0, &rng, failing: rng.chance(0.04)) })
            toolTime = answer.toolCalls.isEmpty ? 0 : rng.logUniformInt(plan.toolTimeMs.lowerBound, plan.toolTimeMs.upperBound)
        }
        pending = nil
        attempt = 0
        turn += 1
        nextStartMs = start + Int64(latency + toolTime)
        return turn < plan.turns
    }

    /// The model's answer for the current turn: tool calls until the last turn, then a summary.
    private func makeTurn() -> SynthAssistantTurn {
        var t = SynthAssistantTurn()
        if let call = runawayCall, let from = plan.runawayFrom, turn >= from {
            let lines: [StaticString] = [
                "The tests are still failing. Let me run them again.",
                "Let me re-run the test suite to check.",
                "Running the tests again to confirm the failure.",
            ]
            var text: [UInt8] = []
            synthAppend(lines[rng.below(lines.count)], to: &text)
            t.text = text
            t.toolCalls = [SynthToolCall(id: SynthTools.callID(api: plan.api, &rng), name: call.name, input: call.input)]
        } else if turn == plan.turns - 1 {
            t.text = SynthText.prose(&rng, bytes: rng.logUniformInt(200, 1500))
        } else {
            if rng.chance(0.5) { t.text = SynthText.prose(&rng, bytes: rng.logUniformInt(40, 300)) }
            let n = [1, 2, 3][rng.weighted([82, 14, 4])]
            for _ in 0..<n { t.toolCalls.append(SynthTools.call(plan.kit, api: plan.api, &rng)) }
        }
        if let range = plan.hiddenTokens {
            t.hiddenTokens = rng.int(range.lowerBound, range.upperBound)
            if plan.settings.thinkingBudget != nil {
                // Claude 4 returns a summary of its thinking, billed for the full thinking.
                t.thinking = SynthText.prose(&rng, bytes: rng.logUniformInt(150, 900))
                t.signature = SynthText.providerID(&rng, prefix: "Eq", length: 340)
            }
        }
        return t
    }
}
