/// Assigns a task and a complexity to a call (SPEC §6.5).
public struct TaskClassifier: Sendable {
    /// Rules of the task route (the combined route, else the first).
    let rules: [RouteRule]

    public init(rules: [RouteRule]) { self.rules = rules }

    /// The call's task hint, else the first rule whose conditions all hold, else `unknown`.
    public func task(of call: ReplayedCall) -> String {
        if let hint = call.record.task { return hint }
        return rules.first { matches($0, call) }?.task ?? "unknown"
    }

    func matches(_ rule: RouteRule, _ call: ReplayedCall) -> Bool {
        let record = call.record
        let input = call.usage.totalInput
        let output = call.usage.output
        if let hasTools = rule.hasTools, hasTools != ((record.body?.toolsOffered ?? 0) > 0) { return false }
        if let minimum = rule.minInputTokens, input < minimum { return false }
        if let maximum = rule.maxInputTokens, input > maximum { return false }
        if let minimum = rule.minOutputTokens, output < minimum { return false }
        if let maximum = rule.maxOutputTokens, output > maximum { return false }
        if let glob = rule.model, !glob.matches(record.model) { return false }
        if let needle = rule.systemContains {
            guard let system = record.body?.systemText, system.contains(needle) else { return false }
        }
        if let glob = rule.user {
            guard let user = record.user, glob.matches(user) else { return false }
        }
        if let glob = rule.team {
            guard let team = record.team, glob.matches(team) else { return false }
        }
        return true
    }

    /// The hint (truncated, clamped to 1...10), else the formula of SPEC §6.5.
    public static func complexity(of call: ReplayedCall) -> Int {
        if let hint = call.record.complexity { return min(max(hint, 1), 10) }
        let input = call.usage.totalInput
        let output = call.usage.output
        let tools = call.record.body?.toolsOffered ?? 0
        let messages = call.record.body?.messageCount ?? 0
        var score = 1
        if input > 2000 { score += 1 }
        if input > 8000 { score += 1 }
        if input > 32000 { score += 1 }
        if output > 1000 { score += 1 }
        if output > 4000 { score += 1 }
        if tools > 0 { score += 1 }
        if tools > 10 { score += 1 }
        if messages > 10 { score += 1 }
        if messages > 40 { score += 1 }
        return min(max(score, 1), 10)
    }
}
