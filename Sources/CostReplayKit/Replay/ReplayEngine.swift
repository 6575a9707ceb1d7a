/// Runs every scenario side by side over the call stream (SPEC §6.1): one isolated scenario per
/// policy and the cumulative waterfall steps of the combined policies, the last being `combined`.
public final class ReplayEngine {
    public let policySet: PolicySet
    private let isolated: [Scenario]
    private let steps: [Scenario]
    private let classifier: TaskClassifier
    private var retry: RetryLookahead?
    private var bursts = BurstDetector()
    private var baselineCost: Money = .zero
    private var callsWithoutBody: Int64 = 0
    private var sessionIDs = KeyInterner()
    private var userIDs = KeyInterner()
    private var apiKeyIDs = KeyInterner()
    /// Failed calls by HTTP status (0: none logged) and by UTC minute (SPEC §6.7).
    private var failedByStatus: [Int: Int64] = [:]
    private var failedByMinute: [Int64: Int64] = [:]

    /// Threads replaying the scenarios other than `combined`; empty: all on the calling thread.
    private var lanes: [ScenarioLane] = []
    /// Scenarios the calling thread replays call by call.
    private let mainScenarios: [Scenario]
    private var block: [CallContext] = []
    private static let blockSize = 256

    /// - Parameters:
    ///   - lanes: threads for the scenarios other than `combined` (0: none, all on the caller).
    public init(policySet: PolicySet, priceBook: PriceBook, lanes laneCount: Int = 0) {
        self.policySet = policySet
        let identities = policySet.identities
        let combined = identities.filter(\.combined)
        let steps = combined.indices.map { index in
            let last = index == combined.count - 1
            return Scenario(
                name: last ? "combined" : "waterfall:\(index + 1)", policies: Array(combined[...index]),
                set: policySet, priceBook: priceBook, clockFor: ZoneClockCache().clock, reportsIncidents: last)
        }
        self.steps = steps
        // The first waterfall step enables exactly the first combined policy: it is that policy's
        // isolated scenario, so the two share one Scenario instead of replaying it twice.
        isolated = identities.map { identity in
            if let first = steps.first, first.policies == [identity] { return first }
            return Scenario(
                name: "isolated:" + identity.name, policies: [identity], set: policySet, priceBook: priceBook,
                clockFor: ZoneClockCache().clock, reportsIncidents: !identity.combined)
        }
        classifier = TaskClassifier(rules: policySet.taskRoute?.rules ?? [])
        retry = policySet.retry.map { RetryLookahead(windowMicros: $0.windowMicros) }
        let others = Self.distinct(isolated + steps.dropLast()).filter { $0 !== steps.last }
        if laneCount > 0 && !others.isEmpty {
            mainScenarios = Array(steps.suffix(1))
            let count = min(laneCount, others.count)
            // Round-robin keeps each lane's share of the work about even.
            lanes = (0..<count).map { lane in
                ScenarioLane(scenarios: others.enumerated().filter { $0.offset % count == lane }.map(\.element))
            }
        } else {
            mainScenarios = Self.distinct(isolated + steps)
        }
    }

    /// The scenarios without repeats (waterfall step 1 is also an isolated scenario).
    private static func distinct(_ scenarios: [Scenario]) -> [Scenario] {
        var seen = Set<ObjectIdentifier>()
        return scenarios.filter { seen.insert(ObjectIdentifier($0)).inserted }
    }

    /// The task of a call as every output reports it.
    public func task(of call: ReplayedCall) -> String { classifier.task(of: call) }

    /// Adds the next call in replay order; `emit` receives each call once its fate is known (the
    /// retry look-ahead may hold a call briefly), with its context and combined outcome.
    public func push(_ call: ReplayedCall, emit: (CallContext, CallOutcome) throws -> Void) rethrows {
        if retry != nil {
            for (ready, wasted) in retry!.push(call) {
                let (context, outcome) = process(ready, wasted: wasted)
                try emit(context, outcome)
            }
        } else {
            let (context, outcome) = process(call, wasted: false)
            try emit(context, outcome)
        }
    }

