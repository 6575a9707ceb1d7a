/// `--focus user:U | session:S | team:T`: the calls a post-mortem looks at.
public struct FocusTarget: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        case user, session, team
    }

    public var kind: Kind
    public var value: String

    public init(kind: Kind, value: String) {
        self.kind = kind
        self.value = value
    }

    /// Parses `KIND:VALUE`; the value is everything after the first colon (session ids may hold colons).
    public init?(text: String) {
        guard let colon = text.firstIndex(of: ":"), let kind = Kind(rawValue: String(text[..<colon])) else { return nil }
        let value = String(text[text.index(after: colon)...])
        guard !value.isEmpty else { return nil }
        self.init(kind: kind, value: value)
    }

    /// Whether a call belongs to the focus (its session explicit or inferred, its team after attribution).
    public func matches(_ call: ReplayedCall) -> Bool {
        switch kind {
        case .user: return call.record.user == value
        case .session: return call.session == value
        case .team: return call.record.team == value
        }
    }

    /// `user sybil`.
    public var label: String { kind.rawValue + " " + value }
}
