/// Options of `costreplay synth`.
///
/// The same options always produce the same bytes: every random choice comes from a generator
/// seeded with `seed`.
public struct SynthOptions: Sendable {
    /// Number of call lines to write, not counting the injected duplicate lines.
    public var calls: Int
    /// Seed of the deterministic random stream.
    public var seed: UInt64
    /// Epoch microseconds of 00:00 UTC of the first day.
    public var startMicros: Int64
    /// Number of days the calls are spread over.
    public var days: Int

    /// 2026-10-01T00:00:00Z in epoch microseconds.
    public static let defaultStartMicros: Int64 = 1_790_812_800_000_000

    public init(
        calls: Int = 10_000,
        seed: UInt64 = 1,
        startMicros: Int64 = SynthOptions.defaultStartMicros,
        days: Int = 7
    ) {
        self.calls = calls
        self.seed = seed
        self.startMicros = startMicros
        self.days = days
    }
}
