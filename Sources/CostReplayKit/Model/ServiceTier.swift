/// The processing tier a call was billed at (SPEC §3.2).
public enum ServiceTier: String, Hashable, Sendable, CaseIterable {
    case standard, batch, flex, priority

    /// Reads a logged tier name; `default` and `auto` mean standard; unknown names are standard too.
    public init(logged: String?) {
        switch logged?.lowercased() {
        case "batch": self = .batch
        case "flex": self = .flex
        case "priority": self = .priority
        default: self = .standard
        }
    }
}
