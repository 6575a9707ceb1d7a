/// Builds `report.md` (SPEC §7.1). Every figure in it is a rounded view of a CSV or summary.json
/// value, and every piece of log text goes through `MarkdownText.cell`.
public enum MarkdownReportWriter {
    /// The counterfactual assumption every report states (SPEC §6.1).
    public static let counterfactualAssumption = """
        The agents issue the same calls with the same token counts as logged until a policy stops a call \
        or a session; savings are cost-only and do not measure quality.
        """

    public static func render(_ result: AnalysisResult) -> String {
        var out = title(result)
        out += summary(result)
        out += PostMortemSection.render(result)
        out += spend(result)
        out += PolicyReportSections.incidents(result)
        out += PolicyReportSections.policies(result)
        out += BudgetSizingSection.render(result)
        out += PolicyReportSections.modelTiering(result)
        out += dataQuality(result)
        out += method(result)
        return out
    }

    static func title(_ result: AnalysisResult) -> String {
        let inputs = result.inputs
        let period: String
        if let first = inputs.firstStart, let last = inputs.lastStart {
            period = first.utcDate == last.utcDate ? first.utcDate : "\(first.utcDate) to \(last.utcDate)"
        } else {
            period = "no calls"
        }
        var out = "# costreplay report: \(period)\n\n"
        if let month = result.period {
            out = "# costreplay report: \(month.label) (calls starting in the month, \(MarkdownText.cell(result.timezone)))\n\n"
        }
        out += "Inputs: \(NumberFormatting.count(inputs.files.count)) files, \(NumberFormatting.count(inputs.lines)) lines, "
        out += "\(NumberFormatting.count(inputs.calls)) calls. "
        out += "Price book: \(MarkdownText.cell(result.priceBook.source)) (as of \(MarkdownText.cell(result.priceBook.asOf))). "
        out += "Days are in \(MarkdownText.cell(result.timezone)).\n\n"
        return out
    }

    static func summary(_ result: AnalysisResult) -> String {
        let total = result.spend.total
        var table = MarkdownTable([("Figure", .left), ("Value", .right)])
        table.add(["Actual spend", NumberFormatting.dollars(total.cost)])
        table.add(["Combined counterfactual", NumberFormatting.dollars(total.counterfactualCost)])
        table.add([
            "Savings",
            NumberFormatting.dollars(total.savings) + " (" + NumberFormatting.percent(total.savings, of: total.cost) + ")",
        ])
        table.add(["Calls", NumberFormatting.count(total.calls)])
        table.add(["Unpriced calls (not in any sum)", NumberFormatting.count(total.unpricedCalls)])
        var out = "## Summary\n\n" + table.rendered() + "\n"
        if let waterfall = PolicyReportSections.waterfall(result) {
            out += waterfall
            out += "![Savings waterfall: actual spend, each combined policy's saving, combined counterfactual]"
            out += "(\(ReportCharts.waterfallFile))\n\n"
        }
        out += PolicyReportSections.assumption
        return out
    }

    static func spend(_ result: AnalysisResult) -> String {
        let spend = result.spend
        var out = "## Spend\n\n" + FinanceSection.render(result) + "### Daily\n\n"
        out += "![Daily spend: actual and combined counterfactual](\(ReportCharts.dailyFile))\n\n"
        var daily = MarkdownTable([
            ("Date", .left), ("Calls", .right), ("Input", .right), ("Cache write", .right),
            ("Cache read", .right), ("Output", .right), ("Cost", .right), ("Counterfactual", .right),
        ])
        for (day, totals) in spend.days {
            daily.add([
                day, NumberFormatting.count(totals.calls), NumberFormatting.count(totals.inputTokens),
                NumberFormatting.count(totals.cacheWriteTokens), NumberFormatting.count(totals.cacheReadTokens),
                NumberFormatting.count(totals.outputTokens), NumberFormatting.dollars(totals.cost),
                NumberFormatting.dollars(totals.counterfactualCost),
            ])
        }
        out += daily.rendered() + "\nFull figures: `daily.csv`.\n\n"
        out += groupTable("By model", "Model", spend.byModel, limit: 25, file: "models.csv")
        out += groupTable("Top users", "User", spend.byUser, limit: 10, file: "users.csv")
        out += topUsersChart(result)
        out += groupTable("Top teams", "Team", spend.byTeam, limit: 10, file: "teams.csv")
        out += groupTable("Top sessions", "Session", spend.bySession, limit: 10, file: "sessions.csv")
        return out
    }

