/// `[compaction]`: trims uncached input so all input buckets total at most the cap (SPEC §6.9).
struct CompactionTransform {
    let config: CompactionConfig

    func apply(_ working: inout WorkingCall) {
        let excess = working.usage.totalInput - config.maxInputTokens
        guard working.isPriced, excess > 0, working.usage.input > 0 else { return }
        working.usage.input = max(0, working.usage.input - excess)
        working.note(config.identity.name)
    }
}

/// `[output_cap]`: output above the cap is billed at the cap (SPEC §6.9).
struct OutputCapTransform {
    let config: OutputCapConfig

    func apply(_ working: inout WorkingCall, task: String) {
        guard working.isPriced, working.usage.output > config.maxOutputTokens else { return }
        if let tasks = config.tasks, !tasks.contains(where: { $0.matches(task) }) { return }
        working.usage.output = config.maxOutputTokens
        working.note(config.identity.name)
    }
}

/// `[batch]`: matching calls move to the batch tier of their (routed) model (SPEC §6.9).
struct BatchTransform {
    let config: BatchConfig

    func apply(_ working: inout WorkingCall, context: CallContext) {
        guard working.isPriced, working.tier != .batch, matches(context) else { return }
        working.tier = .batch
        working.note(config.identity.name)
    }

    /// AND across selectors, OR within one; an empty table matches every call.
    func matches(_ context: CallContext) -> Bool {
        let record = context.record
        if let tasks = config.tasks, !tasks.contains(where: { $0.matches(context.task) }) { return false }
        if let users = config.users {
            guard let user = record.user, users.contains(where: { $0.matches(user) }) else { return false }
        }
        if let teams = config.teams {
            guard let team = record.team, teams.contains(where: { $0.matches(team) }) else { return false }
        }
        for (key, values) in config.tags {
            guard let value = record.tags[key], values.contains(value) else { return false }
        }
        return true
    }
}
