/// Untrusted log text made safe to print on a terminal: escape sequences (`ESC [ 2 J`, a title
/// change `ESC ] 0 ;`…), other controls and bidi overrides are shown as visible escapes such as
/// `\u{1B}` instead of being interpreted.
public enum TerminalText {
    public static func printable(_ value: String) -> String {
        var out = ""
        out.reserveCapacity(value.utf8.count)
        for scalar in value.unicodeScalars {
            if isUnsafe(scalar) {
                out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Controls (C0, DEL, C1, line and paragraph separators), bidi controls and non-characters.
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        MarkdownText.isControl(scalar) || MarkdownText.isInvisibleControl(scalar)
    }

    /// `printable`, with `|` escaped for the text tables `validate` prints.
    static func cell(_ value: String) -> String { printable(value).replacingAll("|", with: "\\|") }
}
