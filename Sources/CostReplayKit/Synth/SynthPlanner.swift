/// Decides what happens when: the stream of activities in start order, each with its calls
/// counted in advance so the log has exactly `calls` call lines.
///
/// Ordinary activities arrive at increasing "progress" through the calls, mapped to time by the
/// day/night timeline. The rarer incidents (errors, truncations, re-sends, the unpriced model)
/// are spread by quotas — "one per N calls planned so far" — rather than coin flips, so that even
/// a small log has each of them and a large one has them at a steady rate. The runaway session
/// and the budget blow-out are placed at fixed hours of fixed days.
struct SynthPlanner {
    /// One incident per `callsPer` calls planned so far, the first after half that.
    private struct Quota {
        let callsPer: Double
        private(set) var used = 0

        init(callsPer: Double) {
            self.callsPer = callsPer
        }

        func due(_ allocated: Int) -> Bool {
            Double(used) < (Double(allocated) / callsPer + 0.5).rounded(.down)
        }

        mutating func use() { used += 1 }
    }

    /// Logs smaller than these get no runaway session / no budget blow-out: each takes ~45 / ~90 calls.
    static let minimumCallsForRunaway = 300
    static let minimumCallsForBudget = 1000

    private var rng: SynthRandom
    private let population: SynthPopulation
    private let timeline: SynthTimeline
    /// Incidents at fixed times, latest first (taken from the end).
    private var specials: [SynthActivity] = []
    private var upcoming: SynthActivity?
    private var regularCalls = 0
    private var allocated = 0
    private var progress = 0.0
    private var plannedActivities = 0
    private var sessionCounter = 0
    private var rateLimited = Quota(callsPer: 300)
    private var overloaded = Quota(callsPer: 500)
    private var truncations = Quota(callsPer: 900)
    private var resends = Quota(callsPer: 700)
    private var unpriced = Quota(callsPer: 2500)
    private var failuresPlanned = 0
    /// What the fixed incidents are (ids, names), known at planning time.
    private(set) var incidents = SynthIncidents()

    init(options: SynthOptions, population: SynthPopulation, timeline: SynthTimeline, rng: SynthRandom) {
        self.rng = rng
        self.population = population
        self.timeline = timeline
        var reserved = 0
        var fixed: [SynthActivity] = []
        var runawayUser = -1
        if options.calls >= SynthPlanner.minimumCallsForRunaway {
            let (activity, user) = makeRunaway(day: options.days >= 5 ? 4 : options.days - 1)
            fixed.append(activity)
            reserved += activity.plannedCalls
            runawayUser = user
        }
        if options.calls >= SynthPlanner.minimumCallsForBudget {
            for activity in makeBudgetBlowout(day: options.days >= 2 ? 1 : 0, avoiding: runawayUser) {
                fixed.append(activity)
                reserved += activity.plannedCalls
            }
        }
        // Stable sort by start, latest first.
        specials = fixed.enumerated().sorted { a, b in
            a.element.nextStartMs != b.element.nextStartMs ? a.element.nextStartMs > b.element.nextStartMs : a.offset > b.offset
        }.map(\.element)
        regularCalls = options.calls - reserved
    }

    /// Start of the next activity, nil when all are planned.
    mutating func peekStartMs() -> Int64? {
        if upcoming == nil { upcoming = makeRegular() }
        switch (upcoming?.nextStartMs, specials.last?.nextStartMs) {
        case (nil, nil): return nil
        case (let a?, nil): return a
        case (nil, let b?): return b
        case (let a?, let b?): return min(a, b)
        }
    }

    /// The next activity in start order (call after `peekStartMs` returned a time).
    mutating func take() -> SynthActivity {
        if let special = specials.last, upcoming == nil || special.nextStartMs <= upcoming!.nextStartMs {
            specials.removeLast()
            return special
        }
        let activity = upcoming!
        upcoming = nil
        return activity
    }

    // MARK: ordinary activities

