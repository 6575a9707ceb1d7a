/// The `--focus` post-mortem, right after the Summary: the focus's timeline, the runaway's first
/// call, the moment each policy would have stepped in and the money at stake from then, the
/// repeated tool signatures and the budget crossings.
enum PostMortemSection {
    /// File names of the focus's outputs.
    static let chartFile = "focus-timeline.svg"
    static let minutesFile = "focus_minutes.csv"
    /// Hour rows shown in the hourly timeline before it keeps only the costliest.
    static let hourRowLimit = 48

    static func render(_ result: AnalysisResult) -> String {
        guard let focus = result.focus else { return "" }
        let subject = MarkdownText.cell(focus.target.label, limit: 80)
        var out = "## Post-mortem: \(subject)\n\n"
        guard focus.calls > 0, let first = focus.first, let last = focus.last else {
            return out + "No call in the inputs belongs to \(subject).\n\n"
        }
        out += "\(NumberFormatting.count(focus.calls)) calls in \(NumberFormatting.count(focus.sessions.count)) sessions, "
        out += "from \(first.isoMillis) to \(last.isoMillis) (UTC). Actual spend \(NumberFormatting.dollars(focus.actual)); "
        out += "with the combined policies \(NumberFormatting.dollars(focus.counterfactual)) "
        out += "(saves \(NumberFormatting.dollars(focus.actual - focus.counterfactual)), "
        out += "\(NumberFormatting.percent(focus.actual - focus.counterfactual, of: focus.actual))).\n\n"
        out += "![Spend per minute of \(subject): actual and combined counterfactual](\(chartFile))\n\n"
        out +=
            "Per-minute figures: `\(minutesFile)`; every call: the rows of `calls.csv` for this \(focus.target.kind.rawValue).\n\n"
        if let runaway = focus.runaway {
            let name = runaway.name.isEmpty ? "calls without a session" : "session " + MarkdownText.cell(runaway.name, limit: 60)
            out += "**The runaway** (the focus's most expensive session): \(name), first call "
            out += "\(MarkdownText.cell(runaway.firstCallID, limit: 60)) at \(runaway.firstStart.isoMillis) "
            out += "(\(MarkdownText.cell(runaway.firstModel))); \(NumberFormatting.count(runaway.calls)) calls, "
            out += "\(NumberFormatting.dollars(runaway.cost)) until \(runaway.lastStart.isoMillis) "
            out += "(\(NumberFormatting.percent(runaway.cost, of: focus.actual)) of the focus's spend).\n\n"
        }
        if let peak = focus.minutes.max(by: { ($0.value.actual, $1.key) < ($1.value.actual, $0.key) }) {
            out += "Costliest minute: \(Timestamp(micros: peak.key * 60_000_000).isoMillis), "
            out += "\(NumberFormatting.dollars(peak.value.actual)) in \(NumberFormatting.count(peak.value.calls)) calls.\n\n"
        }
        out += policyMoments(result, focus)
        out += repeatedTools(focus)
        out += budgetCrossings(result, focus)
        out += hourly(result, focus)
        return out
    }

    /// Each policy alone, and the combined set: when it first stopped a call of the focus, what was
    /// at stake from then, and when it first changed one.
    static func policyMoments(_ result: AnalysisResult, _ focus: FocusAggregator) -> String {
        guard let replay = result.replay else { return "" }
        var table = MarkdownTable([
            ("Policy", .left), ("Stops the focus at (UTC)", .left), ("Stopping call", .left),
            ("Actual spend from then", .right), ("First changes a call at (UTC)", .left), ("Saves on this focus", .right),
        ])
        var rows = replay.policySet.identities.map { ($0.name, "isolated:" + $0.name) }
        if !replay.waterfall.isEmpty { rows.append(("all combined", "combined")) }
        for (label, scenario) in rows {
            guard let effect = replay.focusEffects[scenario] else { continue }
            var stop = ["never", "—", "—"]
            if let first = effect.firstStop {
                let by = scenario == "combined" ? " (" + first.policies.joined(separator: "+") + ")" : ""
                stop = [
                    first.time.isoMillis, MarkdownText.cell(first.callID, limit: 36) + MarkdownText.cell(by, limit: 40),
                    NumberFormatting.dollars(effect.baselineFromFirstStop),
                ]
            }
            table.add(
                [MarkdownText.cell(label)] + stop + [
                    effect.firstChange?.time.isoMillis ?? "never", NumberFormatting.dollars(effect.savings),
                ])
        }
        var out = "### When each policy would have stepped in\n\n"
        out += "Each policy replayed alone on all the calls, then all combined: the first call of this focus it would have "
        out += "stopped, the actual spend of the focus from that call on (the money at stake), the first call it would have "
        out += "made differently (another model, cache or tier), and what it saves on the focus.\n\n"
        return out + table.rendered() + "\n"
    }

