/// `focus_minutes.csv`: the `--focus` timeline, one row per UTC minute with a focused call.
enum FocusCSVWriter {
    static func minutes(_ focus: FocusAggregator) -> String {
        var out = CSVFormatter.row(["minute", "calls", "cost_usd", "cf_cost_usd"])
        for minute in focus.minutes.keys.sorted() {
            let totals = focus.minutes[minute]!
            out += CSVFormatter.row([
                Timestamp(micros: minute * 60_000_000).isoMillis, String(totals.calls), totals.actual.roundedMicroDecimal,
                totals.counterfactual.roundedMicroDecimal,
            ])
        }
        return out
    }
}