    private mutating func makeRegular() -> SynthActivity? {
        let remaining = regularCalls - allocated
        guard remaining > 0 else { return nil }
        // Poisson-like arrivals whose mean spacing leaves room for the calls still to plan.
        let meanSize = plannedActivities == 0 ? 5.0 : Double(allocated) / Double(plannedActivities)
        let expected = Double(remaining) / meanSize
        progress = min(progress + rng.exponential(mean: (1 - progress) / (expected + 1)), 0.999_999)
        let start = timeline.time(atProgress: progress)
        let user = population.users[population.pick(&rng)]
        let activity: SynthActivity
        switch rng.weighted([12, 44, 44]) {
        case 0: activity = makeAgent(user: user, start: start, cap: remaining)
        case 1: activity = makeChat(user: user, start: start, cap: remaining)
        default: activity = makeTasks(user: user, start: start, cap: remaining)
        }
        allocated += activity.plannedCalls
        plannedActivities += 1
        return activity
    }

    private mutating func caller(_ user: SynthUser, app: StaticString, ciKey: Bool = false) -> SynthCaller {
        var c = SynthCaller(user: user, apiKey: user.key, env: "prod", app: app)
        if ciKey {
            c.apiKey = SynthPopulation.ciKey(team: user.team)
        } else if let staging = user.stagingKey, rng.chance(0.3) {
            c.apiKey = staging
            c.env = "staging"
        }
        c.bytesPerTokenMilli = rng.int(3600, 4400)
        return c
    }

    private mutating func sessionID(_ user: SynthUser) -> String {
        sessionCounter += 1
        if rng.chance(0.4) {
            // Claude Code and the Agents SDK use UUIDs.
            let h = SynthText.providerID(&rng, prefix: "", length: 32, hex: true)
            let c = Array(h)
            return "\(String(c[0..<8]))-\(String(c[8..<12]))-\(String(c[12..<16]))-\(String(c[16..<20]))-\(String(c[20..<32]))"
        }
        return "run-\(SynthPopulation.slug(user.name))-\(String(sessionCounter, radix: 36))"
    }

    /// A failure event if one is due for this body shape: 529 only exists at Anthropic.
    private mutating func dueFailure(api: SynthAPI) -> SynthFailure? {
        if api == .anthropic && overloaded.due(allocated) {
            overloaded.use()
            return .overloaded
        }
        if rateLimited.due(allocated) {
            rateLimited.use()
            return .rateLimited
        }
        return nil
    }

    private mutating func pickAPI(_ user: SynthUser, responsesShare: Double) -> SynthAPI {
        if rng.chance(user.anthropicShare) { return .anthropic }
        return rng.chance(responsesShare) ? .openAIResponses : .openAIChat
    }

