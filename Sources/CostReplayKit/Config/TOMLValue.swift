/// A parsed TOML value. Numbers keep their text so money and rates are converted exactly.
public indirect enum TOMLValue: Sendable {
    case string(String)
    case integer(String)
    case float(String)
    case bool(Bool)
    /// A date or date-time literal, as written.
    case datetime(String)
    case array([TOMLValue])
    case table(TOMLTable)

    /// The TOML type name, for error messages.
    public var typeName: String {
        switch self {
        case .string: return "string"
        case .integer: return "integer"
        case .float: return "float"
        case .bool: return "boolean"
        case .datetime: return "date"
        case .array: return "array"
        case .table: return "table"
        }
    }
}

/// A TOML table: keys in the order they were written, with the line each was defined on.
public final class TOMLTable: @unchecked Sendable {
    public private(set) var keys: [String] = []
    private var values: [String: TOMLValue] = [:]
    private var lines: [String: Int] = [:]
    /// Defined by a `[header]` (not only implicitly by a dotted key or a deeper header).
    var explicitlyDefined = false
    /// Created by a dotted key inside another table's body.
    var definedByDottedKey = false
    /// Frozen: an inline table, which nothing may extend.
    var isInline = false

    public init() {}

    public subscript(key: String) -> TOMLValue? { values[key] }

    /// The line where `key` was set.
    public func line(of key: String) -> Int? { lines[key] }

    func set(_ key: String, _ value: TOMLValue, line: Int) {
        if values[key] == nil { keys.append(key) }
        values[key] = value
        lines[key] = line
    }
}
