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
        for (key, value) in result.extraSummarySections { document[key] = value }
        return JSONOutput.object(document).rendered()
    }
}
