/// The text `costreplay prices` prints.
public enum PriceBookListing {
    /// Every model with its current rates, one per row.
    public static func table(_ book: PriceBook) -> String {
        var table = MarkdownTable([
            ("Model", .left), ("Provider", .left), ("From", .left), ("Input", .right), ("Output", .right),
            ("Write 5m", .right), ("Write 1h", .right), ("Read", .right), ("Tiers", .right),
        ])
        for id in book.ids {
            for entry in book.entriesByID[id]! {
                table.add([
                    id, entry.provider, entry.effectiveFrom?.utcDate ?? "", Rates.format(entry.rates.input),
                    Rates.format(entry.rates.output), entry.rates.cacheWrite5m.map(Rates.format) ?? "",
                    entry.rates.cacheWrite1h.map(Rates.format) ?? "", entry.rates.cacheRead.map(Rates.format) ?? "",
                    String(entry.tiers.count),
                ])
            }
        }
        return "Price book \(book.source), as of \(book.asOf). USD per million tokens.\n\n" + table.rendered()
    }

    /// How one logged name resolves and the rates of each of its entries; nil when unpriced.
    public static func describe(_ book: PriceBook, loggedName: String) -> String? {
        guard let id = book.resolveID(loggedName), let entries = book.entriesByID[id] else { return nil }
        var out = "\(loggedName) → \(id)\n"
        for entry in entries {
            out += "  provider \(entry.provider)"
            if let from = entry.effectiveFrom { out += ", from \(from.utcDate)" }
            out += "\n  input \(Rates.format(entry.rates.input)), output \(Rates.format(entry.rates.output))"
            out += ", cache write 5m \(Rates.format(entry.rates.effectiveCacheWrite5m))"
            out += ", 1h \(Rates.format(entry.rates.effectiveCacheWrite1h))"
            out += ", cache read \(Rates.format(entry.rates.effectiveCacheRead)) USD per million tokens\n"
            for tier in entry.tiers {
                out += "  above \(tier.aboveInputTokens) input tokens: input \(Rates.format(tier.rates.input)), "
                out += "output \(Rates.format(tier.rates.output))\n"
            }
            out += "  batch ×\(ScaledDecimal.format(entry.batchMultiplier, scale: 6, minFractionDigits: 1))"
            if let flex = entry.flexMultiplier { out += ", flex ×\(ScaledDecimal.format(flex, scale: 6, minFractionDigits: 1))" }
            if let priority = entry.priorityMultiplier {
                out += ", priority ×\(ScaledDecimal.format(priority, scale: 6, minFractionDigits: 1))"
            }
            out += "\n"
            if !entry.aliases.isEmpty { out += "  aliases: \(entry.aliases.joined(separator: ", "))\n" }
        }
        return out
    }
}
