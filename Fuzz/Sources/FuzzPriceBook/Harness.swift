@testable import CostReplayKit

/// Price books (TOML, or LiteLLM JSON when the text starts with `{`): loading, resolving names and
/// pricing a large usage at every tier.
func fuzz(_ bytes: UnsafeRawBufferPointer) {
    let text = String(decoding: bytes, as: UTF8.self)
    guard let book = try? PriceBookLoader.load(text: text, source: "fuzz.toml") else { return }
    let usage = Usage(
        input: 1_000_000_000_000, cacheWrite5m: 1_000_000_000_000, cacheWrite1h: 1_000_000_000_000,
        cacheRead: 1_000_000_000_000, output: 1_000_000_000_000, reasoning: 0)
    for name in ["m", "gpt-4o", "claude-sonnet-4-5", text] {
        for time in [Timestamp(micros: 0), Timestamp(micros: 1_790_000_000_000_000)] {
            guard let entry = book.entry(forLoggedModel: name, at: time) else { continue }
            for tier in [ServiceTier.standard, .batch, .flex, .priority] {
                _ = entry.cost(of: usage, serviceTier: tier).roundedMicroDecimal
            }
        }
    }
}
