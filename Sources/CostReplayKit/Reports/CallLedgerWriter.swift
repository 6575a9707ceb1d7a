/// Streams `calls.csv`, the per-call ledger: one row per unique call in replay order with its exact
/// cost, so the rows sum exactly to every reported total (SPEC §5.3, §7).
public final class CallLedgerWriter {
    public static let header = [
        "call_id", "start", "end", "provider", "model", "priced_model", "user", "team", "api_key", "session", "task",
        "status", "input_tokens", "cache_write_5m_tokens", "cache_write_1h_tokens", "cache_read_tokens",
        "output_tokens", "reasoning_tokens", "cost_usd", "cf_model", "cf_cost_usd", "cf_action", "cf_policy",
    ]

    private let writer: BufferedFileWriter

    public init(writer: BufferedFileWriter) throws(OutputError) {
        self.writer = writer
        try writer.write(CSVFormatter.row(Self.header))
    }

    /// Writes one call with its task and combined-scenario outcome.
    public func append(_ call: ReplayedCall, task: String, outcome: CallOutcome) throws(OutputError) {
        let record = call.record
        let usage = call.usage
        let cells: [String] = [
            CSVFormatter.text(record.id),
            record.start.isoMillis,
            record.end.isoMillis,
            CSVFormatter.text(call.provider),
            CSVFormatter.text(record.model),
            CSVFormatter.text(call.pricedModel),
            CSVFormatter.text(record.user),
            CSVFormatter.text(record.team),
            CSVFormatter.text(record.apiKey),
            CSVFormatter.text(call.session),
            CSVFormatter.text(task),
            record.status.map(String.init) ?? "",
            String(usage.input),
            String(usage.cacheWrite5m),
            String(usage.cacheWrite1h),
            String(usage.cacheRead),
            String(usage.output),
            String(usage.reasoning),
            call.cost?.exactDecimal ?? "",
            CSVFormatter.text(outcome.action == .avoided ? nil : outcome.model),
            call.cost == nil ? "" : (outcome.cost ?? .zero).exactDecimal,
            outcome.action.rawValue,
            CSVFormatter.text(outcome.policies.joined(separator: "+")),
        ]
        try writer.write(CSVFormatter.row(cells))
    }

    public func close() throws(OutputError) { try writer.close() }
}
