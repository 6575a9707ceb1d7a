/// Reads LiteLLM's `model_prices_and_context_window.json` as a price book (SPEC §5.1): per-token
/// USD rates become per-million rates rounded to 10 significant digits, the `*_above_200k_tokens`
/// keys become a tier (its missing rates taken from the base rates), batch multiplier 0.5.
enum LiteLLMPriceImporter {
    static func load(text: String, source: String) throws(ConfigError) -> PriceBook {
        var bytes = Array(text.utf8)
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: max(bytes.count, 1), alignment: 1)
        defer { buffer.deallocate() }
        bytes.withUnsafeBytes { buffer.copyMemory(from: $0) }
        bytes = []
        var tape = JSONTape(maxDepth: 64)
        do {
            try tape.parse(UnsafeRawBufferPointer(rebasing: buffer[0..<text.utf8.count]))
        } catch {
            throw ConfigError(file: source, keyPath: "", message: "not valid JSON")
        }
        guard tape.kind(tape.root) == .object else {
            throw ConfigError(file: source, keyPath: "", message: "expected a JSON object of models")
        }
        var entries: [PriceEntry] = []
        var taken = Set<String>()
        var member = tape.root + 1
        let end = tape.next(tape.root)
        while member < end {
            let key = member
            let value = member + 1
            member = tape.next(value)
            guard let name = tape.string(key), name != "sample_spec", tape.kind(value) == .object else {
                continue
            }
            if let entry = try entry(tape, value, id: name, source: source), taken.insert(name.lowercased()).inserted {
                entries.append(entry)
            }
        }
        return PriceBook(source: source, asOf: "", entries: entries)
    }

    static func entry(_ tape: JSONTape, _ object: Int, id: String, source: String) throws(ConfigError) -> PriceEntry? {
        func rate(_ key: JSONKey) throws(ConfigError) -> Int128? {
            guard let index = tape.value(object, key), !tape.isNull(index) else { return nil }
            guard tape.kind(index) == .number, let parts = DecimalParts(tape.rawBytes(index)) else {
                throw ConfigError(
                    file: source, keyPath: "\(id).\(String(decoding: key.bytes, as: UTF8.self))", message: "expected a number")
            }
            guard !parts.negative else {
                throw ConfigError(
                    file: source, keyPath: "\(id).\(String(decoding: key.bytes, as: UTF8.self))", message: "must not be negative")
            }
            guard let rate = perMillion(parts), rate <= Rates.maximum else {
                throw ConfigError(
                    file: source, keyPath: "\(id).\(String(decoding: key.bytes, as: UTF8.self))",
                    message: "more than $0.1 per token ($100,000 per million tokens)")
            }
            return rate
        }
        guard let input = try rate("input_cost_per_token"), let output = try rate("output_cost_per_token") else { return nil }
        let base = Rates(
            input: input, output: output,
            cacheWrite5m: try rate("cache_creation_input_token_cost"),
            cacheWrite1h: try rate("cache_creation_input_token_cost_above_1hr"),
            cacheRead: try rate("cache_read_input_token_cost"))
        var tiers: [PriceTier] = []
        if let tierInput = try rate("input_cost_per_token_above_200k_tokens") {
            let tierRates = Rates(
                input: tierInput,
                output: try rate("output_cost_per_token_above_200k_tokens") ?? base.output,
                cacheWrite5m: try rate("cache_creation_input_token_cost_above_200k_tokens") ?? base.cacheWrite5m,
                cacheWrite1h: try rate("cache_creation_input_token_cost_above_1hr_above_200k_tokens") ?? base.cacheWrite1h,
                cacheRead: try rate("cache_read_input_token_cost_above_200k_tokens") ?? base.cacheRead)
            tiers.append(PriceTier(aboveInputTokens: 200_000, rates: tierRates))
        }
        let provider = tape.string(object, "litellm_provider") ?? ""
        return PriceEntry(id: id, provider: provider, rates: base, tiers: tiers)
    }

    /// USD per token → USD per million tokens, rounded to 10 significant digits, then to 12 places;
    /// nil when it does not fit.
    static func perMillion(_ parts: DecimalParts) -> Int128? {
        var shifted = parts
        shifted.exponent += 6
        if shifted.digits.count > 10 {
            let drop = shifted.digits.count - 10
            let roundUp = shifted.digits[10] >= 5
            shifted.digits.removeLast(drop)
            shifted.exponent += drop
            var value: Int128 = 0
            for digit in shifted.digits { value = value * 10 + Int128(digit) }
            if roundUp { value += 1 }
            return scale(value, exponent: shifted.exponent)
        }
        var value: Int128 = 0
        for digit in shifted.digits { value = value * 10 + Int128(digit) }
        return scale(value, exponent: shifted.exponent)
    }

    /// value × 10^exponent in 10⁻¹² units, rounding half up past 12 places; nil when it does not
    /// fit. (Found by FuzzPriceBook: `2e-100000` trapped computing 10¹⁰⁰⁰⁰⁰, and exponents past 20
    /// were silently clamped to 20.)
    static func scale(_ value: Int128, exponent: Int) -> Int128? {
        let shift = exponent + Rates.scale
        if shift >= 0 {
            if value == 0 { return 0 }
            guard shift <= 38 else { return nil }
            let (product, overflow) = value.multipliedReportingOverflow(by: pow10(shift))
            return overflow ? nil : product
        }
        // A value below 10¹¹ (ten significant digits) rounds to 0 once more than 11 digits go.
        if -shift > 38 { return 0 }
        return ScaledDecimal.roundHalfAwayFromZero(value, dropDigits: -shift)
    }
}