    /// Releases held calls at the end of the input.
    public func finish(emit: (CallContext, CallOutcome) throws -> Void) rethrows {
        if retry != nil {
            for (ready, wasted) in retry!.finish() {
                let (context, outcome) = process(ready, wasted: wasted)
                try emit(context, outcome)
            }
        }
        if !block.isEmpty {
            for lane in lanes { lane.enqueue(block) }
            block = []
        }
        for lane in lanes { lane.finish() }
        lanes = []
        for scenario in Self.distinct(isolated + steps) { scenario.finish() }
    }

    /// Runs one call through every scenario; returns its context and combined outcome.
    private func process(_ call: ReplayedCall, wasted: Bool) -> (CallContext, CallOutcome) {
        let context = CallContext(
            call: call, task: classifier.task(of: call), complexity: TaskClassifier.complexity(of: call),
            isWastedRetry: wasted, sessionID: sessionIDs.id(call.session),
            userID: userIDs.id(call.record.user), apiKeyID: apiKeyIDs.id(call.record.apiKey))
        if let cost = call.cost { baselineCost = baselineCost + cost }
        if call.record.body == nil { callsWithoutBody += 1 }
        if !call.record.succeeded {
            failedByStatus[call.record.status ?? 0, default: 0] += 1
            failedByMinute[Timestamp.floorDiv(call.record.start.micros, 60_000_000), default: 0] += 1
        }
        bursts.add(call)
        var combined = CallOutcome.kept(call)
        for scenario in mainScenarios {
            let outcome = scenario.process(context)
            if scenario === steps.last { combined = outcome }
        }
        if !lanes.isEmpty {
            block.append(context)
            if block.count == Self.blockSize {
                for lane in lanes { lane.enqueue(block) }
                block.removeAll(keepingCapacity: true)
            }
        }
        return (context, combined)
    }

    /// The results once every call was processed (after `finish`).
    public func outcome() -> ReplayOutcome {
        func summary(_ scenario: Scenario) -> ScenarioSummary {
            ScenarioSummary(
                name: scenario.name, policies: scenario.policies, cost: scenario.cost,
                savings: baselineCost - scenario.cost, callsAvoided: scenario.callsAvoided,
                callsModified: scenario.callsModified)
        }
        let combined =
            steps.last.map(summary)
            ?? ScenarioSummary(
                name: "combined", policies: [], cost: baselineCost, savings: .zero, callsAvoided: 0, callsModified: 0)
        var incidents: [Incident] = []
        for scenario in Self.distinct(isolated + steps) where scenario.reportsIncidents { incidents += scenario.incidents }
        incidents += bursts.incidents()
        incidents.sort { ($0.time, $0.kind.rawValue, $0.policy, $0.key) < ($1.time, $1.kind.rawValue, $1.policy, $1.key) }
        var routeChanges: [String: [(task: String, from: String, to: String, calls: Int64, savings: Money)]] = [:]
        var complexity: [String: [Int: Int64]] = [:]
        var premium: [String: Money] = [:]
        for scenario in isolated {
            if scenario.router != nil {
                let name = scenario.policies[0].name
                routeChanges[name] = scenario.routeChanges.map {
                    (
                        task: $0.key.task, from: $0.key.from, to: $0.key.to,
                        calls: $0.value.calls, savings: $0.value.savings
                    )
                }
                .sorted { ($0.savings, $0.task, $0.from, $0.to) > ($1.savings, $1.task, $1.from, $1.to) }
                complexity[name] = scenario.routedComplexity
            }
            if scenario.policies[0].kind == .prefixCache { premium[scenario.policies[0].name] = scenario.wastedWritePremium }
        }
        return ReplayOutcome(
            policySet: policySet, isolated: isolated.map(summary), waterfall: steps.map(summary),
            combined: combined, incidents: incidents, routeChanges: routeChanges,
            routedComplexity: complexity, wastedWritePremium: premium, callsWithoutBody: callsWithoutBody,
            failedByStatus: failedByStatus,
            busiestFailureMinutes: failedByMinute.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(5)
                .map { (Timestamp(micros: $0.key * 60_000_000), $0.value) })
    }
}
