/// A TOML 1.0 parser for configuration files (price books, policy files). Not on the hot path:
/// clarity over speed. Numbers keep their source text (see `TOMLValue`).
public struct TOMLParser {
    private let bytes: [UInt8]
    private var index = 0
    private var line = 1
    private let root = TOMLTable()
    private var current: TOMLTable
    /// Arrays and inline tables open around the value being parsed.
    private var depth = 0
    /// Deepest nesting of arrays, inline tables and dotted keys accepted. Deeper documents are an
    /// error rather than a stack overflow (found by FuzzPolicy: `a = [[[[…` 100,000 deep).
    static let maxDepth = 64

    /// Parses a whole document.
    public static func parse(_ text: String) throws(TOMLError) -> TOMLTable {
        var parser = TOMLParser(text)
        try parser.parseDocument()
        return parser.root
    }

    private init(_ text: String) {
        bytes = Array(text.utf8)
        current = root
    }

    private var atEnd: Bool { index >= bytes.count }
    private var peek: UInt8? { index < bytes.count ? bytes[index] : nil }

    private func fail(_ message: String) -> TOMLError { TOMLError(line: line, message: message) }

    private mutating func parseDocument() throws(TOMLError) {
        while true {
            skipBlank()
            guard let byte = peek else { return }
            if byte == UInt8(ascii: "[") {
                try parseHeader()
            } else {
                try parseKeyValue(into: current)
            }
            try endOfLine()
        }
    }

    /// Skips whitespace, comments and newlines.
    private mutating func skipBlank() {
        while let byte = peek {
            if byte == 0x20 || byte == 0x09 || byte == 0x0D {
                index += 1
            } else if byte == 0x0A {
                line += 1
                index += 1
            } else if byte == UInt8(ascii: "#") {
                skipComment()
            } else {
                return
            }
        }
    }

    private mutating func skipSpaces() {
        while let byte = peek, byte == 0x20 || byte == 0x09 { index += 1 }
    }

    private mutating func skipComment() {
        while let byte = peek, byte != 0x0A { index += 1 }
    }

    /// After a statement: only spaces and a comment until the newline.
    private mutating func endOfLine() throws(TOMLError) {
        skipSpaces()
        if peek == UInt8(ascii: "#") { skipComment() }
        if peek == 0x0D { index += 1 }
        guard atEnd || peek == 0x0A else { throw fail("expected the end of the line") }
    }

    private mutating func parseHeader() throws(TOMLError) {
        index += 1
        let isArray = peek == UInt8(ascii: "[")
        if isArray { index += 1 }
        skipSpaces()
        let path = try parseKeyPath()
        skipSpaces()
        guard peek == UInt8(ascii: "]") else { throw fail("expected ']' after the table name") }
        index += 1
        if isArray {
            guard peek == UInt8(ascii: "]") else { throw fail("expected ']]' after the table name") }
            index += 1
        }
        var table = root
        for (position, key) in path.enumerated() {
            let isLast = position == path.count - 1
            if isLast && isArray {
                let element = TOMLTable()
                element.explicitlyDefined = true
                switch table[key] {
                case nil:
                    table.set(key, .array([.table(element)]), line: line)
                case .array(var elements) where arrayOfTablesKeys.contains(TableKey(table, key)):
                    elements.append(.table(element))
                    table.set(key, .array(elements), line: table.line(of: key) ?? line)
                default:
                    throw fail("'\(path.joined(separator: "."))' is already defined and is not an array of tables")
                }
                arrayOfTablesKeys.insert(TableKey(table, key))
                current = element
                return
            }
            switch table[key] {
            case nil:
                let child = TOMLTable()
                table.set(key, .table(child), line: line)
                table = child
            case .table(let child):
                if child.isInline { throw fail("'\(key)' is an inline table and cannot be extended") }
                table = child
            case .array(let elements) where arrayOfTablesKeys.contains(TableKey(table, key)):
                guard case .table(let last)? = elements.last else { throw fail("'\(key)' is not a table") }
                table = last
            default:
                throw fail("'\(path.joined(separator: "."))' is already defined as a value")
            }
        }
        if table.explicitlyDefined && !isArray {
            throw fail("table '\(path.joined(separator: "."))' is defined twice")
        }
        if table.definedByDottedKey { throw fail("table '\(path.joined(separator: "."))' was already defined by a dotted key") }
        table.explicitlyDefined = true
        current = table
    }

    /// Keys that hold arrays of tables (made by `[[...]]`), which later headers may extend.
    private var arrayOfTablesKeys = Set<TableKey>()

    private struct TableKey: Hashable {
        let table: ObjectIdentifier
        let key: String
        init(_ table: TOMLTable, _ key: String) {
            self.table = ObjectIdentifier(table)
            self.key = key
        }
    }