    private mutating func makeAgent(user: SynthUser, start: Int64, cap: Int) -> SynthActivity {
        let api = pickAPI(user, responsesShare: 0.4)
        let model: SynthModel
        switch api {
        case .anthropic: model = SynthModel.pick(SynthModel.anthropicAgents, &rng)
        case .openAIChat: model = SynthModel.pick(SynthModel.chatAgents, &rng)
        case .openAIResponses: model = SynthModel.pick(SynthModel.responsesAgents, &rng)
        }
        let bucket = rng.weighted([55, 30, 13, 2])
        var turns = [rng.int(2, 8), rng.int(9, 18), rng.int(19, 35), rng.int(36, 60)][bucket]
        turns = min(turns, cap)

        var c = caller(user, app: "agent", ciKey: rng.chance(0.25))
        c.session = sessionID(user)
        if rng.chance(0.4) { c.task = rng.pick(["coding", "tool_use", "multi_step", "analysis"]) }
        var settings = SynthRequestSettings(model: model, maxTokens: rng.pick([4096, 8192, 16_000, 32_000]))
        settings.stream = rng.chance(0.5)
        if api == .anthropic && rng.chance(0.3) { settings.endUser = user.name }
        var plan = SynthAgentSession.Plan(
            caller: c, api: api, settings: settings, kit: rng.pick(SynthTools.Kit.allCases), turns: turns)
        if model.reasoning {
            plan.settings.reasoningEffort = rng.pick(["low", "medium", "high"])
            plan.hiddenTokens = 100...5000
        } else if api == .anthropic && model.name != SynthModel.haiku35.name && rng.chance(0.15) {
            let budget = rng.pick([8000, 10_000, 16_000])
            plan.settings.thinkingBudget = budget
            plan.settings.maxTokens = budget + 8000
            plan.hiddenTokens = 300...(budget / 2)
        } else if rng.chance(0.2) {
            plan.settings.temperatureMilli = rng.pick([0, 200, 700, 1000])
        }
        switch api {
        case .anthropic:
            if rng.chance(0.7) {
                plan.cacheMode = .anthropic
                plan.marksLastMessage = true
                plan.systemCache = rng.chance(0.25) ? .oneHour : .fiveMinutes
                plan.caller.anthropicStyle = rng.chance(0.6) ? .cacheCreationObject : .cacheFields
            } else {
                plan.caller.anthropicStyle = rng.chance(0.3) ? .bare : .cacheFields
            }
            plan.caller.responseTier = "standard"
        case .openAIChat, .openAIResponses:
            plan.cacheMode = rng.chance(0.9) ? .openAIAutomatic(hitPercent: 85) : .none
        }

        // Incidents: at most one failure and one truncation per session, each needing a call.
        if turns < cap, let failure = dueFailure(api: api) {
            plan.events[rng.below(turns)] = .failure(failure)
            failuresPlanned += 1
        }
        if turns + plan.events.count < cap, api != .openAIResponses, !model.reasoning, plan.settings.thinkingBudget == nil,
            turns >= 3, truncations.due(allocated)
        {
            truncations.use()
            var t = rng.below(turns - 1)
            if plan.events[t] != nil { t = (t + 1) % (turns - 1) }
            if plan.events[t] == nil {
                plan.events[t] = .truncated
                // A max tokens too small for the longest answers is how truncations happen.
                plan.settings.maxTokens = 2048
                plan.settings.useMaxCompletionTokens = rng.chance(0.5)
            }
        }
        return SynthAgentSession(plan: plan, startMs: start, rng: rng.split())
    }

    private mutating func makeChat(user: SynthUser, start: Int64, cap: Int) -> SynthActivity {
        let api = pickAPI(user, responsesShare: 0.2)
        let model = SynthModel.pick(api == .anthropic ? SynthModel.anthropicChat : SynthModel.openAIChat, &rng)
        var turns = [1, 2, 3, 4, 5, 6, 8][rng.weighted([35, 22, 14, 10, 8, 6, 5])]
        turns = min(turns, cap)
        var c = caller(user, app: "chat")
        if rng.chance(0.15) { c.task = rng.pick(["simple_qa", "analysis", "creative", "summarization"]) }
        var settings = SynthRequestSettings(model: model, maxTokens: rng.pick([1024, 2048, 4096]))
        settings.useMaxCompletionTokens = rng.chance(0.7)
        settings.stream = rng.chance(0.6)
        if rng.chance(0.4) { settings.endUser = user.name }
        if model.reasoning {
            settings.reasoningEffort = rng.pick(["minimal", "low", "medium"])
        } else if rng.chance(0.4) {
            settings.temperatureMilli = rng.pick([300, 500, 700, 1000])
        }
        var plan = SynthChat.Plan(caller: c, api: api, settings: settings, turns: turns)
        plan.hasSystem = rng.chance(0.75)
        if api == .anthropic {
            plan.caller.responseTier = "standard"
            if plan.hasSystem && rng.chance(0.25) {
                plan.cacheMode = .anthropic
                plan.systemCache = rng.chance(0.3) ? .oneHour : .fiveMinutes
                plan.caller.anthropicStyle = rng.chance(0.6) ? .cacheCreationObject : .cacheFields
            } else {
                plan.caller.anthropicStyle = rng.chance(0.3) ? .bare : .cacheFields
            }
        } else {
            plan.cacheMode = .openAIAutomatic(hitPercent: 85)
            applyOpenAITier(&plan.caller, &plan.settings)
        }
        var extra = 0
        if turns + extra < cap, let failure = dueFailure(api: api) {
            failuresPlanned += 1
            // Two in three are retried; a refusal nobody retries ends the chat (so it is the last turn).
            let retried = failuresPlanned % 3 != 0
            plan.failure = (retried ? rng.below(turns) : turns - 1, failure, retried)
            if retried { extra += 1 }
        }
        if turns + extra < cap, resends.due(allocated) {
            let candidates = plan.failure.map { $0.retried ? turns : turns - 1 } ?? turns
            if candidates > 0 {
                resends.use()
                plan.resendTurn = rng.below(candidates)
            }
        }
        return SynthChat(plan: plan, startMs: start, rng: rng.split())
    }

