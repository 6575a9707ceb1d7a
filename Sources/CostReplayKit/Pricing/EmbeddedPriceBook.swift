/// The default price book compiled into the binary (SPEC §5.1); `--prices` replaces it.
/// Sources and method: docs/price-book.md.
enum EmbeddedPriceBook {
    /// TOML text of the embedded book.
    static let toml: String = #"""
        # costreplay embedded default price book (SPEC §5.1). USD per million tokens, plain decimals.
        # `--prices FILE` replaces this book; fixtures/prices/embedded.toml is a copy to start from.
        # Sources, method and how to update: docs/price-book.md.
        #
        # Sources (read 2026-11-29 from the wheels, no network):
        #   L = litellm 1.110.2, litellm/model_prices_and_context_window_backup.json
        #   G = genai-prices 0.2.3, genai_prices/data.py (providers "anthropic" and "openai")
        # as_of is the newest date the sources themselves carry (G, 2026-11-04).
        #
        # Scope: every Anthropic and OpenAI text-generation model that L lists first-party (provider
        # anthropic / openai / text-completion-openai; mode chat, responses or completion), plus the
        # Anthropic and OpenAI models G lists that were generally available at some point since 2024-11-29.
        # Left out: embeddings, image, TTS, transcription/whisper, moderation, realtime and video models,
        # `openai/container`, OpenRouter-only names in G (gpt-4o:extended, gpt-5-image*, gpt-5.4-image-2),
        # the open-weight gpt-oss-* models (not sold by OpenAI's API), and models retired before 2024-11-29
        # (claude-instant-1, gpt-3.5-turbo-0301/0613, gpt-4-0314, ada/babbage/curie/davinci, text-davinci-*).
        #
        # Every rate below agrees between L and G unless a "DISAGREE" comment says otherwise; "L only" /
        # "G only" mark models one source does not list. The 27 entries shared with
        # shared/conformance/prices.toml carry the same ids and rates (that book's rates were cross-checked).
        # L no longer lists retired Anthropic models under their first-party ids (claude-3-haiku-20240307,
        # claude-3-5-*, claude-3-7-*, claude-sonnet-4-20250514, claude-opus-4-*); for those the first-party
        # rates come from G and were checked against L's Bedrock / Vertex / Vercel entries
        # (anthropic.claude-...-v1:0, vertex_ai/claude-...), which carry the same list prices.
        #
        # Entries and aliases: one entry per distinct model; a dated snapshot, a `-latest` pointer or an
        # identical duplicate key (gpt-5-chat / gpt-5-chat-latest) with the same price is an alias. A dated
        # snapshot with a different price is its own entry (gpt-4o-2024-05-13). Provider-prefixed, regional,
        # `@DATE`, `-v1:0` and trailing-date forms need no alias: SPEC §5.1 resolution strips them.
        # Price history (effective_from) where G records a price change: o3, gpt-5.6-sol/-terra/-luna.
        #
        # min_cacheable_tokens: L `prompt_cache_min_tokens` where present, else Anthropic's documented
        # minimums (1024 Sonnet/Opus 3.x-4.1, 2048 Haiku 3/3.5, 4096 Haiku 4.5 / Opus 4.5-4.6); models of a
        # family L gives a minimum for get the family's value (Fable / Mythos 5.2: 512, as 5 and 5.1).
        # OpenAI: 1024 on gpt-4o and later; pre-4o models had no prompt caching and carry none.
        # OpenAI prompt caching before the GPT-5.6 generation has no write premium: those models carry no
        # cache_write rates (SPEC §5.2 falls back to input). GPT-5.6 / GPT-6 / daybreak models bill cache
        # writes at 1.25x input (L and G): cache_write_5m. Their 12-hour-retention write rate
        # (L `cache_creation_input_token_cost_above_12hr`, 2x input) has no SPEC bucket and is not carried;
        # cache_write_1h is left out, so it falls back to cache_write_5m.
        # Long-context tiers: Anthropic > 200000 input tokens (Sonnet 4 / 4.5, historical 1M beta), Haiku 5.5
        # > 100000; OpenAI > 272000 (GPT-5.4 and later: 2x input and cache, 1.5x output). A tier lists every
        # rate its model lists.
        # batch_multiplier: 0.5 everywhere L / G give batch rates, except gpt-3.5-turbo-1106 (Batch table =
        # standard rates, L and G): 1. Models with no batch rate in either source keep the SPEC default 0.5.
        # flex_multiplier / priority_multiplier: OpenAI Flex and Priority processing, where L's *_flex /
        # *_priority rates are one exact multiple of the standard rates (and G agrees where it lists them; G
        # dates its variants from 2026-10-12, "tier history before this verification is not modeled", while
        # §5.1 cannot date a multiplier apart from its entry, so they apply to the whole entry). A cached rate
        # published rounded to the cent (o4-mini flex 0.138 = 0.1375, gpt-5.4 flex 0.13 = 0.125) still counts
        # as the exact multiple. Left out where no exact decimal multiplier exists: o4-mini priority
        # (2 / 1.10 = 20/11) and gpt-4o-mini priority (0.25 / 0.15 = 5/3); those calls are priced at standard
        # rates. Not modelled: OpenAI "ultrafast" (6x, gpt-6-astra / gpt-6.1-sol) and Anthropic fast mode
        # (`speed: fast`, 2x on Opus 4.8 / Opus 5 / Opus 5.5 / Fable 5.2 / Mythos 5.2) — no SPEC tier names them.
        # Anthropic has no flex tier, and its Priority Tier is a commitment, not a per-call price.
        # Per-request fees (web search, file search) and audio / image token rates are not modelled: audio
        # models (gpt-audio*, gpt-4o*-audio-preview) are priced at their text-token rates only.

        as_of = "2026-11-04"

        # ------------------------------------------------------------------------------------ Anthropic
        # Claude 2 / 3 generation (all retired by Anthropic; priced for historical logs).

        [[model]]
        id = "claude-2"
        provider = "anthropic"
        aliases = ["claude-2.0", "claude-2.1"]
        input = 8.0                    # G only (retired 2025-07-21); no prompt caching
        output = 24.0

