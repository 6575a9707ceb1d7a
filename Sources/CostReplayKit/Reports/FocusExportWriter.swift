/// Streams `focus.csv`: the baseline spend as a FOCUS 1.2 cost and usage dataset (FinOps Open Cost
/// and Usage Specification) that FinOps tools can load (SPEC §7).
///
/// One row per priced call and non-empty token bucket (input, 5-minute and 1-hour cache writes,
/// cache reads, output), with every mandatory FOCUS 1.2 column and the conditional ones the logs
/// can fill; docs/decisions.md ("FOCUS export") gives the value of every column. Costs are exact
/// plain decimals, so `BilledCost` sums exactly to the baseline total. Unpriced calls and calls
/// without tokens write no rows (unpriced calls are counted in the report's Data quality section).
///
/// Built for tens of millions of calls: each row is assembled as UTF-8 bytes, the per-call cells are
/// built once per call, and the per-SKU cells once per run.
public final class FocusExportWriter {
    /// The columns, in the FOCUS specification's (alphabetical) order.
    public static let header = [
        "BilledCost", "BillingAccountId", "BillingAccountName", "BillingCurrency", "BillingPeriodEnd",
        "BillingPeriodStart", "ChargeCategory", "ChargeClass", "ChargeDescription", "ChargeFrequency",
        "ChargePeriodEnd", "ChargePeriodStart", "ConsumedQuantity", "ConsumedUnit", "ContractedCost",
        "ContractedUnitPrice", "EffectiveCost", "InvoiceIssuerName", "ListCost", "ListUnitPrice", "PricingCategory",
        "PricingCurrency", "PricingQuantity", "PricingUnit", "ProviderName", "PublisherName", "ResourceId",
        "ResourceName", "ResourceType", "ServiceCategory", "ServiceName", "ServiceSubcategory", "SkuId", "SkuMeter",
        "SkuPriceDetails", "SkuPriceId", "SubAccountId", "SubAccountName", "Tags",
    ]

    /// The columns FOCUS 1.2 requires in every dataset.
    public static let mandatoryColumns: Set<String> = [
        "BilledCost", "BillingAccountId", "BillingAccountName", "BillingCurrency", "BillingPeriodEnd",
        "BillingPeriodStart", "ChargeCategory", "ChargeClass", "ChargeDescription", "ChargePeriodEnd",
        "ChargePeriodStart", "ContractedCost", "EffectiveCost", "InvoiceIssuerName", "ListCost", "PricingQuantity",
        "PricingUnit", "ProviderName", "PublisherName", "ServiceCategory", "ServiceName",
    ]

    /// Prefix of the tags this tool derives from each call (FOCUS: provider-defined tags carry a
    /// prefix; the logs' own tags keep their keys).
    public static let tagPrefix = "costreplay/"

    /// The pricing unit: prices are per million tokens, as providers publish them.
    public static let pricingUnit = "1000000 Tokens"

    private let writer: BufferedFileWriter

    public init(writer: BufferedFileWriter) throws(OutputError) {
        self.writer = writer
        try writer.write(CSVFormatter.row(Self.header))
    }

