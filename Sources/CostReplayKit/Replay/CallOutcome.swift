/// What happened to a call in one scenario.
public enum CallAction: String, Sendable {
    /// Made exactly as logged.
    case kept
    /// Made with a different model, usage bucket or service tier.
    case modified
    /// Not made: costs $0.
    case avoided
}

/// A call's fate in one scenario: its counterfactual model and cost and which policies acted.
public struct CallOutcome: Sendable, Equatable {
    public var action: CallAction
    /// Price-book id of the model the call would have used (nil when avoided or unpriced).
    public var model: String?
    /// Counterfactual cost (nil when unpriced and made).
    public var cost: Money?
    /// The avoiding policy, or the modifying policies in pipeline order.
    public var policies: [String]

    public init(action: CallAction, model: String?, cost: Money?, policies: [String] = []) {
        self.action = action
        self.model = model
        self.cost = cost
        self.policies = policies
    }

    /// The outcome of a call nobody touched.
    public static func kept(_ call: ReplayedCall) -> CallOutcome {
        CallOutcome(action: .kept, model: call.pricedModel, cost: call.cost)
    }
}
