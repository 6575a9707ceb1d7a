/// Budget sizing in report.md and `budget_sizing.csv`: for each budget scope the per-period spend
/// distribution and the candidate caps with what each would have blocked.
enum BudgetSizingSection {
    static let file = "budget_sizing.csv"

    static func render(_ result: AnalysisResult) -> String {
        guard !result.budgetSizing.isEmpty else { return "" }
        var out = "## Budget sizing\n\n"
        out += "Actual spend per key and period for each budget's scope, and candidate caps simulated as a plain block on "
        out += "the logged calls in order: a call is blocked when the key's admitted spend in the period plus the call's "
        out += "cost would pass the cap. This ignores end times, estimates, ended sessions and the other policies; the "
        out += "configured budget's replayed savings are in Policies. Every cap from $0.01 to $1,000,000 is in `\(file)`.\n\n"
        for sizer in result.budgetSizing { out += budget(sizer) }
        return out
    }

    static func budget(_ sizer: BudgetSizer) -> String {
        let config = sizer.config
        var out = "### \(MarkdownText.cell(config.identity.name)) (\(BudgetTracker.scopeName(config.scope)) per "
        out += "\(PolicyParameters.periodName(config.period)))\n\n"
        let totals = sizer.periodTotals
        guard !totals.isEmpty else { return out + "No call has this budget's scope field.\n\n" }
        var distribution = MarkdownTable([
            ("Key × periods", .right), ("p50", .right), ("p90", .right), ("p95", .right), ("p99", .right), ("Max", .right),
        ])
        var row = [NumberFormatting.count(totals.count)]
        for p in [50, 90, 95, 99] { row.append(NumberFormatting.dollars(BudgetSizer.percentile(p, of: totals)!)) }
        row.append(NumberFormatting.dollars(totals.last!))
        distribution.add(row)
        out += "Spend of one key in one period (nearest-rank percentiles):\n\n" + distribution.rendered() + "\n"
        var caps = MarkdownTable([
            ("Cap", .right), ("Periods over it", .right), ("Calls blocked", .right), ("Share of calls", .right),
            ("Savings", .right), ("Share of spend", .right),
        ])
        for index in shownCaps(sizer, totals) {
            let cap = sizer.caps[index]
            let over = totals.filter { $0 > cap }.count
            let label = NumberFormatting.dollars(cap) + (cap == config.maxCost ? " (configured)" : "")
            caps.add([
                label, NumberFormatting.count(over), NumberFormatting.count(sizer.blockedCalls[index]),
                percent(sizer.blockedCalls[index], of: sizer.callsInScope), NumberFormatting.dollars(sizer.blockedCost[index]),
                NumberFormatting.percent(sizer.blockedCost[index], of: sizer.spendInScope),
            ])
        }
        out += "Candidate caps (\(NumberFormatting.count(sizer.callsInScope)) calls and "
        out += "\(NumberFormatting.dollars(sizer.spendInScope)) in scope):\n\n" + caps.rendered() + "\n"
        return out
    }

    /// The caps from the largest at or below the median period to the smallest at or above the
    /// maximum, and the configured limit.
    static func shownCaps(_ sizer: BudgetSizer, _ totals: [Money]) -> [Int] {
        let median = BudgetSizer.percentile(50, of: totals)!
        let maximum = totals.last!
        let low = sizer.caps.lastIndex { $0 <= median } ?? 0
        let high = sizer.caps.firstIndex { $0 >= maximum } ?? sizer.caps.count - 1
        var indices = Array(low...max(low, high))
        if let limit = sizer.config.maxCost, let index = sizer.caps.firstIndex(of: limit), !indices.contains(index) {
            indices.append(index)
            indices.sort()
        }
        return indices
    }

    static func percent(_ part: Int64, of whole: Int64) -> String {
        NumberFormatting.percent(Money(raw: Int128(part)), of: Money(raw: Int128(whole)))
    }

    /// `budget_sizing.csv`: one row per budget and candidate cap.
    static func csv(_ result: AnalysisResult) -> String {
        var out = CSVFormatter.row([
            "budget", "scope", "period", "cap_usd", "configured", "key_periods", "key_periods_over_cap", "calls_in_scope",
            "calls_blocked", "spend_in_scope_usd", "savings_usd",
        ])
        for sizer in result.budgetSizing {
            let totals = sizer.periodTotals
            for (index, cap) in sizer.caps.enumerated() {
                out += CSVFormatter.row([
                    CSVFormatter.text(sizer.config.identity.name), CSVFormatter.text(BudgetTracker.scopeName(sizer.config.scope)),
                    PolicyParameters.periodName(sizer.config.period), cap.roundedMicroDecimal,
                    cap == sizer.config.maxCost ? "true" : "false", String(totals.count),
                    String(totals.filter { $0 > cap }.count), String(sizer.callsInScope), String(sizer.blockedCalls[index]),
                    sizer.spendInScope.roundedMicroDecimal, sizer.blockedCost[index].roundedMicroDecimal,
                ])
            }
        }
        return out
    }
}
