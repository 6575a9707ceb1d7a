/// The state and pipeline of one scenario (SPEC §6.2), as a value: `Scenario` mutates it in place
/// once per call, so the pipeline's many small mutations run on `inout self` with one dynamic
/// exclusivity check per call rather than one each.
struct ScenarioPipeline {
    /// `isolated:<policy>`, `waterfall:<k>` (the last one is `combined`).
    let name: String
    /// The enabled policies in pipeline order.
    let policies: [PolicyIdentity]
    /// Whether this scenario's incidents are reported (combined, and isolated non-combined policies).
    let reportsIncidents: Bool

    private var loop: LoopDetector?
    private var loopName: String
    private var retryName: String?
    private var responseCache: ResponseCache?
    private(set) var router: ModelRouter?
    private var prefixCache: PrefixCacheSimulator?
    private var compaction: CompactionTransform?
    private var outputCap: OutputCapTransform?
    private var batch: BatchTransform?
    private var budgets: BudgetTracker?

    /// Halted sessions: the halting policy and the index of its incident.
    private var halted = IDTable<(policy: String, incident: Int)>()

    private(set) var cost: Money = .zero
    private(set) var callsAvoided: Int64 = 0
    private(set) var callsModified: Int64 = 0
    private(set) var incidents: [Incident] = []
    /// Route effects: (task, from, to) → calls and savings; and calls per complexity.
    private(set) var routeChanges: [RouteChange: (calls: Int64, savings: Money)] = [:]
    private(set) var routedComplexity: [Int: Int64] = [:]
    /// Skipped calls per policy (bodies missing).
    private(set) var skippedWithoutBody: [String: Int64] = [:]

    struct RouteChange: Hashable {
        let task: String
        let from: String
        let to: String
    }

    init(
        name: String, policies: [PolicyIdentity], set: PolicySet, priceBook: PriceBook, clockFor: (String) -> ZoneClock,
        reportsIncidents: Bool
    ) {
        self.name = name
        self.policies = policies
        self.reportsIncidents = reportsIncidents
        let enabled = Set(policies.map(\.name))
        func on(_ identity: PolicyIdentity?) -> Bool { identity.map { enabled.contains($0.name) } ?? false }
        loop = on(set.loop?.identity) ? LoopDetector(config: set.loop!) : nil
        loopName = set.loop?.identity.name ?? "loop"
        retryName = on(set.retry?.identity) ? set.retry!.identity.name : nil
        responseCache = on(set.responseCache?.identity) ? ResponseCache(config: set.responseCache!) : nil
        router = set.routes.first { enabled.contains($0.identity.name) }.map { ModelRouter(config: $0, priceBook: priceBook) }
        prefixCache = on(set.prefixCache?.identity) ? PrefixCacheSimulator(config: set.prefixCache!) : nil
        compaction = on(set.compaction?.identity) ? CompactionTransform(config: set.compaction!) : nil
        outputCap = on(set.outputCap?.identity) ? OutputCapTransform(config: set.outputCap!) : nil
        batch = on(set.batch?.identity) ? BatchTransform(config: set.batch!) : nil
        let budgetConfigs = set.budgets.filter { enabled.contains($0.identity.name) }
        budgets = budgetConfigs.isEmpty ? nil : BudgetTracker(configs: budgetConfigs, clockFor: clockFor, priceBook: priceBook)
    }

