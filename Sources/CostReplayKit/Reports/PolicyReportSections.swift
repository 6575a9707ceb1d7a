/// The report sections the policy replay contributes: the waterfall, Runaway incidents, Policies
/// and Model tiering (SPEC §7.1).
enum PolicyReportSections {
    /// The savings waterfall table under the Summary.
    static func waterfall(_ result: AnalysisResult) -> String? {
        guard let replay = result.replay, !replay.waterfall.isEmpty else { return nil }
        let baseline = result.spend.total.cost
        var table = MarkdownTable([
            ("Step", .right), ("Policy", .left), ("Saves", .right), ("Share of spend", .right),
            ("Spend after", .right),
        ])
        for (index, (step, (policy, savings))) in zip(replay.waterfall, replay.waterfallSavings(baseline: baseline)).enumerated()
        {
            table.add([
                "\(index + 1)", MarkdownText.cell(policy.name), NumberFormatting.dollars(savings),
                NumberFormatting.percent(savings, of: baseline), NumberFormatting.dollars(step.cost),
            ])
        }
        var out = "The combined policies switched on one after another, in pipeline order (budgets last). "
        out +=
            "Each step saves what it removes from the spend left by the steps before it; the steps add up to the combined savings.\n\n"
        return out + table.rendered() + "\n"
    }

    /// Counterfactual note shown right under the summary.
    static var assumption: String {
        "Counterfactual assumption: " + MarkdownReportWriter.counterfactualAssumption + "\n\n"
    }

    static func incidents(_ result: AnalysisResult) -> String {
        guard let replay = result.replay else { return "" }
        var out = "## Runaway incidents\n\n"
        let counts = [
            ("Loop halts (sessions)", replay.loopHalts), ("Budget blocks (calls)", replay.budgetBlocks),
            ("Budget alerts", replay.budgetAlerts), ("Burst hours", replay.bursts),
        ]
        var summary = MarkdownTable([("Incident", .left), ("Count", .right)])
        for (label, count) in counts { summary.add([label, NumberFormatting.count(count)]) }
        out += summary.rendered() + "\n"
        out +=
            "From the combined scenario (and the isolated scenario of each policy that is not combined); bursts from actual spend: "
        out +=
            "a user's hour over 10 × the median of that user's hours and over $5. Every incident is a row of `incidents.csv`.\n\n"
        let major = replay.incidents.filter { $0.kind != .budgetAlert }
        if !major.isEmpty {
            var table = MarkdownTable([
                ("When (UTC)", .left), ("Kind", .left), ("Policy", .left), ("Who", .left), ("Session", .left),
                ("Why", .left), ("Cost avoided", .right),
            ])
            let ranked = major.sorted { ($0.costAvoided, $1.time) > ($1.costAvoided, $0.time) }.prefix(25)
            for incident in ranked.sorted(by: { $0.time < $1.time }) {
                table.add([
                    incident.time.isoMillis, incident.kind.rawValue,
                    MarkdownText.cell(incident.policy.isEmpty ? nil : incident.policy),
                    MarkdownText.cell("\(incident.scope) \(incident.key)"), MarkdownText.cell(incident.session, limit: 32),
                    MarkdownText.cell(incident.reason + ": " + incident.detail, limit: 90),
                    incident.kind == .burst ? "—" : NumberFormatting.dollars(incident.costAvoided),
                ])
            }
            if major.count > 25 { out += "The 25 incidents that avoided the most, of \(major.count):\n\n" }
            out += table.rendered() + "\n"
        }
        let alerts = replay.incidents.filter { $0.kind == .budgetAlert }
        if !alerts.isEmpty {
            var table = MarkdownTable([
                ("When (UTC)", .left), ("Budget", .left), ("Who", .left), ("Threshold", .left), ("Usage", .left),
            ])
            for alert in alerts.prefix(20) {
                table.add([
                    alert.time.isoMillis, MarkdownText.cell(alert.policy), MarkdownText.cell("\(alert.scope) \(alert.key)"),
                    MarkdownText.cell(alert.reason), MarkdownText.cell(alert.detail, limit: 80),
                ])
            }
            out +=
                "Budget alerts" + (alerts.count > 20 ? " (first 20 of \(alerts.count))" : "") + ":\n\n" + table.rendered() + "\n"
        }
        return out
    }

    static func policies(_ result: AnalysisResult) -> String {
        guard let replay = result.replay else { return "" }
        let baseline = result.spend.total.cost
        var out = "## Policies\n\n"
        out += "Policy file: \(MarkdownText.cell(replay.policySet.source)). Each policy replayed alone (isolated), "
        out += "against the actual spend of \(NumberFormatting.dollars(baseline)).\n\n"
        var overview = MarkdownTable([
            ("Policy", .left), ("Kind", .left), ("Combined", .left), ("Saves alone", .right),
            ("Share", .right), ("Calls avoided", .right), ("Calls modified", .right),
        ])
        for scenario in replay.isolated {
            let identity = scenario.policies[0]
            overview.add([
                MarkdownText.cell(identity.name), identity.kind.rawValue, identity.combined ? "yes" : "no",
                NumberFormatting.dollars(scenario.savings), NumberFormatting.percent(scenario.savings, of: baseline),
                NumberFormatting.count(scenario.callsAvoided), NumberFormatting.count(scenario.callsModified),
            ])
        }
        out += overview.rendered() + "\n"
        for scenario in replay.isolated {
            let identity = scenario.policies[0]
            out += "### \(MarkdownText.cell(identity.name)) (\(identity.kind.rawValue))\n\n"
            var parameters = MarkdownTable([("Parameter", .left), ("Value", .left)])
            for (key, value) in PolicyParameters.describe(identity, in: replay.policySet) {
                parameters.add([MarkdownText.cell(key), MarkdownText.cell(value, limit: 120)])
            }
            out += parameters.rendered() + "\n"
            out +=
                "Alone it saves \(NumberFormatting.dollars(scenario.savings)) (\(NumberFormatting.percent(scenario.savings, of: baseline))): "
            out +=
                "\(NumberFormatting.count(scenario.callsAvoided)) calls avoided, \(NumberFormatting.count(scenario.callsModified)) modified.\n\n"
            out += "What it changed and caveats: " + caveats(identity, replay) + bodylessFormats(identity, result) + "\n\n"
            if identity.kind == .retry { out += failures(replay) }
        }
        return out
    }

