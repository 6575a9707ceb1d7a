import Foundation
import XCTest

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Every committed chart is well-formed XML and its data points are exactly the figures of the CSV
/// it draws: daily.csv, savings.csv and summary.json, calls.csv, focus_minutes.csv.
final class ChartDataTests: XCTestCase {
    let reports = CLIHarness.packageRoot.appendingPathComponent("reports")

    func testEveryChartIsWellFormedAndLinkedFromItsReport() throws {
        let files = try CLIHarness.contents(of: reports)
        let charts = files.keys.filter { $0.hasSuffix(".svg") }
        XCTAssertGreaterThanOrEqual(charts.count, 13, "3 charts in each of 4 runs and the focus timeline")
        for name in charts {
            XCTAssertNoThrow(try Self.dataElements(files[name]!), name)
            let folder = (name as NSString).deletingLastPathComponent
            let report = String(decoding: files[folder.isEmpty ? "report.md" : folder + "/report.md"] ?? Data(), as: UTF8.self)
            XCTAssertTrue(
                report.contains("](\((name as NSString).lastPathComponent))"), "\(name) is not linked from its report.md")
        }
    }

    func testDailyChartMatchesDailyCSV() throws {
        for folder in try runFolders() {
            let elements = try Self.dataElements(try data(folder, "daily-spend.svg"))
            let daily = try csv(folder, "daily.csv")
            XCTAssertEqual(series(elements, "actual"), daily.map { [$0["date"]!, $0["cost_usd"]!] }, folder)
            XCTAssertEqual(series(elements, "counterfactual"), daily.map { [$0["date"]!, $0["cf_cost_usd"]!] }, folder)
        }
    }

    func testWaterfallMatchesSavingsCSVAndSummary() throws {
        for folder in try runFolders() {
            let elements = try Self.dataElements(try data(folder, "savings-waterfall.svg"))
            let steps = try csv(folder, "savings.csv").filter { $0["scenario"] == "waterfall" }
            XCTAssertEqual(series(elements, "step"), steps.map { [$0["policy"]!, $0["savings_usd"]!] }, folder)
            let summary = try JSONSerialization.jsonObject(with: try data(folder, "summary.json")) as! [String: Any]
            let baseline = (summary["baseline"] as! [String: Any])["cost_usd"] as! NSNumber
            let combined = (summary["combined"] as! [String: Any])["cost_usd"] as! NSNumber
            // Both sides are the same 6-decimal text, so they parse to the same Double.
            XCTAssertEqual(Double(series(elements, "baseline").first![1]), baseline.doubleValue, folder)
            XCTAssertEqual(Double(series(elements, "combined").first![1]), combined.doubleValue, folder)
        }
    }

    /// Each point of a user's curve is that user's spend from the start of its budget day (UTC, the
    /// default policies' user-daily budget) to the point's time, summed from calls.csv.
    func testTopUsersChartMatchesCallsCSV() throws {
        for folder in ["", "postmortem-sybil"] {
            let elements = try Self.dataElements(try data(folder, "top-users-spend.svg"))
            let calls = try csv(folder, "calls.csv")
            let lines = elements.filter { $0["data-count"] != nil }
            XCTAssertEqual(lines.count, 5, folder)
            for line in lines {
                let user = line["data-series"]!
                let times = line["data-x"]!.split(separator: " ").map(String.init)
                let values = line["data-y"]!.split(separator: " ").map(String.init)
                XCTAssertEqual(times.count, Int(line["data-count"]!))
                XCTAssertEqual(values.count, times.count)
                let mine = calls.filter { $0["user"] == user }
                for (time, value) in zip(times, values) where value != "0.0" {
                    let day = String(time.prefix(10))
                    // Points sit at hour ends: a point at 00:00 closes the previous day.
                    let periodDay = time.hasSuffix("T00:00:00.000Z") ? Self.previousDay(day) : day
                    let sum = mine.filter { $0["start"]!.hasPrefix(periodDay) && $0["start"]! < time }
                        .reduce(Decimal(0)) { $0 + (Decimal(string: $1["cost_usd"]!) ?? 0) }
                    XCTAssertEqual(Self.roundedMicro(sum), Decimal(string: value), "\(folder) \(user) \(time)")
                }
            }
        }
    }

