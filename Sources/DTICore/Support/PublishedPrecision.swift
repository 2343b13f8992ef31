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
        format(value, decimals: decimals, decimalSeparator: decimalSeparator)
    }

    /// The value rounded half away from zero to `decimals` places (a chart label's `0,81`), by
    /// the same integer method as the published four.
    public static func format(_ value: Double, decimals places: Int, decimalSeparator: Character = ".") -> String {
        guard value.isFinite else { return value.isNaN ? "NaN" : (value > 0 ? "∞" : "-∞") }
        var unit: Int64 = 1
        for _ in 0..<max(places, 0) { unit *= 10 }
        let scaled = Int64((value * Double(unit)).rounded(.toNearestOrAwayFromZero))
        let sign = scaled < 0 ? "-" : ""
        let magnitude = scaled.magnitude
        let whole = magnitude / UInt64(unit)
        guard places > 0 else { return "\(sign)\(whole)" }
        let fraction = String(magnitude % UInt64(unit))
        let padded = String(repeating: "0", count: places - fraction.count) + fraction
        return "\(sign)\(whole)\(decimalSeparator)\(padded)"
    }
}