    static func repeatedTools(_ focus: FocusAggregator) -> String {
        let repeated = focus.repeatedToolUses
        var out = "### Repeated tool calls\n\n"
        guard !repeated.isEmpty else { return out + "No tool call with the same arguments was made twice.\n\n" }
        var table = MarkdownTable([
            ("Tool", .left), ("Arguments", .left), ("Times", .right), ("Sessions", .right), ("First (UTC)", .left),
            ("Last (UTC)", .left),
        ])
        for use in repeated.prefix(10) {
            table.add([
                MarkdownText.cell(use.tool, limit: 32), MarkdownText.cell(use.input, limit: 60),
                NumberFormatting.count(use.count),
                NumberFormatting.count(use.sessions), use.first.isoMillis, use.last.isoMillis,
            ])
        }
        if repeated.count > 10 { out += "The 10 most repeated of \(NumberFormatting.count(repeated.count)):\n\n" }
        return out + table.rendered() + "\n"
    }

    /// The incidents of the focus: those on its calls and those keyed on it.
    static func focusIncidents(_ result: AnalysisResult, _ focus: FocusAggregator) -> [Incident] {
        guard let replay = result.replay else { return [] }
        let scope = focus.target.kind.rawValue
        return replay.incidents.filter { incident in
            if let id = incident.callID, focus.callIDs.contains(id) { return true }
            return incident.scope == scope && incident.key == focus.target.value
        }
    }

    static func budgetCrossings(_ result: AnalysisResult, _ focus: FocusAggregator) -> String {
        let incidents = focusIncidents(result, focus)
        var out = "### Budget crossings and other incidents\n\n"
        guard !incidents.isEmpty else { return out + "No budget alert, block, loop halt or burst concerns this focus.\n\n" }
        var table = MarkdownTable([
            ("When (UTC)", .left), ("Kind", .left), ("Policy", .left), ("What", .left), ("Cost avoided", .right),
        ])
        for incident in incidents.prefix(30) {
            table.add([
                incident.time.isoMillis, incident.kind.rawValue,
                MarkdownText.cell(incident.policy.isEmpty ? nil : incident.policy),
                MarkdownText.cell(incident.reason + ": " + incident.detail, limit: 90),
                incident.kind == .burst || incident.kind == .budgetAlert ? "—" : NumberFormatting.dollars(incident.costAvoided),
            ])
        }
        if incidents.count > 30 { out += "First 30 of \(NumberFormatting.count(incidents.count)) (all in `incidents.csv`):\n\n" }
        return out + table.rendered() + "\n"
    }

    /// Spend by UTC hour with the moments policies stepped in and the incidents of each hour.
    static func hourly(_ result: AnalysisResult, _ focus: FocusAggregator) -> String {
        var hours: [Int64: FocusAggregator.Minute] = [:]
        for (minute, totals) in focus.minutes {
            let hour = Timestamp.floorDiv(minute, 60)
            hours[hour, default: .init()].calls += totals.calls
            hours[hour]!.actual += totals.actual
            hours[hour]!.counterfactual += totals.counterfactual
        }
        var events: [Int64: [String]] = [:]
        if let replay = result.replay {
            for identity in replay.policySet.identities {
                if let stop = replay.focusEffects["isolated:" + identity.name]?.firstStop {
                    events[Timestamp.floorDiv(stop.time.micros, 3_600_000_000), default: []].append("\(identity.name) stops")
                }
            }
        }
        for incident in focusIncidents(result, focus) {
            events[Timestamp.floorDiv(incident.time.micros, 3_600_000_000), default: []].append(incident.kind.rawValue)
        }
        var shown = hours.keys.sorted()
        var note = ""
        if shown.count > hourRowLimit {
            let costliest = Set(
                hours.sorted { ($0.value.actual, $1.key) > ($1.value.actual, $0.key) }.prefix(hourRowLimit).map(\.key))
            shown = shown.filter { costliest.contains($0) }
            note = "The \(hourRowLimit) costliest of \(NumberFormatting.count(hours.count)) hours with calls, in time order:\n\n"
        }
        var table = MarkdownTable([
            ("Hour (UTC)", .left), ("Calls", .right), ("Spend", .right), ("Counterfactual", .right), ("Events", .left),
        ])
        for hour in shown {
            let totals = hours[hour]!
            var labels: [String] = []
            var counts: [String: Int] = [:]
            for event in events[hour] ?? [] {
                if counts[event] == nil { labels.append(event) }
                counts[event, default: 0] += 1
            }
            let text = labels.map { counts[$0]! > 1 ? "\($0) ×\(counts[$0]!)" : $0 }.joined(separator: ", ")
            table.add([
                String(Timestamp(micros: hour * 3_600_000_000).isoMillis.prefix(13)) + ":00",
                NumberFormatting.count(totals.calls), NumberFormatting.dollars(totals.actual),
                NumberFormatting.dollars(totals.counterfactual), MarkdownText.cell(text.isEmpty ? nil : text, limit: 90),
            ])
        }
        return "### Timeline by hour\n\n" + note + table.rendered() + "\n"
    }
}