    /// The top users' cumulative spend against their budget, with a sentence saying what it draws.
    static func topUsersChart(_ result: AnalysisResult) -> String {
        var out = "![Cumulative spend of the top users](\(ReportCharts.topUsersFile))\n\n"
        if let budget = ReportCharts.userBudget(result) {
            out += "The chart draws each of the top \(ReportCharts.topUserCount) users' actual spend accumulated within each "
            out +=
                "\(PolicyParameters.periodName(budget.period)) of budget \(MarkdownText.code(MarkdownText.shortened(budget.identity.name, limit: 48)))"
            out +=
                " (restarting at each period), hour by hour, against its \(NumberFormatting.dollars(budget.maxCost!)) limit.\n\n"
        } else {
            out += "The chart draws each of the top \(ReportCharts.topUserCount) users' actual spend accumulated hour by hour "
            out += "(no user budget with a cost limit is configured).\n\n"
        }
        return out
    }

    static func groupTable(_ heading: String, _ column: String, _ groups: [String: SpendTotals], limit: Int, file: String)
        -> String
    {
        var table = MarkdownTable([
            (column, .left), ("Calls", .right), ("Unpriced", .right), ("Cost", .right),
            ("Counterfactual", .right), ("Savings", .right),
        ])
        let ranked = SpendAggregator.ranked(groups)
        for (key, totals) in ranked.prefix(limit) {
            table.add([
                MarkdownText.cell(key.isEmpty ? nil : key), NumberFormatting.count(totals.calls),
                NumberFormatting.count(totals.unpricedCalls), NumberFormatting.dollars(totals.cost),
                NumberFormatting.dollars(totals.counterfactualCost), NumberFormatting.dollars(totals.savings),
            ])
        }
        var out = "### \(heading)\n\n" + table.rendered() + "\n"
        let shown = ranked.count > limit ? "Top \(limit) of \(NumberFormatting.count(ranked.count)); all" : "All"
        out += "\(shown) in `\(file)`. “—” is a call without that field.\n\n"
        return out
    }

