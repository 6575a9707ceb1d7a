/// One API call, normalized from whichever log format it came from (SPEC §4).
///
/// Everything the pricing, the policies and the reports need is extracted once, when the line is
/// decoded, so the replay never looks at the raw bytes again.
public struct CallRecord: Sendable {
    // The text fields live in one shared, copy-on-write box: a record is copied several times on
    // its way from the decoder through the reorder buffers to the replay, and copying a dozen
    // strings, a dictionary and the body facts cost a dozen atomic reference-count operations each
    // time. Now a copy costs one; writes copy the box only while it is shared. The fields the
    // replay order compares stay inline.
    /// Where it came from, for replay order ties and messages.
    public var origin: RecordOrigin
    /// When the call started.
    public var start: Timestamp
    /// When the call ended (`start` when unknown).
    public var end: Timestamp
    private var storage: Storage

    /// The boxed fields, with the values a new record starts from.
    private struct Fields {
        var id: String
        var provider: String? = nil
        var model: String
        var user: String? = nil
        var team: String? = nil
        var apiKey: String? = nil
        var session: String? = nil
        var task: String? = nil
        var complexity: Int? = nil
        var tags: [String: String] = [:]
        var status: Int? = nil
        var succeeded: Bool = true
        var stopReason: String? = nil
        var serviceTier: ServiceTier = .standard
        var usage: Usage? = nil
        var bodyShape: BodyShape? = nil
        var body: BodyFacts? = nil
        var sidechain: Bool = false
    }

    private final class Storage: @unchecked Sendable {
        var fields: Fields
        init(_ fields: Fields) { self.fields = fields }
    }

    /// The box, copied first when another record shares it.
    private var uniqueStorage: Storage {
        mutating get {
            if !isKnownUniquelyReferenced(&storage) { storage = Storage(storage.fields) }
            return storage
        }
    }

    /// The call id (`PATHKEY:LINE` when the log has none).
    public var id: String {
        get { storage.fields.id }
        _modify { yield &uniqueStorage.fields.id }
    }
    /// Vendor label as logged, lower-cased.
    public var provider: String? {
        get { storage.fields.provider }
        _modify { yield &uniqueStorage.fields.provider }
    }
    /// The model name as logged.
    public var model: String {
        get { storage.fields.model }
        _modify { yield &uniqueStorage.fields.model }
    }
    public var user: String? {
        get { storage.fields.user }
        _modify { yield &uniqueStorage.fields.user }
    }
    public var team: String? {
        get { storage.fields.team }
        _modify { yield &uniqueStorage.fields.team }
    }
    public var apiKey: String? {
        get { storage.fields.apiKey }
        _modify { yield &uniqueStorage.fields.apiKey }
    }
    /// The explicit session id; inferred sessions are assigned during replay.
    public var session: String? {
        get { storage.fields.session }
        _modify { yield &uniqueStorage.fields.session }
    }
    /// Task hint from the log (§6.5).
    public var task: String? {
        get { storage.fields.task }
        _modify { yield &uniqueStorage.fields.task }
    }
    /// Complexity hint from the log (§6.5), clamped to 1...10 when used.
    public var complexity: Int? {
        get { storage.fields.complexity }
        _modify { yield &uniqueStorage.fields.complexity }
    }
    /// Free-form string tags.
    public var tags: [String: String] {
        get { storage.fields.tags }
        _modify { yield &uniqueStorage.fields.tags }
    }
    /// HTTP status (200 when a response is present and no status was logged).
    public var status: Int? {
        get { storage.fields.status }
        _modify { yield &uniqueStorage.fields.status }
    }
    /// A response is present and status < 400.
    public var succeeded: Bool {
        get { storage.fields.succeeded }
        _modify { yield &uniqueStorage.fields.succeeded }
    }
    /// Stop or finish reason, lower-cased.
    public var stopReason: String? {
        get { storage.fields.stopReason }
        _modify { yield &uniqueStorage.fields.stopReason }
    }
    public var serviceTier: ServiceTier {
        get { storage.fields.serviceTier }
        _modify { yield &uniqueStorage.fields.serviceTier }
    }
    /// Token usage; nil for a failed call that reported none (it costs $0).
    public var usage: Usage? {
        get { storage.fields.usage }
        _modify { yield &uniqueStorage.fields.usage }
    }
    /// The API shape of the bodies (decides the usage convention); nil for formats without bodies.
    public var bodyShape: BodyShape? {
        get { storage.fields.bodyShape }
        _modify { yield &uniqueStorage.fields.bodyShape }
    }
    /// Facts derived from the request and response bodies (§3.3); nil when the format has no bodies.
    public var body: BodyFacts? {
        get { storage.fields.body }
        _modify { yield &uniqueStorage.fields.body }
    }
    /// Claude Code: the entry came from a sidechain (subagent); breaks usage ties when entries of
    /// one call are merged (§3.6).
    public var sidechain: Bool {
        get { storage.fields.sidechain }
        _modify { yield &uniqueStorage.fields.sidechain }
    }

