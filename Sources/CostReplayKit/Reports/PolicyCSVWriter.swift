/// Writes `savings.csv` and `incidents.csv` (SPEC §7).
public enum PolicyCSVWriter {
    /// Rows for each isolated scenario, the combined scenario and each waterfall step. A waterfall
    /// row's cost is the cumulative scenario's cost after that step, its savings the step's own.
    public static func savings(_ result: AnalysisResult) -> String {
        var out = CSVFormatter.row(["scenario", "policy", "cost_usd", "savings_usd", "calls_avoided", "calls_modified"])
        guard let replay = result.replay else { return out }
        for scenario in replay.isolated {
            out += row("isolated", scenario.policies[0].name, scenario.cost, scenario.savings, scenario)
        }
        out += row(
            "combined", replay.combined.policies.map(\.name).joined(separator: "+"), replay.combined.cost,
            replay.combined.savings, replay.combined)
        for (step, (policy, savings)) in zip(replay.waterfall, replay.waterfallSavings(baseline: result.spend.total.cost)) {
            out += row("waterfall", policy.name, step.cost, savings, step)
        }
        return out
    }

    static func row(_ scenario: String, _ policy: String, _ cost: Money, _ savings: Money, _ summary: ScenarioSummary) -> String {
        CSVFormatter.row([
            scenario, CSVFormatter.text(policy), cost.roundedMicroDecimal, savings.roundedMicroDecimal,
            String(summary.callsAvoided), String(summary.callsModified),
        ])
    }

    public static let incidentColumns = [
        "time", "kind", "policy", "scope", "key", "session", "call_id", "reason", "detail",
        "cost_avoided_usd",
    ]

    /// One row per incident, in time order.
    public static func incidents(_ result: AnalysisResult) -> String {
        var out = CSVFormatter.row(incidentColumns)
        for incident in result.replay?.incidents ?? [] {
            out += CSVFormatter.row([
                incident.time.isoMillis, incident.kind.rawValue, CSVFormatter.text(incident.policy),
                CSVFormatter.text(incident.scope), CSVFormatter.text(incident.key), CSVFormatter.text(incident.session),
                CSVFormatter.text(incident.callID), CSVFormatter.text(incident.reason), CSVFormatter.text(incident.detail),
                incident.kind == .burst || incident.kind == .budgetAlert ? "" : incident.costAvoided.roundedMicroDecimal,
            ])
        }
        return out
    }
}