        [[model]]
        id = "claude-3-haiku"
        provider = "anthropic"
        aliases = ["claude-3-haiku-20240307", "claude-3-haiku-20240307-v1:0"]
        input = 0.25
        output = 1.25
        cache_write_5m = 0.30
        cache_write_1h = 0.50          # G only (2x input); L has no 1h rate for this model
        cache_read = 0.03
        min_cacheable_tokens = 2048

        [[model]]
        id = "claude-3-sonnet"
        provider = "anthropic"
        aliases = ["claude-3-sonnet-20240229"]
        input = 3.0                    # G only (retired 2025-07-21); L vertex_ai/claude-3-sonnet: 3 / 15
        output = 15.0
        cache_write_5m = 3.75          # G only; L's Vertex entry carries no cache rates
        cache_write_1h = 6.0
        cache_read = 0.30
        min_cacheable_tokens = 1024

        [[model]]
        id = "claude-3-opus"
        provider = "anthropic"
        aliases = ["claude-3-opus-20240229", "claude-3-opus-latest"]
        input = 15.0
        output = 75.0
        cache_write_5m = 18.75
        cache_write_1h = 30.0
        cache_read = 1.50
        min_cacheable_tokens = 1024

        [[model]]
        id = "claude-3-5-haiku"
        provider = "anthropic"
        aliases = ["claude-3-5-haiku-20241022", "claude-3-5-haiku-latest"]
        input = 0.80
        output = 4.00
        cache_write_5m = 1.00
        cache_write_1h = 1.60          # G only; L (bedrock) has no 1h rate
        cache_read = 0.08
        min_cacheable_tokens = 2048
        # DISAGREE: L vertex_ai/claude-3-5-haiku says 1.00 / 5.00 (Vertex list price); first-party is 0.80 / 4.00.

        [[model]]
        id = "claude-3-5-sonnet"
        provider = "anthropic"
        aliases = ["claude-3-5-sonnet-20240620", "claude-3-5-sonnet-20241022", "claude-3-5-sonnet-latest"]
        input = 3.0
        output = 15.0
        cache_write_5m = 3.75
        cache_write_1h = 6.0
        cache_read = 0.30
        min_cacheable_tokens = 1024

        [[model]]
        id = "claude-3-7-sonnet"
        provider = "anthropic"
        aliases = ["claude-3-7-sonnet-20250219", "claude-3-7-sonnet-latest"]
        input = 3.0
        output = 15.0
        cache_write_5m = 3.75
        cache_write_1h = 6.0
        cache_read = 0.30
        min_cacheable_tokens = 1024

        # Claude 4 generation.

        [[model]]
        id = "claude-sonnet-4"
        provider = "anthropic"
        aliases = ["claude-sonnet-4-20250514", "claude-sonnet-4-0", "claude-4-sonnet-20250514"]
        input = 3.0
        output = 15.0
        cache_write_5m = 3.75
        cache_write_1h = 6.0
        cache_read = 0.30
        min_cacheable_tokens = 1024
        # DISAGREE: the >200k tier (1M-context beta) is in L (bedrock/vertex claude-sonnet-4 entries) but not in G.
        [[model.tier]]
        above_input_tokens = 200000
        input = 6.0
        output = 22.5
        cache_write_5m = 7.5
        cache_write_1h = 12.0
        cache_read = 0.60

        [[model]]
        id = "claude-sonnet-4-5"
        provider = "anthropic"
        aliases = ["claude-sonnet-4-5-20250929"]
        input = 3.0
        output = 15.0
        cache_write_5m = 3.75
        cache_write_1h = 6.0
        cache_read = 0.30
        min_cacheable_tokens = 1024
        # DISAGREE: L's first-party claude-sonnet-4-5 entry has no >200k tier (the 1M beta was retired
        # 2026-04-30, G says); L's bedrock/vertex entries and G keep it for historical usage. Kept here.
        [[model.tier]]
        above_input_tokens = 200000
        input = 6.0
        output = 22.5
        cache_write_5m = 7.5
        cache_write_1h = 12.0
        cache_read = 0.60

        [[model]]
        id = "claude-sonnet-4-6"
        provider = "anthropic"
        input = 3.0
        output = 15.0
        cache_write_5m = 3.75
        cache_write_1h = 6.0
        cache_read = 0.30
        min_cacheable_tokens = 1024
        # DISAGREE: G prices prompts > 200k tokens at 6 / 22.5 / 7.5 / 12 / 0.6 before 2026-03-13 (when the
        # 1M window became flat-priced); L has no tier. Flat rates kept, as in the conformance book.

        [[model]]
        id = "claude-opus-4"
        provider = "anthropic"
        aliases = ["claude-opus-4-20250514", "claude-opus-4-0", "claude-4-opus-20250514"]
        input = 15.0
        output = 75.0
        cache_write_5m = 18.75
        cache_write_1h = 30.0
        cache_read = 1.50
        min_cacheable_tokens = 1024

        [[model]]
        id = "claude-opus-4-1"
        provider = "anthropic"
        aliases = ["claude-opus-4-1-20250805"]
        input = 15.0
        output = 75.0
        cache_write_5m = 18.75
        cache_write_1h = 30.0
        cache_read = 1.50
        min_cacheable_tokens = 1024

        [[model]]
        id = "claude-opus-4-5"
        provider = "anthropic"
        aliases = ["claude-opus-4-5-20251101"]
        input = 5.0
        output = 25.0
        cache_write_5m = 6.25
        cache_write_1h = 10.0
        cache_read = 0.50
        min_cacheable_tokens = 4096

        [[model]]
        id = "claude-opus-4-6"
        provider = "anthropic"
        aliases = ["claude-opus-4-6-20260205"]
        input = 5.0
        output = 25.0
        cache_write_5m = 6.25
        cache_write_1h = 10.0
        cache_read = 0.50
        min_cacheable_tokens = 4096
        # DISAGREE: G prices prompts > 200k tokens at 10 / 37.5 / 12.5 / 20 / 1.0 before 2026-03-13; L has
        # no tier. Flat rates kept, as in the conformance book.

        [[model]]
        id = "claude-opus-4-7"
        provider = "anthropic"
        aliases = ["claude-opus-4-7-20260416"]
        input = 5.0
        output = 25.0
        cache_write_5m = 6.25
        cache_write_1h = 10.0
        cache_read = 0.50
        min_cacheable_tokens = 2048     # L prompt_cache_min_tokens

