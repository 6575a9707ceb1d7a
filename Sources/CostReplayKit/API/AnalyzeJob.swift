/// `costreplay analyze` as a library call: replay the inputs, write every report atomically.
public struct AnalyzeJob {
    public var inputs: [InputFile]
    public var options: AnalysisOptions
    public var policies: PolicySet
    public var outputDirectory: String
    public var timezone: String
    /// The command line as the user would retype it (recorded in the report).
    public var command: String
    /// Progress callback (raw bytes read, calls).
    public var progress: ((Int64, Int64) -> Void)?
    /// Told about every temporary report file, for an interrupt handler (see `InterruptGuard`).
    public var interruptGuard: InterruptGuard?

    public init(
        inputs: [InputFile], options: AnalysisOptions, policies: PolicySet, outputDirectory: String, timezone: String,
        command: String
    ) {
        self.inputs = inputs
        self.options = options
        self.policies = policies
        self.outputDirectory = outputDirectory
        self.timezone = timezone
        self.command = command
    }

    /// Runs the analysis. Throws for unreadable inputs and unwritable outputs; damaged gzip input
    /// is reported in the result (and the caller exits 1).
    public func run() throws -> AnalysisResult {
        // Policy errors stop the run before any output is written.
        try policies.validateModels(in: options.priceBook)
        guard let clock = ZoneClock(identifier: timezone) else {
            throw ConfigError(file: "--timezone", keyPath: "", message: "unknown time zone \"\(timezone)\"")
        }
        let directory = try ReportDirectory(path: outputDirectory)
        directory.interruptGuard = interruptGuard
        do {
            let ledger = try CallLedgerWriter(writer: try directory.create("calls.csv"))
            let focusExport =
                try options.exportFocus ? FocusExportWriter(writer: try directory.create(Self.focusExportFile)) : nil
            var spend = SpendAggregator(clock: clock)
            var options = self.options
            options.sessionGapMicros = policies.sessionGapMicros
            options.promptKeys =
                options.forcePromptKeys || policies.retry != nil || policies.responseCache != nil
                || policies.prefixCache != nil
            options.keepSystemText = policies.routes.contains { $0.rules.contains { $0.systemContains != nil } }
            let replayer = Replayer(options: options)
            replayer.progress = progress
            // With more than one job, the scenarios other than `combined` run on their own threads.
            let engine = ReplayEngine(
                policySet: policies, priceBook: options.priceBook, lanes: options.jobs > 1 ? max(1, options.jobs - 1) : 0,
                focus: options.focus)
            var focus = options.focus.map(FocusAggregator.init(target:))
            var sizers = Self.sizingBudgets(policies, timezone: timezone).compactMap { config in
                ZoneClock(identifier: config.timezone).map { BudgetSizer(config: config, clock: $0) }
            }
            var userHours = UserSpendByHour()
            let record = { (context: CallContext, outcome: CallOutcome) throws in
                try ledger.append(context.call, task: context.task, outcome: outcome)
                try focusExport?.append(context.call, costCenter: context.record.costCenter)
                spend.add(context, outcome: outcome)
                if focus != nil { focus!.add(context, outcome: outcome) }
                for index in sizers.indices { sizers[index].add(context) }
                userHours.add(context)
            }
            let inputs = try replayer.run(self.inputs) { call in try engine.push(call, emit: record) }
            try engine.finish(emit: record)
            try ledger.close()
            try focusExport?.close()
            var result = AnalysisResult(
                inputs: inputs, spend: spend, priceBook: options.priceBook, timezone: timezone,
                command: command)
            result.replay = engine.outcome()
            result.period = options.period
            result.attributionSource = options.attribution?.source
            result.focus = focus
            result.focusExported = focusExport != nil
            result.budgetSizing = sizers
            result.userHours = userHours
            try directory.write("daily.csv", SpendCSVWriter.daily(spend))
            try directory.write("users.csv", SpendCSVWriter.groups(keyColumn: "user", spend.byUser))
            try directory.write("teams.csv", SpendCSVWriter.groups(keyColumn: "team", spend.byTeam))
            try directory.write("models.csv", SpendCSVWriter.groups(keyColumn: "model", spend.byModel))
            try directory.write("sessions.csv", SpendCSVWriter.groups(keyColumn: "session", spend.bySession))
            try directory.write("cost_centers.csv", SpendCSVWriter.groups(keyColumn: "cost_center", spend.byCostCenter))
            try directory.write(BudgetSizingSection.file, BudgetSizingSection.csv(result))
            if let focus { try directory.write(PostMortemSection.minutesFile, FocusCSVWriter.minutes(focus)) }
            try directory.write("savings.csv", PolicyCSVWriter.savings(result))
            try directory.write("incidents.csv", PolicyCSVWriter.incidents(result))
            try directory.write("summary.json", SummaryJSONWriter.render(result))
            for chart in ReportCharts.render(result) { try directory.write(chart.name, chart.svg) }
            try directory.write("report.md", MarkdownReportWriter.render(result))
            try directory.commit(removingUnwritten: [
                PostMortemSection.minutesFile, PostMortemSection.chartFile, ReportCharts.waterfallFile,
            ])
            return result
        } catch {
            directory.abort()
            throw error
        }
    }

    /// The FOCUS 1.2 export.
    public static let focusExportFile = "focus.csv"

    /// The budgets to size: every budget policy with a cost limit or none, else a user-per-day
    /// budget in the report's zone so finance always sees the distribution.
    static func sizingBudgets(_ policies: PolicySet, timezone: String) -> [BudgetConfig] {
        if !policies.budgets.isEmpty { return policies.budgets }
        return [
            BudgetConfig(
                identity: PolicyIdentity(name: "user per day", kind: .budget, combined: false), scope: .user,
                period: .days(1), timezone: timezone)
        ]
    }
}