    private mutating func parseKeyPath() throws(TOMLError) -> [String] {
        var path = [try parseKey()]
        skipSpaces()
        while peek == UInt8(ascii: ".") {
            index += 1
            skipSpaces()
            path.append(try parseKey())
            guard path.count <= Self.maxDepth else { throw fail("a key of more than \(Self.maxDepth) parts") }
            skipSpaces()
        }
        return path
    }

    private mutating func parseKey() throws(TOMLError) -> String {
        guard let byte = peek else { throw fail("expected a key") }
        if byte == UInt8(ascii: "\"") { return try parseBasicString() }
        if byte == UInt8(ascii: "'") { return try parseLiteralString() }
        let start = index
        while let byte = peek, isBareKeyByte(byte) { index += 1 }
        guard index > start else { throw fail("expected a key, found '\(Character(Unicode.Scalar(byte)))'") }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    private func isBareKeyByte(_ byte: UInt8) -> Bool {
        (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122) || isDigit(byte)
            || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
    }

    private mutating func parseKeyValue(into table: TOMLTable) throws(TOMLError) {
        let keyLine = line
        let path = try parseKeyPath()
        skipSpaces()
        guard peek == UInt8(ascii: "=") else { throw fail("expected '=' after key '\(path.joined(separator: "."))'") }
        index += 1
        skipSpaces()
        let value = try parseValue()
        var target = table
        for key in path.dropLast() {
            switch target[key] {
            case nil:
                let child = TOMLTable()
                child.definedByDottedKey = true
                target.set(key, .table(child), line: keyLine)
                target = child
            case .table(let child) where !child.isInline && !child.explicitlyDefined:
                target = child
            default:
                throw fail("'\(key)' is already defined")
            }
        }
        let last = path[path.count - 1]
        guard target[last] == nil else { throw fail("key '\(path.joined(separator: "."))' is defined twice") }
        target.set(last, value, line: keyLine)
    }

    private mutating func parseValue() throws(TOMLError) -> TOMLValue {
        guard let byte = peek else { throw fail("expected a value") }
        switch byte {
        case UInt8(ascii: "\""):
            if startsWith("\"\"\"") { return .string(try parseMultilineBasicString()) }
            return .string(try parseBasicString())
        case UInt8(ascii: "'"):
            if startsWith("'''") { return .string(try parseMultilineLiteralString()) }
            return .string(try parseLiteralString())
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "{"): return try parseInlineTable()
        case UInt8(ascii: "t"):
            guard startsWith("true") else { throw fail("invalid value") }
            index += 4
            return .bool(true)
        case UInt8(ascii: "f"):
            guard startsWith("false") else { throw fail("invalid value") }
            index += 5
            return .bool(false)
        default:
            return try parseNumberOrDate()
        }
    }

    private func startsWith(_ text: String) -> Bool {
        let needle = Array(text.utf8)
        guard index + needle.count <= bytes.count else { return false }
        return Array(bytes[index..<index + needle.count]) == needle
    }

    private mutating func parseNumberOrDate() throws(TOMLError) -> TOMLValue {
        let start = index
        while let byte = peek,
            !(byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
                || byte == UInt8(ascii: ",") || byte == UInt8(ascii: "]")
                || byte == UInt8(ascii: "}") || byte == UInt8(ascii: "#"))
        {
            index += 1
        }
        // A date-time may contain one space between date and time.
        if index - start == 10, peek == 0x20, index + 1 < bytes.count, isDigit(bytes[index + 1]),
            bytes[start + 4] == UInt8(ascii: "-")
        {
            index += 1
            while let byte = peek,
                !(byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
                    || byte == UInt8(ascii: ",") || byte == UInt8(ascii: "]")
                    || byte == UInt8(ascii: "}") || byte == UInt8(ascii: "#"))
            { index += 1 }
        }
        let text = String(decoding: bytes[start..<index], as: UTF8.self)
        guard !text.isEmpty else { throw fail("expected a value") }
        if text.count >= 8, text.contains(":") || (text.count >= 10 && Array(text.utf8)[4] == UInt8(ascii: "-")) {
            return .datetime(text)
        }
        let body = text.hasPrefix("+") || text.hasPrefix("-") ? String(text.dropFirst()) : text
        if ["inf", "nan"].contains(body) { return .float(text) }
        if body.hasPrefix("0x") || body.hasPrefix("0o") || body.hasPrefix("0b") {
            let radix = body.hasPrefix("0x") ? 16 : body.hasPrefix("0o") ? 8 : 2
            guard let value = Int64(String(body.dropFirst(2).filter { $0 != "_" }), radix: radix) else {
                throw fail("invalid number '\(text)'")
            }
            return .integer(String(value))
        }
        let cleaned = String(text.filter { $0 != "_" })
        guard isValidDecimal(cleaned) else {
            throw fail("invalid value '\(text)'")
        }
        if cleaned.contains(".") || cleaned.contains("e") || cleaned.contains("E") { return .float(cleaned) }
        return .integer(cleaned)
    }

    private func isValidDecimal(_ text: String) -> Bool {
        Array(text.utf8).withUnsafeBytes { DecimalParts($0) != nil }
    }

