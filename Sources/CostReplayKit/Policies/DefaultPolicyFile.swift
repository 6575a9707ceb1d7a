/// The embedded default policy set (SPEC §6.10), as the file `costreplay policy init` writes.
/// It is parsed like any user file, so the defaults and the documented file cannot drift apart.
public enum DefaultPolicyFile {
    public static let text = #"""
        # costreplay policy file (SPEC §6.10). Without --policy, costreplay uses exactly this set.
        # Every table may carry `name` (unique) and `combined` (true: part of the combined scenario).
        # Each policy is also replayed alone (its isolated scenario); the combined policies are switched
        # on one after another in pipeline order for the savings waterfall.

        # Budget: a spending limit per user, team, api_key, session, global or tag:KEY. Repeatable.
        [[budget]]
        name = "user-daily"          # shown in reports and calls.csv cf_policy
        combined = true              # part of the combined scenario
        scope = "user"               # user | team | api_key | session | global | tag:KEY
        period = "day"               # hour | day | week | month | Nh | Nd | none
        window = "calendar"          # calendar (local wall clock) | rolling | from_first
        max_cost_usd = 100           # limit in USD; also max_tokens (all buckets) and max_requests
        estimate = "actual"          # what a check adds: actual | input | max_tokens
        on_exceed = "block"          # block | downgrade (needs downgrade_to) | alert
        on_block = "end_session"     # end_session (halt the session) | drop_call
        alerts = [0.5, 0.8, 1.0]     # fractions of a limit that raise an alert when crossed
        # timezone = "UTC"           # calendar windows; default --timezone

        # Loop detection: halts sessions that repeat themselves (the seed's LoopDetector, extended).
        [loop]
        name = "loop"                # shown in reports and calls.csv cf_policy
        combined = true              # part of the combined scenario
        session_gap = "30m"          # a user's session-less calls further apart start a new session
        max_tool_calls = 0           # halt after this many tool calls in a session (0 = off)
        repeat_window = 5            # look at the last N tool calls ...
        max_repeats = 3              # ... and halt when this many are similar to the new one
        similarity = 1.0             # 1.0 = identical input; below 1.0 = 3-gram Jaccard similarity
        alternating = 6              # halt on A,B,A,B,… of this length (0 = off, else at least 4)
        error_streak = 3             # halt after this many consecutive requests carrying tool errors
        max_requests = 0             # halt a session after this many requests (0 = off)
        max_session_cost_usd = 0     # halt a session whose cost would exceed this (0 = off)

        # Model selection: route each call to the cheapest adequate tier (the seed's ModelSelector).
        # Only a strictly cheaper choice is applied. One route may be combined; others are what-ifs.
        [[route]]
        name = "route"               # shown in reports and calls.csv cf_policy
        combined = true              # part of the combined scenario
        providers = ["anthropic"]    # only calls whose model has one of these providers are routed
        default_tier = "sonnet"      # the tier for tasks no tier lists

        [[route.tiers]]
        name = "haiku"               # tier name (default_tier refers to it)
        model = "claude-3-haiku-20240307"# the model this tier uses
        tasks = ["classification", "extraction", "simple_qa", "routing"]  # tasks routed to this tier
        max_complexity = 2           # highest complexity (1-10) this tier takes

        [[route.tiers]]
        name = "sonnet"              # tier name
        model = "claude-sonnet-4-20250514"# the model this tier uses
        tasks = ["coding", "analysis", "summarization", "tool_use"]  # tasks routed to this tier
        max_complexity = 7           # highest complexity this tier takes

        [[route.tiers]]
        name = "opus"                # tier name
        model = "claude-opus-4-20250514"# the model this tier uses
        tasks = ["research", "complex_reasoning", "creative", "multi_step"]  # tasks routed to this tier
        max_complexity = 10          # highest complexity this tier takes

        # [[route.rule]]             # assign a task to calls without a task hint (first match wins)
        # task = "classification"
        # has_tools = false
        # max_input_tokens = 1500    # also min_input_tokens, min_output_tokens, max_output_tokens
        # model = "gpt-4*"           # glob on the logged model; also user, team globs
        # system_contains = "concise"

        # Response cache: identical requests answered from a cache (the seed's PromptCache).
        [response_cache]
        name = "response_cache"      # shown in reports and calls.csv cf_policy
        combined = true              # part of the combined scenario
        ttl_seconds = 300            # an entry lives this long after the call that stored it ended
        scope = "user"               # user | api_key | global

        # Retry waste: truncated or failed calls re-sent right after.
        [retry]
        name = "retry"               # shown in reports and calls.csv cf_policy
        combined = true              # part of the combined scenario
        window_seconds = 120         # the re-send must start within this many seconds of the end

        # Provider prompt caching on calls that did not use it.
        [prefix_cache]
        name = "prefix_cache"        # shown in reports and calls.csv cf_policy
        combined = true              # part of the combined scenario
        ttl = "5m"                   # 5m | 1h (the write price follows)
        providers = ["anthropic"]    # provider of the model after routing
        scope = "api_key"            # api_key | user | global
        min_tokens = 0               # 0 = the model's min_cacheable_tokens

        # Also available, off by default:
        # [compaction]
        # max_input_tokens = 60000   # input above this is trimmed from the uncached input
        # [output_cap]
        # max_output_tokens = 800    # output above this is billed at the cap
        # tasks = ["classification"] # optional task globs
        # [batch]                    # matching calls billed at the batch rate
        # tasks = ["extraction"]     # also users, teams (globs) and tags = { env = ["prod"] }
        """#
}
