/// Reads a small RFC 4180 CSV file (header row first) into rows of cells, for `--attribution`.
/// Quoted cells may hold commas, doubled quotes and line breaks; rows end in LF or CRLF.
public enum CSVTableReader {
    /// One data row: its 1-based line number in the file (where the row starts) and its cells.
    public struct Row: Sendable, Equatable {
        public var line: Int
        public var cells: [String]
    }

    /// Splits `text` into rows; throws `ConfigError` naming `file:LINE` for an unterminated quote or
    /// text after a closing quote.
    public static func rows(_ text: String, file: String) throws(ConfigError) -> [Row] {
        var rows: [Row] = []
        var cells: [String] = []
        var cell: [UInt8] = []
        var line = 1
        var rowLine = 1
        var inQuotes = false
        var afterQuote = false
        var bytes = Array(text.utf8)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }  // a spreadsheet's BOM
        var index = 0
        func endCell() {
            cells.append(String(decoding: cell, as: UTF8.self))
            cell.removeAll(keepingCapacity: true)
            afterQuote = false
        }
        func endRow() {
            endCell()
            // A blank line is no row.
            if !(cells.count == 1 && cells[0].isEmpty) { rows.append(Row(line: rowLine, cells: cells)) }
            cells.removeAll()
        }
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            if inQuotes {
                if byte == 0x22 {
                    if index < bytes.count && bytes[index] == 0x22 {
                        cell.append(0x22)
                        index += 1
                    } else {
                        inQuotes = false
                        afterQuote = true
                    }
                } else {
                    if byte == 0x0A { line += 1 }
                    cell.append(byte)
                }
                continue
            }
            switch byte {
            case 0x2C:
                endCell()
            case 0x0A:
                endRow()
                line += 1
                rowLine = line
            case 0x0D where index < bytes.count && bytes[index] == 0x0A:
                continue
            case 0x22 where cell.isEmpty && !afterQuote:
                inQuotes = true
            default:
                if afterQuote {
                    throw ConfigError(file: "\(file):\(line)", keyPath: "", message: "text after a closing quote")
                }
                cell.append(byte)
            }
        }
        if inQuotes { throw ConfigError(file: "\(file):\(rowLine)", keyPath: "", message: "unterminated quoted cell") }
        if !cell.isEmpty || !cells.isEmpty || afterQuote { endRow() }
        return rows
    }
}
