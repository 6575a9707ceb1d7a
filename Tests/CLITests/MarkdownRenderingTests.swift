import Foundation
import XCTest

/// Every committed report.md renders cleanly through a GFM parser (`cmark-gfm`, Debian package
/// cmark-gfm): each Markdown table is recognised as a table with one cell per header column in
/// every row, no raw HTML reaches the page, and every linked image exists.
final class MarkdownRenderingTests: XCTestCase {
    static let cmark = ["/usr/bin/cmark-gfm", "/usr/local/bin/cmark-gfm"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }

    func testCommittedReportsRenderAsGFM() throws {
        guard let cmark = Self.cmark else {
            return XCTFail("cmark-gfm is needed for this test: apt-get install cmark-gfm (README, Set up and run)")
        }
        let reports = CLIHarness.packageRoot.appendingPathComponent("reports")
        let files = try CLIHarness.contents(of: reports).keys.filter { $0.hasSuffix("report.md") }.sorted()
        XCTAssertGreaterThanOrEqual(files.count, 4, "main, all-policies, post-mortem and finance reports")
        for name in files {
            let url = reports.appendingPathComponent(name)
            try check(
                markdown: try String(contentsOf: url, encoding: .utf8), directory: url.deletingLastPathComponent(), name: name,
                cmark: cmark)
        }
    }

    /// The checker itself must catch a broken table and a missing image.
    func testTheCheckerCatchesBrokenTablesAndMissingImages() throws {
        guard let cmark = Self.cmark else { return XCTFail("cmark-gfm is needed for this test: apt-get install cmark-gfm") }
        let directory = try CLIHarness.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let problems = try Self.problems(
            markdown: "| a | b |\n| - | - |\n| 1 | 2 | 3 |\n\n![chart](missing.svg)\n\n<script>x</script>\n",
            directory: directory, cmark: cmark)
        XCTAssertTrue(problems.contains { $0.contains("3 cells") }, "\(problems)")
        XCTAssertTrue(problems.contains { $0.contains("missing.svg") }, "\(problems)")
        XCTAssertTrue(problems.contains { $0.contains("raw HTML") }, "\(problems)")
    }

    private func check(markdown: String, directory: URL, name: String, cmark: String) throws {
        for problem in try Self.problems(markdown: markdown, directory: directory, cmark: cmark) {
            XCTFail("\(name): \(problem)")
        }
    }

    /// What is wrong with `markdown` as GFM: broken tables, raw HTML, missing images.
    static func problems(markdown: String, directory: URL, cmark: String) throws -> [String] {
        var problems: [String] = []
        let html = try render(markdown, cmark: cmark)
        // Tables in the source: runs of lines starting with "|". Each must come out as one <table>.
        let lines = markdown.components(separatedBy: "\n")
        var sourceTables = 0
        var sourceRows = 0
        var index = 0
        while index < lines.count {
            guard lines[index].hasPrefix("|") else {
                index += 1
                continue
            }
            sourceTables += 1
            let headerCells = Self.cells(lines[index])
            var row = index
            while row < lines.count && lines[row].hasPrefix("|") {
                let count = Self.cells(lines[row])
                if count != headerCells {
                    problems.append("line \(row + 1): \(count) cells, the header has \(headerCells)")
                }
                if row != index + 1 { sourceRows += 1 }
                row += 1
            }
            index = row
        }
        let renderedTables = html.components(separatedBy: "<table>").count - 1
        if renderedTables != sourceTables { problems.append("\(sourceTables) tables in the source, \(renderedTables) rendered") }
        let renderedRows = html.components(separatedBy: "<tr>").count - 1
        if renderedRows != sourceRows { problems.append("\(sourceRows) table rows in the source, \(renderedRows) rendered") }
        // Rendered rows: one cell per header column.
        for table in html.components(separatedBy: "<table>").dropFirst() {
            let body = table.components(separatedBy: "</table>")[0]
            let rows = body.components(separatedBy: "<tr>").dropFirst()
            let widths = rows.map {
                ($0.components(separatedBy: "<td").count - 1) + ($0.components(separatedBy: "<th").count - 1)
            }
            if Set(widths).count > 1 { problems.append("a rendered table has rows of \(Set(widths).sorted()) cells") }
        }
        if html.contains("raw HTML omitted") { problems.append("raw HTML in the Markdown (log text not escaped?)") }
        // Every image exists next to the report.
        for part in html.components(separatedBy: "<img src=\"").dropFirst() {
            let source = part.components(separatedBy: "\"")[0]
            if !FileManager.default.fileExists(atPath: directory.appendingPathComponent(source).path) {
                problems.append("image \(source) does not exist")
            }
        }
        return problems
    }

    /// Cells of a GFM table row: the pipes not escaped by a backslash, minus the outer two.
    static func cells(_ line: String) -> Int {
        var pipes = 0
        var escaped = false
        for character in line {
            if escaped {
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == "|" {
                pipes += 1
            }
        }
        return pipes - 1
    }

    static func render(_ markdown: String, cmark: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: cmark)
        process.arguments = ["--extension", "table", "--to", "html"]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        let writer = Thread {
            input.fileHandleForWriting.write(Data(markdown.utf8))
            try? input.fileHandleForWriting.close()
        }
        writer.start()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