        [[model]]
        id = "claude-opus-4-8"
        provider = "anthropic"
        input = 5.0
        output = 25.0
        cache_write_5m = 6.25
        cache_write_1h = 10.0
        cache_read = 0.50
        min_cacheable_tokens = 1024     # L prompt_cache_min_tokens

        [[model]]
        id = "claude-haiku-4-5"
        provider = "anthropic"
        aliases = ["claude-haiku-4-5-20251001"]
        input = 1.0
        output = 5.0
        cache_write_5m = 1.25
        cache_write_1h = 2.0
        cache_read = 0.10               # L stores 9.999999999999999e-08 per token (float noise for 0.10)
        min_cacheable_tokens = 4096

        # Claude 5 generation. Flat pricing across the 1M window except Haiku 5.5 (> 100k prompt: 5x).

        [[model]]
        id = "claude-sonnet-5"
        provider = "anthropic"
        input = 2.0
        output = 10.0
        cache_write_5m = 2.5
        cache_write_1h = 4.0
        cache_read = 0.20
        min_cacheable_tokens = 1024

        [[model]]
        id = "claude-sonnet-5-5"
        provider = "anthropic"
        input = 2.0
        output = 10.0
        cache_write_5m = 2.5
        cache_write_1h = 4.0
        cache_read = 0.10               # cache hits at 0.05x input on Sonnet / Opus 5.5
        min_cacheable_tokens = 512

        [[model]]
        id = "claude-opus-5"
        provider = "anthropic"
        aliases = ["claude-opus-5-latest"]
        input = 5.0
        output = 25.0
        cache_write_5m = 6.25
        cache_write_1h = 10.0
        cache_read = 0.50
        min_cacheable_tokens = 512

        [[model]]
        id = "claude-opus-5-5"
        provider = "anthropic"
        input = 4.0
        output = 20.0
        cache_write_5m = 5.0
        cache_write_1h = 8.0
        cache_read = 0.20
        min_cacheable_tokens = 512

        [[model]]
        id = "claude-haiku-5-5"
        provider = "anthropic"
        input = 0.10
        output = 0.50
        cache_write_5m = 0.125
        cache_write_1h = 0.20
        cache_read = 0.01
        min_cacheable_tokens = 512
        [[model.tier]]                  # every token of a request whose prompt exceeds 100,000 tokens: 5x
        above_input_tokens = 100000
        input = 0.50
        output = 2.50
        cache_write_5m = 0.625
        cache_write_1h = 1.0
        cache_read = 0.05

        [[model]]
        id = "claude-fable-5"
        provider = "anthropic"
        input = 10.0
        output = 50.0
        cache_write_5m = 12.5
        cache_write_1h = 20.0
        cache_read = 1.0
        min_cacheable_tokens = 512

        [[model]]
        id = "claude-fable-5-1"
        provider = "anthropic"
        input = 10.0
        output = 50.0
        cache_write_5m = 12.5
        cache_write_1h = 20.0
        cache_read = 0.25               # cache hits at 0.025x input on Fable / Mythos 5.1 and 5.2
        min_cacheable_tokens = 512

        [[model]]
        id = "claude-fable-5-2"
        provider = "anthropic"
        input = 8.0                     # G only
        output = 40.0
        cache_write_5m = 10.0
        cache_write_1h = 16.0
        cache_read = 0.20
        min_cacheable_tokens = 512      # not in L; as Fable 5 / 5.1

        # Claude Mythos: limited availability (verified organisations); L lists 5, 5.1 and the preview, G only 5.2.

        [[model]]
        id = "claude-mythos-preview"
        provider = "anthropic"
        input = 10.0                    # L only (deprecated 2026-06-09)
        output = 50.0
        cache_write_5m = 12.5
        cache_write_1h = 20.0
        cache_read = 1.0
        min_cacheable_tokens = 512

        [[model]]
        id = "claude-mythos-5"
        provider = "anthropic"
        input = 10.0                    # L only
        output = 50.0
        cache_write_5m = 12.5
        cache_write_1h = 20.0
        cache_read = 1.0
        min_cacheable_tokens = 512

        [[model]]
        id = "claude-mythos-5-1"
        provider = "anthropic"
        input = 10.0                    # L only
        output = 50.0
        cache_write_5m = 12.5
        cache_write_1h = 20.0
        cache_read = 0.25
        min_cacheable_tokens = 512

        [[model]]
        id = "claude-mythos-5-2"
        provider = "anthropic"
        input = 8.0                     # G only ("same model and pricing as Claude Fable 5.2")
        output = 40.0
        cache_write_5m = 10.0
        cache_write_1h = 16.0
        cache_read = 0.20
        min_cacheable_tokens = 512      # not in L; as Mythos 5 / 5.1

        # --------------------------------------------------------------------------------------- OpenAI
        # Pre-GPT-4o models (no prompt caching).

        [[model]]
        id = "babbage-002"
        provider = "openai"
        input = 0.40                   # completions endpoint (L text-completion-openai)
        output = 0.40

        [[model]]
        id = "davinci-002"
        provider = "openai"
        input = 2.0                    # completions endpoint (L text-completion-openai)
        output = 2.0

        [[model]]
        id = "gpt-3.5-turbo"
        provider = "openai"
        aliases = ["gpt-3.5-turbo-0125"]
        input = 0.50
        output = 1.50

        [[model]]
        id = "gpt-3.5-turbo-1106"
        provider = "openai"
        input = 1.0
        output = 2.0
        batch_multiplier = 1           # L and G: the Batch table lists the standard rates for this snapshot

        [[model]]
        id = "gpt-3.5-turbo-16k"
        provider = "openai"
        aliases = ["gpt-3.5-turbo-16k-0613"]
        input = 3.0
        output = 4.0

        [[model]]
        id = "gpt-3.5-turbo-instruct"
        provider = "openai"
        aliases = ["gpt-3.5-turbo-instruct-0914"]
        input = 1.50                   # completions endpoint
        output = 2.0

        [[model]]
        id = "gpt-4"
        provider = "openai"
        aliases = ["gpt-4-0613"]
        input = 30.0
        output = 60.0

        [[model]]
        id = "gpt-4-32k"
        provider = "openai"
        aliases = ["gpt-4-32k-0613"]
        input = 60.0                   # G only (retired 2025-06-06)
        output = 120.0