    public init(id: String, origin: RecordOrigin, start: Timestamp, end: Timestamp, model: String) {
        self.origin = origin
        self.start = start
        self.end = end
        storage = Storage(Fields(id: id, model: model))
    }
}

/// The position of a record in the inputs: file (by path-key order), line, and position within
/// the line (formats with several calls per line).
public struct RecordOrigin: Hashable, Comparable, Sendable {
    /// Index of the file in path-key order.
    public var fileIndex: Int32
    /// 1-based physical line number.
    public var line: Int64
    /// Position of the call within its line (0 for one-call-per-line formats).
    public var position: Int32

    public init(fileIndex: Int32, line: Int64, position: Int32 = 0) {
        self.fileIndex = fileIndex
        self.line = line
        self.position = position
    }

    public static func < (a: RecordOrigin, b: RecordOrigin) -> Bool {
        if a.fileIndex != b.fileIndex { return a.fileIndex < b.fileIndex }
        if a.line != b.line { return a.line < b.line }
        return a.position < b.position
    }
}

/// What the request and response bodies tell the policies (SPEC §3.3, §4).
public struct BodyFacts: Sendable {
    /// Tool calls the response made, in order.
    public var toolCalls: [ToolCall]
    /// `tool_result` blocks with `is_error` in the request's last message.
    public var toolErrors: Int
    /// Number of tools the request offered.
    public var toolsOffered: Int
    /// Number of prompt units after unit 0 (the request's messages).
    public var messageCount: Int
    /// The request's output limit, if it set one.
    public var maxTokens: Int64?
    /// The system prompt's text (for route rules' `system_contains`).
    public var systemText: String?
    /// Prompt units: prefix hash and canonical byte length of each (§3.3); empty without messages.
    public var promptUnits: [PromptUnit]
    /// Hash of the canonical request without transport-only keys.
    public var requestKey: UInt64?
    /// The request key also ignoring output limits and temperature.
    public var retryKey: UInt64?

    public init() {
        toolCalls = []
        toolErrors = 0
        toolsOffered = 0
        messageCount = 0
        maxTokens = nil
        systemText = nil
        promptUnits = []
        requestKey = nil
        retryKey = nil
    }
}

/// One tool call of a response.
public struct ToolCall: Hashable, Sendable {
    /// The tool's name.
    public var name: String
    /// RFC 8785 canonical JSON of the tool input.
    public var canonicalInput: String

    public init(name: String, canonicalInput: String) {
        self.name = name
        self.canonicalInput = canonicalInput
    }

    /// `name` + newline + canonical input (§3.3).
    public var signature: String { name + "\n" + canonicalInput }
}

/// One prompt unit: the hash of the prefix ending with it and its canonical length in bytes.
public struct PromptUnit: Hashable, Sendable {
    public var prefixHash: UInt64
    public var bytes: Int

    public init(prefixHash: UInt64, bytes: Int) {
        self.prefixHash = prefixHash
        self.bytes = bytes
    }
}
