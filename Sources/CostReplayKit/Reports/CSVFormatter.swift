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
        guard value.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else { return value }
        // Doubling quotes per scalar: a quote followed by a combining mark is one Character.
        var escaped = String.UnicodeScalarView()
        for scalar in value.unicodeScalars {
            if scalar == "\"" { escaped.append(scalar) }
            escaped.append(scalar)
        }
        return "\"" + String(escaped) + "\""
    }

    /// One CSV row, ended by CRLF as RFC 4180 says.
    public static func row(_ cells: [String]) -> String { cells.joined(separator: ",") + "\r\n" }
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