    /// Writes the rows of one call of the baseline: one per token bucket with tokens. Unpriced calls
    /// (`cost == nil`) and calls without any tokens (failed calls without usage) write nothing.
    public func append(_ call: ReplayedCall, costCenter: String?) throws(OutputError) {
        guard call.cost != nil, let entry = call.priceEntry, call.usage.totalTokens > 0 else { return }
        let serviceTier = call.record.serviceTier
        // The buffers are borrowed as locals: appending to a class's stored arrays would pay a
        // dynamic exclusivity check per append.
        var cells: [UInt8] = []
        var ends: [Int] = []
        var row: [UInt8] = []
        var cost: [UInt8] = []
        swap(&cells, &cellsScratch)
        swap(&ends, &endsScratch)
        swap(&row, &rowScratch)
        swap(&cost, &costScratch)
        defer {
            swap(&cells, &cellsScratch)
            swap(&ends, &endsScratch)
            swap(&row, &rowScratch)
            swap(&cost, &costScratch)
        }
        buildCallCells(call, entry: entry, costCenter: costCenter, cells: &cells, ends: &ends)
        try entry.forEachBucketCost(of: call.usage, serviceTier: serviceTier) { (bucket) throws(OutputError) in
            guard bucket.tokens > 0 else { return }
            let sku = skuCells(entry, bucket, serviceTier: serviceTier)
            cost.removeAll(keepingCapacity: true)
            bucket.cost.appendExactDecimal(to: &cost)
            cost.append(0x2C)
            row.removeAll(keepingCapacity: true)
            row.append(contentsOf: cost)  // BilledCost
            Self.appendRun(0, of: cells, ends: ends, to: &row)  // BillingAccountId … ChargeClass
            row.append(contentsOf: sku.description)  // ChargeDescription
            Self.appendRun(1, of: cells, ends: ends, to: &row)  // ChargeFrequency, ChargePeriodEnd, ChargePeriodStart
            row.append(contentsOf: String(bucket.tokens).utf8)  // ConsumedQuantity
            row.append(0x2C)
            Self.appendRun(2, of: cells, ends: ends, to: &row)  // ConsumedUnit
            row.append(contentsOf: cost)  // ContractedCost
            row.append(contentsOf: sku.unitPrice)  // ContractedUnitPrice
            row.append(contentsOf: cost)  // EffectiveCost
            Self.appendRun(3, of: cells, ends: ends, to: &row)  // InvoiceIssuerName
            row.append(contentsOf: cost)  // ListCost
            row.append(contentsOf: sku.unitPrice)  // ListUnitPrice
            Self.appendRun(4, of: cells, ends: ends, to: &row)  // PricingCategory, PricingCurrency
            Self.appendMillions(bucket.tokens, to: &row)  // PricingQuantity
            Self.appendRun(5, of: cells, ends: ends, to: &row)  // PricingUnit … ServiceSubcategory
            row.append(contentsOf: sku.cells)  // SkuId, SkuMeter, SkuPriceDetails, SkuPriceId
            Self.appendRun(6, of: cells, ends: ends, to: &row)  // SubAccountId, SubAccountName, Tags
            row[row.count - 1] = 0x0D  // the last cell's comma becomes the CRLF line end
            row.append(0x0A)
            try writer.write(bytes: row)
        }
    }

    public func close() throws(OutputError) { try writer.close() }

    // MARK: - Row assembly

    /// Reused buffers: the row being built (UTF-8 with a comma after each cell), the cells that
    /// depend only on the call (seven runs between the per-bucket cells, ending at `ends`), and one
    /// cost cell.
    private var rowScratch: [UInt8] = []
    private var cellsScratch: [UInt8] = []
    private var endsScratch: [Int] = []
    private var costScratch: [UInt8] = []

    /// Appends run `index` of the call's cells.
    @inline(__always)
    static func appendRun(_ index: Int, of cells: [UInt8], ends: [Int], to row: inout [UInt8]) {
        row.append(contentsOf: cells[(index == 0 ? 0 : ends[index - 1])..<ends[index]])
    }

    /// `tokens / 10⁶` as an exact plain decimal (the quantity in `1000000 Tokens`) and its comma.
    static func appendMillions(_ tokens: Int64, to bytes: inout [UInt8]) {
        bytes.append(contentsOf: String(tokens / 1_000_000).utf8)
        var rest = tokens % 1_000_000
        if rest != 0 {
            bytes.append(0x2E)
            var divisor: Int64 = 100_000
            while rest > 0 {  // stops after the last non-zero digit: no trailing zeros
                bytes.append(UInt8(48 + rest / divisor))
                rest %= divisor
                divisor /= 10
            }
        }
        bytes.append(0x2C)
    }

