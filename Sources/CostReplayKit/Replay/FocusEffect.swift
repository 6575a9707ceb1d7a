/// What one scenario did to the calls of a `--focus` target: the first call it stopped (the moment
/// the policy would have cut the runaway off) with the actual spend from that call on, the first
/// call it changed, and the focus's spend with and without the scenario.
public struct FocusEffect: Sendable, Equatable {
    /// A focused call the scenario avoided or modified.
    public struct FirstAction: Sendable, Equatable {
        public var time: Timestamp
        public var callID: String
        public var action: CallAction
        /// The avoiding policy, or the modifying policies.
        public var policies: [String]
    }

    /// The first focused call the scenario avoided.
    public private(set) var firstStop: FirstAction?
    /// The first focused call the scenario made differently (model, usage or tier).
    public private(set) var firstChange: FirstAction?
    /// Actual (baseline) spend of the focused calls from the first stop on, that call included:
    /// the money still at stake when the policy would have cut in.
    public private(set) var baselineFromFirstStop: Money = .zero
    /// Actual spend of all focused calls.
    public private(set) var baseline: Money = .zero
    /// Counterfactual spend of the focused calls in this scenario.
    public private(set) var cost: Money = .zero
    public private(set) var callsAvoided: Int64 = 0
    public private(set) var callsModified: Int64 = 0

    public init() {}

    public var savings: Money { baseline - cost }

    /// Records one focused call and its outcome in this scenario.
    mutating func add(_ call: ReplayedCall, outcome: CallOutcome) {
        let actual = call.cost ?? .zero
        baseline += actual
        cost += call.cost == nil ? .zero : (outcome.cost ?? .zero)
        switch outcome.action {
        case .avoided: callsAvoided += 1
        case .modified: callsModified += 1
        case .kept: break
        }
        let action = FirstAction(
            time: call.record.start, callID: call.record.id, action: outcome.action, policies: outcome.policies)
        if firstStop == nil && outcome.action == .avoided { firstStop = action }
        if firstChange == nil && outcome.action == .modified { firstChange = action }
        if firstStop != nil { baselineFromFirstStop += actual }
    }
}
