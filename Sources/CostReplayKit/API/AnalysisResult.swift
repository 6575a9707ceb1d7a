/// Everything a finished analysis knows, for the report writers.
public struct AnalysisResult {
    public var inputs: InputSummary
    public var spend: SpendAggregator
    public var priceBook: PriceBook
    public var timezone: String
    /// The command line that reproduces the run (for the Method section).
    public var command: String
    /// What the policy replay found (nil when replay was not run).
    public var replay: ReplayOutcome?
    /// `--period`: the month reported.
    public var period: ReportPeriod?
    /// `--attribution`: the file applied.
    public var attributionSource: String?
    /// Whether `focus.csv` was written.
    public var focusExported = false
    /// `--focus`: the focused calls (nil without a focus).
    public var focus: FocusAggregator?
    /// One per budget policy (or a user-per-day default when there is none).
    public var budgetSizing: [BudgetSizer] = []
    /// Users' spend by hour, for the cumulative-spend chart.
    public var userHours = UserSpendByHour()

    public init(inputs: InputSummary, spend: SpendAggregator, priceBook: PriceBook, timezone: String, command: String) {
        self.inputs = inputs
        self.spend = spend
        self.priceBook = priceBook
        self.timezone = timezone
        self.command = command
    }
}
