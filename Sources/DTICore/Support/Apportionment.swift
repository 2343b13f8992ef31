/// Rounds parts so that the rounded parts add up to their rounded total (largest remainder method).
///
/// Contributions rounded one by one can miss their rounded sum by a unit in the last place (three
/// contributions of 0.00004 show as 0.0000 each but add up to 0.0001). Shown this way, a column of
/// contributions adds up to the change printed beneath it, while the full-precision values (JSON,
/// CSV) add up exactly.
public enum Apportionment {
    /// `values` in units of `1/scale` (e.g. scale 10,000 for four decimals), adjusted by at most one
    /// unit each so that they add up to `total` (by default the rounded sum of `values`; a part's
    /// own rounded figure when the values are its components).
    public static func rounded(_ values: [Double], scale: Double, total: Int64? = nil) -> [Int64] {
        let scaled = values.map { $0 * scale }
        var rounded = scaled.map { Int64($0.rounded(.toNearestOrAwayFromZero)) }
        let target = total ?? Int64(scaled.reduce(0, +).rounded(.toNearestOrAwayFromZero))
        var difference = target - rounded.reduce(0, +)
        // Move the parts whose rounding lost (or gained) the most, one unit each.
        let order = scaled.indices.sorted { lhs, rhs in
            let left = scaled[lhs] - Double(rounded[lhs])
            let right = scaled[rhs] - Double(rounded[rhs])
            return difference > 0 ? (left != right ? left > right : lhs < rhs) : (left != right ? left < right : lhs < rhs)
        }
        // An explicit total can need more than one unit per part: go round again.
        var position = 0
        while difference != 0, !order.isEmpty {
            let step: Int64 = difference > 0 ? 1 : -1
            rounded[order[position % order.count]] += step
            difference -= step
            position += 1
        }
        return rounded
    }
}