    static func dataQuality(_ result: AnalysisResult) -> String {
        let inputs = result.inputs
        var out = "## Data quality\n\n"
        var files = MarkdownTable([
            ("File", .left), ("Format", .left), ("Gzip", .left), ("Lines", .right), ("Blank", .right),
            ("Records", .right), ("Malformed", .right), ("Late", .right), ("Damage", .left),
        ])
        for file in inputs.files {
            var format = file.format?.rawValue ?? "—"
            if let detected = file.format, !detected.isSupported { format += " (not supported yet)" }
            let damage = file.damage.map { "\($0.message) at byte \($0.compressedOffset)" } ?? ""
            files.add([
                MarkdownText.cell(file.pathKey, limit: 60), format, file.compressed ? "yes" : "no",
                NumberFormatting.count(file.lines), NumberFormatting.count(file.blankLines),
                NumberFormatting.count(file.records), NumberFormatting.count(file.malformedTotal),
                NumberFormatting.count(file.late), MarkdownText.cell(damage.isEmpty ? nil : damage, limit: 80),
            ])
        }
        out += files.rendered() + "\n"
        var counts = MarkdownTable([("Count", .left), ("Value", .right)])
        counts.add(["Lines", NumberFormatting.count(inputs.lines)])
        counts.add(["Unique calls", NumberFormatting.count(inputs.calls)])
        counts.add(["Duplicate records (counted once)", NumberFormatting.count(inputs.duplicates)])
        counts.add(["Malformed lines (skipped)", NumberFormatting.count(inputs.malformedTotal)])
        counts.add(["Late records (replayed when read)", NumberFormatting.count(inputs.late)])
        counts.add(["Unpriced calls", NumberFormatting.count(inputs.unpricedCalls)])
        if inputs.outsidePeriod > 0 {
            counts.add(["Calls outside the period (excluded)", NumberFormatting.count(inputs.outsidePeriod)])
        }
        let unsupported = inputs.files.reduce(Int64(0)) { $0 + $1.unsupportedLines }
        if unsupported > 0 { counts.add(["Lines in formats not supported yet (skipped)", NumberFormatting.count(unsupported)]) }
        let nonCalls = inputs.nonCalls
        for kind in NonCallKind.allCases.sorted() {
            guard let count = nonCalls[kind], count > 0 else { continue }
            counts.add([kind.dataQualityLabel, NumberFormatting.count(count)])
        }
        out += counts.rendered() + "\n"
        if inputs.files.contains(where: { $0.format == .openaiBatch && $0.records > 0 }) {
            out += "**Time sources:** OpenAI Batch output has no start times: its calls are placed at their completion time "
            out += "(`response.body.created`), so days, hours and sessions follow completion, not submission.\n\n"
        }

        let reasons = inputs.malformedByReason
        if !reasons.isEmpty {
            var table = MarkdownTable([("Reason", .left), ("Lines", .right)])
            for reason in reasons.keys.sorted() { table.add(["`\(reason.rawValue)`", NumberFormatting.count(reasons[reason]!)]) }
            out += "### Malformed lines by reason\n\n" + table.rendered() + "\n"
            var examples = MarkdownTable([("Where", .left), ("Reason", .left), ("Detail", .left)])
            for example in inputs.malformedExamples {
                examples.add([
                    MarkdownText.cell("\(example.pathKey):\(example.line)", limit: 70), "`\(example.reason.rawValue)`",
                    MarkdownText.cell(example.detail, limit: 100),
                ])
            }
            out += "First \(inputs.malformedExamples.count) skipped lines:\n\n" + examples.rendered() + "\n"
        }
        if !inputs.unpricedModels.isEmpty {
            var table = MarkdownTable([
                ("Model as logged", .left), ("Calls", .right), ("Input tokens", .right), ("Output tokens", .right),
            ])
            for model in inputs.unpricedModels.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
                let stats = inputs.unpricedModels[model]!
                table.add([
                    MarkdownText.cell(model), NumberFormatting.count(stats.calls),
                    NumberFormatting.count(stats.inputTokens), NumberFormatting.count(stats.outputTokens),
                ])
            }
            out += "### Unpriced models\n\nThese calls have no price in the book: their cost is unknown (empty in `calls.csv`), "
            out += "not $0, and they are left out of every sum.\n\n" + table.rendered() + "\n"
        }
        for file in inputs.damagedFiles {
            out +=
                "**Damaged input:** \(MarkdownText.cell(file.pathKey, limit: 80)): \(MarkdownText.cell(file.damage!.message, limit: 80)) "
            out += "at compressed byte \(file.damage!.compressedOffset); every complete line before it was used"
            out += file.droppedPartialLine ? " (the incomplete line it cut off was dropped).\n\n" : ".\n\n"
        }
        return out
    }

    static func method(_ result: AnalysisResult) -> String {
        var out = "## Method\n\n"
        out += "- Counterfactual assumption: \(counterfactualAssumption)\n"
        out +=
            "- Prices: \(MarkdownText.cell(result.priceBook.source)) price book as of \(MarkdownText.cell(result.priceBook.asOf)); "
        out += "costs are exact decimals (see `calls.csv`), rounded here to cents and in other files to micro-dollars.\n"
        out += "- Replay order: call start time, then file path, then line. Duplicated call ids count once.\n"
        out += "- Reproduce: \(MarkdownText.code(result.command))\n"
        return out
    }
}
