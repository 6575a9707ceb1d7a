/// The generator's own deterministic random stream: xoshiro256** seeded through splitmix64.
///
/// Swift's `SystemRandomNumberGenerator` is unseedable and the standard library's
/// `random(in:using:)` algorithms may change between toolchains, so every draw the generator makes
/// goes through the methods here: the same seed gives the same bytes on every platform and release.
struct SynthRandom {
    private var s0: UInt64
    private var s1: UInt64
    private var s2: UInt64
    private var s3: UInt64

    init(seed: UInt64) {
        var sm = seed
        s0 = SynthRandom.splitmix(&sm)
        s1 = SynthRandom.splitmix(&sm)
        s2 = SynthRandom.splitmix(&sm)
        s3 = SynthRandom.splitmix(&sm)
    }

    private static func splitmix(_ state: inout UInt64) -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    private static func rotl(_ x: UInt64, _ k: UInt64) -> UInt64 {
        (x << k) | (x >> (64 &- k))
    }

    mutating func next() -> UInt64 {
        let result = SynthRandom.rotl(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = SynthRandom.rotl(s3, 45)
        return result
    }

    /// An independent stream, so that what one activity draws never shifts another's choices.
    mutating func split() -> SynthRandom {
        SynthRandom(seed: next())
    }

    /// Uniform in 0..<n (n > 0); the multiply-high reduction's bias is far below anything visible.
    mutating func below(_ n: Int) -> Int {
        precondition(n > 0)
        return Int(next().multipliedFullWidth(by: UInt64(n)).high)
    }

    /// Uniform in lo...hi.
    mutating func int(_ lo: Int, _ hi: Int) -> Int {
        lo + below(hi - lo + 1)
    }

    /// Uniform in [0, 1).
    mutating func unit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    mutating func chance(_ p: Double) -> Bool {
        unit() < p
    }

    /// Exponentially distributed with the given mean.
    mutating func exponential(mean: Double) -> Double {
        -mean * naturalLog(1 - unit())
    }

    /// Log-uniform in [lo, hi]: many small values, a long tail, as sizes and delays are in practice.
    mutating func logUniform(_ lo: Double, _ hi: Double) -> Double {
        lo * pow2(log2Of(hi / lo) * unit())
    }

    mutating func logUniformInt(_ lo: Int, _ hi: Int) -> Int {
        Int(logUniform(Double(lo), Double(hi) + 1).rounded(.down))
    }

    mutating func pick<T>(_ values: [T]) -> T {
        values[below(values.count)]
    }

    /// Index drawn with the given weights (need not sum to 1).
    mutating func weighted(_ weights: [Double]) -> Int {
        var total = 0.0
        for w in weights { total += w }
        var x = unit() * total
        for (i, w) in weights.enumerated() {
            if x < w { return i }
            x -= w
        }
        return weights.count - 1
    }
}

/// ln(x) for x > 0 from IEEE arithmetic only: the C library's `log` may round differently from
/// one platform or libm version to the next, and one ulp of difference would change the bytes.
@inline(__always)
private func naturalLog(_ x: Double) -> Double {
    // Reduce x = m · 2^e with m in [1, 2), then ln(m) by the atanh series.
    let e = x.exponent
    let m = x.significand
    let y = (m - 1) / (m + 1)
    let y2 = y * y
    var term = y
    var sum = 0.0
    var k = 1.0
    while k < 40 {
        sum += term / k
        term *= y2
        k += 2
    }
    return 2 * sum + Double(e) * 0.693_147_180_559_945_3
}

@inline(__always)
private func log2Of(_ x: Double) -> Double { naturalLog(x) / 0.693_147_180_559_945_3 }

/// 2^x, platform-independent (see `naturalLog`).
@inline(__always)
private func pow2(_ x: Double) -> Double {
    let whole = x.rounded(.down)
    let frac = (x - whole) * 0.693_147_180_559_945_3
    // e^frac by its Taylor series; frac is in [0, ln 2).
    var term = 1.0
    var sum = 1.0
    var k = 1.0
    while k < 20 {
        term *= frac / k
        sum += term
        k += 1
    }
    return Double(sign: .plus, exponent: Int(whole), significand: sum)
}