        [[model]]
        id = "gpt-4-turbo"
        provider = "openai"
        aliases = ["gpt-4-turbo-2024-04-09", "gpt-4-turbo-preview", "gpt-4-0125-preview", "gpt-4-1106-preview"]
        input = 10.0
        output = 30.0

        [[model]]
        id = "gpt-4-vision-preview"
        provider = "openai"
        aliases = ["gpt-4-1106-vision-preview"]
        input = 10.0                   # G only (retired 2024-12-06)
        output = 30.0

        # GPT-4o generation. OpenAI prompt caching from here on: 1024-token minimum, no write premium.

        [[model]]
        id = "gpt-4o"
        provider = "openai"
        aliases = ["gpt-4o-2024-08-06", "gpt-4o-2024-11-20"]
        input = 2.50
        output = 10.00
        cache_read = 1.25
        min_cacheable_tokens = 1024
        priority_multiplier = 1.7        # L/G: 4.25 / 2.125 / 17

        [[model]]
        id = "gpt-4o-2024-05-13"       # the first gpt-4o snapshot kept its launch price; exact id wins over date stripping
        provider = "openai"
        input = 5.00
        output = 15.00
        min_cacheable_tokens = 1024
        # NOTE: L and G both list Priority at 8.75 / 26.25 (exactly 1.75x), but the conformance book has no
        # priority_multiplier here; left out so the two books agree (Priority calls are priced as standard).

        [[model]]
        id = "gpt-4o-mini"
        provider = "openai"
        aliases = ["gpt-4o-mini-2024-07-18"]
        input = 0.15
        output = 0.60
        cache_read = 0.075
        min_cacheable_tokens = 1024

        [[model]]
        id = "chatgpt-4o-latest"
        provider = "openai"
        input = 5.0                    # G only (the ChatGPT-4o pointer; no cached-input rate)
        output = 15.0
        min_cacheable_tokens = 1024

        [[model]]
        id = "gpt-4o-search-preview"
        provider = "openai"
        aliases = ["gpt-4o-search-preview-2025-03-11"]
        input = 2.50
        output = 10.0
        cache_read = 1.25              # DISAGREE: L 1.25; G lists no cached-input rate for this model
        min_cacheable_tokens = 1024

        [[model]]
        id = "gpt-4o-mini-search-preview"
        provider = "openai"
        aliases = ["gpt-4o-mini-search-preview-2025-03-11"]
        input = 0.15                   # G prices it as gpt-4o-mini (same rates)
        output = 0.60
        cache_read = 0.075
        min_cacheable_tokens = 1024

        [[model]]
        id = "gpt-4o-audio-preview"
        provider = "openai"
        aliases = ["gpt-4o-audio-preview-2024-12-17", "gpt-4o-audio-preview-2025-06-03"]
        input = 2.50                   # text tokens only; audio tokens are billed higher and not modelled
        output = 10.0
        min_cacheable_tokens = 1024

        [[model]]
        id = "gpt-4o-mini-audio-preview"
        provider = "openai"
        aliases = ["gpt-4o-mini-audio-preview-2024-12-17"]
        input = 0.15                   # text tokens only
        output = 0.60
        min_cacheable_tokens = 1024

        [[model]]
        id = "gpt-audio"
        provider = "openai"
        aliases = ["gpt-audio-2025-08-28"]
        input = 2.50                   # text tokens only (G: audio 32 / 64)
        output = 10.0
        min_cacheable_tokens = 1024

        [[model]]
        id = "gpt-audio-1.5"
        provider = "openai"
        input = 2.50                   # text tokens only; G prices it as gpt-audio
        output = 10.0
        min_cacheable_tokens = 1024

        [[model]]
        id = "gpt-audio-mini"
        provider = "openai"
        aliases = ["gpt-audio-mini-2025-10-06", "gpt-audio-mini-2025-12-15"]
        input = 0.60                   # text tokens only (G: audio 10 / 20)
        output = 2.40
        min_cacheable_tokens = 1024

        [[model]]
        id = "computer-use-preview"
        provider = "openai"
        aliases = ["computer-use-preview-2025-03-11"]
        input = 3.0
        output = 12.0
        min_cacheable_tokens = 1024

        [[model]]
        id = "gpt-4.5-preview"
        provider = "openai"
        aliases = ["gpt-4.5-preview-2025-02-27"]
        input = 75.0                   # G only (research preview, Feb-Jul 2025)
        output = 150.0
        cache_read = 37.50
        min_cacheable_tokens = 1024

        # GPT-4.1 family.

        [[model]]
        id = "gpt-4.1"
        provider = "openai"
        aliases = ["gpt-4.1-2025-04-14"]
        input = 2.00
        output = 8.00
        cache_read = 0.50
        min_cacheable_tokens = 1024
        priority_multiplier = 1.75       # L/G: 3.50 / 0.875 / 14

        [[model]]
        id = "gpt-4.1-mini"
        provider = "openai"
        aliases = ["gpt-4.1-mini-2025-04-14"]
        input = 0.40
        output = 1.60
        cache_read = 0.10
        min_cacheable_tokens = 1024
        priority_multiplier = 1.75       # L/G: 0.70 / 0.175 / 2.80

        [[model]]
        id = "gpt-4.1-nano"
        provider = "openai"
        aliases = ["gpt-4.1-nano-2025-04-14"]
        input = 0.10
        output = 0.40
        cache_read = 0.025
        min_cacheable_tokens = 1024
        priority_multiplier = 2          # L/G: 0.20 / 0.05 / 0.80

        # o-series reasoning models.

        [[model]]
        id = "o1-preview"
        provider = "openai"
        aliases = ["o1-preview-2024-09-12"]
        input = 15.0                   # G only (retired 2025)
        output = 60.0
        cache_read = 7.50
        min_cacheable_tokens = 1024

        [[model]]
        id = "o1-mini"
        provider = "openai"
        aliases = ["o1-mini-2024-09-12"]
        input = 1.10                   # G; L lists it only as azure/o1-mini (same rates)
        output = 4.40
        cache_read = 0.55
        min_cacheable_tokens = 1024

        [[model]]
        id = "o1"
        provider = "openai"
        aliases = ["o1-2024-12-17"]
        input = 15.00
        output = 60.00
        cache_read = 7.50
        min_cacheable_tokens = 1024