    private mutating func parseBasicString() throws(TOMLError) -> String {
        index += 1
        var out: [UInt8] = []
        while true {
            guard let byte = peek, byte != 0x0A else { throw fail("unterminated string") }
            index += 1
            if byte == UInt8(ascii: "\"") { break }
            if byte == UInt8(ascii: "\\") {
                try parseEscape(into: &out)
            } else {
                out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private mutating func parseEscape(into out: inout [UInt8]) throws(TOMLError) {
        guard let escape = peek else { throw fail("unterminated string") }
        index += 1
        switch escape {
        case UInt8(ascii: "b"): out.append(0x08)
        case UInt8(ascii: "t"): out.append(0x09)
        case UInt8(ascii: "n"): out.append(0x0A)
        case UInt8(ascii: "f"): out.append(0x0C)
        case UInt8(ascii: "r"): out.append(0x0D)
        case UInt8(ascii: "\""): out.append(UInt8(ascii: "\""))
        case UInt8(ascii: "\\"): out.append(UInt8(ascii: "\\"))
        case UInt8(ascii: "u"), UInt8(ascii: "U"):
            let length = escape == UInt8(ascii: "u") ? 4 : 8
            guard index + length <= bytes.count,
                let value = UInt32(String(decoding: bytes[index..<index + length], as: UTF8.self), radix: 16),
                let scalar = Unicode.Scalar(value)
            else { throw fail("invalid unicode escape") }
            index += length
            out.append(contentsOf: Array(String(Character(scalar)).utf8))
        default:
            throw fail("invalid escape '\\\(Character(Unicode.Scalar(escape)))'")
        }
    }

    private mutating func parseLiteralString() throws(TOMLError) -> String {
        index += 1
        let start = index
        while true {
            guard let byte = peek, byte != 0x0A else { throw fail("unterminated string") }
            if byte == UInt8(ascii: "'") { break }
            index += 1
        }
        let text = String(decoding: bytes[start..<index], as: UTF8.self)
        index += 1
        return text
    }

    private mutating func parseMultilineBasicString() throws(TOMLError) -> String {
        index += 3
        if peek == 0x0A { line += 1; index += 1 }
        var out: [UInt8] = []
        while true {
            guard let byte = peek else { throw fail("unterminated multi-line string") }
            if startsWith("\"\"\"") {
                index += 3
                while peek == UInt8(ascii: "\"") { out.append(UInt8(ascii: "\"")); index += 1 }
                break
            }
            index += 1
            if byte == 0x0A { line += 1 }
            if byte == UInt8(ascii: "\\") {
                if let next = peek, next == 0x0A || next == 0x20 || next == 0x09 || next == 0x0D {
                    // Line-ending backslash: trim the newline and following whitespace.
                    while let next = peek, next == 0x0A || next == 0x20 || next == 0x09 || next == 0x0D {
                        if next == 0x0A { line += 1 }
                        index += 1
                    }
                } else {
                    try parseEscape(into: &out)
                }
            } else {
                out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private mutating func parseMultilineLiteralString() throws(TOMLError) -> String {
        index += 3
        if peek == 0x0A { line += 1; index += 1 }
        let start = index
        while !startsWith("'''") {
            guard let byte = peek else { throw fail("unterminated multi-line string") }
            if byte == 0x0A { line += 1 }
            index += 1
        }
        let text = String(decoding: bytes[start..<index], as: UTF8.self)
        index += 3
        return text
    }

    private mutating func parseArray() throws(TOMLError) -> TOMLValue {
        depth += 1
        defer { depth -= 1 }
        guard depth <= Self.maxDepth else { throw fail("arrays and inline tables nested deeper than \(Self.maxDepth) levels") }
        index += 1
        var elements: [TOMLValue] = []
        while true {
            skipBlank()
            guard let byte = peek else { throw fail("unterminated array") }
            if byte == UInt8(ascii: "]") {
                index += 1
                return .array(elements)
            }
            elements.append(try parseValue())
            skipBlank()
            if peek == UInt8(ascii: ",") {
                index += 1
            } else if peek != UInt8(ascii: "]") {
                throw fail("expected ',' or ']' in array")
            }
        }
    }

    private mutating func parseInlineTable() throws(TOMLError) -> TOMLValue {
        depth += 1
        defer { depth -= 1 }
        guard depth <= Self.maxDepth else { throw fail("arrays and inline tables nested deeper than \(Self.maxDepth) levels") }
        index += 1
        let table = TOMLTable()
        skipSpaces()
        if peek == UInt8(ascii: "}") {
            index += 1
            table.isInline = true
            return .table(table)
        }
        while true {
            skipSpaces()
            try parseKeyValue(into: table)
            skipSpaces()
            if peek == UInt8(ascii: ",") {
                index += 1
            } else if peek == UInt8(ascii: "}") {
                index += 1
                table.isInline = true
                return .table(table)
            } else {
                throw fail("expected ',' or '}' in inline table")
            }
        }
    }
}
