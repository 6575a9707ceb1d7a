/// Collects the calls of a `--focus` target for the post-mortem: spend per minute (actual and
/// combined counterfactual), its sessions, its repeated tool signatures and its call ids. Memory
/// grows with the focused calls only.
public struct FocusAggregator {
    public let target: FocusTarget

    /// One minute of the timeline.
    public struct Minute: Sendable, Equatable {
        public var calls: Int64 = 0
        public var actual: Money = .zero
        public var counterfactual: Money = .zero
    }

    /// One session of the focus.
    public struct Session: Sendable, Equatable {
        public var name: String
        public var calls: Int64 = 0
        public var cost: Money = .zero
        public var firstStart: Timestamp
        public var firstCallID: String
        public var firstModel: String
        public var lastStart: Timestamp
    }

    /// One tool signature the focus's responses asked for.
    public struct ToolUse: Sendable, Equatable {
        public var tool: String
        public var input: String
        public var count: Int64 = 0
        public var first: Timestamp
        public var last: Timestamp
        var sessionNames: Set<String> = []
        /// Sessions it appeared in.
        public var sessions: Int { sessionNames.count }
    }

    /// By minute number (UTC minutes since the epoch).
    public private(set) var minutes: [Int64: Minute] = [:]
    public private(set) var sessions: [String: Session] = [:]
    public private(set) var toolUses: [String: ToolUse] = [:]
    /// Ids of the focused calls (to match incidents to the focus).
    public private(set) var callIDs: Set<String> = []
    public private(set) var calls: Int64 = 0
    public private(set) var actual: Money = .zero
    public private(set) var counterfactual: Money = .zero
    public private(set) var first: Timestamp?
    public private(set) var last: Timestamp?

    public init(target: FocusTarget) { self.target = target }

    /// Adds a call if it belongs to the focus.
    public mutating func add(_ context: CallContext, outcome: CallOutcome) {
        guard context.inFocus else { return }
        let call = context.call
        let start = call.record.start
        let actualCost = call.cost ?? .zero
        let cfCost = call.cost == nil ? .zero : (outcome.cost ?? .zero)
        calls += 1
        actual += actualCost
        counterfactual += cfCost
        if first == nil || start < first! { first = start }
        if last == nil || start > last! { last = start }
        callIDs.insert(call.record.id)
        let minute = Timestamp.floorDiv(start.micros, 60_000_000)
        minutes[minute, default: Minute()].calls += 1
        minutes[minute]!.actual += actualCost
        minutes[minute]!.counterfactual += cfCost
        let sessionName = call.session ?? ""
        if sessions[sessionName] == nil {
            sessions[sessionName] = Session(
                name: sessionName, firstStart: start, firstCallID: call.record.id,
                firstModel: call.pricedModel ?? call.record.model, lastStart: start)
        }
        sessions[sessionName]!.calls += 1
        sessions[sessionName]!.cost += actualCost
        sessions[sessionName]!.lastStart = max(sessions[sessionName]!.lastStart, start)
        for tool in context.toolCalls {
            let signature = tool.signature
            if toolUses[signature] == nil {
                toolUses[signature] = ToolUse(tool: tool.name, input: tool.canonicalInput, first: start, last: start)
            }
            toolUses[signature]!.count += 1
            toolUses[signature]!.last = start
            toolUses[signature]!.sessionNames.insert(sessionName)
        }
    }

    /// Sessions by actual cost, most first (ties by name).
    public var rankedSessions: [Session] {
        sessions.values.sorted {
            if $0.cost != $1.cost { return $0.cost > $1.cost }
            return $0.name.utf8.lexicographicallyPrecedes($1.name.utf8)
        }
    }

    /// Tool signatures used more than once, most first (ties by first use, then text).
    public var repeatedToolUses: [ToolUse] {
        toolUses.values.filter { $0.count > 1 }.sorted {
            if $0.count != $1.count { return $0.count > $1.count }
            if $0.first != $1.first { return $0.first < $1.first }
            return ($0.tool + "\n" + $0.input).utf8.lexicographicallyPrecedes(($1.tool + "\n" + $1.input).utf8)
        }
    }

    /// The runaway: the focus's most expensive session (the only one for a session focus).
    public var runaway: Session? { rankedSessions.first }
}
