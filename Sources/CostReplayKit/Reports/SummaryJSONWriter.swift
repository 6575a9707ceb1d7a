/// Builds `summary.json` (SPEC §7.2) from a finished analysis.
public enum SummaryJSONWriter {
    public static let schema = "costreplay.summary/1"

    public static func render(_ result: AnalysisResult) -> String {
        let inputs = result.inputs
        let base = result.spend.total
        var document: [String: JSONOutput] = [
            "schema": .string(schema),
            "version": .string(CostReplayVersion.current),
            "inputs": .object([
                "files": .int(inputs.files.count),
                "lines": .int(inputs.lines),
                "calls": .int(inputs.calls),
                "duplicates": .int(inputs.duplicates),
                "malformed": .int(inputs.malformedTotal),
                "late": .int(inputs.late),
                "unpriced_calls": .int(inputs.unpricedCalls),
                "first_start": inputs.firstStart.map { .string($0.isoMillis) } ?? .null,
                "last_start": inputs.lastStart.map { .string($0.isoMillis) } ?? .null,
            ]),
            "price_book": .object([
                "source": .string(result.priceBook.source),
                "as_of": .string(result.priceBook.asOf),
            ]),
            "baseline": .object([
                "calls": .int(base.calls),
                "cost_usd": .money(base.cost),
                "input_tokens": .int(base.inputTokens),
                "cache_write_tokens": .int(base.cacheWriteTokens),
                "cache_read_tokens": .int(base.cacheReadTokens),
                "output_tokens": .int(base.outputTokens),
            ]),
        ]
        if let replay = result.replay {
            document["policies"] = .array(
                replay.isolated.map { scenario in
                    let identity = scenario.policies[0]
                    return .object([
                        "name": .string(identity.name), "kind": .string(identity.kind.rawValue),
                        "combined": .bool(identity.combined), "isolated": totals(scenario),
                    ])
                })
            var combined = totals(replay.combined)
            if case .object(var members) = combined {
                members["waterfall"] = .array(
                    replay.waterfallSavings(baseline: base.cost).map {
                        .object(["policy": .string($0.policy.name), "savings_usd": .money($0.savings)])
                    })
                combined = .object(members)
            }
            document["combined"] = combined
            document["incidents"] = .object([
                "loop_halts": .int(replay.loopHalts), "budget_blocks": .int(replay.budgetBlocks),
                "budget_alerts": .int(replay.budgetAlerts), "bursts": .int(replay.bursts),
            ])
        }
        return JSONOutput.object(document).rendered()
    }

    static func totals(_ scenario: ScenarioSummary) -> JSONOutput {
        .object([
            "cost_usd": .money(scenario.cost), "savings_usd": .money(scenario.savings),
            "calls_avoided": .int(scenario.callsAvoided), "calls_modified": .int(scenario.callsModified),
        ])
    }
}
