/// What the inputs contained, for `summary.json` `inputs` and the Data quality section.
public struct InputSummary: Sendable {
    public var files: [FileStats] = []
    /// Unique calls replayed.
    public var calls: Int64 = 0
    public var duplicates: Int64 = 0
    /// Calls outside `--since`/`--until`/`--period`.
    public var outsidePeriod: Int64 = 0
    /// Replayed calls an `--attribution` row matched.
    public var attributedCalls: Int64 = 0
    /// Baseline spend of the month before `--period`, when the inputs hold calls of it.
    public var previousPeriod: PeriodTotals?
    /// The first skipped lines, for the report (at most `malformedExampleLimit`).
    public var malformedExamples: [MalformedRecord] = []
    public var unpricedCalls: Int64 = 0
    /// Unpriced models: logged name → calls and tokens.
    public var unpricedModels: [String: UnpricedModelStats] = [:]
    public var firstStart: Timestamp?
    public var lastStart: Timestamp?

    public static let malformedExampleLimit = 20

    public init() {}

    public var lines: Int64 { files.reduce(0) { $0 + $1.lines } }
    public var late: Int64 { files.reduce(0) { $0 + $1.late } }
    public var malformedTotal: Int64 { files.reduce(0) { $0 + $1.malformedTotal } }
    public var malformedByReason: [MalformedReason: Int64] {
        var result: [MalformedReason: Int64] = [:]
        for file in files { for (reason, count) in file.malformed { result[reason, default: 0] += count } }
        return result
    }
    /// Non-call entries (synthetic, batch errors, cache hits) over all files.
    public var nonCalls: [NonCallKind: Int64] {
        var result: [NonCallKind: Int64] = [:]
        for file in files { for (kind, count) in file.nonCalls { result[kind, default: 0] += count } }
        return result
    }
    /// Files whose compressed stream was damaged.
    public var damagedFiles: [FileStats] { files.filter { $0.damage != nil } }
}

/// Calls and tokens of one model that has no price.
public struct UnpricedModelStats: Sendable, Equatable {
    public var calls: Int64 = 0
    public var inputTokens: Int64 = 0
    public var outputTokens: Int64 = 0
    public init() {}
}
