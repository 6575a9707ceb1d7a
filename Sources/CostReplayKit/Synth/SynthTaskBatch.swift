/// Short one-shot calls — classification, extraction, summarization, routing — one alone or a
/// pipeline's burst, all sharing one instruction prompt, no session, small outputs, often sent
/// to expensive models (what model routing would save).
final class SynthTaskBatch: SynthActivity {
    struct Plan {
        var caller: SynthCaller
        var api: SynthAPI
        var settings: SynthRequestSettings
        var count: Int
        var cacheMode: SynthPromptCache.Mode = .none
        var systemCache: SynthCacheTTL? = nil
        /// Call `index` is refused; `retried`: the pipeline sends it again after a backoff.
        var failure: (index: Int, kind: SynthFailure, retried: Bool)? = nil
        /// The last call is sent a second time, identical, minutes later (the last, so that the
        /// batch's calls stay in start order).
        var resend = false
        /// Milliseconds between the calls of a burst.
        var spacingMs: ClosedRange<Int> = 300...5000
        /// The batch uses the unpriced model: count its succeeded calls (a failed call without
        /// usage is never unpriced, §3.2).
        var countsUnpriced = false
        /// 0 classification, 1 extraction, 2 summarization, 3 routing.
        var kind = 0

        var calls: Int {
            var n = count
            if let failure, failure.retried { n += 1 }
            if resend { n += 1 }
            return n
        }
    }

    private let plan: Plan
    private var rng: SynthRandom
    private var cache: SynthPromptCache
    private let system: [UInt8]
    private let kind: Int
    private var index = 0
    private var retrying = false
    private var failureWritten = false
    private var document: [UInt8] = []
    private var resentFrom: Int?
    private(set) var nextStartMs: Int64

    var plannedCalls: Int { plan.calls }

    private static let labels = ["billing", "bug", "feature_request", "account", "refund", "security", "other"]

    init(plan: Plan, startMs: Int64, rng: SynthRandom) {
        self.plan = plan
        self.rng = rng
        nextStartMs = startMs
        cache = SynthPromptCache(mode: plan.cacheMode)
        kind = plan.kind
        var s: [UInt8] = []
        switch kind {
        case 0:
            synthAppend(
                "Classify the customer message into exactly one of: billing, bug, feature_request, account, refund, security, other. Answer with JSON {\"label\": …, \"confidence\": …}.\n",
                to: &s)
        case 1:
            synthAppend(
                "Extract the order id, the amount and the customer's request from the text. Answer with JSON only; use null for missing fields.\n",
                to: &s)
        case 2: synthAppend("Summarize the document in two sentences for an internal dashboard.\n", to: &s)
        default:
            synthAppend(
                "Route the request to one of the teams: search, infra, growth, support, data, payments. Answer with the team name only.\n",
                to: &s)
        }
        // Some pipelines paste long guidelines and examples: a prefix worth caching.
        let guidelines = plan.systemCache != nil ? self.rng.logUniformInt(4500, 10_000) : self.rng.logUniformInt(40, 4000)
        SynthText.prose(&self.rng, bytes: guidelines, into: &s)
        system = s
    }

    func emitNext(_ run: SynthRun) throws(SynthError) -> Bool {
        let start = nextStartMs
        if !retrying && resentFrom == nil {
            document = SynthText.prose(&rng, bytes: rng.logUniformInt(80, 2000))
        }
        var conversation = SynthConversation(api: plan.api, system: system, systemCache: plan.systemCache, tools: nil)
        conversation.appendUser(text: document)

        if let failure = plan.failure, failure.index == index, !failureWritten {
            failureWritten = true
            let latency = try run.writeFailure(
                plan.caller, conversation, plan.settings, failure: failure.kind, retried: failure.retried, startMs: start, &rng)
            if failure.retried {
                retrying = true
                nextStartMs = start + Int64(latency + rng.int(1000, 20_000))
                return true
            }
            return advance(from: start, latency: latency)
        }
        retrying = false
        var answer = SynthAssistantTurn()
        answer.text = makeAnswer()
        if plan.settings.model.reasoning { answer.hiddenTokens = rng.logUniformInt(64, 1500) }
        let (latency, _) = try run.writeSuccess(
            plan.caller, conversation, plan.settings, turn: answer, cache: &cache, sharesWholePrompt: false, startMs: start, &rng)
        if plan.countsUnpriced { run.incidents.unpricedCalls += 1 }
        if let first = resentFrom {
            run.incidents.resentIdentical += 1
            if run.incidents.resentExample == nil {
                run.incidents.resentExample = SynthRun.callID(first) + " " + SynthRun.callID(run.calls)
            }
            return false
        }
        if plan.resend && index == plan.count - 1 {
            resentFrom = run.calls
            nextStartMs = start + Int64(latency + rng.int(15_000, 240_000))
            return true
        }
        return advance(from: start, latency: latency)
    }

    private func advance(from start: Int64, latency: Int) -> Bool {
        index += 1
        guard index < plan.count else { return false }
        nextStartMs = start + Int64(latency + rng.int(plan.spacingMs.lowerBound, plan.spacingMs.upperBound))
        return true
    }

    private func makeAnswer() -> [UInt8] {
        var out: [UInt8] = []
        switch kind {
        case 0:
            synthAppend("{\"label\": \"", to: &out)
            out.append(contentsOf: Array(rng.pick(SynthTaskBatch.labels).utf8))
            synthAppend("\", \"confidence\": 0.", to: &out)
            SynthJSONWriter.appendDecimal(Int64(rng.int(51, 99)), to: &out)
            out.append(UInt8(ascii: "}"))
        case 1:
            synthAppend("{\"order_id\": \"ORD-", to: &out)
            SynthJSONWriter.appendDecimal(Int64(rng.int(100_000, 999_999)), to: &out)
            synthAppend("\", \"amount\": ", to: &out)
            SynthJSONWriter.appendDecimal(Int64(rng.int(1, 2000)), to: &out)
            synthAppend(", \"request\": \"", to: &out)
            SynthText.sentence(&rng, into: &out)
            synthAppend("\"}", to: &out)
        case 2:
            SynthText.prose(&rng, bytes: rng.int(120, 400), into: &out)
        default:
            out.append(contentsOf: Array(rng.pick(["search", "infra", "growth", "support", "data", "payments"]).utf8))
        }
        return out
    }
}
