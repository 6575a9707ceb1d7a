import Foundation
import XCTest

@testable import CostReplayKit

/// One `costreplay analyze` run over the conformance logs (Conformance/README.md), as `AnalyzeJob`,
/// with the outputs it wrote and the expected results an independent implementation computed.
struct ConformanceRun: Sendable {
    /// The `summary.json` the run wrote.
    let summaryText: String
    /// The `calls.csv` the run wrote.
    let callsText: String
    /// `set-p/expected-NAME.json`.
    let expectedSummaryText: String
    /// `set-p/expected-NAME-calls.csv.gz`, inflated.
    let expectedCallsText: String

    /// The conformance folder, a resource of the test bundle.
    static func root() throws -> URL {
        try XCTUnwrap(Bundle.module.url(forResource: "Conformance", withExtension: nil), "Conformance resource missing")
    }

    /// Analyzes `set-p/logs` with `--prices prices.toml` and `--policy policies/NAME.toml` (nil: the
    /// embedded default policy set, compared with `expected-default*`), and reads the outputs.
    init(policy: String?) throws {
        let root = try Self.root()
        let pricesText = try String(contentsOf: root.appendingPathComponent("prices.toml"), encoding: .utf8)
        let book = try PriceBookLoader.load(text: pricesText, source: "prices.toml")
        let name = policy ?? "default"
        let policies: PolicySet
        if let policy {
            let policyText = try String(contentsOf: root.appendingPathComponent("policies/\(policy).toml"), encoding: .utf8)
            policies = try PolicyFileLoader.load(text: policyText, source: "\(policy).toml", defaultTimezone: "UTC")
        } else {
            policies = PolicyFileLoader.defaults(timezone: "UTC")
        }
        let out = FileManager.default.temporaryDirectory.path + "/costreplay-conformance-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: out) }

        let inputs = try InputDiscovery.discover([root.appendingPathComponent("set-p/logs").path])
        let job = AnalyzeJob(
            inputs: inputs, options: AnalysisOptions(priceBook: book), policies: policies, outputDirectory: out,
            timezone: "UTC", command: "costreplay analyze set-p/logs --prices prices.toml")
        _ = try job.run()

        summaryText = try String(contentsOfFile: out + "/summary.json", encoding: .utf8)
        callsText = try String(contentsOfFile: out + "/calls.csv", encoding: .utf8)
        let expected = root.appendingPathComponent("set-p")
        expectedSummaryText = try String(contentsOf: expected.appendingPathComponent("expected-\(name).json"), encoding: .utf8)
        let gzipped = try Data(contentsOf: expected.appendingPathComponent("expected-\(name)-calls.csv.gz"))
        let inflated = Gzip.decompress(Array(gzipped))
        guard !inflated.damaged else { throw ConformanceError.damagedExpectedFile("expected-\(name)-calls.csv.gz") }
        expectedCallsText = String(decoding: inflated.output, as: UTF8.self)
    }

    var summary: [String: Any] { get throws { try Self.object(summaryText) } }
    var expectedSummary: [String: Any] { get throws { try Self.object(expectedSummaryText) } }

    private static func object(_ text: String) throws -> [String: Any] {
        guard let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else {
            throw ConformanceError.notAnObject
        }
        return object
    }
}

enum ConformanceError: Error {
    case damagedExpectedFile(String)
    case notAnObject
}

/// Compares JSON values as the conformance README asks: every expected value must be present and
/// equal, counts and text exactly, money (keys ending `_usd`) within $0.000001.
enum JSONComparison {
    static let moneyTolerance = 0.000_001

    /// Mismatches between `expected` and `actual` below the key path `path` (empty when they match).
    static func differences(expected: Any, actual: Any?, path: String) -> [String] {
        guard let actual else { return ["\(path): missing (expected \(expected))"] }
        switch expected {
        case let object as [String: Any]:
            guard let actualObject = actual as? [String: Any] else { return ["\(path): expected an object, found \(actual)"] }
            return object.keys.sorted().flatMap { key in
                differences(expected: object[key]!, actual: actualObject[key], path: path + "." + key)
            }
        case let array as [Any]:
            guard let actualArray = actual as? [Any] else { return ["\(path): expected an array, found \(actual)"] }
            var found =
                array.count == actualArray.count ? [] : ["\(path): \(actualArray.count) elements, expected \(array.count)"]
            for (index, element) in array.enumerated() where index < actualArray.count {
                found += differences(expected: element, actual: actualArray[index], path: "\(path)[\(index)]")
            }
            return found
        default:
            if path.hasSuffix("_usd"), let want = number(expected), let have = number(actual) {
                return abs(want - have) <= moneyTolerance + 1e-9 ? [] : ["\(path): \(have), expected \(want)"]
            }
            return "\(expected)" == "\(actual)" ? [] : ["\(path): \(actual), expected \(expected)"]
        }
    }

    private static func number(_ value: Any) -> Double? {
        if let number = value as? NSNumber { return number.doubleValue }
        if let double = value as? Double { return double }
        if let integer = value as? Int { return Double(integer) }
        return nil
    }
}