        [[model]]
        id = "o1-pro"
        provider = "openai"
        aliases = ["o1-pro-2025-03-19"]
        input = 150.0                  # Responses API only
        output = 600.0
        min_cacheable_tokens = 1024

        [[model]]
        id = "o3-mini"
        provider = "openai"
        aliases = ["o3-mini-2025-01-31"]
        input = 1.10
        output = 4.40
        cache_read = 0.55
        min_cacheable_tokens = 1024

        # o3: a price history (SPEC §5.1 effective_from). Launch 2025-04-16 at 10 / 40, cut by 80% on
        # 2025-06-10 to 2 / 8.
        # DISAGREE: L lists only the current 2 / 0.50 / 8 (no history). G has the history but gives the
        # launch cached-input rate as 0.50; OpenAI's launch price list said 2.50 (25% of input, as for
        # every other OpenAI model of that generation), which is used here.
        [[model]]
        id = "o3"
        provider = "openai"
        aliases = ["o3-2025-04-16"]
        effective_from = "2025-04-16"
        input = 10.00
        output = 40.00
        cache_read = 2.50
        min_cacheable_tokens = 1024
        flex_multiplier = 0.5            # Flex launched with o3 at half price (2025-04)

        [[model]]
        id = "o3"
        provider = "openai"
        aliases = ["o3-2025-04-16"]
        effective_from = "2025-06-10"
        input = 2.00
        output = 8.00
        cache_read = 0.50
        min_cacheable_tokens = 1024
        flex_multiplier = 0.5            # L/G: 1.00 / 0.25 / 4.00
        priority_multiplier = 1.75       # L/G: 3.50 / 0.875 / 14.00

        [[model]]
        id = "o3-pro"
        provider = "openai"
        aliases = ["o3-pro-2025-06-10"]
        input = 20.0                   # Responses API only
        output = 80.0
        min_cacheable_tokens = 1024

        [[model]]
        id = "o3-deep-research"
        provider = "openai"
        aliases = ["o3-deep-research-2025-06-26"]
        input = 10.0
        output = 40.0
        cache_read = 2.50
        min_cacheable_tokens = 1024

        [[model]]
        id = "o4-mini"
        provider = "openai"
        aliases = ["o4-mini-2025-04-16"]
        input = 1.10
        output = 4.40
        cache_read = 0.275
        min_cacheable_tokens = 1024
        flex_multiplier = 0.5            # L/G: 0.55 / 2.20 (L's flex cache read 0.138 is 0.1375 rounded)

        [[model]]
        id = "o4-mini-deep-research"
        provider = "openai"
        aliases = ["o4-mini-deep-research-2025-06-26"]
        input = 2.0
        output = 8.0
        cache_read = 0.50
        min_cacheable_tokens = 1024

        [[model]]
        id = "codex-mini-latest"
        provider = "openai"
        aliases = ["codex-mini"]
        input = 1.50                   # G; L lists it only as azure/codex-mini (same rates)
        output = 6.0
        cache_read = 0.375
        min_cacheable_tokens = 1024

        # GPT-5 generation.

        [[model]]
        id = "gpt-5"
        provider = "openai"
        aliases = ["gpt-5-2025-08-07"]
        input = 1.25
        output = 10.00
        cache_read = 0.125
        min_cacheable_tokens = 1024
        flex_multiplier = 0.5            # L/G: 0.625 / 0.0625 / 5
        priority_multiplier = 2          # L/G: 2.50 / 0.25 / 20
        # DISAGREE (batch): L gives a batch cached-input rate of 0.0625 (50%); G says the Batch table has
        # no cached-input rate and keeps 0.125. SPEC §5.2 multiplies the whole cost by batch_multiplier,
        # which matches L.

        [[model]]
        id = "gpt-5-mini"
        provider = "openai"
        aliases = ["gpt-5-mini-2025-08-07"]
        input = 0.25
        output = 2.00
        cache_read = 0.025
        min_cacheable_tokens = 1024
        flex_multiplier = 0.5            # L/G: 0.125 / 0.0125 / 1
        priority_multiplier = 1.8        # L/G: 0.45 / 0.045 / 3.60

        [[model]]
        id = "gpt-5-nano"
        provider = "openai"
        aliases = ["gpt-5-nano-2025-08-07"]
        input = 0.05
        output = 0.40
        cache_read = 0.005
        min_cacheable_tokens = 1024
        flex_multiplier = 0.5            # L/G: 0.025 / 0.0025 / 0.20

        [[model]]
        id = "gpt-5-chat-latest"
        provider = "openai"
        aliases = ["gpt-5-chat"]
        input = 1.25                   # G prices it as gpt-5
        output = 10.0
        cache_read = 0.125
        min_cacheable_tokens = 1024

        [[model]]
        id = "gpt-5-codex"
        provider = "openai"
        input = 1.25                   # G prices it as gpt-5
        output = 10.0
        cache_read = 0.125
        min_cacheable_tokens = 1024

        [[model]]
        id = "gpt-5-pro"
        provider = "openai"
        aliases = ["gpt-5-pro-2025-10-06"]
        input = 15.0                   # Responses API only
        output = 120.0
        min_cacheable_tokens = 1024

        [[model]]
        id = "gpt-5-search-api"
        provider = "openai"
        aliases = ["gpt-5-search-api-2025-10-14"]
        input = 1.25                   # per-search fees not modelled
        output = 10.0
        cache_read = 0.125
        min_cacheable_tokens = 1024

        [[model]]
        id = "gpt-5.1"
        provider = "openai"
        aliases = ["gpt-5.1-2025-11-13"]
        input = 1.25
        output = 10.0
        cache_read = 0.125
        min_cacheable_tokens = 1024
        flex_multiplier = 0.5            # L/G: 0.625 / 0.0625 / 5
        priority_multiplier = 2          # L/G: 2.50 / 0.25 / 20

        [[model]]
        id = "gpt-5.1-chat-latest"
        provider = "openai"
        aliases = ["gpt-5.1-chat"]
        input = 1.25                   # G prices it as gpt-5.1
        output = 10.0
        cache_read = 0.125
        min_cacheable_tokens = 1024