    /// Passes one call through the pipeline; returns what happened to it in this scenario.
    mutating func process(_ context: CallContext) -> CallOutcome {
        let baselineCost = context.call.cost
        if budgets != nil {
            var alerts: [Incident] = []
            budgets!.flush(upTo: context.call.record.start.micros, alert: { alerts.append($0) }, scenario: name)
            incidents += alerts
        }

        // 1. halted sessions, request count and tool-error streak
        if let session = context.session {
            if let halt = halted[context.sessionID] {
                incidents[halt.incident].costAvoided = incidents[halt.incident].costAvoided + (baselineCost ?? .zero)
                return avoid(context, by: halt.policy)
            }
            if loop != nil, let stop = loop!.beforeCall(session: context.sessionID, toolErrors: context.call.record.body?.toolErrors ?? 0) {
                haltSession(
                    session, by: loopName, kind: .loopHalt, reason: stop.reason, detail: stop.detail, context: context,
                    includingThisCall: true)
                return avoid(context, by: loopName)
            }
        }
        // 2. retry waste
        if let retryName, context.isWastedRetry { return avoid(context, by: retryName) }
        // 3. response cache
        if let cache = responseCache, cache.isHit(context) {
            let outcome = avoid(context, by: cache.config.identity.name)
            detectLoops(context)
            return outcome
        }
        // 4. transforms
        var working = WorkingCall(context.call)
        let costBefore = working.cost(baseline: context.call)
        if let router, router.apply(&working, context: context) != nil, let costBefore,
            let after = working.cost(baseline: context.call)
        {
            let change = RouteChange(
                task: context.task, from: context.call.pricedModel ?? context.call.record.model, to: working.modelID ?? "")
            let previous = routeChanges[change] ?? (0, .zero)
            routeChanges[change] = (previous.calls + 1, previous.savings + (costBefore - after))
        }
        if router != nil && working.isPriced { routedComplexity[context.complexity, default: 0] += 1 }
        let prefixUpdate = prefixCache?.apply(&working, context: context)
        compaction?.apply(&working)
        outputCap?.apply(&working, task: context.task)
        batch?.apply(&working, context: context)
        var cost = working.cost(baseline: context.call)

        // 5. session cost cap
        if let session = context.session, let loop,
            let stop = loop.exceedsCostCap(session: context.sessionID, cost: cost ?? .zero)
        {
            haltSession(
                session, by: loopName, kind: .loopHalt, reason: stop.reason, detail: stop.detail, context: context,
                includingThisCall: true)
            return avoid(context, by: loopName)
        }
        // 6. budgets
        if budgets != nil {
            switch budgets!.check(context, working: working) {
            case .block(let index, let endSession, let reason, let detail, let key):
                let config = budgets!.budgets[index].config
                let incident = Incident(
                    time: context.call.record.start, kind: .budgetBlock, policy: config.identity.name,
                    scope: BudgetTracker.scopeName(config.scope), key: key, session: context.session,
                    callID: context.call.record.id, reason: reason + " exceeded", detail: detail,
                    costAvoided: baselineCost ?? .zero, scenario: name)
                incidents.append(incident)
                if endSession, context.session != nil { halted[context.sessionID] = (config.identity.name, incidents.count - 1) }
                return avoid(context, by: config.identity.name)
            case .downgrade(let index):
                if working.isPriced, let (id, entry) = budgets!.downgradeEntry(index, at: context.call.record.start) {
                    working.modelID = id
                    working.entry = entry
                    working.note(budgets!.budgets[index].config.identity.name)
                    cost = working.cost(baseline: context.call)
                }
            case .admit:
                break
            }
            budgets!.admit(context, tokens: working.usage.totalTokens, cost: cost ?? .zero)
        }
        // The call is made.
        if context.session != nil, loop != nil { loop!.recordCost(session: context.sessionID, cost: cost ?? .zero) }
        // 7. loop detection
        detectLoops(context)
        // 8. caches commit
        responseCache?.commit(context)
        if let prefixUpdate { prefixCache?.commit(prefixUpdate) }

        if let cost { self.cost = self.cost + cost }
        let modified =
            working.modelID != context.call.pricedModel || working.usage != context.call.usage
            || working.tier != context.call.record.serviceTier
        if modified { callsModified += 1 }
        return CallOutcome(
            action: modified ? .modified : .kept, model: working.modelID, cost: cost,
            policies: modified ? working.modifiedBy : [])
    }

