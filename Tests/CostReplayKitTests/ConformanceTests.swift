import Foundation
import XCTest

@testable import CostReplayKit

/// `costreplay analyze` on the conformance set (Conformance/README.md) with the embedded default
/// policy set and each policy file there, against the results of an independent implementation of
/// SPEC.md.
final class ConformanceTests: XCTestCase {
    /// Every section of summary.json is compared value by value with `expected-NAME.json`.
    static let comparedSummarySections = ["inputs", "price_book", "baseline", "policies", "combined", "incidents"]

    /// calls.csv columns compared row by row (matched by call_id) with `expected-NAME-calls.csv.gz`:
    /// all of them. Late records are replayed where the implementation places them, so rows are
    /// compared by id, not by position.
    static let comparedCallColumns = CallLedgerWriter.header

    /// nil: the embedded default policy set; else `policies/NAME.toml`.
    static let policyFiles: [String?] = [nil, "near-default", "budgets", "aggressive"]

    /// Columns holding exact decimal money (compared as decimals, so `1.50` equals `1.5`).
    static let moneyColumns: Set<String> = ["cost_usd", "cf_cost_usd"]

    /// The analyses run once for every test of this class.
    private static let runs: [String: Result<ConformanceRun, Error>] = Dictionary(
        uniqueKeysWithValues: policyFiles.map { policy in (policy ?? "default", Result { try ConformanceRun(policy: policy) }) })

    func testSummaryMatchesExpectedSections() throws {
        for (name, result) in Self.runs.sorted(by: { $0.key < $1.key }) {
            let run = try result.get()
            let summary = try run.summary
            let expected = try run.expectedSummary
            XCTAssertEqual(summary["schema"] as? String, "costreplay.summary/1")
            var differences: [String] = []
            for section in Self.comparedSummarySections {
                guard let expectedSection = expected[section] else {
                    XCTFail("expected-\(name).json has no \(section)")
                    continue
                }
                differences += JSONComparison.differences(expected: expectedSection, actual: summary[section], path: section)
            }
            XCTAssertEqual(differences, [], "summary.json differs from expected-\(name).json")
        }
    }

    func testLedgerSumsToTheBaselineCost() throws {
        let run = try XCTUnwrap(Self.runs["default"]).get()
        let rows = csvRecords(run.callsText)
        var total = Decimal(0)
        var unpriced = 0
        for row in rows {
            let cell = row["cost_usd"] ?? ""
            guard !cell.isEmpty else {
                unpriced += 1
                continue
            }
            let cost = try XCTUnwrap(Decimal(string: cell), "cost_usd \(cell)")
            XCTAssertFalse(cell.contains("e") || cell.contains("E"), "cost_usd \(cell) has an exponent")
            total += cost
        }
        let baseline = try XCTUnwrap((try run.summary)["baseline"] as? [String: Any])
        let reported = try XCTUnwrap((baseline["cost_usd"] as? NSNumber)?.doubleValue)
        XCTAssertEqual(NSDecimalNumber(decimal: total).doubleValue, reported, accuracy: JSONComparison.moneyTolerance)
        XCTAssertEqual(rows.count, (baseline["calls"] as? NSNumber)?.intValue)
        let inputs = try XCTUnwrap((try run.summary)["inputs"] as? [String: Any])
        XCTAssertEqual(unpriced, (inputs["unpriced_calls"] as? NSNumber)?.intValue)
    }

    func testLedgerMatchesExpectedCalls() throws {
        for (name, result) in Self.runs.sorted(by: { $0.key < $1.key }) {
            try assertLedgerMatches(try result.get(), name: name)
        }
    }

    private func assertLedgerMatches(_ run: ConformanceRun, name: String) throws {
        let header = try XCTUnwrap(parseCSV(run.callsText).first)
        XCTAssertEqual(header, CallLedgerWriter.header)
        XCTAssertEqual(parseCSV(run.expectedCallsText).first, CallLedgerWriter.header)

        let actual = Dictionary(
            csvRecords(run.callsText).map { ($0["call_id"] ?? "", $0) }, uniquingKeysWith: { first, _ in first })
        let expected = csvRecords(run.expectedCallsText)
        XCTAssertEqual(actual.count, csvRecords(run.callsText).count, "call ids in calls.csv are unique")
        XCTAssertEqual(actual.count, expected.count)

        var differences: [String] = []
        for row in expected.sorted(by: { ($0["call_id"] ?? "") < ($1["call_id"] ?? "") }) {
            let id = row["call_id"] ?? ""
            guard let produced = actual[id] else {
                differences.append("\(id): missing from calls.csv")
                continue
            }
            for column in Self.comparedCallColumns where !Self.cellsEqual(column, row[column], produced[column]) {
                differences.append("\(id).\(column): \(produced[column] ?? "nil"), expected \(row[column] ?? "nil")")
            }
        }
        let extra = Set(actual.keys).subtracting(expected.map { $0["call_id"] ?? "" })
        differences += extra.sorted().map { "\($0): not in the expected calls" }
        XCTAssertEqual(
            differences.count, 0, "\(name): first differences:\n" + differences.prefix(25).joined(separator: "\n"))
    }

    private static func cellsEqual(_ column: String, _ expected: String?, _ actual: String?) -> Bool {
        guard moneyColumns.contains(column), let expected, let actual, !expected.isEmpty, !actual.isEmpty else {
            return expected == actual
        }
        return Decimal(string: expected) == Decimal(string: actual)
    }
}
