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
        let usage = call.usage
        row.removeAll(keepingCapacity: true)
        text(call.record.id)
        call.record.start.appendISOMillis(to: &row)
        row.append(0x2C)
        call.record.end.appendISOMillis(to: &row)
        row.append(0x2C)
        text(call.provider)
        text(call.record.model)
        text(call.pricedModel)
        text(call.record.user)
        text(call.record.team)
        text(call.record.apiKey)
        text(call.session)
        text(task)
        if let status = call.record.status { integer(Int64(status)) } else { row.append(0x2C) }
        integer(usage.input)
        integer(usage.cacheWrite5m)
        integer(usage.cacheWrite1h)
        integer(usage.cacheRead)
        integer(usage.output)
        integer(usage.reasoning)
        money(call.cost)
        text(outcome.action == .avoided ? nil : outcome.model)
        money(call.cost == nil ? nil : outcome.cost ?? .zero)
        plain(outcome.action.rawValue)
        text(outcome.policies.count == 1 ? outcome.policies[0] : outcome.policies.joined(separator: "+"))
        row[row.count - 1] = 0x0D  // the last cell's comma becomes the CRLF line end
        row.append(0x0A)
        try writer.write(bytes: row)
    }

    /// The row being built, as UTF-8 bytes with a comma after each cell.
    private var row: [UInt8] = []

    private func text(_ value: String?) {
        guard var value, !value.isEmpty else {
            row.append(0x2C)
            return
        }
        // Plain text needs no quoting or formula guard: copy its contiguous UTF-8 straight in
        // (iterating `String.utf8` byte by byte costs hundreds of instructions per cell).
        let plain = value.withUTF8 { bytes -> Bool in
            let first = bytes[0]
            if first == 0x3D || first == 0x2B || first == 0x2D || first == 0x40 || first == 0x09 { return false }
            for byte in bytes where byte == 0x2C || byte == 0x22 || byte == 0x0A || byte == 0x0D { return false }
            row.append(contentsOf: bytes)
            return true
        }
        if !plain { row.append(contentsOf: CSVFormatter.text(value).utf8) }
        row.append(0x2C)
    }

    private func plain(_ value: String) {
        row.append(contentsOf: value.utf8)
        row.append(0x2C)
    }

    /// Digits written straight into the row (`String(value)` costs a detour through a String per cell).
    private func integer(_ value: Int64) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 21) { digits in
            var magnitude = value.magnitude
            var start = 21
            repeat {
                start -= 1
                digits[start] = UInt8(truncatingIfNeeded: 48 + magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            if value < 0 {
                start -= 1
                digits[start] = 0x2D
            }
            row.append(contentsOf: UnsafeBufferPointer(rebasing: digits[start...]))
        }
        row.append(0x2C)
    }

    /// An exact cost; empty for unpriced.
    private func money(_ value: Money?) {
        value?.appendExactDecimal(to: &row)
        row.append(0x2C)
    }

    public func close() throws(OutputError) { try writer.close() }
}