    /// Step 7 for a made or cache-served call.
    private mutating func detectLoops(_ context: CallContext) {
        guard let session = context.session, loop != nil, halted[context.sessionID] == nil,
            let stop = loop!.afterCall(session: context.sessionID, toolCalls: context.toolCalls)
        else { return }
        haltSession(
            session, by: loopName, kind: .loopHalt, reason: stop.reason, detail: stop.detail, context: context,
            includingThisCall: false)
    }

    private mutating func haltSession(
        _ session: String, by policy: String, kind: Incident.Kind, reason: String, detail: String,
        context: CallContext, includingThisCall: Bool
    ) {
        let avoidedNow = includingThisCall ? (context.call.cost ?? .zero) : .zero
        incidents.append(
            Incident(
                time: context.record.start, kind: kind, policy: policy, scope: "session", key: session,
                session: session, callID: context.record.id, reason: reason, detail: detail,
                costAvoided: avoidedNow, scenario: name))
        halted[context.sessionID] = (policy, incidents.count - 1)
    }

    private mutating func avoid(_ context: CallContext, by policy: String) -> CallOutcome {
        callsAvoided += 1
        return CallOutcome(action: .avoided, model: nil, cost: context.call.cost == nil ? nil : .zero, policies: [policy])
    }

    /// After the last call: pending budget records (late alerts) and cache bookkeeping.
    mutating func finish() {
        if budgets != nil {
            var alerts: [Incident] = []
            budgets!.finish(alert: { alerts.append($0) }, scenario: name)
            incidents += alerts
        }
        prefixCache?.finish()
    }

    /// Write premium paid on prompt prefixes never read again (prefix cache scenarios).
    var wastedWritePremium: Money { prefixCache?.wastedWritePremium ?? .zero }
    /// Calls the prefix cache skipped for lack of a request body.
    var prefixSkippedWithoutBody: Int64 { prefixCache?.skippedWithoutBody ?? 0 }
}

/// One what-if world: a set of enabled policies with their own state, through which every call
/// passes in replay order. A class so the engine and its lanes can share and identify scenarios.
final class Scenario {
    private var pipeline: ScenarioPipeline
    let name: String
    let policies: [PolicyIdentity]
    let reportsIncidents: Bool
    let router: ModelRouter?

    init(
        name: String, policies: [PolicyIdentity], set: PolicySet, priceBook: PriceBook, clockFor: (String) -> ZoneClock,
        reportsIncidents: Bool
    ) {
        pipeline = ScenarioPipeline(
            name: name, policies: policies, set: set, priceBook: priceBook, clockFor: clockFor,
            reportsIncidents: reportsIncidents)
        self.name = name
        self.policies = policies
        self.reportsIncidents = reportsIncidents
        router = pipeline.router
    }

    /// What this scenario did to the `--focus` calls.
    private(set) var focusEffect = FocusEffect()

    /// Passes one call through the pipeline; returns what happened to it in this scenario.
    func process(_ context: CallContext) -> CallOutcome {
        let outcome = pipeline.process(context)
        if context.inFocus { focusEffect.add(context.call, outcome: outcome) }
        return outcome
    }

    /// After the last call: pending budget records and cache bookkeeping.
    func finish() { pipeline.finish() }

    var cost: Money { pipeline.cost }
    var callsAvoided: Int64 { pipeline.callsAvoided }
    var callsModified: Int64 { pipeline.callsModified }
    var incidents: [Incident] { pipeline.incidents }
    var routeChanges: [ScenarioPipeline.RouteChange: (calls: Int64, savings: Money)] { pipeline.routeChanges }
    var routedComplexity: [Int: Int64] { pipeline.routedComplexity }
    var wastedWritePremium: Money { pipeline.wastedWritePremium }
    var prefixSkippedWithoutBody: Int64 { pipeline.prefixSkippedWithoutBody }
}