    private mutating func makeTasks(user: SynthUser, start: Int64, cap: Int) -> SynthActivity {
        var api = pickAPI(user, responsesShare: 0.25)
        var model = SynthModel.pick(api == .anthropic ? SynthModel.anthropicShort : SynthModel.openAIShort, &rng)
        var count = rng.chance(0.7) ? 1 : rng.logUniformInt(3, 25)
        var isUnpriced = false
        if unpriced.due(allocated) {
            unpriced.use()
            isUnpriced = true
            api = .openAIChat
            model = SynthModel.unpriced
            count = rng.int(2, 4)
        }
        count = min(count, cap)
        var c = caller(user, app: "pipeline")
        let kind = rng.below(4)
        if rng.chance(0.7) { c.task = ["classification", "extraction", "summarization", "routing"][kind] }
        if rng.chance(0.2) { c.complexity = rng.int(1, 3) }
        var settings = SynthRequestSettings(model: model, maxTokens: rng.pick([64, 128, 256, 512, 1024]))
        settings.useMaxCompletionTokens = rng.chance(0.6)
        if model.reasoning {
            settings.reasoningEffort = rng.pick(["minimal", "low"])
            settings.maxTokens = 4096
        } else if rng.chance(0.5) {
            settings.temperatureMilli = 0
        }
        var plan = SynthTaskBatch.Plan(caller: c, api: api, settings: settings, count: count)
        plan.kind = kind
        plan.countsUnpriced = isUnpriced
        if api == .anthropic {
            plan.caller.responseTier = "standard"
            if rng.chance(0.3) {
                plan.cacheMode = .anthropic
                plan.systemCache = .fiveMinutes
                plan.caller.anthropicStyle = rng.chance(0.6) ? .cacheCreationObject : .cacheFields
            } else {
                plan.caller.anthropicStyle = rng.chance(0.3) ? .bare : .cacheFields
            }
        } else if !isUnpriced {
            plan.cacheMode = .openAIAutomatic(hitPercent: 85)
            applyOpenAITier(&plan.caller, &plan.settings)
        }
        // Offline pipelines sometimes go through a batch tier.
        if !isUnpriced && plan.caller.envelopeTier == nil && count > 1 && rng.chance(0.15) {
            plan.caller.envelopeTier = "batch"
        }
        var extra = 0
        if count + extra < cap, let failure = dueFailure(api: api) {
            failuresPlanned += 1
            let retried = failuresPlanned % 3 != 0
            plan.failure = (rng.below(count), failure, retried)
            if retried { extra += 1 }
        }
        // The re-sent call is the batch's last: the failure there, if any, must be retried.
        if count + extra < cap, resends.due(allocated), plan.failure.map({ $0.retried || $0.index != count - 1 }) ?? true {
            resends.use()
            plan.resend = true
        }
        return SynthTaskBatch(plan: plan, startMs: start, rng: rng.split())
    }