        [[model]]
        id = "gpt-5.1-codex"
        provider = "openai"
        input = 1.25                   # G prices it as gpt-5.1
        output = 10.0
        cache_read = 0.125
        min_cacheable_tokens = 1024

        [[model]]
        id = "gpt-5.1-codex-max"
        provider = "openai"
        input = 1.25                   # G prices it as gpt-5.1
        output = 10.0
        cache_read = 0.125
        min_cacheable_tokens = 1024

        [[model]]
        id = "gpt-5.1-codex-mini"
        provider = "openai"
        input = 0.25
        output = 2.0
        cache_read = 0.025
        min_cacheable_tokens = 1024

        [[model]]
        id = "gpt-5.2"
        provider = "openai"
        aliases = ["gpt-5.2-2025-12-11"]
        input = 1.75
        output = 14.0
        cache_read = 0.175
        min_cacheable_tokens = 1024
        flex_multiplier = 0.5            # L/G: 0.875 / 0.0875 / 7
        priority_multiplier = 2          # L/G: 3.50 / 0.35 / 28

        [[model]]
        id = "gpt-5.2-chat-latest"
        provider = "openai"
        aliases = ["gpt-5.2-chat"]
        input = 1.75                   # G prices it as gpt-5.2
        output = 14.0
        cache_read = 0.175
        min_cacheable_tokens = 1024

        [[model]]
        id = "gpt-5.2-codex"
        provider = "openai"
        input = 1.75                   # G prices it as gpt-5.2
        output = 14.0
        cache_read = 0.175
        min_cacheable_tokens = 1024

        [[model]]
        id = "gpt-5.2-pro"
        provider = "openai"
        aliases = ["gpt-5.2-pro-2025-12-11"]
        input = 21.0                   # Responses API only
        output = 168.0
        min_cacheable_tokens = 1024

        [[model]]
        id = "gpt-5.3-chat-latest"
        provider = "openai"
        aliases = ["gpt-5.3-chat"]
        input = 1.75
        output = 14.0
        cache_read = 0.175
        min_cacheable_tokens = 1024

        [[model]]
        id = "gpt-5.3-codex"
        provider = "openai"
        input = 1.75
        output = 14.0
        cache_read = 0.175
        min_cacheable_tokens = 1024
        priority_multiplier = 2          # L/G: 3.50 / 0.35 / 28

        # GPT-5.4 and later: prompts over 272K input tokens bill the whole request at 2x input and cache,
        # 1.5x output (L *_above_272k_tokens, G tiers starting at 272000).

        [[model]]
        id = "gpt-5.4"
        provider = "openai"
        aliases = ["gpt-5.4-2026-03-05"]
        input = 2.50
        output = 15.0
        cache_read = 0.25
        min_cacheable_tokens = 1024
        flex_multiplier = 0.5            # L/G: 1.25 / 7.50, cached 0.13 (0.125 published rounded to the cent)
        priority_multiplier = 2          # L/G: 5 / 0.50 / 30
        # batch: L/G batch cached input is also the rounded 0.13; batch_multiplier 0.5 gives 0.125.
        [[model.tier]]
        above_input_tokens = 272000
        input = 5.0
        output = 22.5
        cache_read = 0.50

        [[model]]
        id = "gpt-5.4-mini"
        provider = "openai"
        aliases = ["gpt-5.4-mini-2026-03-17"]
        input = 0.75
        output = 4.50
        cache_read = 0.075
        min_cacheable_tokens = 1024
        flex_multiplier = 0.5            # L/G: 0.375 / 0.0375 / 2.25
        priority_multiplier = 2          # L/G: 1.50 / 0.15 / 9

        [[model]]
        id = "gpt-5.4-nano"
        provider = "openai"
        aliases = ["gpt-5.4-nano-2026-03-17"]
        input = 0.20
        output = 1.25
        cache_read = 0.02
        min_cacheable_tokens = 1024
        flex_multiplier = 0.5            # L/G: 0.10 / 0.01 / 0.625

        [[model]]
        id = "gpt-5.4-pro"
        provider = "openai"
        aliases = ["gpt-5.4-pro-2026-03-05"]
        input = 30.0                   # Responses API only
        output = 180.0
        min_cacheable_tokens = 1024
        flex_multiplier = 0.5            # L/G: 15 / 90
        [[model.tier]]
        above_input_tokens = 272000
        input = 60.0
        output = 270.0

        [[model]]
        id = "gpt-5.5"
        provider = "openai"
        # aliases: gpt-5.5-2026-04-23 from L and G; the -04-24 snapshot, -codex and -chat-latest from G only
        aliases = ["gpt-5.5-2026-04-23", "gpt-5.5-2026-04-24", "gpt-5.5-codex", "gpt-5.5-chat-latest"]
        input = 5.0
        output = 30.0
        cache_read = 0.50
        min_cacheable_tokens = 1024
        flex_multiplier = 0.5            # L/G: 2.50 / 0.25 / 15
        priority_multiplier = 2.5        # L/G: 12.50 / 1.25 / 75
        [[model.tier]]
        above_input_tokens = 272000
        input = 10.0
        output = 45.0
        cache_read = 1.0

        [[model]]
        id = "gpt-5.5-pro"
        provider = "openai"
        aliases = ["gpt-5.5-pro-2026-04-23"]
        input = 30.0                   # Responses API only
        output = 180.0
        min_cacheable_tokens = 1024
        flex_multiplier = 0.5            # L/G: 15 / 90
        [[model.tier]]
        above_input_tokens = 272000
        input = 60.0
        output = 270.0

        [[model]]
        id = "chat-latest"
        provider = "openai"
        aliases = ["gpt-chat-latest"]
        input = 5.0                    # L and G: no long-context tier listed
        output = 30.0
        cache_read = 0.50
        min_cacheable_tokens = 1024

        [[model]]
        id = "gpt-5.5-cyber"
        provider = "openai"
        aliases = ["gpt-5.5-cyber-preview"]
        input = 12.50
        output = 75.0
        cache_read = 1.25
        min_cacheable_tokens = 1024
        # DISAGREE: G gives no cached-input rate before 2026-10-19 ("the page published none on 2026-10-15")
        # and 1.25 from then; L gives 1.25 with no history. 1.25 used for the whole entry.

