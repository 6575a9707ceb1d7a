/// One scenario's totals, for savings.csv, summary.json and the report.
public struct ScenarioSummary: Sendable {
    public var name: String
    public var policies: [PolicyIdentity]
    public var cost: Money
    public var savings: Money
    public var callsAvoided: Int64
    public var callsModified: Int64
}

/// What the policy replay found.
public struct ReplayOutcome: Sendable {
    public var policySet: PolicySet
    /// One per configured policy, pipeline order.
    public var isolated: [ScenarioSummary]
    /// Cumulative steps in pipeline order; the last one is the combined scenario.
    public var waterfall: [ScenarioSummary]
    public var combined: ScenarioSummary
    /// Incidents of the combined scenario and of non-combined policies' isolated scenarios, plus bursts.
    public var incidents: [Incident]
    /// Route effects per route scenario (isolated): name → (task, from, to) → calls, savings.
    public var routeChanges: [String: [(task: String, from: String, to: String, calls: Int64, savings: Money)]]
    public var routedComplexity: [String: [Int: Int64]]
    /// Per isolated scenario: write premium on prefixes never read again.
    public var wastedWritePremium: [String: Money]
    /// Calls a body-dependent policy skipped because their format has no bodies.
    public var callsWithoutBody: Int64
    /// Failed calls by HTTP status (0: none logged).
    public var failedByStatus: [Int: Int64]
    /// The UTC minutes with the most failed calls, most first.
    public var busiestFailureMinutes: [(minute: Timestamp, calls: Int64)]

    /// Waterfall step savings: cost(step k−1) − cost(step k), baseline first.
    public func waterfallSavings(baseline: Money) -> [(policy: PolicyIdentity, savings: Money)] {
        var previous = baseline
        var result: [(PolicyIdentity, Money)] = []
        for step in waterfall {
            result.append((step.policies.last!, previous - step.cost))
            previous = step.cost
        }
        return result
    }

    public var loopHalts: Int { incidents.filter { $0.kind == .loopHalt }.count }
    public var budgetBlocks: Int { incidents.filter { $0.kind == .budgetBlock }.count }
    public var budgetAlerts: Int { incidents.filter { $0.kind == .budgetAlert }.count }
    public var bursts: Int { incidents.filter { $0.kind == .burst }.count }
}
