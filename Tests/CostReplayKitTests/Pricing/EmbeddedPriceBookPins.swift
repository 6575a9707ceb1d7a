/// A dozen rates pinned from public price lists; a test checks the embedded book against them.
/// Values are USD per million tokens, written as genai-prices 0.2.3 (`genai_prices/data.py`) states
/// them; litellm 1.110.2 (`model_prices_and_context_window_backup.json`, per-token × 1e6) agrees on
/// every pin it lists. `model` is the name as a log would carry it (an id or an alias of the book).
/// None of these models has a price history or a tier below its base rates, so each pin is the
/// base rate of the model's only (or latest) entry. `nil` = the price list gives no such rate.
struct PinnedRate { let model: String; let input: String; let output: String; let cacheRead: String?; let cacheWrite5m: String? }

let embeddedBookPins: [PinnedRate] = [
    // Anthropic — the three SPEC §5.1 names first (retired models: G only; L's Bedrock entries agree).
    PinnedRate(model: "claude-3-haiku-20240307", input: "0.25", output: "1.25", cacheRead: "0.03", cacheWrite5m: "0.3"),
    PinnedRate(model: "claude-sonnet-4-20250514", input: "3", output: "15", cacheRead: "0.3", cacheWrite5m: "3.75"),
    PinnedRate(model: "claude-opus-4-20250514", input: "15", output: "75", cacheRead: "1.5", cacheWrite5m: "18.75"),
    PinnedRate(model: "claude-3-5-haiku-20241022", input: "0.8", output: "4", cacheRead: "0.08", cacheWrite5m: "1"),
    PinnedRate(model: "claude-3-7-sonnet-20250219", input: "3", output: "15", cacheRead: "0.3", cacheWrite5m: "3.75"),
    PinnedRate(model: "claude-opus-4-1-20250805", input: "15", output: "75", cacheRead: "1.5", cacheWrite5m: "18.75"),
    PinnedRate(model: "claude-sonnet-4-5-20250929", input: "3", output: "15", cacheRead: "0.3", cacheWrite5m: "3.75"),
    PinnedRate(model: "claude-haiku-4-5-20251001", input: "1", output: "5", cacheRead: "0.1", cacheWrite5m: "1.25"),
    PinnedRate(model: "claude-opus-4-5-20251101", input: "5", output: "25", cacheRead: "0.5", cacheWrite5m: "6.25"),
    PinnedRate(model: "claude-sonnet-5", input: "2", output: "10", cacheRead: "0.2", cacheWrite5m: "2.5"),
    PinnedRate(model: "claude-haiku-5-5", input: "0.1", output: "0.5", cacheRead: "0.01", cacheWrite5m: "0.125"),
    // OpenAI — no cache-write premium before the GPT-5.6 generation.
    PinnedRate(model: "gpt-4o-2024-08-06", input: "2.5", output: "10", cacheRead: "1.25", cacheWrite5m: nil),
    PinnedRate(model: "gpt-4o-2024-05-13", input: "5", output: "15", cacheRead: nil, cacheWrite5m: nil),
    PinnedRate(model: "gpt-4o-mini-2024-07-18", input: "0.15", output: "0.6", cacheRead: "0.075", cacheWrite5m: nil),
    PinnedRate(model: "gpt-4.1-2025-04-14", input: "2", output: "8", cacheRead: "0.5", cacheWrite5m: nil),
    PinnedRate(model: "o1-2024-12-17", input: "15", output: "60", cacheRead: "7.5", cacheWrite5m: nil),
    PinnedRate(model: "o4-mini-2025-04-16", input: "1.1", output: "4.4", cacheRead: "0.275", cacheWrite5m: nil),
    PinnedRate(model: "gpt-5-2025-08-07", input: "1.25", output: "10", cacheRead: "0.125", cacheWrite5m: nil),
    PinnedRate(model: "gpt-5-mini-2025-08-07", input: "0.25", output: "2", cacheRead: "0.025", cacheWrite5m: nil),
    PinnedRate(model: "gpt-5.2-2025-12-11", input: "1.75", output: "14", cacheRead: "0.175", cacheWrite5m: nil),
    PinnedRate(model: "gpt-5.5-2026-04-23", input: "5", output: "30", cacheRead: "0.5", cacheWrite5m: nil),
    PinnedRate(model: "gpt-3.5-turbo-0125", input: "0.5", output: "1.5", cacheRead: nil, cacheWrite5m: nil),
    PinnedRate(model: "gpt-4-turbo-2024-04-09", input: "10", output: "30", cacheRead: nil, cacheWrite5m: nil),
    PinnedRate(model: "gpt-6-sol", input: "2", output: "10", cacheRead: "0.2", cacheWrite5m: "2.5"),
]