        # GPT-5.6 (launched 2026-07-09, the date of the gpt-5.6-*-2026-07-09 snapshot ids in L). Cache writes
        # 1.25x input. Price history from G: Terra -20% and Luna -80% on 2026-07-30, Sol input -20% / output
        # -33% on 2026-08-21; L lists only the current rates. G dates Flex / Priority from 2026-10-12; the
        # multipliers below apply to the launch entries too (§5.1 cannot date them apart from an entry).

        [[model]]
        id = "gpt-5.6-sol"
        provider = "openai"
        aliases = ["gpt-5.6"]
        effective_from = "2026-07-09"
        input = 5.0                    # G only (launch price)
        output = 30.0
        cache_write_5m = 6.25
        cache_read = 0.50
        min_cacheable_tokens = 1024
        flex_multiplier = 0.5
        priority_multiplier = 2
        [[model.tier]]
        above_input_tokens = 272000
        input = 10.0
        output = 45.0
        cache_write_5m = 12.5
        cache_read = 1.0

        [[model]]
        id = "gpt-5.6-sol"
        provider = "openai"
        aliases = ["gpt-5.6"]
        effective_from = "2026-08-21"
        input = 4.0
        output = 20.0
        cache_write_5m = 5.0
        cache_read = 0.40
        min_cacheable_tokens = 1024
        flex_multiplier = 0.5            # L/G: 2 / 2.5 / 0.2 / 10
        priority_multiplier = 2          # L/G: 8 / 10 / 0.8 / 40
        [[model.tier]]
        above_input_tokens = 272000
        input = 8.0
        output = 30.0
        cache_write_5m = 10.0
        cache_read = 0.80

        [[model]]
        id = "gpt-5.6-terra"
        provider = "openai"
        effective_from = "2026-07-09"
        input = 2.50                   # G only (launch price)
        output = 15.0
        cache_write_5m = 3.125
        cache_read = 0.25
        min_cacheable_tokens = 1024
        flex_multiplier = 0.5
        priority_multiplier = 2
        [[model.tier]]
        above_input_tokens = 272000
        input = 5.0
        output = 22.5
        cache_write_5m = 6.25
        cache_read = 0.50

        [[model]]
        id = "gpt-5.6-terra"
        provider = "openai"
        effective_from = "2026-07-30"
        input = 2.0
        output = 12.0
        cache_write_5m = 2.5
        cache_read = 0.20
        min_cacheable_tokens = 1024
        flex_multiplier = 0.5            # L/G: 1 / 1.25 / 0.1 / 6
        priority_multiplier = 2          # L/G: 4 / 5 / 0.4 / 24
        [[model.tier]]
        above_input_tokens = 272000
        input = 4.0
        output = 18.0
        cache_write_5m = 5.0
        cache_read = 0.40

        [[model]]
        id = "gpt-5.6-luna"
        provider = "openai"
        effective_from = "2026-07-09"
        input = 1.0                    # G only (launch price)
        output = 6.0
        cache_write_5m = 1.25
        cache_read = 0.10
        min_cacheable_tokens = 1024
        flex_multiplier = 0.5
        priority_multiplier = 2
        [[model.tier]]
        above_input_tokens = 272000
        input = 2.0
        output = 9.0
        cache_write_5m = 2.5
        cache_read = 0.20

        [[model]]
        id = "gpt-5.6-luna"
        provider = "openai"
        effective_from = "2026-07-30"
        input = 0.20
        output = 1.20
        cache_write_5m = 0.25
        cache_read = 0.02
        min_cacheable_tokens = 1024
        flex_multiplier = 0.5            # L/G: 0.1 / 0.125 / 0.01 / 0.6
        priority_multiplier = 2          # L/G: 0.4 / 0.5 / 0.04 / 2.4
        [[model.tier]]
        above_input_tokens = 272000
        input = 0.40
        output = 1.80
        cache_write_5m = 0.50
        cache_read = 0.04

        [[model]]
        id = "gpt-5.6-cyber"
        provider = "openai"
        input = 12.50
        output = 75.0
        cache_write_5m = 15.625
        cache_read = 1.25
        min_cacheable_tokens = 1024
        # DISAGREE: the >272k tier is L's; G says the pricing page publishes no long-context rates for this model.
        [[model.tier]]
        above_input_tokens = 272000
        input = 25.0
        output = 112.5
        cache_write_5m = 31.25
        cache_read = 2.50

        [[model]]
        id = "gpt-daybreak-blue-latest"
        provider = "openai"
        aliases = ["daybreak-blue-latest"]
        input = 4.0                    # L only
        output = 20.0
        cache_write_5m = 5.0
        cache_read = 0.40
        min_cacheable_tokens = 1024
        [[model.tier]]
        above_input_tokens = 272000
        input = 8.0
        output = 30.0
        cache_write_5m = 10.0
        cache_read = 0.80

        [[model]]
        id = "gpt-daybreak-red-latest"
        provider = "openai"
        aliases = ["daybreak-red-latest"]
        input = 12.50                  # L only
        output = 75.0
        cache_write_5m = 15.625
        cache_read = 1.25
        min_cacheable_tokens = 1024
        [[model.tier]]
        above_input_tokens = 272000
        input = 25.0
        output = 112.5
        cache_write_5m = 31.25
        cache_read = 2.50

        # GPT-6 generation. Cache writes 1.25x input; > 272K input: 2x input and cache, 1.5x output.

        [[model]]
        id = "gpt-6-astra"
        provider = "openai"
        input = 10.0
        output = 50.0
        cache_write_5m = 12.5
        cache_read = 1.0
        min_cacheable_tokens = 1024
        flex_multiplier = 0.5            # L/G: 5 / 6.25 / 0.5 / 25
        priority_multiplier = 2          # L/G: 20 / 25 / 2 / 100
        [[model.tier]]
        above_input_tokens = 272000
        input = 20.0
        output = 75.0
        cache_write_5m = 25.0
        cache_read = 2.0

        [[model]]
        id = "gpt-6-sol"
        provider = "openai"
        input = 2.0
        output = 10.0
        cache_write_5m = 2.5
        cache_read = 0.20
        min_cacheable_tokens = 1024
        flex_multiplier = 0.5            # L/G: 1 / 1.25 / 0.1 / 5
        priority_multiplier = 2          # L/G: 4 / 5 / 0.4 / 20
        [[model.tier]]
        above_input_tokens = 272000
        input = 4.0
        output = 15.0
        cache_write_5m = 5.0
        cache_read = 0.40

