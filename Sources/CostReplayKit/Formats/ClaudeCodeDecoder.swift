/// Decodes Claude Code transcripts (`~/.claude/projects/<project>/<session>.jsonl`, subagent files
/// included; SPEC §3.6 claude-code). Each assistant entry with `message.usage` becomes one *entry
/// record*; `ClaudeCodeGrouper` merges the entries of one API call (same `message.id` and
/// `requestId`) in file order into the call.
struct ClaudeCodeDecoder: LogDecoder {
    /// The project folder's name, the team when an entry has no `cwd`.
    let projectFolder: String?

    init(pathKey: String) { projectFolder = Self.projectFolder(of: pathKey) }

    mutating func decode(_ tape: JSONTape, context: DecodeContext, into output: inout DecodeOutput) throws(DecodeFailure) {
        let root = tape.root
        guard tape.string(root, "type") == "assistant", let message = FormatFields.object(tape, root, "message") else { return }
        let model = FormatFields.string(tape, message, "model")
        let apiError = tape.value(root, "isApiErrorMessage").flatMap { tape.bool($0) } ?? false
        if model == "<synthetic>" || apiError {
            output.nonCalls[.synthetic, default: 0] += 1
            return
        }
        // Assistant entries without usage are not API calls (nothing to price or group).
        guard let usageIndex = tape.value(message, "usage"), !tape.isNull(usageIndex) else { return }
        guard let timeIndex = tape.value(root, "timestamp"), !tape.isNull(timeIndex) else {
            throw DecodeFailure(.missingTimestamp, "no timestamp")
        }
        let time = try FormatFields.timestamp(tape, timeIndex, key: "timestamp")
        guard let model else { throw DecodeFailure(.missingModel, "no message.model") }
        let id: String
        if let messageID = FormatFields.string(tape, message, "id") {
            id = messageID + ":" + (FormatFields.string(tape, root, "requestId") ?? "")
        } else {
            id = "\(context.pathKey):\(context.line)"
        }
        var call = CallRecord(
            id: id, origin: RecordOrigin(fileIndex: context.fileIndex, line: context.line), start: time, end: time,
            model: model)
        call.bodyShape = .anthropic
        call.usage = try UsageReader.read(tape, usageIndex, shape: .anthropic)
        call.serviceTier = ServiceTier(logged: FormatFields.string(tape, usageIndex, "service_tier"))
        call.stopReason = FormatFields.string(tape, message, "stop_reason")?.lowercased()
        call.session = FormatFields.string(tape, root, "sessionId")
        call.team = FormatFields.string(tape, root, "cwd").flatMap(Self.basename) ?? projectFolder
        call.sidechain = tape.value(root, "isSidechain").flatMap { tape.bool($0) } ?? false
        var facts = BodyFacts()
        facts.toolCalls = BodyFactsReader.toolCalls(tape, message, shape: .anthropic)
        call.body = facts
        output.records.append(call)
    }

    /// The last non-empty component of a POSIX or Windows path.
    static func basename(_ path: String) -> String? {
        path.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init)
    }

    /// The folder under `projects/` (`~/.claude/projects/<project>/…`), else the transcript's own
    /// folder (above `<session>/subagents/` for a subagent file).
    static func projectFolder(of pathKey: String) -> String? {
        let components = pathKey.split(separator: "/").map(String.init)
        if let projects = components.lastIndex(of: "projects"), projects + 2 < components.count {
            return components[projects + 1]
        }
        var folders = components.dropLast()
        if folders.last == "subagents" { folders = folders.dropLast(2) }
        return folders.last
    }
}

