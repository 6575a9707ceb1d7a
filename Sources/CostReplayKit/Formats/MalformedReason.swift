/// Why a line was skipped (SPEC §3.5). The raw value is what reports print.
public enum MalformedReason: String, CaseIterable, Sendable, Comparable {
    case invalidJSON = "invalid-json"
    case tooDeep = "too-deep"
    case notAnObject = "not-an-object"
    case missingTimestamp = "missing-timestamp"
    case badTimestamp = "bad-timestamp"
    case missingModel = "missing-model"
    case missingUsage = "missing-usage"
    case badUsage = "bad-usage"
    case lineTooLong = "line-too-long"
    case missingID = "missing-id"
    case notAnExport = "not-an-export"

    public static func < (a: MalformedReason, b: MalformedReason) -> Bool { a.rawValue < b.rawValue }
}

/// A skipped line, with enough context for a `path:line: message` diagnostic.
public struct MalformedRecord: Sendable, Equatable {
    public var reason: MalformedReason
    public var pathKey: String
    public var line: Int64
    /// A short explanation (which key, what was wrong).
    public var detail: String

    public init(reason: MalformedReason, pathKey: String, line: Int64, detail: String) {
        self.reason = reason
        self.pathKey = pathKey
        self.line = line
        self.detail = detail
    }
}

/// The outcome of decoding one record that did not become a call.
public struct DecodeFailure: Error, Sendable {
    public var reason: MalformedReason
    public var detail: String

    public init(_ reason: MalformedReason, _ detail: String) {
        self.reason = reason
        self.detail = detail
    }
}
