/// The precision at which DTI values are published (4 decimals), used both for display and for ties.
///
/// Ranking and display share one rounding so that two values that print the same always share a
/// rank, and two that share a rank always print the same. Values are stored and computed at full
/// precision; only this type rounds.
public enum PublishedPrecision {
    /// Decimals shown and compared.
    public static let decimals = 4
    private static let scale = 10_000.0

    /// The value in units of 0.0001, rounded half away from zero: the comparison key for ranking.
    public static func key(_ value: Double) -> Int64 {
        Int64((value * scale).rounded(.toNearestOrAwayFromZero))
    }

    /// The value with exactly four decimals, e.g. `0.8002`, or `0,8002` with a comma separator.
    ///
    /// Formatting is done on the integer key, not by a locale-dependent formatter, so output is the
    /// same on every machine.
    public static func format(_ value: Double, decimalSeparator: Character = ".") -> String {
        guard value.isFinite else { return value.isNaN ? "NaN" : (value > 0 ? "∞" : "-∞") }
        let scaled = key(value)
        let sign = scaled < 0 ? "-" : ""
        let magnitude = scaled.magnitude
        let whole = magnitude / 10_000
        let fraction = String(magnitude % 10_000)
        let padded = String(repeating: "0", count: decimals - fraction.count) + fraction
        return "\(sign)\(whole)\(decimalSeparator)\(padded)"
    }
}