    private func buildCallCells(
        _ call: ReplayedCall, entry: PriceEntry, costCenter: String?, cells: inout [UInt8], ends: inout [Int]
    ) {
        let record = call.record
        let names = providerNames(call.provider, entry: entry)
        let period = billingPeriod(containing: record.start)
        cells.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
        // BillingAccountId, BillingAccountName, BillingCurrency, BillingPeriodEnd, BillingPeriodStart,
        // ChargeCategory, ChargeClass
        cells.append(contentsOf: names.accountId)
        cells.append(0x2C)
        Self.plain("USD", to: &cells)
        cells.append(contentsOf: period.cells)
        Self.plain("Usage", to: &cells)
        cells.append(0x2C)
        ends.append(cells.count)
        // ChargeFrequency, ChargePeriodEnd, ChargePeriodStart: whole seconds around the call, end > start.
        Self.plain("Usage-Based", to: &cells)
        let startSecond = Timestamp.floorDiv(record.start.micros, Timestamp.microsPerSecond)
        var endSecond = -Timestamp.floorDiv(-max(record.end.micros, record.start.micros), Timestamp.microsPerSecond)
        endSecond = min(max(endSecond, startSecond + 1), period.endSecond)
        Self.appendISOSeconds(endSecond, to: &cells)
        cells.append(0x2C)
        Self.appendISOSeconds(startSecond, to: &cells)
        cells.append(0x2C)
        ends.append(cells.count)
        // ConsumedUnit
        Self.plain("Tokens", to: &cells)
        ends.append(cells.count)
        // InvoiceIssuerName
        cells.append(contentsOf: names.invoiceIssuer)
        ends.append(cells.count)
        // PricingCategory, PricingCurrency
        Self.plain("Standard", to: &cells)
        Self.plain("USD", to: &cells)
        ends.append(cells.count)
        // PricingUnit, ProviderName, PublisherName, ResourceId, ResourceName, ResourceType,
        // ServiceCategory, ServiceName, ServiceSubcategory
        Self.plain(Self.pricingUnit, to: &cells)
        cells.append(contentsOf: names.provider)
        cells.append(contentsOf: names.publisher)
        let apiKey = record.apiKey.flatMap { $0.isEmpty ? nil : $0 }
        Self.text(apiKey, to: &cells)
        cells.append(0x2C)
        if apiKey == nil { cells.append(0x2C) } else { Self.plain("API Key", to: &cells) }
        Self.plain("AI and Machine Learning", to: &cells)
        cells.append(contentsOf: names.service)
        Self.plain("Generative AI", to: &cells)
        ends.append(cells.count)
        // SubAccountId, SubAccountName, Tags
        Self.text(record.team, to: &cells)
        Self.text(record.team, to: &cells)
        Self.appendTags(call, costCenter: costCenter, to: &cells)
        ends.append(cells.count)
    }

    // MARK: - Tags

    /// The call's tags as one JSON object in a quoted CSV cell: the log's own tags under their keys
    /// (sorted), then the fields this tool knows under `costreplay/` keys. A log tag that uses that
    /// prefix is dropped so keys stay unique.
    static func appendTags(_ call: ReplayedCall, costCenter: String?, to bytes: inout [UInt8]) {
        let record = call.record
        bytes.append(contentsOf: [0x22, 0x7B])  // "{
        var first = true
        func member(_ key: String, _ value: String?, prefixed: Bool) {
            guard let value else { return }
            if !first { bytes.append(0x2C) }
            first = false
            appendJSONString(prefixed ? tagPrefix + key : key, to: &bytes)
            bytes.append(0x3A)
            appendJSONString(value, to: &bytes)
        }
        if !record.tags.isEmpty {
            let sorted = record.tags.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
            for (key, value) in sorted where !key.hasPrefix(tagPrefix) {
                member(key, value, prefixed: false)
            }
        }
        member("api_key", record.apiKey, prefixed: true)
        member("call_id", record.id, prefixed: true)
        member("cost_center", costCenter, prefixed: true)
        member("model", record.model, prefixed: true)
        member("service_tier", record.serviceTier.rawValue, prefixed: true)
        member("session", call.session, prefixed: true)
        member("task", record.task, prefixed: true)
        member("team", record.team, prefixed: true)
        member("user", record.user, prefixed: true)
        bytes.append(contentsOf: [0x7D, 0x22, 0x2C])  // }",
    }

