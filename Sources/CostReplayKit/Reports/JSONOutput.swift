/// A JSON value for our own machine outputs, written with sorted keys so output is deterministic.
public indirect enum JSONOutput: Sendable {
    case object([String: JSONOutput])
    case array([JSONOutput])
    case string(String)
    /// A number already formatted as JSON number text.
    case number(String)
    case bool(Bool)
    case null

    /// An integer.
    public static func int<T: BinaryInteger>(_ value: T) -> JSONOutput { .number(String(value)) }
    /// Money rounded to 6 decimals with at least one decimal (SPEC §5.3).
    public static func money(_ value: Money) -> JSONOutput { .number(value.roundedMicroDecimal) }

    /// Pretty-printed with two-space indentation and a final newline.
    public func rendered() -> String {
        var out = ""
        write(to: &out, indent: 0)
        out += "\n"
        return out
    }

    private func write(to out: inout String, indent: Int) {
        let pad = String(repeating: "  ", count: indent + 1)
        let closePad = String(repeating: "  ", count: indent)
        switch self {
        case .object(let members):
            if members.isEmpty { out += "{}"; return }
            out += "{\n"
            let keys = members.keys.sorted { $0.utf16.lexicographicallyPrecedes($1.utf16) }
            for (position, key) in keys.enumerated() {
                out += pad + Self.quote(key) + ": "
                members[key]!.write(to: &out, indent: indent + 1)
                out += position + 1 < keys.count ? ",\n" : "\n"
            }
            out += closePad + "}"
        case .array(let elements):
            if elements.isEmpty { out += "[]"; return }
            out += "[\n"
            for (position, element) in elements.enumerated() {
                out += pad
                element.write(to: &out, indent: indent + 1)
                out += position + 1 < elements.count ? ",\n" : "\n"
            }
            out += closePad + "]"
        case .string(let text): out += Self.quote(text)
        case .number(let text): out += text
        case .bool(let flag): out += flag ? "true" : "false"
        case .null: out += "null"
        }
    }

    /// A JSON string literal with minimal escaping.
    static func quote(_ text: String) -> String {
        var sink = ByteArraySink()
        CanonicalJSON.writeEscaped(Array(text.utf8), to: &sink)
        return "\"" + String(decoding: sink.bytes, as: UTF8.self) + "\""
    }
}