/// Merges Claude Code entry records of one file into calls (SPEC §3.6): the entries of a call share
/// `message.id` + `requestId`. Usage is the entry with the largest token total (ties: the
/// non-sidechain one, then the first); start and end span the entries; tool calls are every
/// entry's `tool_use` blocks in file order, deduplicated by signature.
///
/// A streamed call writes its entries within seconds, so a call is complete once the file has
/// moved `closeAfter` past its last entry (or at the end of the file); memory holds only the calls
/// still streaming. Completed calls are handed on in order of their first entry.
struct ClaudeCodeGrouper {
    struct Group {
        var call: CallRecord
        var bestTotal: Int64
        var bestSidechain: Bool
        var lastSeen: Timestamp
        var signatures: Set<String>
        var lastStopReason: String?
    }

    /// How far past a call's last entry the file must move before the call is complete.
    let closeAfterMicros: Int64
    /// At most this many calls are kept open; the oldest is completed beyond it.
    let maxOpen: Int
    private var open: [String: Group] = [:]
    private var latest = Timestamp(micros: .min)

    init(closeAfterMicros: Int64 = 5 * 60 * 1_000_000, maxOpen: Int = 4096) {
        self.closeAfterMicros = closeAfterMicros
        self.maxOpen = maxOpen
    }

    /// Adds entry records (in file order); returns the calls completed by them.
    mutating func add(_ entries: [CallRecord]) -> [CallRecord] {
        var completed: [CallRecord] = []
        for entry in entries {
            merge(entry)
            if entry.start > latest {
                latest = entry.start
                closeStale(into: &completed)
            }
            if open.count > maxOpen, let oldest = open.values.min(by: { $0.call.origin < $1.call.origin }) {
                completed.append(finished(open.removeValue(forKey: oldest.call.id)!))
            }
        }
        return completed.sorted { $0.origin < $1.origin }
    }

    /// Every call still open (at the end of the file).
    mutating func flush() -> [CallRecord] {
        let remaining = open.values.map { finished($0) }.sorted { $0.origin < $1.origin }
        open = [:]
        return remaining
    }

    private mutating func closeStale(into completed: inout [CallRecord]) {
        guard !open.isEmpty else { return }
        let limit = latest.micros - closeAfterMicros
        for (id, group) in open where group.lastSeen.micros < limit {
            completed.append(finished(group))
            open.removeValue(forKey: id)
        }
    }

    private mutating func merge(_ entry: CallRecord) {
        let total = entry.usage?.totalTokens ?? 0
        let tools = entry.body?.toolCalls ?? []
        guard var group = open[entry.id] else {
            var call = entry
            var signatures = Set<String>()
            var unique: [ToolCall] = []
            for tool in tools where signatures.insert(tool.signature).inserted { unique.append(tool) }
            call.body?.toolCalls = unique
            open[entry.id] = Group(
                call: call, bestTotal: total, bestSidechain: entry.sidechain, lastSeen: entry.start, signatures: signatures,
                lastStopReason: entry.stopReason)
            return
        }
        var toolCalls = group.call.body?.toolCalls ?? []
        for tool in tools where group.signatures.insert(tool.signature).inserted { toolCalls.append(tool) }
        if total > group.bestTotal || (total == group.bestTotal && group.bestSidechain && !entry.sidechain) {
            // The entry with the final counts: its fields, the group's place and span.
            let origin = group.call.origin
            let start = group.call.start
            let end = group.call.end
            group.call = entry
            group.call.origin = origin
            group.call.start = start
            group.call.end = end
            group.bestTotal = total
            group.bestSidechain = entry.sidechain
        }
        if group.call.body == nil { group.call.body = BodyFacts() }
        group.call.body!.toolCalls = toolCalls
        group.call.start = min(group.call.start, entry.start)
        group.call.end = max(group.call.end, entry.end)
        if entry.start > group.lastSeen { group.lastSeen = entry.start }
        if let reason = entry.stopReason { group.lastStopReason = reason }
        open[entry.id] = group
    }

    private func finished(_ group: Group) -> CallRecord {
        var call = group.call
        if call.stopReason == nil { call.stopReason = group.lastStopReason }
        return call
    }
}