    /// Failed calls per status and the busiest minutes (SPEC §6.7).
    static func failures(_ replay: ReplayOutcome) -> String {
        guard !replay.failedByStatus.isEmpty else { return "No call failed.\n\n" }
        var statuses = MarkdownTable([("Status", .left), ("Failed calls", .right)])
        for status in replay.failedByStatus.keys.sorted() {
            statuses.add([status == 0 ? "none logged" : String(status), NumberFormatting.count(replay.failedByStatus[status]!)])
        }
        var minutes = MarkdownTable([("Minute (UTC)", .left), ("Failed calls", .right)])
        for (minute, calls) in replay.busiestFailureMinutes {
            minutes.add([String(minute.isoMillis.prefix(16)), NumberFormatting.count(calls)])
        }
        return "Failed calls by status:\n\n" + statuses.rendered() + "\nBusiest minutes for failures:\n\n" + minutes.rendered()
            + "\n"
    }

    /// For the policies that need request bodies: the input formats whose calls lacked them.
    static func bodylessFormats(_ identity: PolicyIdentity, _ result: AnalysisResult) -> String {
        guard [.retry, .responseCache, .prefixCache].contains(identity.kind) else { return "" }
        var byFormat: [String: Int64] = [:]
        for file in result.inputs.files where file.recordsWithoutRequestBody > 0 {
            byFormat[file.format?.rawValue ?? "unknown", default: 0] += file.recordsWithoutRequestBody
        }
        guard !byFormat.isEmpty else { return "" }
        let listed = byFormat.keys.sorted().map { "\($0) (\(NumberFormatting.count(byFormat[$0]!)))" }
        return " Formats whose records had no request body: " + listed.joined(separator: ", ") + "."
    }

    static func caveats(_ identity: PolicyIdentity, _ replay: ReplayOutcome) -> String {
        let withoutBody = replay.callsWithoutBody
        let skipped =
            withoutBody > 0
            ? " \(NumberFormatting.count(withoutBody)) calls had no request/response body and were skipped by it." : ""
        switch identity.kind {
        case .loop:
            return
                "halts a session at its first repeated, alternating or error-streak pattern; the halting call is kept when the pattern "
                + "shows in its response, every later call of the session is avoided. Calls with neither a session nor a user are not checked."
                + skipped
        case .retry:
            return
                "avoids a truncated or failed call that was re-sent right after with the same request (ignoring output limits and "
                + "temperature): the re-send alone would have been made." + skipped
        case .responseCache:
            return "assumes an identical request would get an acceptable cached answer; failed calls can be hits too." + skipped
        case .route:
            return "reprices with the chosen tier's rates and the same token counts; applied only when strictly cheaper. "
                + "Quality is not measured. See Model tiering."
        case .prefixCache:
            let premium = replay.wastedWritePremium[identity.name] ?? .zero
            return
                "reprices calls that did not use provider caching: prefix reads at the cache-read rate, writes at the write rate. "
                + "Write premium paid on prefixes never read again: \(NumberFormatting.dollars(premium))." + skipped
        case .compaction:
            return "trims uncached input down to the cap; assumes the answer would be as useful."
        case .outputCap:
            return "bills output above the cap at the cap; assumes the shorter answer would do."
        case .batch:
            return "bills matching calls at the batch rate; batch results arrive within 24 hours, so only offline work fits."
        case .budget:
            return
                "checks each call at its start against usage recorded at earlier calls' ends, so concurrent calls overshoot as they do in reality."
        }
    }

    static func modelTiering(_ result: AnalysisResult) -> String {
        guard let replay = result.replay, !replay.policySet.routes.isEmpty else { return "" }
        var out = "## Model tiering\n\n"
        for route in replay.policySet.routes {
            let name = route.identity.name
            out += "### \(MarkdownText.cell(name))\n\n"
            let changes = replay.routeChanges[name] ?? []
            if changes.isEmpty {
                out += "No call was routed to a strictly cheaper model.\n\n"
            } else {
                var table = MarkdownTable([("Task", .left), ("From", .left), ("To", .left), ("Calls", .right), ("Saves", .right)])
                for change in changes.prefix(30) {
                    table.add([
                        MarkdownText.cell(change.task), MarkdownText.cell(change.from), MarkdownText.cell(change.to),
                        NumberFormatting.count(change.calls), NumberFormatting.dollars(change.savings),
                    ])
                }
                out += table.rendered() + "\n"
            }
            let complexity = replay.routedComplexity[name] ?? [:]
            if !complexity.isEmpty {
                var table = MarkdownTable([("Complexity", .right), ("Calls", .right)])
                for level in complexity.keys.sorted() { table.add(["\(level)", NumberFormatting.count(complexity[level]!)]) }
                out += "Priced calls per complexity (1–10):\n\n" + table.rendered() + "\n"
            }
        }
        return out
    }
}
