/// The monthly finance view (`--period`, `--attribution`): run-rate forecast, change against the
/// previous month when its calls are in the inputs, and spend by cost center.
enum FinanceSection {
    static func render(_ result: AnalysisResult) -> String {
        var out = ""
        if let period = result.period { out += month(result, period) }
        if result.focusExported {
            out += "FinOps export: `\(AnalyzeJob.focusExportFile)` holds these calls as FOCUS 1.2 rows, one per call and token "
            out += "bucket with the exact cost; its BilledCost adds up to the actual spend (unpriced calls have no row).\n\n"
        }
        out += costCenters(result)
        if let source = result.attributionSource {
            out += "Teams and cost centers from \(MarkdownText.code(MarkdownText.shortened(source, limit: 60))), "
            out += "applied before grouping and replay: \(NumberFormatting.count(result.inputs.attributedCalls)) of "
            out += "\(NumberFormatting.count(result.inputs.calls)) calls matched a row (an api_key row wins over a user row).\n\n"
        }
        return out
    }

    static func month(_ result: AnalysisResult, _ period: ReportPeriod) -> String {
        var out = "### Month \(period.label): run rate and change\n\n"
        guard let forecast = MonthForecast(period: period, spend: result.spend) else {
            return out + "No call in \(period.label).\n\n"
        }
        let (fy, fm, fd) = CivilDate.fromEpochDay(forecast.firstDay)
        let (ly, lm, ld) = CivilDate.fromEpochDay(forecast.lastDay)
        out +=
            "Days seen: \(CivilDate.format(year: fy, month: fm, day: fd)) to \(CivilDate.format(year: ly, month: lm, day: ld)) "
        out += "(\(forecast.daysSeen) of \(period.dayCount) days, in \(MarkdownText.cell(result.timezone))); "
        out += "\(forecast.daysLeft) days left. "
        out += "The forecast adds the average day (or the median day) of the days seen for each day left.\n\n"
        var table = MarkdownTable([("Figure", .left), ("Actual", .right), ("Combined counterfactual", .right)])
        table.add(["Spend so far", NumberFormatting.dollars(forecast.actual), NumberFormatting.dollars(forecast.counterfactual)])
        table.add([
            "Average day", NumberFormatting.dollars(forecast.meanDay),
            NumberFormatting.dollars(Money(raw: forecast.counterfactual.raw / Int128(forecast.daysSeen))),
        ])
        table.add(["Median day", NumberFormatting.dollars(forecast.medianDay), "—"])
        table.add([
            "Forecast to month end (average day)", NumberFormatting.dollars(forecast.forecast),
            NumberFormatting.dollars(forecast.counterfactualForecast),
        ])
        table.add(["Forecast to month end (median day)", NumberFormatting.dollars(forecast.medianForecast), "—"])
        out += table.rendered() + "\n"
        out += comparison(result, period, forecast)
        return out
    }

    static func comparison(_ result: AnalysisResult, _ period: ReportPeriod, _ forecast: MonthForecast) -> String {
        let previousLabel = period.previous.label
        guard let previous = result.inputs.previousPeriod, previous.calls > 0 else {
            return "No call of \(previousLabel) is in the inputs, so there is no change against the previous month.\n\n"
        }
        var out = "Against \(previousLabel) (\(NumberFormatting.count(previous.calls)) calls in the inputs, "
        out += "\(NumberFormatting.dollars(previous.cost)); read for this comparison only, not replayed):\n\n"
        var table = MarkdownTable([
            ("Figure", .left), (previousLabel, .right), (period.label, .right), ("Change", .right), ("Change %", .right),
        ])
        let toDate = forecast.actual
        table.add(changeRow("Spend (\(period.label) so far)", previous.cost, toDate))
        if forecast.daysLeft > 0 { table.add(changeRow("Spend (\(period.label) forecast)", previous.cost, forecast.forecast)) }
        out += table.rendered() + "\n"
        var teams = MarkdownTable([
            ("Team", .left), (previousLabel, .right), (period.label, .right), ("Change", .right), ("Change %", .right),
        ])
        let current = result.spend.byTeam.mapValues(\.cost)
        let keys = Set(current.keys).union(previous.byTeam.keys)
        let ranked = keys.sorted {
            let a = (current[$0] ?? .zero) + (previous.byTeam[$0] ?? .zero)
            let b = (current[$1] ?? .zero) + (previous.byTeam[$1] ?? .zero)
            return a != b ? a > b : $0.utf8.lexicographicallyPrecedes($1.utf8)
        }
        for team in ranked.prefix(15) {
            var row = changeRow("", previous.byTeam[team] ?? .zero, current[team] ?? .zero)
            row[0] = MarkdownText.cell(team.isEmpty ? nil : team)
            teams.add(row)
        }
        out += "By team (\(period.label) so far):\n\n" + teams.rendered() + "\n"
        return out
    }

    static func changeRow(_ label: String, _ before: Money, _ after: Money) -> [String] {
        let change = after - before
        let sign = change.raw > 0 ? "+" : ""
        return [
            label, NumberFormatting.dollars(before), NumberFormatting.dollars(after), sign + NumberFormatting.dollars(change),
            before.raw == 0 ? "—" : sign + NumberFormatting.percent(change, of: before),
        ]
    }

    static func costCenters(_ result: AnalysisResult) -> String {
        let groups = result.spend.byCostCenter
        guard groups.keys.contains(where: { !$0.isEmpty }) else { return "" }
        return MarkdownReportWriter.groupTable("By cost center", "Cost center", groups, limit: 15, file: "cost_centers.csv")
    }
}
