/// Neutralizes untrusted log text (user names, session ids, policy names) for SVG charts (SPEC §7:
/// "SVG text is XML-escaped").
///
/// Two forms exist because they serve different readers. A *label* is for people: it is folded to
/// one line, stripped of invisible characters that could disguise it (bidi overrides) and shortened
/// with `…`. An *attribute value* is for machines: it keeps the full value so a test or script can
/// match the chart to its CSV. Both are escaped by `SVGText.escape`, the only place where text
/// enters the document, so no input can close an element or start a new one.
public enum SVGText {
    /// `value` as a one-line label of at most `limit` characters (grapheme clusters): line breaks and
    /// tabs become spaces; C0/C1 controls, bidi controls and non-characters are dropped; longer text
    /// ends with `…`. Not yet escaped: shortening happens before escaping so an entity is never cut.
    public static func label(_ value: String, limit: Int) -> String {
        var cleaned = String.UnicodeScalarView()
        for scalar in value.unicodeScalars {
            switch scalar.value {
            case 0x09, 0x0A, 0x0D, 0x2028, 0x2029:
                cleaned.append(" ")
            case 0x00...0x1F, 0x7F...0x9F:
                continue
            // Bidi marks, embeddings, overrides and isolates could make a label read differently
            // from its bytes ("RTL override" spoofing).
            case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069:
                continue
            case 0xFFFE, 0xFFFF:
                continue
            default:
                cleaned.append(scalar)
            }
        }
        let text = String(cleaned)
        guard limit > 0 else { return "" }
        // Also at most 4 × `limit` scalars: one "character" can carry any number of combining marks.
        return MarkdownText.shortened(text, limit: limit)
    }

    /// XML-escapes text content or an attribute value: `& < > " '` become entities; tab, line feed
    /// and carriage return become character references (an attribute keeps them instead of
    /// normalizing them to spaces); characters XML 1.0 cannot carry at all (other C0 controls,
    /// U+FFFE, U+FFFF) are dropped.
    public static func escape(_ value: String) -> String {
        var out = ""
        out.reserveCapacity(value.utf8.count)
        for scalar in value.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t": out += "&#9;"
            case "\n": out += "&#10;"
            case "\r": out += "&#13;"
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// `value` as a one-line label (see `label(_:limit:)`) shortened with `…` so that its estimated
    /// width at `fontSize` is at most `width` pixels. Not yet escaped.
    public static func fitted(_ value: String, width: Double, fontSize: Double) -> String {
        // 2,000 characters are wider than any chart; cleaning all of a huge name would be wasted work.
        let text = label(value, limit: 2_000)
        guard estimatedWidth(text, fontSize: fontSize) > width else { return text }
        let budget = width / fontSize - advance("…")
        var used = 0.0
        var count = 0
        for character in text {
            used += character.unicodeScalars.reduce(0) { $0 + advance($1) }
            if used > budget { break }
            count += 1
        }
        return String(text.prefix(count)) + "…"
    }

    /// Estimated rendered width in pixels of a label in a sans-serif font. Used only to lay labels out
    /// so they do not overlap or run off the image, so it errs on the wide side (DejaVu Sans, the
    /// usual fallback on Linux, is wider than Helvetica).
    static func estimatedWidth(_ label: String, fontSize: Double) -> Double {
        label.unicodeScalars.reduce(0) { $0 + advance($1) } * fontSize
    }

    /// Approximate advance of one scalar in em.
    private static func advance(_ scalar: Unicode.Scalar) -> Double {
        switch scalar.value {
        case 0x20, 0x21, 0x27, 0x28, 0x29, 0x2C, 0x2E, 0x2F, 0x3A, 0x3B, 0x49, 0x5B, 0x5D, 0x66, 0x69, 0x6A, 0x6C, 0x72, 0x74,
            0x7C:
            return 0.38  // space ! ' ( ) , . / : ; I [ ] f i j l r t |
        case 0x4D, 0x57, 0x6D, 0x77, 0x40, 0x25:
            return 0.98  // M W m w @ %
        case 0x3C, 0x3D, 0x3E, 0x2B, 0x7E, 0x26, 0x23:
            return 0.84  // < = > + ~ & #
        case 0x41...0x5A:
            return 0.74  // other capitals
        case 0x21...0x7E:
            return 0.62  // lowercase, digits, other ASCII punctuation
        case 0x0300...0x036F, 0x200B...0x200D, 0xFE00...0xFE0F:
            return 0  // combining marks, zero-width characters, variation selectors
        case 0x1100...:
            return 1.0  // CJK, Hangul, emoji and other wide scripts
        default:
            return 0.7
        }
    }
}
