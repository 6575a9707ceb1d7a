/// A call as the replay hands it to the scenarios and reports: the record, its session and its
/// baseline price.
public struct ReplayedCall: Sendable {
    public var record: CallRecord
    /// Explicit or inferred session (nil without session and user).
    public var session: String?
    public var sessionInferred: Bool
    /// The price-book id the logged model resolved to (nil when it resolves nowhere).
    public var pricedModel: String?
    /// The price entry in force at the call's start.
    public var priceEntry: PriceEntry?
    /// The logged usage (zero for a failed call without usage).
    public var usage: Usage
    /// Actual cost; nil when the call is unpriced.
    public var cost: Money?

    /// The vendor: the logged label, else the API family of the body shape (`anthropic`, `openai`).
    public var provider: String? { record.provider ?? record.bodyShape?.vendor }

    /// Unpriced: the call has usage but no price applies (never a failed call without usage).
    public var isUnpriced: Bool { cost == nil }
}
