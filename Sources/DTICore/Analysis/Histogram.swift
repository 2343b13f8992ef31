/// Counts of values in bins of equal width, aligned on multiples of the width (0.55–0.60, …).
///
/// Every bin is half-open, `[lower, upper)`, except the last, which is closed, so each value falls
/// in exactly one bin and the largest value is never alone in a bin of its own. Values are binned
/// at the published precision (4 decimals), so a value shown as `0,6000` is counted from 0,60 up,
/// whatever its last binary digits.
public struct Histogram: Sendable, Hashable {
    /// One bin.
    public struct Bin: Sendable, Hashable {
        /// Lower edge, included.
        public let lower: Double
        /// Upper edge: excluded, except in the last bin.
        public let upper: Double
        /// How many values fall in it.
        public let count: Int

        /// A bin from its edges and count.
        public init(lower: Double, upper: Double, count: Int) {
            self.lower = lower
            self.upper = upper
            self.count = count
        }
    }

    /// The bins from the one holding the smallest value to the one holding the largest.
    public let bins: [Bin]

    /// Bins `values` by `width` (e.g. 0.05); no bins for no values.
    public init(_ values: [Double], width: Double) {
        let step = PublishedPrecision.key(width)
        let keys = values.filter(\.isFinite).map(PublishedPrecision.key)
        guard step > 0, let low = keys.min(), let high = keys.max() else {
            bins = []
            return
        }
        let first = Self.floorDivide(low, step)
        // The closed last bin takes a largest value that sits exactly on an edge.
        let last = max(first, Self.floorDivide(high + step - 1, step) - 1)
        var counts = [Int](repeating: 0, count: Int(last - first + 1))
        for key in keys { counts[Int(min(Self.floorDivide(key, step), last) - first)] += 1 }
        let scale = Double(PublishedPrecision.key(1))
        bins = counts.enumerated().map { offset, count in
            let bin = first + Int64(offset)
            return Bin(lower: Double(bin * step) / scale, upper: Double((bin + 1) * step) / scale, count: count)
        }
    }

    private static func floorDivide(_ value: Int64, _ divisor: Int64) -> Int64 {
        let quotient = value / divisor
        return value % divisor < 0 ? quotient - 1 : quotient
    }
}
