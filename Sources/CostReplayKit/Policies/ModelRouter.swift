/// The route transform (the seed's ModelSelector, SPEC §6.5): reprice a call at the tier chosen for
/// its task and complexity, applied only when strictly cheaper.
final class ModelRouter {
    let config: RouteConfig
    private let priceBook: PriceBook
    /// Price-book id of each tier's model (nil: not in the book), resolved once.
    private let tierIDs: [String?]

    init(config: RouteConfig, priceBook: PriceBook) {
        self.config = config
        self.priceBook = priceBook
        tierIDs = config.tiers.map { priceBook.resolveID($0.model) }
    }

    /// The tier for a task and complexity: the first listing the task with enough headroom, else the default.
    func tier(task: String, complexity: Int) -> RouteTier? {
        tierIndex(task: task, complexity: complexity).map { config.tiers[$0] }
    }

    private func tierIndex(task: String, complexity: Int) -> Int? {
        config.tiers.firstIndex { $0.tasks.contains(task) && $0.maxComplexity >= complexity }
            ?? config.tiers.firstIndex { $0.name == config.defaultTier }
    }

    /// Applies the route to `working`; returns the chosen model id when it was applied.
    @discardableResult
    func apply(_ working: inout WorkingCall, context: CallContext) -> String? {
        guard let entry = working.entry, config.providers.contains(entry.provider),
            let tier = tierIndex(task: context.task, complexity: context.complexity)
        else { return nil }
        guard let chosenID = tierIDs[tier], chosenID != working.modelID,
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
}
