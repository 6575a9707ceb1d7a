/// A GitHub-flavoured Markdown table with padded, aligned columns.
public struct MarkdownTable {
    public enum Alignment { case left, right }

    public var headers: [String]
    public var alignments: [Alignment]
    public private(set) var rows: [[String]] = []

    public init(_ columns: [(String, Alignment)]) {
        headers = columns.map(\.0)
        alignments = columns.map(\.1)
    }

    /// Adds a row; cells must already be Markdown-safe (see `MarkdownText.cell`).
    public mutating func add(_ cells: [String]) {
        precondition(cells.count == headers.count, "a Markdown row must have one cell per column")
        rows.append(cells)
    }

    public var isEmpty: Bool { rows.isEmpty }

    public func rendered() -> String {
        var widths = headers.map { max(3, $0.count) }
        for row in rows {
            for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.count) }
        }
        func line(_ cells: [String]) -> String {
            let padded = cells.enumerated().map { index, cell -> String in
                let padding = String(repeating: " ", count: widths[index] - cell.count)
                return alignments[index] == .right ? padding + cell : cell + padding
            }
            return "| " + padded.joined(separator: " | ") + " |\n"
        }
        var out = line(headers)
        out +=
            "|"
            + widths.enumerated().map { index, width in
                alignments[index] == .right
                    ? " " + String(repeating: "-", count: width - 1) + ": " : " " + String(repeating: "-", count: width) + " "
            }.joined(separator: "|") + "|\n"
        for row in rows { out += line(row) }
        return out
    }
}
