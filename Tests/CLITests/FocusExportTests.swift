import Foundation
import XCTest

/// The committed finance run's `focus.csv` (FOCUS 1.2): every mandatory column, one row per priced
/// call and token bucket, and BilledCost summing exactly to the baseline cost of `calls.csv`.
final class FocusExportTests: XCTestCase {
    /// FOCUS 1.2's mandatory columns (FinOps Foundation requirements model 1.2).
    static let mandatory = [
        "BilledCost", "BillingAccountId", "BillingAccountName", "BillingCurrency", "BillingPeriodEnd", "BillingPeriodStart",
        "ChargeCategory", "ChargeClass", "ChargeDescription", "ChargePeriodEnd", "ChargePeriodStart", "ContractedCost",
        "EffectiveCost", "InvoiceIssuerName", "ListCost", "PricingQuantity", "PricingUnit", "ProviderName", "PublisherName",
        "ServiceCategory", "ServiceName",
    ]

    func testFinanceRunExportsFOCUSThatSumsToTheBaseline() throws {
        let folder = CLIHarness.packageRoot.appendingPathComponent("reports/finance-2026-10")
        let focus = CSVRows.parse(try String(contentsOf: folder.appendingPathComponent("focus.csv"), encoding: .utf8))
        let header = try XCTUnwrap(focus.first)
        for column in Self.mandatory { XCTAssertTrue(header.contains(column), "focus.csv lacks \(column)") }
        let billed = try XCTUnwrap(header.firstIndex(of: "BilledCost"))
        let category = try XCTUnwrap(header.firstIndex(of: "ChargeCategory"))
        let rows = focus.dropFirst()
        XCTAssertGreaterThan(rows.count, 1000)
        for row in rows {
            XCTAssertEqual(row.count, header.count)
            XCTAssertEqual(row[category], "Usage")
        }
        let focusTotal = rows.reduce(Decimal(0)) { $0 + Decimal(string: $1[billed])! }

        let calls = CSVRows.parse(try String(contentsOf: folder.appendingPathComponent("calls.csv"), encoding: .utf8))
        let cost = try XCTUnwrap(calls.first?.firstIndex(of: "cost_usd"))
        let ledgerTotal = calls.dropFirst().reduce(Decimal(0)) { $0 + (Decimal(string: $1[cost]) ?? 0) }
        XCTAssertEqual(focusTotal, ledgerTotal, "BilledCost must sum exactly to the ledger's baseline cost")
        XCTAssertGreaterThan(ledgerTotal, 100)
    }

    func testMainRunWritesNoFOCUSExport() {
        let path = CLIHarness.packageRoot.appendingPathComponent("reports/focus.csv").path
        XCTAssertFalse(FileManager.default.fileExists(atPath: path), "focus.csv is written with --period or --export-focus only")
    }
}
