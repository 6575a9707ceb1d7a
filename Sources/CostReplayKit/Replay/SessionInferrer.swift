/// Assigns sessions to calls that have none (SPEC §6.4): per user, a new session starts when the
/// gap since that user's previous session-less call is strictly greater than the session gap.
struct SessionInferrer {
    let gapMicros: Int64
    private var lastByUser: [String: (lastStart: Int64, session: String)] = [:]

    init(gapMicros: Int64) { self.gapMicros = gapMicros }

    /// The session of `record`: its explicit one, an inferred one, or nil without a user.
    mutating func session(for record: CallRecord) -> (id: String, inferred: Bool)? {
        if let explicit = record.session { return (explicit, false) }
        guard let user = record.user else { return nil }
        let start = record.start.micros
        if var state = lastByUser[user], start &- state.lastStart <= gapMicros {
            state.lastStart = max(state.lastStart, start)
            lastByUser[user] = state
            return (state.session, true)
        }
        let session = "inferred:\(user):\(record.start.isoMillis)"
        lastByUser[user] = (start, session)
        return (session, true)
    }
}
