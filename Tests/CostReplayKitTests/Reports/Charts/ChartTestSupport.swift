import Foundation
import XCTest

@testable import CostReplayKit

#if canImport(FoundationXML)
    import FoundationXML
#endif

// Shared helpers of the chart tests: an XML parse of a rendered SVG into its elements, and money
// from decimal text.

/// One parsed SVG element: name, attributes (entities decoded) and direct text.
struct ParsedElement {
    var name: String
    var attributes: [String: String]
    var text: String

    subscript(_ attribute: String) -> String? { attributes[attribute] }
}

/// Collects every element of a document with Foundation's `XMLParser` (a real XML parser, so a
/// document it accepts is well-formed).
private final class ElementCollector: NSObject, XMLParserDelegate {
    var elements: [ParsedElement] = []
    private var open: [Int] = []

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName qName: String?,
        attributes attributeDict: [String: String] = [:]
    ) {
        open.append(elements.count)
        elements.append(ParsedElement(name: elementName, attributes: attributeDict, text: ""))
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        open.removeLast()
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if let index = open.last { elements[index].text += string }
    }
}

/// The elements of `svg`, failing the test when it is not well-formed XML.
func parseSVG(_ svg: String, file: StaticString = #filePath, line: UInt = #line) -> [ParsedElement] {
    let parser = XMLParser(data: Data(svg.utf8))
    let collector = ElementCollector()
    parser.delegate = collector
    let ok = parser.parse()
    XCTAssertTrue(ok, "not well-formed XML: \(String(describing: parser.parserError))", file: file, line: line)
    XCTAssertEqual(collector.elements.first?.name, "svg", file: file, line: line)
    return collector.elements
}

/// Elements that carry data (`data-series`), optionally of one series.
func dataElements(_ elements: [ParsedElement], series: String? = nil) -> [ParsedElement] {
    elements.filter { element in
        guard let value = element["data-series"] else { return false }
        return series == nil || value == series
    }
}

/// Money from decimal dollars text (`12.5`, `-3`).
func usd(_ text: String) -> Money {
    guard let money = Money(dollarsText: text) else { fatalError("bad amount \(text)") }
    return money
}

/// Checks the coordinate convention on every geometric attribute: plain decimals, at most two
/// places, no exponent, no `-0`.
func assertCoordinatesWellFormed(_ elements: [ParsedElement], file: StaticString = #filePath, line: UInt = #line) {
    let numeric = ["x", "y", "x1", "y1", "x2", "y2", "width", "height", "d", "transform", "viewBox"]
    for element in elements {
        for name in numeric {
            guard let value = element[name] else { continue }
            for token in numberTokens(value) {
                let parts = token.split(separator: ".", omittingEmptySubsequences: false)
                let ok =
                    !token.contains("e") && !token.contains("E") && token != "-0" && parts.count <= 2
                    && (parts.count == 1 || (1...2).contains(parts[1].count))
                XCTAssertTrue(ok, "bad number \(token) in \(element.name) \(name)", file: file, line: line)
            }
        }
    }
}

/// The numeric tokens of an attribute value (path commands and separators removed).
private func numberTokens(_ value: String) -> [String] {
    var tokens: [String] = []
    var current = ""
    for character in value {
        if character.isNumber || character == "." || character == "e" || character == "E" || (character == "-" && current.isEmpty)
        {
            current.append(character)
        } else {
            if !current.isEmpty && current != "-" && current != "e" { tokens.append(current) }
            current = character == "-" ? "-" : ""
        }
    }
    if !current.isEmpty && current != "-" { tokens.append(current) }
    return tokens
}

/// Hostile log text: markup, quotes, entities, control characters, bidi overrides, a huge name.
let hostileLabels = [
    "</text><script>alert(1)</script>",
    "\"quoted\" & 'single' <b>",
    "a&amp;b &lt; &#60; ]]> <!-- x -->",
    "line1\nline2\r\n\tend\u{0}\u{1B}[31m\u{7F}\u{85}",
    "user\u{202E}gnp.exe\u{202C}",
    String(repeating: "W", count: 5000),
]

/// `value` with the characters XML 1.0 cannot carry removed: what a data attribute can keep.
func xmlRepresentable(_ value: String) -> String {
    var scalars = String.UnicodeScalarView()
    for scalar in value.unicodeScalars where !(scalar.value < 0x20 && ![0x09, 0x0A, 0x0D].contains(scalar.value)) {
        scalars.append(scalar)
    }
    return String(scalars)
}

/// Checks that hostile text stayed text: only the elements the charts draw exist, no text node
/// holds a control or bidi character, and no label is longer than `maxLabel` characters.
func assertNeutralized(
    _ svg: String, _ elements: [ParsedElement], maxLabel: Int = 200, file: StaticString = #filePath, line: UInt = #line
) {
    let drawn: Set<String> = ["svg", "title", "desc", "rect", "g", "text", "line", "path", "defs", "pattern"]
    for element in elements {
        XCTAssertTrue(drawn.contains(element.name), "unexpected element <\(element.name)>", file: file, line: line)
        if element.name == "text" {
            XCTAssertLessThanOrEqual(element.text.count, maxLabel, "label too long", file: file, line: line)
            for scalar in element.text.unicodeScalars {
                let bad = scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || (0x202A...0x202E).contains(scalar.value)
                XCTAssertFalse(bad, "control character U+\(String(scalar.value, radix: 16)) in a label", file: file, line: line)
            }
        }
    }
    XCTAssertFalse(svg.contains("<script"), file: file, line: line)
    XCTAssertFalse(svg.contains("</text><"), file: file, line: line)
}
