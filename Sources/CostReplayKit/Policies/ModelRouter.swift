/// The route transform (the seed's ModelSelector, SPEC §6.5): reprice a call at the tier chosen for
/// its task and complexity, applied only when strictly cheaper.
final class ModelRouter {
    let config: RouteConfig
    private let priceBook: PriceBook
    /// Resolved tier models by name.
    private var resolved: [String: String?] = [:]

    init(config: RouteConfig, priceBook: PriceBook) {
        self.config = config
        self.priceBook = priceBook
    }

    /// The tier for a task and complexity: the first listing the task with enough headroom, else the default.
    func tier(task: String, complexity: Int) -> RouteTier? {
        config.tiers.first { $0.tasks.contains(task) && $0.maxComplexity >= complexity }
            ?? config.tiers.first { $0.name == config.defaultTier }
    }

    /// Applies the route to `working`; returns the chosen model id when it was applied.
    @discardableResult
    func apply(_ working: inout WorkingCall, context: CallContext) -> String? {
        guard let entry = working.entry, config.providers.contains(entry.provider),
            let tier = tier(task: context.task, complexity: context.complexity)
        else { return nil }
        guard let chosenID = resolveID(tier.model), chosenID != working.modelID,
            let chosen = priceBook.entry(id: chosenID, at: context.record.start)
        else { return nil }
        let current = entry.cost(of: working.usage, serviceTier: working.tier)
        let rerouted = chosen.cost(of: working.usage, serviceTier: working.tier)
        guard rerouted < current else { return nil }
        working.modelID = chosenID
        working.entry = chosen
        working.note(config.identity.name)
        return chosenID
    }

    private func resolveID(_ model: String) -> String? {
        if let cached = resolved[model] { return cached }
        let id = priceBook.resolveID(model)
        resolved[model] = .some(id)
        return id
    }
}