    // MARK: - SKUs

    private struct SkuKey: Hashable {
        var entry: PriceEntry
        var bucket: TokenBucket
        var tierAboveInputTokens: Int64?
        /// The service tier whose multiplier applied (standard when none did).
        var pricedTier: ServiceTier
    }

    /// The cells of one SKU price: `ChargeDescription`, the unit price (`ListUnitPrice` and
    /// `ContractedUnitPrice`) and `SkuId, SkuMeter, SkuPriceDetails, SkuPriceId`.
    private struct SkuCells {
        var description: [UInt8]
        var unitPrice: [UInt8]
        var cells: [UInt8]
    }

    private var skuCache: [SkuKey: SkuCells] = [:]

    private func skuCells(_ entry: PriceEntry, _ cost: BucketCost, serviceTier: ServiceTier) -> SkuCells {
        let key = SkuKey(
            entry: entry, bucket: cost.bucket, tierAboveInputTokens: cost.tierAboveInputTokens,
            pricedTier: cost.multiplier == nil ? .standard : serviceTier)
        if let cached = skuCache[key] { return cached }
        let made = Self.makeSkuCells(key, unitPricePerMillion: cost.unitPricePerMillion)
        skuCache[key] = made
        return made
    }

    /// The meter of a bucket (`SkuMeter`).
    static func meter(_ bucket: TokenBucket) -> String {
        switch bucket {
        case .input: return "Input Tokens"
        case .cacheWrite5m: return "Cache Write 5m Tokens"
        case .cacheWrite1h: return "Cache Write 1h Tokens"
        case .cacheRead: return "Cache Read Tokens"
        case .output: return "Output Tokens"
        }
    }

    private static func makeSkuCells(_ key: SkuKey, unitPricePerMillion: Money) -> SkuCells {
        let entry = key.entry
        let effectiveFrom = entry.effectiveFrom?.utcDate
        var description = entry.id + " " + meter(key.bucket).lowercased()
        if key.pricedTier != .standard { description += ", " + key.pricedTier.rawValue + " price" }
        if let above = key.tierAboveInputTokens { description += ", above " + String(above) + " input tokens" }
        let skuId = entry.id + "/" + key.bucket.rawValue
        var priceId = skuId
        if let effectiveFrom { priceId += "/from-" + effectiveFrom }
        if let above = key.tierAboveInputTokens { priceId += "/above-" + String(above) }
        priceId += "/" + key.pricedTier.rawValue
        var descriptionCell: [UInt8] = []
        text(description, to: &descriptionCell)
        var unitPrice: [UInt8] = []
        unitPricePerMillion.appendExactDecimal(to: &unitPrice)
        unitPrice.append(0x2C)
        var cells: [UInt8] = []
        text(skuId, to: &cells)
        plain(meter(key.bucket), to: &cells)
        cells.append(contentsOf: [0x22, 0x7B])  // "{
        var first = true
        func property(_ name: String, _ value: String?) {
            guard let value else { return }
            if !first { cells.append(0x2C) }
            first = false
            appendJSONString(name, to: &cells)
            cells.append(0x3A)
            appendJSONString(value, to: &cells)
        }
        property("x_AboveInputTokens", key.tierAboveInputTokens.map { String($0) })
        property("x_EffectiveFrom", effectiveFrom)
        property("x_ServiceTier", key.pricedTier.rawValue)
        property("x_TokenType", key.bucket.rawValue)
        cells.append(contentsOf: [0x7D, 0x22, 0x2C])  // }",
        text(priceId, to: &cells)
        return SkuCells(description: descriptionCell, unitPrice: unitPrice, cells: cells)
    }