    func testFocusTimelineMatchesFocusMinutesCSV() throws {
        let elements = try Self.dataElements(try data("postmortem-sybil", "focus-timeline.svg"))
        let minutes = try csv("postmortem-sybil", "focus_minutes.csv")
        for (name, column) in [("actual", "cost_usd"), ("counterfactual", "cf_cost_usd")] {
            let line = try XCTUnwrap(elements.first { $0["data-series"] == name && $0["data-count"] != nil })
            XCTAssertEqual(line["data-x"]!.split(separator: " ").map(String.init), minutes.map { $0["minute"]! })
            XCTAssertEqual(line["data-y"]!.split(separator: " ").map(String.init), minutes.map { $0[column]! })
        }
        XCTAssertFalse(elements.filter { $0["data-series"] == "marker" }.isEmpty)
    }

    // MARK: - Helpers

    func runFolders() throws -> [String] { ["", "all-policies", "postmortem-sybil", "finance-2026-10"] }

    func data(_ folder: String, _ name: String) throws -> Data {
        try Data(contentsOf: reports.appendingPathComponent(folder.isEmpty ? name : folder + "/" + name))
    }

    func csv(_ folder: String, _ name: String) throws -> [[String: String]] {
        let rows = CSVRows.parse(String(decoding: try data(folder, name), as: UTF8.self))
        guard let header = rows.first else { return [] }
        return rows.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
    }

    /// (data-x, data-y) of the single-point elements of one series, in document order.
    func series(_ elements: [[String: String]], _ name: String) -> [[String]] {
        elements.filter { $0["data-series"] == name && $0["data-count"] == nil && $0["data-y"] != nil }
            .map { [$0["data-x"] ?? "", $0["data-y"]!] }
    }

    /// The attributes of every element with a `data-series`, in document order; throws when the
    /// document is not well-formed XML.
    static func dataElements(_ data: Data) throws -> [[String: String]] {
        final class Collector: NSObject, XMLParserDelegate {
            var elements: [[String: String]] = []
            func parser(
                _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]
            ) {
                if attributes["data-series"] != nil { elements.append(attributes) }
            }
        }
        let parser = XMLParser(data: data)
        let collector = Collector()
        parser.delegate = collector
        guard parser.parse() else {
            throw NSError(domain: "svg", code: 1, userInfo: [NSLocalizedDescriptionKey: "\(parser.parserError as Any)"])
        }
        return collector.elements
    }

    static func roundedMicro(_ value: Decimal) -> Decimal {
        var input = value
        var result = Decimal()
        NSDecimalRound(&result, &input, 6, .plain)
        return result
    }

    static func previousDay(_ day: String) -> String {
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyy-MM-dd"
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: formatter.date(from: day)!.addingTimeInterval(-86_400))
    }
}

/// A small RFC 4180 reader for the tests.
enum CSVRows {
    static func parse(_ text: String) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var cell = ""
        var quoted = false
        var characters = Array(text.unicodeScalars)[...]
        while let c = characters.popFirst() {
            if quoted {
                if c == "\"" {
                    if characters.first == "\"" {
                        cell.unicodeScalars.append("\"")
                        characters.removeFirst()
                    } else {
                        quoted = false
                    }
                } else {
                    cell.unicodeScalars.append(c)
                }
            } else if c == "\"" {
                quoted = true
            } else if c == "," {
                row.append(cell)
                cell = ""
            } else if c == "\r" {
                continue
            } else if c == "\n" {
                row.append(cell)
                rows.append(row)
                row = []
                cell = ""
            } else {
                cell.unicodeScalars.append(c)
            }
        }
        if !cell.isEmpty || !row.isEmpty { rows.append(row + [cell]) }
        return rows
    }
}
