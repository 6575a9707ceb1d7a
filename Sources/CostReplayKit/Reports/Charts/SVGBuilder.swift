/// Builds one SVG document as text.
///
/// Every attribute value and every text node goes through `SVGText.escape`, so callers cannot
/// forget to escape log text; element and attribute *names* are always literals of this module.
/// Attributes are written in the order given, so the same calls give the same bytes.
struct SVGBuilder {
    private(set) var output = ""

    /// Fonts available on every platform that renders SVG; generic `sans-serif` last.
    static let fontFamily = "Helvetica, Arial, sans-serif"

    /// Starts the document: XML declaration, root element with a `viewBox`, `<title>` and `<desc>`
    /// (read by screen readers, named by `aria-labelledby`).
    init(width: Double, height: Double, idPrefix: String, title: String, description: String) {
        output.reserveCapacity(16_384)
        output += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        open(
            "svg",
            [
                ("xmlns", "http://www.w3.org/2000/svg"),
                ("viewBox", "0 0 " + SVGNumber.format(width) + " " + SVGNumber.format(height)),
                ("width", SVGNumber.format(width)), ("height", SVGNumber.format(height)),
                ("role", "img"), ("aria-labelledby", idPrefix + "-title " + idPrefix + "-desc"),
                ("font-family", SVGBuilder.fontFamily), ("font-size", "12"),
            ])
        // Titles and descriptions may hold log text (a focus subject): one line, no bidi controls, and
        // a title short enough for a tooltip.
        element("title", [("id", idPrefix + "-title")], text: SVGText.label(title, limit: 200))
        element("desc", [("id", idPrefix + "-desc")], text: SVGText.label(description, limit: 10_000))
        // An opaque background: viewers with dark themes would otherwise show black text on black.
        element(
            "rect",
            [
                ("x", "0"), ("y", "0"), ("width", SVGNumber.format(width)), ("height", SVGNumber.format(height)),
                ("fill", "#ffffff"),
            ])
    }

    /// `<name attr="value" …>` (values escaped).
    mutating func open(_ name: StaticString, _ attributes: [(StaticString, String)]) {
        output += "<"
        output += name.description
        appendAttributes(attributes)
        output += ">\n"
    }

    /// `</name>`.
    mutating func close(_ name: StaticString) {
        output += "</"
        output += name.description
        output += ">\n"
    }

    /// A complete element: self-closing, or with escaped `text` content.
    mutating func element(_ name: StaticString, _ attributes: [(StaticString, String)], text: String? = nil) {
        output += "<"
        output += name.description
        appendAttributes(attributes)
        if let text {
            output += ">"
            output += SVGText.escape(text)
            output += "</"
            output += name.description
            output += ">\n"
        } else {
            output += "/>\n"
        }
    }

    /// Ends the document and returns it.
    mutating func finish() -> String {
        close("svg")
        return output
    }

    private mutating func appendAttributes(_ attributes: [(StaticString, String)]) {
        for (name, value) in attributes {
            output += " "
            output += name.description
            output += "=\""
            output += SVGText.escape(value)
            output += "\""
        }
    }
}
