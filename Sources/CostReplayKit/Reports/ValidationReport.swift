/// The text `costreplay validate` prints: per file format and counts, then totals.
public enum ValidationReport {
    public static func render(_ summary: InputSummary) -> String {
        var table = MarkdownTable([
            ("File", .left), ("Format", .left), ("Gzip", .left), ("Lines", .right),
            ("Records", .right), ("Malformed", .right), ("Not calls", .right), ("Late", .right), ("Damage", .left),
        ])
        for file in summary.files {
            var format = file.format?.rawValue ?? "—"
            if let detected = file.format, !detected.isSupported { format += " (not supported yet)" }
            table.add([
                TerminalText.cell(file.pathKey), format, file.compressed ? "yes" : "no", String(file.lines),
                String(file.records), String(file.malformedTotal), String(file.nonCalls.values.reduce(0, +)),
                String(file.late), file.damage.map { TerminalText.cell("\($0.message) at byte \($0.compressedOffset)") } ?? "",
            ])
        }
        var out = table.rendered()
        out += "\n\(summary.calls) unique calls, \(summary.duplicates) duplicates, \(summary.malformedTotal) malformed, "
        out += "\(summary.late) late, \(summary.unpricedCalls) unpriced\n"
        let reasons = summary.malformedByReason
        for reason in reasons.keys.sorted() { out += "  malformed \(reason.rawValue): \(reasons[reason]!)\n" }
        let nonCalls = summary.nonCalls
        for kind in nonCalls.keys.sorted() { out += "  not a call, \(kind.rawValue): \(nonCalls[kind]!)\n" }
        for model in summary.unpricedModels.keys.sorted() {
            out += "  unpriced model \(TerminalText.printable(model)): \(summary.unpricedModels[model]!.calls) calls\n"
        }
        return out
    }
}
