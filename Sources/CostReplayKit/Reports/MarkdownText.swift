/// Neutralizes untrusted log text for Markdown table cells and prose (SPEC §7).
public enum MarkdownText {
    /// Escapes `|`, backticks, `\`, Markdown emphasis and HTML, folds line breaks and control
    /// characters into spaces, and shortens long values to `limit` characters with an ellipsis
    /// (the full value stays in the CSV).
    public static func cell(_ value: String?, limit: Int = 48) -> String {
        guard let value, !value.isEmpty else { return "—" }
        var shortened = value
        if value.count > limit { shortened = String(value.prefix(limit - 1)) + "…" }
        var out = ""
        for scalar in shortened.unicodeScalars {
            switch scalar {
            case "|": out += "\\|"
            case "`": out += "\\`"
            case "\\": out += "\\\\"
            case "*": out += "\\*"
            case "_": out += "\\_"
            case "[": out += "\\["
            case "]": out += "\\]"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            case "\n", "\r", "\t": out += " "
            default:
                if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.value == 0x2028 || scalar.value == 0x2029
                {
                    out += " "
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }
}
