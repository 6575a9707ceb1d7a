/// Reads typed keys out of a TOML table, and rejects the keys nobody asked for.
struct TOMLTableReader {
    let table: TOMLTable
    /// Key path of this table, e.g. `budget[0]`.
    let path: String
    let file: String
    private(set) var used = Set<String>()

    init(_ table: TOMLTable, path: String, file: String) {
        self.table = table
        self.path = path
        self.file = file
    }

    func keyPath(_ key: String) -> String { path.isEmpty ? key : path + "." + key }

    func error(_ key: String, _ message: String) -> ConfigError {
        ConfigError(file: file, keyPath: keyPath(key), message: message)
    }

    private func typeError(_ key: String, expected: String, got value: TOMLValue) -> ConfigError {
        error(key, "expected \(expected), found \(value.typeName)")
    }

    mutating func string(_ key: String) throws(ConfigError) -> String? {
        used.insert(key)
        guard let value = table[key] else { return nil }
        guard case .string(let text) = value else {
            if case .datetime(let text) = value { return text }
            throw typeError(key, expected: "a string", got: value)
        }
        return text
    }

    mutating func bool(_ key: String) throws(ConfigError) -> Bool? {
        used.insert(key)
        guard let value = table[key] else { return nil }
        guard case .bool(let flag) = value else { throw typeError(key, expected: "true or false", got: value) }
        return flag
    }

    /// A number (integer or float) as exact decimal text.
    mutating func numberText(_ key: String) throws(ConfigError) -> String? {
        used.insert(key)
        guard let value = table[key] else { return nil }
        switch value {
        case .integer(let text), .float(let text):
            if text.contains("inf") || text.contains("nan") { throw error(key, "must be a finite number") }
            return text
        default: throw typeError(key, expected: "a number", got: value)
        }
    }

    /// A number as an exact scaled integer; rejects negative values unless allowed.
    mutating func decimal(_ key: String, scale: Int, allowNegative: Bool = false) throws(ConfigError) -> Int128? {
        guard let text = try numberText(key) else { return nil }
        guard let value = ScaledDecimal.parse(text, scale: scale) else {
            throw error(key, "\(text) has more than \(scale) decimal places or is too large")
        }
        if value < 0 && !allowNegative { throw error(key, "must not be negative (\(text))") }
        return value
    }

    mutating func integer(_ key: String, allowNegative: Bool = false) throws(ConfigError) -> Int64? {
        used.insert(key)
        guard let value = table[key] else { return nil }
        guard case .integer(let text) = value, let number = Int64(text) else {
            throw typeError(key, expected: "an integer", got: value)
        }
        if number < 0 && !allowNegative { throw error(key, "must not be negative (\(number))") }
        return number
    }

    mutating func stringArray(_ key: String) throws(ConfigError) -> [String]? {
        used.insert(key)
        guard let value = table[key] else { return nil }
        guard case .array(let elements) = value else { throw typeError(key, expected: "an array of strings", got: value) }
        var result: [String] = []
        for (position, element) in elements.enumerated() {
            guard case .string(let text) = element else {
                throw ConfigError(
                    file: file, keyPath: keyPath(key) + "[\(position)]", message: "expected a string, found \(element.typeName)")
            }
            result.append(text)
        }
        return result
    }

    mutating func numberArray(_ key: String) throws(ConfigError) -> [String]? {
        used.insert(key)
        guard let value = table[key] else { return nil }
        guard case .array(let elements) = value else { throw typeError(key, expected: "an array of numbers", got: value) }
        var result: [String] = []
        for (position, element) in elements.enumerated() {
            switch element {
            case .integer(let text), .float(let text): result.append(text)
            default:
                throw ConfigError(
                    file: file, keyPath: keyPath(key) + "[\(position)]", message: "expected a number, found \(element.typeName)")
            }
        }
        return result
    }

    /// A sub-table.
    mutating func table(_ key: String) throws(ConfigError) -> TOMLTableReader? {
        used.insert(key)
        guard let value = table[key] else { return nil }
        guard case .table(let child) = value else { throw typeError(key, expected: "a table", got: value) }
        return TOMLTableReader(child, path: keyPath(key), file: file)
    }

    /// An array of tables (`[[key]]`), or a single table (`[key]`) read as one element.
    mutating func tables(_ key: String) throws(ConfigError) -> [TOMLTableReader] {
        used.insert(key)
        guard let value = table[key] else { return [] }
        switch value {
        case .table(let child):
            return [TOMLTableReader(child, path: keyPath(key), file: file)]
        case .array(let elements):
            var result: [TOMLTableReader] = []
            for (position, element) in elements.enumerated() {
                guard case .table(let child) = element else {
                    throw ConfigError(
                        file: file, keyPath: keyPath(key) + "[\(position)]",
                        message: "expected a table, found \(element.typeName)")
                }
                result.append(TOMLTableReader(child, path: keyPath(key) + "[\(position)]", file: file))
            }
            return result
        default:
            throw typeError(key, expected: "a table or an array of tables", got: value)
        }
    }

    /// Throws for the first key that was never read.
    func rejectUnknownKeys() throws(ConfigError) {
        for key in table.keys where !used.contains(key) {
            throw error(key, "unknown key")
        }
    }
}
