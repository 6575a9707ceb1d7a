/// Neutralizes untrusted log text for Markdown table cells and prose (SPEC §7).
public enum MarkdownText {
    /// Escapes `|`, backticks, `\`, Markdown emphasis and HTML, folds line breaks and control
    /// characters into spaces, drops bidi controls (RTL-override spoofing), and shortens long values
    /// to `limit` characters with an ellipsis (the full value stays in the CSV).
    public static func cell(_ value: String?, limit: Int = 48) -> String {
        guard let value, !value.isEmpty else { return "—" }
        var out = ""
        for scalar in shortened(value, limit: limit).unicodeScalars {
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
                if isInvisibleControl(scalar) { continue }
                if isControl(scalar) {
                    out += " "
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }

    /// `value` as an inline code span: delimited by one more backtick than its longest run of
    /// backticks (padded with a space when it starts or ends with one), so no content can close it
    /// early; line breaks and controls become spaces and bidi controls are dropped. Not shortened.
    public static func code(_ value: String) -> String {
        var content = ""
        var run = 0
        var longestRun = 0
        for scalar in value.unicodeScalars {
            run = scalar == "`" ? run + 1 : 0
            longestRun = max(longestRun, run)
            if isInvisibleControl(scalar) { continue }
            if scalar == "\n" || scalar == "\r" || scalar == "\t" || isControl(scalar) {
                content += " "
            } else {
                content.unicodeScalars.append(scalar)
            }
        }
        let fence = String(repeating: "`", count: longestRun + 1)
        let pad = content.hasPrefix("`") || content.hasSuffix("`") ? " " : ""
        return fence + pad + content + pad + fence
    }

    /// At most `limit` characters and `4 × limit` Unicode scalars (a "character" can carry any number
    /// of combining marks), ending with `…` when shortened.
    static func shortened(_ value: String, limit: Int) -> String {
        let scalarLimit = limit * 4
        var characters = 0
        var scalars = 0
        // The end of the longest prefix that leaves room for the ellipsis.
        var keep = value.startIndex
        var index = value.startIndex
        while index < value.endIndex {
            let next = value.index(after: index)
            characters += 1
            scalars += value.unicodeScalars[index..<next].count
            if characters > limit || scalars > scalarLimit { return String(value[..<keep]) + "…" }
            if characters < limit && scalars < scalarLimit { keep = next }
            index = next
        }
        return value
    }

    /// C0 and C1 controls, DEL and the Unicode line and paragraph separators.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.value == 0x2028 || scalar.value == 0x2029
    }

    /// Bidi marks, embeddings, overrides and isolates, which could make text read differently from
    /// its bytes, and the non-characters U+FFFE and U+FFFF.
    static func isInvisibleControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069, 0xFFFE, 0xFFFF: return true
        default: return false
        }
    }
}