    // MARK: - Providers

    /// The per-provider cells: account, provider, publisher, invoice issuer and service.
    private struct ProviderCells {
        var accountId: [UInt8]
        var provider: [UInt8]
        var publisher: [UInt8]
        var invoiceIssuer: [UInt8]
        var service: [UInt8]
    }

    private struct ProviderKey: Hashable {
        var label: String?
        var publisher: String
    }

    private var providerCache: [ProviderKey: ProviderCells] = [:]

    private func providerNames(_ label: String?, entry: PriceEntry) -> ProviderCells {
        let key = ProviderKey(label: label, publisher: entry.provider)
        if let cached = providerCache[key] { return cached }
        let made = Self.makeProviderCells(key)
        providerCache[key] = made
        return made
    }

    /// The FOCUS provider and service of a provider label, nil for labels we do not know.
    static func knownProvider(_ label: String) -> (provider: String, service: String)? {
        switch label.lowercased() {
        case "anthropic": return ("Anthropic", "Anthropic API")
        case "openai": return ("OpenAI", "OpenAI API")
        case "bedrock", "aws", "aws_bedrock", "amazon_bedrock": return ("AWS", "Amazon Bedrock")
        case "vertex", "vertex_ai", "google_vertex", "gcp": return ("Google Cloud", "Vertex AI")
        case "azure", "azure_openai", "azure_ai": return ("Microsoft", "Azure OpenAI")
        default: return nil
        }
    }

    /// The model publisher's name for a price-book provider label.
    static func publisherName(_ label: String) -> String {
        switch label.lowercased() {
        case "anthropic": return "Anthropic"
        case "openai": return "OpenAI"
        case "google", "gemini", "vertex", "vertex_ai": return "Google"
        case "meta": return "Meta"
        case "mistral": return "Mistral AI"
        default: return label
        }
    }

    private static func makeProviderCells(_ key: ProviderKey) -> ProviderCells {
        let label = key.label.flatMap { $0.isEmpty ? nil : $0 } ?? (key.publisher.isEmpty ? "unknown" : key.publisher)
        let known = knownProvider(label)
        let providerName = known?.provider ?? label
        let serviceName = known?.service ?? label + " API"
        let publisher = key.publisher.isEmpty ? providerName : publisherName(key.publisher)
        func cell(_ value: String) -> [UInt8] {
            var bytes: [UInt8] = []
            text(value, to: &bytes)
            return bytes
        }
        return ProviderCells(
            accountId: cell(label), provider: cell(providerName), publisher: cell(publisher), invoiceIssuer: cell(providerName),
            service: cell(serviceName))
    }

    // MARK: - Billing periods

    /// The `BillingPeriodEnd,BillingPeriodStart,` cells of the UTC calendar month last asked for.
    private var cachedPeriod: (startMicros: Int64, endMicros: Int64, endSecond: Int64, cells: [UInt8])?

    private func billingPeriod(containing time: Timestamp) -> (endSecond: Int64, cells: [UInt8]) {
        if let cachedPeriod, time.micros >= cachedPeriod.startMicros, time.micros < cachedPeriod.endMicros {
            return (cachedPeriod.endSecond, cachedPeriod.cells)
        }
        let (year, month, _) = CivilDate.fromEpochDay(time.epochDay)
        let startDay = CivilDate.epochDay(year: year, month: month, day: 1)
        let endDay =
            month == 12
            ? CivilDate.epochDay(year: year + 1, month: 1, day: 1) : CivilDate.epochDay(year: year, month: month + 1, day: 1)
        var cells: [UInt8] = []
        Self.appendISOSeconds(endDay * 86_400, to: &cells)
        cells.append(0x2C)
        Self.appendISOSeconds(startDay * 86_400, to: &cells)
        cells.append(0x2C)
        cachedPeriod = (startDay * Timestamp.microsPerDay, endDay * Timestamp.microsPerDay, endDay * 86_400, cells)
        return (endDay * 86_400, cells)
    }

