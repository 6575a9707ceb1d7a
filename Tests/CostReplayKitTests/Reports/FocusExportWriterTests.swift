import Foundation
import XCTest

@testable import CostReplayKit

/// `focus.csv`: FOCUS 1.2 rows, one per priced call and token bucket, summing exactly to the
/// baseline cost, with log text neutralized.
final class FocusExportWriterTests: XCTestCase {
    private static let book = PriceBookLoader.embedded()

    /// A priced (or, without an entry, unpriced) call as the replay hands it over.
    private func call(
        id: String = "call-1", start: String = "2026-10-15T12:00:00.250Z", end: String? = nil,
        model: String = "claude-sonnet-4-5", provider: String? = "anthropic", usage: Usage? = Usage(input: 100, output: 10),
        serviceTier: ServiceTier = .standard, user: String? = "ana", team: String? = "search", apiKey: String? = "key-1",
        session: String? = "s-1", task: String? = nil, tags: [String: String] = [:], book: PriceBook = FocusExportWriterTests.book
    ) -> ReplayedCall {
        let startTime = timestamp(start)
        var record = CallRecord(
            id: id, origin: RecordOrigin(fileIndex: 0, line: 1), start: startTime, end: end.map(timestamp) ?? startTime,
            model: model)
        record.provider = provider
        record.user = user
        record.team = team
        record.apiKey = apiKey
        record.session = session
        record.task = task
        record.tags = tags
        record.serviceTier = serviceTier
        record.usage = usage
        let entry = book.entry(forLoggedModel: model, at: startTime)
        let resolvedUsage = usage ?? .zero
        let cost: Money? = usage == nil ? .zero : entry?.cost(of: resolvedUsage, serviceTier: serviceTier)
        return ReplayedCall(
            record: record, session: session, sessionInferred: false, pricedModel: entry?.id, priceEntry: entry,
            usage: resolvedUsage, cost: cost)
    }

    /// The rows `calls` produce, header first, parsed back from the file; `copy` keeps a copy of
    /// the file (for running an external FOCUS validator on a sample).
    private func export(_ calls: [ReplayedCall], costCenter: String? = nil, keepAt copy: String? = nil) throws -> [[String]] {
        let directory = try makeTemporaryDirectory()
        let path = directory.path("focus.csv")
        let writer = try FocusExportWriter(writer: BufferedFileWriter(path: path))
        for call in calls { try writer.append(call, costCenter: costCenter) }
        try writer.close()
        if let copy {
            try? FileManager.default.removeItem(atPath: copy)
            try FileManager.default.copyItem(atPath: path, toPath: copy)
        }
        let text = try String(contentsOfFile: path, encoding: .utf8)
        XCTAssertTrue(text.hasSuffix("\r\n"))
        let rows = parseCSV(text)
        for row in rows { XCTAssertEqual(row.count, FocusExportWriter.header.count, "\(row)") }
        return rows
    }