        [[model]]
        id = "gpt-6-luna"
        provider = "openai"
        input = 0.10
        output = 0.50
        cache_write_5m = 0.125
        cache_read = 0.01
        min_cacheable_tokens = 1024
        flex_multiplier = 0.5            # L/G: 0.05 / 0.0625 / 0.005 / 0.25
        priority_multiplier = 2          # L/G: 0.2 / 0.25 / 0.02 / 1
        [[model.tier]]
        above_input_tokens = 272000
        input = 0.20
        output = 0.75
        cache_write_5m = 0.25
        cache_read = 0.02

        [[model]]
        id = "gpt-6.1-sol"
        provider = "openai"
        input = 2.0
        output = 10.0
        cache_write_5m = 2.5
        cache_read = 0.10               # cache reads 5% of input
        min_cacheable_tokens = 1024
        flex_multiplier = 0.5            # L/G: 1 / 1.25 / 0.05 / 5
        priority_multiplier = 2          # L/G: 4 / 5 / 0.2 / 20
        [[model.tier]]
        above_input_tokens = 272000
        input = 4.0
        output = 15.0
        cache_write_5m = 5.0
        cache_read = 0.20

        [[model]]
        id = "gpt-6.1-terra"
        provider = "openai"
        input = 1.0
        output = 5.0
        cache_write_5m = 1.25
        cache_read = 0.05
        min_cacheable_tokens = 1024
        flex_multiplier = 0.5            # L/G: 0.5 / 0.625 / 0.025 / 2.5
        priority_multiplier = 2          # L/G: 2 / 2.5 / 0.1 / 10
        [[model.tier]]
        above_input_tokens = 272000
        input = 2.0
        output = 7.5
        cache_write_5m = 2.5
        cache_read = 0.10

        [[model]]
        id = "gpt-6-rosalind"
        provider = "openai"
        input = 15.0
        output = 75.0
        cache_write_5m = 18.75
        cache_read = 1.50
        min_cacheable_tokens = 1024
        [[model.tier]]
        above_input_tokens = 272000
        input = 30.0
        output = 112.5
        cache_write_5m = 37.5
        cache_read = 3.0

        [[model]]
        id = "gpt-6-cyber"
        provider = "openai"
        input = 20.0                   # L and G: no long-context tier listed
        output = 100.0
        cache_write_5m = 25.0
        cache_read = 2.0
        min_cacheable_tokens = 1024

        [[model]]
        id = "gpt-6-astra-law"
        provider = "openai"
        input = 10.0                   # L only; no cache-write rate listed
        output = 50.0
        cache_read = 1.0
        min_cacheable_tokens = 1024

        [[model]]
        id = "gpt-rosalind-research"
        provider = "openai"
        input = 5.0
        output = 25.0
        cache_read = 0.50
        min_cacheable_tokens = 1024

        [[model]]
        id = "gpt-rosalind-discovery"
        provider = "openai"
        input = 5.0
        output = 25.0
        cache_read = 0.50
        min_cacheable_tokens = 1024

        # Fine-tuned models: L lists the base names. A logged fine-tune id carries a suffix
        # (ft:gpt-4o-2024-08-06:org::id) that §5.1 resolution does not strip: add it as an alias in a
        # copy of this book to price it.

        [[model]]
        id = "ft:babbage-002"
        provider = "openai"
        input = 1.60                   # L only
        output = 1.60
        # DISAGREE (batch): L batch output 0.90 is not half of 1.60 (input 0.80 is); batch_multiplier 0.5.

        [[model]]
        id = "ft:davinci-002"
        provider = "openai"
        input = 12.0                   # L only
        output = 12.0

        [[model]]
        id = "ft:gpt-3.5-turbo"
        provider = "openai"
        aliases = ["ft:gpt-3.5-turbo-0125", "ft:gpt-3.5-turbo-0613", "ft:gpt-3.5-turbo-1106"]
        input = 3.0
        output = 6.0

        [[model]]
        id = "ft:gpt-4-0613"
        provider = "openai"
        input = 30.0                   # G prices ft:gpt-4-0* as gpt-4
        output = 60.0

        [[model]]
        id = "ft:gpt-4o-2024-08-06"
        provider = "openai"
        aliases = ["ft:gpt-4o-2024-11-20"]
        input = 3.75
        output = 15.0
        cache_read = 1.875             # L only; G lists no cached-input rate for fine-tuned gpt-4o
        min_cacheable_tokens = 1024
        # DISAGREE: L stores 1.875 for ft:gpt-4o-2024-11-20 as cache_creation (a write rate), for -08-06 as
        # cache_read; OpenAI has no write premium, so it is read as the cached-input rate for both.
        # DISAGREE (batch): L batch 2.225 / 12.50 / 0.90 is no single multiple; G: "could not be confirmed",
        # no batch variant. batch_multiplier left at the SPEC default 0.5.

        [[model]]
        id = "ft:gpt-4o-mini-2024-07-18"
        provider = "openai"
        input = 0.30
        output = 1.20
        cache_read = 0.15              # L only; G lists no cached-input rate for fine-tuned gpt-4o-mini
        min_cacheable_tokens = 1024

        [[model]]
        id = "ft:gpt-4.1-2025-04-14"
        provider = "openai"
        input = 3.0                    # L only
        output = 12.0
        cache_read = 0.75
        min_cacheable_tokens = 1024
        # DISAGREE (batch): L batch cached input 0.50 is not half of 0.75 (input / output are); batch_multiplier 0.5.

        [[model]]
        id = "ft:gpt-4.1-mini-2025-04-14"
        provider = "openai"
        input = 0.80                   # L only
        output = 3.20
        cache_read = 0.20
        min_cacheable_tokens = 1024

        [[model]]
        id = "ft:gpt-4.1-nano-2025-04-14"
        provider = "openai"
        input = 0.20                   # L only
        output = 0.80
        cache_read = 0.05
        min_cacheable_tokens = 1024

        [[model]]
        id = "ft:o4-mini-2025-04-16"
        provider = "openai"
        input = 4.0                    # L only
        output = 16.0
        cache_read = 1.0
        min_cacheable_tokens = 1024

        """#
}
