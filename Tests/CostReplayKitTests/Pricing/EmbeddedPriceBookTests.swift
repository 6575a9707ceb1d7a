import Foundation
import XCTest

@testable import CostReplayKit

/// The embedded price book (SPEC §5.1) against rates pinned from public price lists.
final class EmbeddedPriceBookTests: XCTestCase {
    private static let book = PriceBookLoader.embedded()

    func testEveryPinnedRateMatchesTheEmbeddedBook() throws {
        XCTAssertFalse(embeddedBookPins.isEmpty)
        for pin in embeddedBookPins {
            guard let id = Self.book.resolveID(pin.model), let entry = Self.book.entriesByID[id]?.last else {
                XCTFail("\(pin.model) is not in the embedded book")
                continue
            }
            let rates = entry.rates
            XCTAssertEqual(Rates.format(rates.input), normalizedDecimal(pin.input), "\(pin.model) input")
            XCTAssertEqual(Rates.format(rates.output), normalizedDecimal(pin.output), "\(pin.model) output")
            XCTAssertEqual(rates.cacheRead.map(Rates.format), pin.cacheRead.map(normalizedDecimal), "\(pin.model) cache read")
            XCTAssertEqual(
                rates.cacheWrite5m.map(Rates.format), pin.cacheWrite5m.map(normalizedDecimal), "\(pin.model) cache write 5m")
        }
    }

    /// fixtures/prices/embedded.toml is the readable copy users start from; it must be the book itself.
    func testReadableCopyIsTheCompiledBook() throws {
        let copy = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("fixtures/prices/embedded.toml")
        XCTAssertEqual(try String(contentsOf: copy, encoding: .utf8), EmbeddedPriceBook.toml)
    }

    func testTheBookHasItsDateAndSource() {
        XCTAssertEqual(Self.book.source, "embedded")
        XCTAssertNotNil(PriceBookLoader.parseDate(Self.book.asOf), "as_of \(Self.book.asOf)")
    }

    func testSpecNamedModelsArePriced() throws {
        let at = timestamp("2026-10-01T00:00:00Z")
        let haiku = try XCTUnwrap(Self.book.entry(forLoggedModel: "claude-3-haiku-20240307", at: at))
        XCTAssertEqual(
            haiku.cost(
                of: Usage(input: 1_000_000, cacheWrite5m: 1_000_000, cacheRead: 1_000_000, output: 1_000_000),
                serviceTier: .standard
            ).exactDecimal, "1.83")
        XCTAssertNotNil(Self.book.entry(forLoggedModel: "claude-sonnet-4-20250514", at: at))
        XCTAssertNotNil(Self.book.entry(forLoggedModel: "claude-opus-4-20250514", at: at))
    }

    func testDecimalNormalization() {
        XCTAssertEqual(normalizedDecimal("3.750"), "3.75")
        XCTAssertEqual(normalizedDecimal("15.0"), "15")
        XCTAssertEqual(normalizedDecimal("0.30"), "0.3")
        XCTAssertEqual(normalizedDecimal("10"), "10")
    }

    /// Decimal text without trailing fraction zeros (`3.750` → `3.75`, `15.0` → `15`).
    private func normalizedDecimal(_ text: String) -> String {
        guard text.contains(".") else { return text }
        var trimmed = Substring(text)
        while trimmed.hasSuffix("0") { trimmed = trimmed.dropLast() }
        if trimmed.hasSuffix(".") { trimmed = trimmed.dropLast() }
        return String(trimmed)
    }
}
