/// A runaway incident: a loop halt, a budget block or alert, or a burst hour (SPEC §6.4, §6.3, §7.1).
public struct Incident: Sendable, Equatable {
    public enum Kind: String, Sendable {
        case loopHalt = "loop_halt"
        case budgetBlock = "budget_block"
        case budgetAlert = "budget_alert"
        case burst
    }

    public var time: Timestamp
    public var kind: Kind
    public var policy: String
    /// What the policy keys on: session, user, team, api_key, global, tag:KEY.
    public var scope: String
    /// The scope's value (the session id, the user, …).
    public var key: String
    public var session: String?
    public var callID: String?
    public var reason: String
    public var detail: String
    /// Baseline cost of the calls this incident avoided (the halting call onwards for halts).
    public var costAvoided: Money
    /// Which scenario raised it (`combined` or `isolated:<policy>`).
    public var scenario: String

    public init(
        time: Timestamp, kind: Kind, policy: String, scope: String, key: String, session: String?, callID: String?,
        reason: String, detail: String, costAvoided: Money = .zero, scenario: String
    ) {
        self.time = time
        self.kind = kind
        self.policy = policy
        self.scope = scope
        self.key = key
        self.session = session
        self.callID = callID
        self.reason = reason
        self.detail = detail
        self.costAvoided = costAvoided
        self.scenario = scenario
    }
}
