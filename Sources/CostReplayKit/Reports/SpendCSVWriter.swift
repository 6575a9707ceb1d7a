/// Writes the grouped spend CSVs: `daily.csv` and the per-user, team, model and session files.
public enum SpendCSVWriter {
    static let tokenColumns = ["calls", "input_tokens", "cache_write_tokens", "cache_read_tokens", "output_tokens"]

    /// `daily.csv`: one row per local day, in date order.
    public static func daily(_ aggregator: SpendAggregator) -> String {
        var out = CSVFormatter.row(["date"] + tokenColumns + ["cost_usd", "cf_cost_usd"])
        for (day, totals) in aggregator.days {
            out += CSVFormatter.row(
                [day] + tokenCells(totals) + [
                    totals.cost.roundedMicroDecimal,
                    totals.counterfactualCost.roundedMicroDecimal,
                ])
        }
        return out
    }

    /// A group file (`users.csv`, …): key column, counts, tokens, costs, savings, first and last start.
    public static func groups(keyColumn: String, _ groups: [String: SpendTotals]) -> String {
        var out = CSVFormatter.row([keyColumn] + tokenColumns + ["cost_usd", "cf_cost_usd", "savings_usd", "first", "last"])
        for (key, totals) in SpendAggregator.ranked(groups) {
            out += CSVFormatter.row(
                [CSVFormatter.text(key)] + tokenCells(totals) + [
                    totals.cost.roundedMicroDecimal, totals.counterfactualCost.roundedMicroDecimal,
                    totals.savings.roundedMicroDecimal, totals.first?.isoMillis ?? "", totals.last?.isoMillis ?? "",
                ])
        }
        return out
    }

    static func tokenCells(_ totals: SpendTotals) -> [String] {
        [
            String(totals.calls), String(totals.inputTokens), String(totals.cacheWriteTokens),
            String(totals.cacheReadTokens), String(totals.outputTokens),
        ]
    }
}