    /// OpenAI flex and priority processing, asked for in the request and reported in the response.
    private mutating func applyOpenAITier(_ c: inout SynthCaller, _ s: inout SynthRequestSettings) {
        let x = rng.unit()
        if s.model.reasoning && x < 0.15 {
            c.envelopeTier = "flex"
            c.responseTier = "flex"
            s.serviceTier = "flex"
        } else if x > 0.97 {
            c.envelopeTier = "priority"
            c.responseTier = "priority"
            s.serviceTier = "priority"
        }
    }

    // MARK: fixed incidents

    /// An agent that runs the same failing test command, identically, forty times in a row.
    private mutating func makeRunaway(day: Int) -> (SynthActivity, Int) {
        let userIndex = population.pick(&rng)
        let user = population.users[userIndex]
        var c = caller(user, app: "agent", ciKey: true)
        c.session = sessionID(user)
        c.task = "coding"
        c.responseTier = "standard"
        c.anthropicStyle = .cacheCreationObject
        let repeats = 40
        let normalTurns = 5
        var plan = SynthAgentSession.Plan(
            caller: c, api: .anthropic, settings: SynthRequestSettings(model: .sonnet45, maxTokens: 8192),
            kit: .coding, turns: normalTurns + repeats)
        plan.cacheMode = .anthropic
        plan.marksLastMessage = true
        plan.systemCache = .fiveMinutes
        plan.runawayFrom = normalTurns
        let start = timeline.time(day: day, hour: 15, minute: 10 + rng.int(0, 30)) + Int64(rng.int(0, 59_999))
        incidents.runawaySession = c.session
        incidents.runawayRepeats = repeats
        incidents.runawayTool = "run_shell {\"command\":\"npm test -- --runInBand\",\"timeout_s\":600}"
        return (SynthAgentSession(plan: plan, startMs: start, rng: rng.split()), userIndex)
    }

    /// One user's day of parallel deep-thinking Opus sessions and an o3 session: uncached, with
    /// 18–26k thinking tokens a turn, over $100 at list prices whatever the draws
    /// (78 Opus calls × ≥ 18,000 output tokens × $75/M ≥ $105).
    private mutating func makeBudgetBlowout(day: Int, avoiding: Int) -> [SynthActivity] {
        var index = population.pick(&rng)
        if index == avoiding { index = (index + 1) % population.users.count }
        let user = population.users[index]
        var out: [SynthActivity] = []
        let starts = [(8, 10), (8, 35), (9, 5), (9, 50)]
        for (i, (hour, minute)) in starts.enumerated() {
            var c = caller(user, app: "agent")
            c.session = sessionID(user)
            c.task = "complex_reasoning"
            let start = timeline.time(day: day, hour: hour, minute: minute + rng.int(0, 9)) + Int64(rng.int(0, 59_999))
            var plan: SynthAgentSession.Plan
            if i < 3 {
                c.responseTier = "standard"
                c.anthropicStyle = .cacheFields
                var settings = SynthRequestSettings(model: .opus41, maxTokens: 40_000)
                settings.thinkingBudget = 32_000
                plan = SynthAgentSession.Plan(
                    caller: c, api: .anthropic, settings: settings, kit: i == 1 ? .research : .coding, turns: 26)
                plan.hiddenTokens = 18_000...26_000
            } else {
                var settings = SynthRequestSettings(model: .o3, maxTokens: 40_000)
                settings.reasoningEffort = "high"
                plan = SynthAgentSession.Plan(caller: c, api: .openAIChat, settings: settings, kit: .data, turns: 12)
                plan.hiddenTokens = 6000...20_000
                plan.cacheMode = .openAIAutomatic(hitPercent: 85)
            }
            plan.budgetIncident = true
            incidents.budgetSessions.append(c.session!)
            out.append(SynthAgentSession(plan: plan, startMs: start, rng: rng.split()))
        }
        incidents.budgetUser = user.name
        incidents.budgetDay = SynthTimestamp.date(ms: timeline.time(day: day, hour: 12, minute: 0))
        return out
    }
}
