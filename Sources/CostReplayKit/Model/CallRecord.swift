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

    private final class Storage: @unchecked Sendable {
        var id: String
        var provider: String?
        var model: String
        var user: String?
        var team: String?
        var apiKey: String?
        var session: String?
        var task: String?
        var complexity: Int?
        var tags: [String: String]
        var status: Int?
        var succeeded: Bool
        var stopReason: String?
        var serviceTier: ServiceTier
        var usage: Usage?
        var bodyShape: BodyShape?
        var body: BodyFacts?
        var sidechain: Bool

        init(id: String, model: String) {
            self.id = id
            self.provider = nil
            self.model = model
            self.user = nil
            self.team = nil
            self.apiKey = nil
            self.session = nil
            self.task = nil
            self.complexity = nil
            self.tags = [:]
            self.status = nil
            self.succeeded = true
            self.stopReason = nil
            self.serviceTier = .standard
            self.usage = nil
            self.bodyShape = nil
            self.body = nil
            self.sidechain = false
        }

        init(copying other: Storage) {
            id = other.id
            provider = other.provider
            model = other.model
            user = other.user
            team = other.team
            apiKey = other.apiKey
            session = other.session
            task = other.task
            complexity = other.complexity
            tags = other.tags
            status = other.status
            succeeded = other.succeeded
            stopReason = other.stopReason
            serviceTier = other.serviceTier
            usage = other.usage
            bodyShape = other.bodyShape
            body = other.body
            sidechain = other.sidechain
        }
    }

    /// The box, copied first when another record shares it.
    private var uniqueStorage: Storage {
        mutating get {
            if !isKnownUniquelyReferenced(&storage) { storage = Storage(copying: storage) }
            return storage
        }
    }

    /// The call id (`PATHKEY:LINE` when the log has none).
    public var id: String {
        get { storage.id }
        set { uniqueStorage.id = newValue }
        _modify { yield &uniqueStorage.id }
    }
    /// Vendor label as logged, lower-cased.
    public var provider: String? {
        get { storage.provider }
        set { uniqueStorage.provider = newValue }
        _modify { yield &uniqueStorage.provider }
    }
    /// The model name as logged.
    public var model: String {
        get { storage.model }
        set { uniqueStorage.model = newValue }
        _modify { yield &uniqueStorage.model }
    }
    public var user: String? {
        get { storage.user }
        set { uniqueStorage.user = newValue }
        _modify { yield &uniqueStorage.user }
    }
    public var team: String? {
        get { storage.team }
        set { uniqueStorage.team = newValue }
        _modify { yield &uniqueStorage.team }
    }
    public var apiKey: String? {
        get { storage.apiKey }
        set { uniqueStorage.apiKey = newValue }
        _modify { yield &uniqueStorage.apiKey }
    }
    /// The explicit session id; inferred sessions are assigned during replay.
    public var session: String? {
        get { storage.session }
        set { uniqueStorage.session = newValue }
        _modify { yield &uniqueStorage.session }
    }
    /// Task hint from the log (§6.5).
    public var task: String? {
        get { storage.task }
        set { uniqueStorage.task = newValue }
        _modify { yield &uniqueStorage.task }
    }
    /// Complexity hint from the log (§6.5), clamped to 1...10 when used.
    public var complexity: Int? {
        get { storage.complexity }
        set { uniqueStorage.complexity = newValue }
        _modify { yield &uniqueStorage.complexity }
    }
    /// Free-form string tags.
    public var tags: [String: String] {
        get { storage.tags }
        set { uniqueStorage.tags = newValue }
        _modify { yield &uniqueStorage.tags }
    }
    /// HTTP status (200 when a response is present and no status was logged).
    public var status: Int? {
        get { storage.status }
        set { uniqueStorage.status = newValue }
        _modify { yield &uniqueStorage.status }
    }
    /// A response is present and status < 400.
    public var succeeded: Bool {
        get { storage.succeeded }
        set { uniqueStorage.succeeded = newValue }
        _modify { yield &uniqueStorage.succeeded }
    }
    /// Stop or finish reason, lower-cased.
    public var stopReason: String? {
        get { storage.stopReason }
        set { uniqueStorage.stopReason = newValue }
        _modify { yield &uniqueStorage.stopReason }
    }
    public var serviceTier: ServiceTier {
        get { storage.serviceTier }
        set { uniqueStorage.serviceTier = newValue }
        _modify { yield &uniqueStorage.serviceTier }
    }
    /// Token usage; nil for a failed call that reported none (it costs $0).
    public var usage: Usage? {
        get { storage.usage }
        set { uniqueStorage.usage = newValue }
        _modify { yield &uniqueStorage.usage }
    }
    /// The API shape of the bodies (decides the usage convention); nil for formats without bodies.
    public var bodyShape: BodyShape? {
        get { storage.bodyShape }
        set { uniqueStorage.bodyShape = newValue }
        _modify { yield &uniqueStorage.bodyShape }
    }
    /// Facts derived from the request and response bodies (§3.3); nil when the format has no bodies.
    public var body: BodyFacts? {
        get { storage.body }
        set { uniqueStorage.body = newValue }
        _modify { yield &uniqueStorage.body }
    }
    /// Claude Code: the entry came from a sidechain (subagent); breaks usage ties when entries of
    /// one call are merged (§3.6).
    public var sidechain: Bool {
        get { storage.sidechain }
        set { uniqueStorage.sidechain = newValue }
        _modify { yield &uniqueStorage.sidechain }
    }

    public init(id: String, origin: RecordOrigin, start: Timestamp, end: Timestamp, model: String) {
        self.origin = origin
        self.start = start
        self.end = end
        storage = Storage(id: id, model: model)
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
