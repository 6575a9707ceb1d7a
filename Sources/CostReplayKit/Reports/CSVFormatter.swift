/// RFC 4180 CSV cells, with log text neutralized for spreadsheets (SPEC §7).
public enum CSVFormatter {
    /// A text cell: a leading `'` when it starts like a formula (`=`, `+`, `-`, `@`, tab, CR),
    /// quoted when it contains a comma, quote or line break.
    public static func text(_ value: String?) -> String {
        guard var value, !value.isEmpty else { return "" }
        if let first = value.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) {
            value = "'" + value
        }
        return quoted(value)
    }

    /// A cell written as-is (numbers, our own timestamps and names), quoted only if needed.
    public static func plain(_ value: String) -> String { quoted(value) }

    static func quoted(_ value: String) -> String {
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingAll("\"", with: "\"\"") + "\""
    }

    /// One CSV row with CRLF-free line ending.
    public static func row(_ cells: [String]) -> String { cells.joined(separator: ",") + "\n" }
}

extension String {
    /// Every occurrence of `target` replaced (no Foundation needed).
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var result = ""
        result.reserveCapacity(count)
        for character in self {
            if character == target { result += replacement } else { result.append(character) }
        }
        return result
    }
}
