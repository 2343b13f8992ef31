/// A small, fast, seedable random number generator (SplitMix64) with one independent stream per
/// run: run `r` of seed `s` draws the same numbers however the runs are split across threads, so
/// the same seed always gives the same output.
public struct RandomStream: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// The stream of run `run` under `seed`.
    public init(seed: UInt64, run: UInt64) {
        state = Self.mix(seed &+ 0x9E37_79B9_7F4A_7C15 &* (run &+ 1))
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return Self.mix(state)
    }

    /// A uniform number in [0, 1) with 53 random bits.
    public mutating func uniform() -> Double {
        Double(next() >> 11) * 0x1p-53
    }

    private static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