    /// The rows as column → value dictionaries.
    private func records(_ rows: [[String]]) -> [[String: String]] {
        rows.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(rows[0], $0)) }
    }

    private func tags(_ row: [String: String]) throws -> [String: Any] {
        let data = Data(try XCTUnwrap(row["Tags"]).utf8)
        return try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    // MARK: - Columns

    /// Every FOCUS 1.2 mandatory column, in the specification's alphabetical order.
    func testHeaderHasEveryMandatoryColumnInSpecOrder() throws {
        let header = FocusExportWriter.header
        XCTAssertEqual(header, header.sorted())
        XCTAssertEqual(Set(header).count, header.count)
        let mandatory = [
            "BilledCost", "BillingAccountId", "BillingAccountName", "BillingCurrency", "BillingPeriodEnd",
            "BillingPeriodStart", "ChargeCategory", "ChargeClass", "ChargeDescription", "ChargePeriodEnd",
            "ChargePeriodStart", "ContractedCost", "EffectiveCost", "InvoiceIssuerName", "ListCost", "PricingQuantity",
            "PricingUnit", "ProviderName", "PublisherName", "ServiceCategory", "ServiceName",
        ]
        XCTAssertEqual(FocusExportWriter.mandatoryColumns, Set(mandatory))
        for column in mandatory { XCTAssertTrue(header.contains(column), column) }
        // FOCUS column ids are PascalCase letters; custom columns would need an x_ prefix.
        for column in header { XCTAssertTrue(column.allSatisfy { $0.isLetter } && column.first!.isUppercase, column) }
        XCTAssertEqual(try export([]), [header])
    }

    /// One row per bucket with tokens; quantities, unit prices and the four costs agree exactly.
    func testOneRowPerNonEmptyBucket() throws {
        let usage = Usage(input: 12, cacheWrite1h: 2100, cacheRead: 18_000, output: 350, reasoning: 40)
        let rows = records(try export([call(usage: usage)]))
        XCTAssertEqual(
            rows.map { $0["SkuMeter"] }, ["Input Tokens", "Cache Write 1h Tokens", "Cache Read Tokens", "Output Tokens"])
        XCTAssertEqual(rows.map { $0["ConsumedQuantity"] }, ["12", "2100", "18000", "350"])
        XCTAssertEqual(rows.map { $0["PricingQuantity"] }, ["0.000012", "0.0021", "0.018", "0.00035"])
        XCTAssertEqual(rows.map { $0["ListUnitPrice"] }, ["3", "6", "0.3", "15"])
        XCTAssertEqual(rows.map { $0["BilledCost"] }, ["0.000036", "0.0126", "0.0054", "0.00525"])
        XCTAssertEqual(
            rows.map { $0["SkuId"] },
            [
                "claude-sonnet-4-5/input", "claude-sonnet-4-5/cache_write_1h", "claude-sonnet-4-5/cache_read",
                "claude-sonnet-4-5/output",
            ])
        for row in rows {
            let billed = dollars(row["BilledCost"]!)
            XCTAssertEqual(row["ListCost"], row["BilledCost"])
            XCTAssertEqual(row["ContractedCost"], row["BilledCost"])
            XCTAssertEqual(row["EffectiveCost"], row["BilledCost"])
            XCTAssertEqual(row["ContractedUnitPrice"], row["ListUnitPrice"])
            // ListUnitPrice × PricingQuantity = ListCost, exactly.
            XCTAssertEqual(dollars(row["ListUnitPrice"]!).raw * Int128(row["ConsumedQuantity"]!)!, billed.raw * 1_000_000)
            XCTAssertEqual(row["ChargeCategory"], "Usage")
            XCTAssertEqual(row["ChargeClass"], "")
            XCTAssertEqual(row["ChargeFrequency"], "Usage-Based")
            XCTAssertEqual(row["BillingCurrency"], "USD")
            XCTAssertEqual(row["PricingCurrency"], "USD")
            XCTAssertEqual(row["PricingCategory"], "Standard")
            XCTAssertEqual(row["PricingUnit"], "1000000 Tokens")
            XCTAssertEqual(row["ConsumedUnit"], "Tokens")
            XCTAssertEqual(row["ServiceCategory"], "AI and Machine Learning")
            XCTAssertEqual(row["ServiceSubcategory"], "Generative AI")
            XCTAssertEqual(row["ProviderName"], "Anthropic")
            XCTAssertEqual(row["PublisherName"], "Anthropic")
            XCTAssertEqual(row["InvoiceIssuerName"], "Anthropic")
            XCTAssertEqual(row["ServiceName"], "Anthropic API")
            XCTAssertEqual(row["BillingAccountId"], "anthropic")
            XCTAssertEqual(row["BillingAccountName"], "")
            XCTAssertEqual(row["SubAccountId"], "search")
            XCTAssertEqual(row["SubAccountName"], "search")
            XCTAssertEqual(row["ResourceId"], "key-1")
            XCTAssertEqual(row["ResourceName"], "")
            XCTAssertEqual(row["ResourceType"], "API Key")
        }
        XCTAssertEqual(rows[0]["ChargeDescription"], "claude-sonnet-4-5 input tokens")
        let details = try JSONSerialization.jsonObject(with: Data(rows[3]["SkuPriceDetails"]!.utf8)) as? [String: String]
        XCTAssertEqual(details?["x_TokenType"], "output")
        XCTAssertEqual(details?["x_ServiceTier"], "standard")
    }

    /// The whole file's BilledCost adds up exactly to the calls' costs: long context, batch, flex,
    /// priority, several models; unpriced and token-less calls add nothing. With FOCUS_SAMPLE_PATH
    /// set, the file is kept there as a sample for a FOCUS validator.
    func testBilledCostSumsExactlyToTheBaselineTotal() throws {
        var calls: [ReplayedCall] = []
        var state: UInt64 = 42
        func next(_ bound: Int64) -> Int64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int64((state >> 33) % UInt64(bound))
        }
        let models = ["claude-sonnet-4-5", "gpt-5", "claude-3-haiku-20240307", "claude-opus-4-20250514", "no-such-model"]
        for index in 0..<300 {
            let longContext = index % 7 == 0
            let usage = Usage(
                input: longContext ? 200_001 + next(50_000) : next(5000), cacheWrite5m: next(3) == 0 ? next(4000) : 0,
                cacheWrite1h: next(5) == 0 ? next(4000) : 0, cacheRead: next(2) == 0 ? next(60_000) : 0,
                output: next(3000))
            calls.append(
                call(
                    id: "c\(index)", start: "2026-10-\(10 + index % 20)T0\(index % 10):00:00Z",
                    model: models[index % models.count],
                    provider: index % 4 == 0 ? "bedrock" : nil, usage: index % 31 == 0 ? nil : usage,
                    serviceTier: ServiceTier.allCases[index % 4]))
        }
        let rows = records(
            try export(calls, costCenter: "cc-7", keepAt: ProcessInfo.processInfo.environment["FOCUS_SAMPLE_PATH"]))
        let expected = calls.compactMap(\.cost).reduce(Money.zero, +)
        XCTAssertGreaterThan(expected, dollars("1"))
        XCTAssertEqual(rows.map { dollars($0["BilledCost"]!) }.reduce(Money.zero, +), expected)
        XCTAssertEqual(rows.map { dollars($0["EffectiveCost"]!) }.reduce(Money.zero, +), expected)
        XCTAssertTrue(rows.contains { $0["SkuPriceId"]!.hasSuffix("/above-200000/batch") })
        XCTAssertTrue(rows.contains { $0["SkuPriceId"]!.hasSuffix("/flex") })
        XCTAssertFalse(rows.contains { $0["SkuId"]!.hasPrefix("no-such-model") })
        XCTAssertEqual(Set(rows.map { try! self.tags($0)["costreplay/cost_center"] as? String }), ["cc-7"])
    }

    func testUnpricedAndTokenlessCallsWriteNoRows() throws {
        let unpriced = call(model: "no-such-model")
        XCTAssertNil(unpriced.cost)
        let failedWithoutUsage = call(usage: nil)
        XCTAssertEqual(failedWithoutUsage.cost, .zero)
        let rows = try export([unpriced, failedWithoutUsage, call(usage: Usage())])
        XCTAssertEqual(rows, [FocusExportWriter.header])
    }

    // MARK: - Dates

    func testDatesAreWholeSecondsUTCWithTheCallsMonthAsBillingPeriod() throws {
        let rows = records(
            try export([
                call(start: "2026-10-15T12:00:00.250Z", end: "2026-10-15T12:00:01.100Z"),
                // Same instant start and end: the charge period still has a length of one second.
                call(start: "2026-02-10T08:00:00Z", end: "2026-02-10T08:00:00Z", usage: Usage(output: 5)),
                // Across the month end: the period ends with the billing period of the start.
                call(start: "2026-12-31T23:59:59.500Z", end: "2027-01-01T00:00:03.200Z", usage: Usage(output: 5)),
                // An end logged before the start is treated as the start.
                call(start: "2024-02-29T10:00:00Z", end: "2024-02-29T09:00:00Z", usage: Usage(output: 5)),
            ]))
        func dates(_ row: [String: String]) -> [String] {
            ["BillingPeriodStart", "BillingPeriodEnd", "ChargePeriodStart", "ChargePeriodEnd"].map { row[$0]! }
        }
        XCTAssertEqual(
            dates(rows[0]), ["2026-10-01T00:00:00Z", "2026-11-01T00:00:00Z", "2026-10-15T12:00:00Z", "2026-10-15T12:00:02Z"])
        XCTAssertEqual(
            dates(rows[2]), ["2026-02-01T00:00:00Z", "2026-03-01T00:00:00Z", "2026-02-10T08:00:00Z", "2026-02-10T08:00:01Z"])
        XCTAssertEqual(
            dates(rows[3]), ["2026-12-01T00:00:00Z", "2027-01-01T00:00:00Z", "2026-12-31T23:59:59Z", "2027-01-01T00:00:00Z"])
        XCTAssertEqual(
            dates(rows[4]), ["2024-02-01T00:00:00Z", "2024-03-01T00:00:00Z", "2024-02-29T10:00:00Z", "2024-02-29T10:00:01Z"])
    }

    // MARK: - Untrusted text

    /// Formula starts, commas, quotes, line breaks and JSON-breaking characters in log text: CSV
    /// cells get the formula guard and quoting, the Tags JSON stays valid and keeps values exactly.
    func testHostileLogText() throws {
        let hostileUser = "=HYPERLINK(\"http://x\",\"y\")"
        let hostileTeam = "-team, \"the\" best"
        let hostileSession = "s\r\n1\u{1}\\\"}"
        let hostileKey = "@key\n2"
        let tagValue = "Zoë 東京 \"quoted\" \\ back\u{7}"
        let rows = records(
            try export([
                call(
                    provider: "+evil", user: hostileUser, team: hostileTeam, apiKey: hostileKey, session: hostileSession,
                    task: "\tjob", tags: ["env": tagValue, "a\"b": "c", "costreplay/user": "spoofed"])
            ]))
        let row = try XCTUnwrap(rows.first)
        XCTAssertEqual(row["SubAccountId"], "'" + hostileTeam)
        XCTAssertEqual(row["SubAccountName"], "'" + hostileTeam)
        XCTAssertEqual(row["ResourceId"], "'" + hostileKey)
        XCTAssertEqual(row["ProviderName"], "'+evil")
        XCTAssertEqual(row["ServiceName"], "'+evil API")
        XCTAssertEqual(row["BillingAccountId"], "'+evil")
        XCTAssertEqual(row["PublisherName"], "Anthropic")
        let tags = try tags(row)
        XCTAssertEqual(tags["costreplay/user"] as? String, hostileUser)
        XCTAssertEqual(tags["costreplay/team"] as? String, hostileTeam)
        XCTAssertEqual(tags["costreplay/session"] as? String, hostileSession)
        XCTAssertEqual(tags["costreplay/api_key"] as? String, hostileKey)
        XCTAssertEqual(tags["costreplay/task"] as? String, "\tjob")
        XCTAssertEqual(tags["costreplay/call_id"] as? String, "call-1")
        XCTAssertEqual(tags["costreplay/model"] as? String, "claude-sonnet-4-5")
        XCTAssertEqual(tags["costreplay/service_tier"] as? String, "standard")
        XCTAssertEqual(tags["env"] as? String, tagValue)
        XCTAssertEqual(tags["a\"b"] as? String, "c")
        XCTAssertNil(tags["costreplay/cost_center"])
        XCTAssertEqual(tags.count, 10)
        // The raw file keeps non-ASCII as UTF-8 and control characters escaped inside the JSON.
        let raw = try XCTUnwrap(row["Tags"])
        XCTAssertTrue(raw.contains("Zoë 東京"))
        XCTAssertTrue(raw.contains("\\u0001") && raw.contains("\\u0007") && raw.contains("\\r\\n"))
        XCTAssertFalse(raw.unicodeScalars.contains { $0.value < 0x20 })
    }

    // MARK: - Providers and SKUs

    func testProvidersPublishersAndServices() throws {
        let rows = records(
            try export([
                call(provider: "bedrock"), call(model: "gpt-5", provider: "openai"), call(provider: "acme"),
                call(provider: nil), call(model: "gpt-5", provider: "azure"),
            ]))
        func names(_ row: [String: String]) -> [String] {
            ["ProviderName", "PublisherName", "InvoiceIssuerName", "ServiceName", "BillingAccountId"].map { row[$0]! }
        }
        // Two rows per call (input, output).
        XCTAssertEqual(rows.count, 10)
        XCTAssertEqual(names(rows[0]), ["AWS", "Anthropic", "AWS", "Amazon Bedrock", "bedrock"])
        XCTAssertEqual(names(rows[2]), ["OpenAI", "OpenAI", "OpenAI", "OpenAI API", "openai"])
        XCTAssertEqual(names(rows[4]), ["acme", "Anthropic", "acme", "acme API", "acme"])
        XCTAssertEqual(names(rows[6]), ["Anthropic", "Anthropic", "Anthropic", "Anthropic API", "anthropic"])
        XCTAssertEqual(names(rows[8]), ["Microsoft", "OpenAI", "Microsoft", "Azure OpenAI", "azure"])
    }

    /// SkuPriceId tells apart dated price entries, cliff tiers and service tiers; SkuId does not.
    func testSkuPriceIdDistinguishesPrices() throws {
        let book = try priceBook(
            """
            as_of = "2026-11-01"
            [[model]]
            id = "m"
            provider = "anthropic"
            input = 1
            output = 2
            [[model]]
            id = "m"
            provider = "anthropic"
            effective_from = "2026-06-01"
            input = 1.5
            output = 3
            [[model.tier]]
            above_input_tokens = 1000
            input = 2
            output = 4
            """)
        let rows = records(
            try export([
                call(start: "2026-01-05T00:00:00Z", model: "m", usage: Usage(input: 10), book: book),
                call(start: "2026-07-05T00:00:00Z", model: "m", usage: Usage(input: 10), book: book),
                call(start: "2026-07-05T00:00:00Z", model: "m", usage: Usage(input: 1001), book: book),
                call(start: "2026-07-05T00:00:00Z", model: "m", usage: Usage(input: 1001), serviceTier: .batch, book: book),
            ]))
        XCTAssertEqual(Set(rows.map { $0["SkuId"]! }), ["m/input"])
        XCTAssertEqual(
            rows.map { $0["SkuPriceId"]! },
            [
                "m/input/standard", "m/input/from-2026-06-01/standard", "m/input/from-2026-06-01/above-1000/standard",
                "m/input/from-2026-06-01/above-1000/batch",
            ])
        XCTAssertEqual(rows.map { $0["ListUnitPrice"]! }, ["1", "1.5", "2", "1"])
        XCTAssertEqual(rows[3]["ChargeDescription"], "m input tokens, batch price, above 1000 input tokens")
        let details = try JSONSerialization.jsonObject(with: Data(rows[3]["SkuPriceDetails"]!.utf8)) as? [String: String]
        XCTAssertEqual(
            details,
            ["x_AboveInputTokens": "1000", "x_EffectiveFrom": "2026-06-01", "x_ServiceTier": "batch", "x_TokenType": "input"])
    }
}
