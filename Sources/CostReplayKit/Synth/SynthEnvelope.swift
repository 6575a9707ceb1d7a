/// The gateway's fields around a call (§3.2), written before `request`.
struct SynthEnvelope {
    var startMs: Int64
    var latencyMs: Int
    var user: String
    var team: String
    var apiKey: String
    var session: String?
    var task: String?
    var complexity: Int?
    var provider: String
    var status: Int = 200
    /// Top-level `service_tier`, only when not standard.
    var serviceTier: StaticString?
    var env: StaticString
    var app: StaticString

    /// Opens the line's object and writes every field up to the bodies.
    func writeHead(into w: inout SynthJSONWriter, callNumber: Int) {
        w.objectStart()
        // "s-0000001": fixed width keeps ids sortable like the lines they are on.
        w.key("id")
        w.plainString {
            synthAppend("s-", to: &$0)
            SynthJSONWriter.appendPadded(callNumber, width: 7, to: &$0)
        }
        w.key("ts")
        w.plainString { SynthTimestamp.append(ms: startMs, to: &$0) }
        w.key("latency_ms"); w.int(latencyMs)
        w.key("user"); w.string(user)
        w.key("team"); w.string(team)
        w.key("api_key"); w.string(apiKey)
        if let session { w.key("session"); w.string(session) }
        if let task { w.key("task"); w.string(task) }
        if let complexity { w.key("complexity"); w.int(complexity) }
        w.key("provider"); w.string(provider)
        w.key("status"); w.int(status)
        if let serviceTier { w.key("service_tier"); w.string(serviceTier) }
        w.key("tags"); w.objectStart()
        w.key("env"); w.string(env)
        w.key("app"); w.string(app)
        w.objectEnd()
    }
}
