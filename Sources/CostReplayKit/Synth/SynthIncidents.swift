/// What the generator injected, counted as the lines are written; becomes
/// `SynthSummary.incidents` (whose documentation lists the keys).
struct SynthIncidents {
    var runawaySession: String?
    var runawayRepeats = 0
    var runawayTool = ""
    var budgetUser: String?
    var budgetDay = ""
    var budgetSessions: [String] = []
    var budgetCostUSD = 0.0
    var resentIdentical = 0
    var resentExample: String?
    var maxTokensRetries = 0
    var maxTokensRetrySession: String?
    var errors429 = 0
    var errors529 = 0
    var errorsRetried = 0
    var unpricedCalls = 0
    var duplicateLines = 0

    func summary() -> [String: String] {
        var out: [String: String] = [:]
        if let runawaySession {
            out["runaway_session"] = runawaySession
            out["runaway_repeats"] = String(runawayRepeats)
            out["runaway_tool"] = runawayTool
        }
        if let budgetUser {
            out["budget_user"] = budgetUser
            out["budget_day"] = budgetDay
            out["budget_sessions"] = budgetSessions.joined(separator: ",")
            out["budget_estimated_usd"] = SynthIncidents.dollars(budgetCostUSD)
        }
        if resentIdentical > 0 {
            out["resent_identical"] = String(resentIdentical)
            out["resent_identical_example"] = resentExample
        }
        if maxTokensRetries > 0 {
            out["max_tokens_retries"] = String(maxTokensRetries)
            out["max_tokens_retry_example"] = maxTokensRetrySession
        }
        if errors429 > 0 { out["errors_429"] = String(errors429) }
        if errors529 > 0 { out["errors_529"] = String(errors529) }
        if errorsRetried > 0 { out["errors_retried"] = String(errorsRetried) }
        if unpricedCalls > 0 {
            out["unpriced_model"] = SynthModel.unpriced.name
            out["unpriced_calls"] = String(unpricedCalls)
        }
        if duplicateLines > 0 { out["duplicate_lines"] = String(duplicateLines) }
        return out
    }

    /// `123.45`, rounded to cents without Foundation's formatter.
    static func dollars(_ value: Double) -> String {
        let cents = Int((value * 100).rounded())
        let frac = cents % 100
        return "\(cents / 100).\(frac < 10 ? "0" : "")\(frac)"
    }
}
