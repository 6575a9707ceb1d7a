/// Settings of one analysis run that are not policies.
public struct AnalysisOptions: Sendable {
    public var priceBook: PriceBook
    /// `--format`: force one decoder for every file.
    public var forcedFormat: LogFormat?
    /// `--max-lateness` in microseconds (default 15 minutes).
    public var maxLatenessMicros: Int64 = 15 * 60 * 1_000_000
    /// Gap that starts a new inferred session (`loop.session_gap`, default 30 minutes).
    public var sessionGapMicros: Int64 = 30 * 60 * 1_000_000
    /// How far apart in start time two records with the same id are still duplicates.
    public var duplicateWindowMicros: Int64 = 6 * 3600 * 1_000_000
    /// Calls starting before this are excluded (and counted).
    public var since: Timestamp?
    /// Calls starting at or after this are excluded (and counted).
    public var until: Timestamp?

    /// `--period`: the month reported (its bounds are `since` and `until`).
    public var period: ReportPeriod?
    /// The month before `period`: its calls are priced for comparison, not replayed.
    public var comparisonRange: Range<Timestamp>?
    /// `--attribution`: team and cost center by user or API key, applied before anything groups.
    public var attribution: AttributionTable?

    /// Write `focus.csv` (with `--period`, or `--export-focus`): one FOCUS 1.2 row per call and
    /// token bucket, about three times the size of `calls.csv`.
    public var exportFocus = false
    /// `--focus`: the user, session or team of a post-mortem.
    public var focus: FocusTarget?

    /// Derive prompt-unit hashes and request keys while decoding: only the retry, response-cache
    /// and prefix-cache policies read them, and they are a sixth of the decoding work.
    public var promptKeys = true
    /// Keep `promptKeys` on even when no policy reads the keys (tests compare both ways).
    var forcePromptKeys = false

    /// Keep system prompt texts (a route rule tests `system_contains`).
    public var keepSystemText = false
    /// Decode worker threads (`--jobs`); 1 decodes on the reading thread.
    public var jobs: Int = 2

    public init(priceBook: PriceBook) { self.priceBook = priceBook }
}
