/// What reading one input file found (for the Data quality section and `validate`).
public struct FileStats: Sendable {
    public var pathKey: String
    /// Detected (or forced) format; nil when no line parsed as an object.
    public var format: LogFormat?
    public var compressed: Bool = false
    /// Physical lines, blank and malformed included.
    public var lines: Int64 = 0
    public var blankLines: Int64 = 0
    /// Call records decoded (before duplicates are removed across files).
    public var records: Int64 = 0
    public var malformed: [MalformedReason: Int64] = [:]
    /// Call records without a request body (no prompt units or request keys; §3.3).
    public var recordsWithoutRequestBody: Int64 = 0
    /// Entries that are neither calls nor malformed: synthetic, batch errors, cache hits (§3.6).
    public var nonCalls: [NonCallKind: Int64] = [:]
    /// Lines of a recognised format this version cannot decode yet (see `LogFormat.isSupported`).
    public var unsupportedLines: Int64 = 0
    /// Records more than the lateness allowance earlier than a start read before them.
    public var late: Int64 = 0
    /// Damage in a compressed stream (everything before it was used).
    public var damage: InputDamage?
    /// Bytes after the decompressed data's last newline that the damage cut off.
    public var droppedPartialLine: Bool = false
    /// Uncompressed bytes read.
    public var bytes: Int64 = 0
    /// Raw (possibly compressed) bytes of the file.
    public var rawBytes: Int64 = 0

    public init(pathKey: String) { self.pathKey = pathKey }

    public var malformedTotal: Int64 { malformed.values.reduce(0, +) }
}
