/// Loads a price book from TOML (SPEC §5.1) or LiteLLM's JSON price list.
public enum PriceBookLoader {
    /// The book compiled into the binary.
    public static func embedded() -> PriceBook {
        // The embedded text is tested; failing here would be a build defect, not a user error.
        do {
            return try loadTOML(EmbeddedPriceBook.toml, source: "embedded")
        } catch {
            preconditionFailure("embedded price book is invalid: \(error)")
        }
    }

    /// Loads `text` as TOML, or as LiteLLM JSON when its first non-space byte is `{`.
    public static func load(text: String, source: String) throws(ConfigError) -> PriceBook {
        let firstByte = text.utf8.first { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }
        if firstByte == UInt8(ascii: "{") { return try LiteLLMPriceImporter.load(text: text, source: source) }
        return try loadTOML(text, source: source)
    }

    static let rateKeys = ["input", "output", "cache_write_5m", "cache_write_1h", "cache_read"]

    /// Loads a TOML price book.
    public static func loadTOML(_ text: String, source: String) throws(ConfigError) -> PriceBook {
        let root: TOMLTable
        do {
            root = try TOMLParser.parse(text)
        } catch {
            throw ConfigError(file: source, keyPath: "", message: "line \(error.line): \(error.message)")
        }
        var reader = TOMLTableReader(root, path: "", file: source)
        let asOf = try reader.string("as_of") ?? ""
        var entries: [PriceEntry] = []
        var seen: [String: Set<Int64>] = [:]
        var aliasOwner: [String: String] = [:]
        for var model in try reader.tables("model") {
            guard let id = try model.string("id"), !id.isEmpty else { throw model.error("id", "missing model id") }
            let provider = try model.string("provider") ?? ""
            let aliases = try model.stringArray("aliases") ?? []
            var effectiveFrom: Timestamp?
            if let text = try model.string("effective_from") {
                guard let day = parseDate(text) else {
                    throw model.error("effective_from", "expected a date YYYY-MM-DD, found \"\(text)\"")
                }
                effectiveFrom = day
            }
            let rates = try readRates(&model, required: true)!
            var tiers: [PriceTier] = []
            for var tier in try model.tables("tier") {
                guard let above = try tier.integer("above_input_tokens") else {
                    throw tier.error("above_input_tokens", "a tier needs above_input_tokens")
                }
                let tierRates = try readRates(&tier, required: true)!
                let missing = rates.presentOptionalRates.subtracting(tierRates.presentOptionalRates)
                if let name = missing.sorted().first {
                    throw tier.error(name, "the tier must give every rate its model gives")
                }
                try tier.rejectUnknownKeys()
                tiers.append(PriceTier(aboveInputTokens: above, rates: tierRates))
            }
            let minCacheable = try model.integer("min_cacheable_tokens") ?? 0
            let batch = try multiplier(&model, "batch_multiplier") ?? 500_000
            let flex = try multiplier(&model, "flex_multiplier")
            let priority = try multiplier(&model, "priority_multiplier")
            try model.rejectUnknownKeys()
            let dateKey = effectiveFrom?.micros ?? Int64.min
            if seen[id, default: []].contains(dateKey) {
                throw model.error("id", "duplicate model id \"\(id)\" with the same effective_from")
            }
            seen[id, default: []].insert(dateKey)
            for name in [id] + aliases {
                let lowered = name.lowercased()
                if let owner = aliasOwner[lowered], owner != id {
                    throw model.error(name == id ? "id" : "aliases", "\"\(name)\" already names model \"\(owner)\"")
                }
                aliasOwner[lowered] = id
            }
            entries.append(
                PriceEntry(
                    id: id, provider: provider, aliases: aliases, effectiveFrom: effectiveFrom,
                    rates: rates, tiers: tiers, minCacheableTokens: minCacheable,
                    batchMultiplier: batch, flexMultiplier: flex, priorityMultiplier: priority))
        }
        try reader.rejectUnknownKeys()
        return PriceBook(source: source, asOf: asOf, entries: entries)
    }

    static func readRates(_ reader: inout TOMLTableReader, required: Bool) throws(ConfigError) -> Rates? {
        guard let input = try rate(&reader, "input") else {
            if required { throw reader.error("input", "missing input rate") }
            return nil
        }
        guard let output = try rate(&reader, "output") else {
            throw reader.error("output", "missing output rate")
        }
        return Rates(
            input: input, output: output,
            cacheWrite5m: try rate(&reader, "cache_write_5m"),
            cacheWrite1h: try rate(&reader, "cache_write_1h"),
            cacheRead: try rate(&reader, "cache_read"))
    }

    /// A rate, at most `Rates.maximum`.
    static func rate(_ reader: inout TOMLTableReader, _ key: String) throws(ConfigError) -> Int128? {
        guard let value = try reader.decimal(key, scale: Rates.scale) else { return nil }
        guard value <= Rates.maximum else { throw reader.error(key, "more than $100,000 per million tokens") }
        return value
    }

    /// A service-tier multiplier, at most `PriceEntry.maximumMultiplier`.
    static func multiplier(_ reader: inout TOMLTableReader, _ key: String) throws(ConfigError) -> Int128? {
        guard let value = try reader.decimal(key, scale: PriceEntry.multiplierScale) else { return nil }
        guard value <= PriceEntry.maximumMultiplier else { throw reader.error(key, "more than 100") }
        return value
    }

    /// `YYYY-MM-DD` as midnight UTC.
    static func parseDate(_ text: String) -> Timestamp? {
        let parts = text.split(separator: "-")
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let year = Int64(parts[0]), let month = Int64(parts[1]), let day = Int64(parts[2]),
            (1...12).contains(month), day >= 1, day <= CivilDate.daysInMonth(year: year, month: month)
        else { return nil }
        return Timestamp(micros: CivilDate.epochDay(year: year, month: month, day: day) * Timestamp.microsPerDay)
    }
}
