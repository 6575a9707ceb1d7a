@testable import CostReplayKit

/// Policy files: parsing, every key's validation, and the model names they use against the book.
let book = PriceBookLoader.embedded()

func fuzz(_ bytes: UnsafeRawBufferPointer) {
    let text = String(decoding: bytes, as: UTF8.self)
    guard let policies = try? PolicyFileLoader.load(text: text, source: "fuzz.toml", defaultTimezone: "UTC") else { return }
    _ = try? policies.validateModels(in: book)
}