    // MARK: - Cell encoding

    /// A FOCUS date/time, `YYYY-MM-DDTHH:mm:ssZ` (UTC), of a count of seconds since 1970.
    static func appendISOSeconds(_ seconds: Int64, to bytes: inout [UInt8]) {
        let day = Timestamp.floorDiv(seconds, 86_400)
        let secondOfDay = seconds - day * 86_400
        let (y, m, d) = CivilDate.fromEpochDay(day)
        if y < 0 || y > 9999 {
            bytes.append(contentsOf: CivilDate.format(year: y, month: m, day: d).utf8)
        } else {
            Timestamp.appendDigits(y, 4, &bytes)
            bytes.append(0x2D)
            Timestamp.appendDigits(m, 2, &bytes)
            bytes.append(0x2D)
            Timestamp.appendDigits(d, 2, &bytes)
        }
        bytes.append(0x54)
        Timestamp.appendDigits(secondOfDay / 3600, 2, &bytes)
        bytes.append(0x3A)
        Timestamp.appendDigits((secondOfDay / 60) % 60, 2, &bytes)
        bytes.append(0x3A)
        Timestamp.appendDigits(secondOfDay % 60, 2, &bytes)
        bytes.append(0x5A)
    }

    /// A cell of our own text (no formula guard needed) and its comma.
    static func plain(_ value: String, to bytes: inout [UInt8]) {
        bytes.append(contentsOf: value.utf8)
        bytes.append(0x2C)
    }

    /// A cell of log text (SPEC §7: formula guard and quoting) and its comma; nil or empty is null.
    static func text(_ value: String?, to bytes: inout [UInt8]) {
        guard let value, let first = value.utf8.first else {
            bytes.append(0x2C)
            return
        }
        var needsWork = first == 0x3D || first == 0x2B || first == 0x2D || first == 0x40 || first == 0x09 || first == 0x0D
        if !needsWork {
            for byte in value.utf8 where byte == 0x2C || byte == 0x22 || byte == 0x0A || byte == 0x0D {
                needsWork = true
                break
            }
        }
        if needsWork {
            bytes.append(contentsOf: CSVFormatter.text(value).utf8)
        } else {
            bytes.append(contentsOf: value.utf8)
        }
        bytes.append(0x2C)
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    /// A JSON string literal inside a quoted CSV cell: the JSON escapes quotes, backslashes and
    /// control characters (everything else, non-ASCII included, stays UTF-8), then every quote is
    /// doubled for the CSV cell (`"a\"b"` is written `""a\""b""`).
    static func appendJSONString(_ text: String, to bytes: inout [UInt8]) {
        bytes.append(contentsOf: [0x22, 0x22])
        let utf8 = text.utf8
        var plain = true
        for byte in utf8 where byte < 0x20 || byte == 0x22 || byte == 0x5C {
            plain = false
            break
        }
        if plain {
            bytes.append(contentsOf: utf8)
        } else {
            for byte in utf8 {
                switch byte {
                case 0x22: bytes.append(contentsOf: [0x5C, 0x22, 0x22])
                case 0x5C: bytes.append(contentsOf: [0x5C, 0x5C])
                case 0x0A: bytes.append(contentsOf: [0x5C, 0x6E])
                case 0x0D: bytes.append(contentsOf: [0x5C, 0x72])
                case 0x09: bytes.append(contentsOf: [0x5C, 0x74])
                case 0..<0x20:
                    bytes.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 15)]])
                default: bytes.append(byte)
                }
            }
        }
        bytes.append(contentsOf: [0x22, 0x22])
    }
}
