/// The descriptive statistics of the audit, with the definitions COINr (the JRC's reference
/// toolkit) uses, so figures can be checked against it. Each returns `nil` where the statistic
/// is undefined (too few values, no spread) rather than NaN.
public enum Statistics {
    /// The arithmetic mean; `nil` for no values.
    public static func mean(_ values: [Double]) -> Double? {
        values.isEmpty ? nil : values.reduce(0, +) / Double(values.count)
    }

    /// The sample standard deviation (n − 1); `nil` for fewer than two values.
    public static func standardDeviation(_ values: [Double]) -> Double? {
        guard values.count >= 2, let mean = mean(values) else { return nil }
        let sum = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
        return (sum / Double(values.count - 1)).squareRoot()
    }

    /// Skewness m₃ / s³ (m₃ the third central moment over n, s the sample standard deviation:
    /// e1071's type 3, COINr's); `nil` for fewer than three values or no spread.
    public static func skewness(_ values: [Double]) -> Double? {
        guard values.count >= 3, let mean = mean(values), let s = standardDeviation(values), s > 0 else { return nil }
        let m3 = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) * ($1 - mean) } / Double(values.count)
        return m3 / (s * s * s)
    }

    /// Excess kurtosis m₄ / s⁴ − 3 (type 3, as COINr); `nil` for fewer than four values or no spread.
    public static func kurtosis(_ values: [Double]) -> Double? {
        guard values.count >= 4, let mean = mean(values), let s = standardDeviation(values), s > 0 else { return nil }
        let m4 = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) * ($1 - mean) * ($1 - mean) } / Double(values.count)
        return m4 / (s * s * s * s) - 3
    }

    /// The median (the mean of the middle two for an even count); 0 for no values.
    public static func median(_ values: [Double]) -> Double {
        guard !values.isEmpty else { return 0 }
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    /// Pearson's correlation; `nil` when either side has no spread or fewer than three pairs.
    public static func pearson(_ x: [Double], _ y: [Double]) -> Double? {
        guard x.count == y.count, x.count >= 3, let mx = mean(x), let my = mean(y) else { return nil }
        var sxy = 0.0
        var sxx = 0.0
        var syy = 0.0
        for index in x.indices {
            let dx = x[index] - mx
            let dy = y[index] - my
            sxy += dx * dy
            sxx += dx * dx
            syy += dy * dy
        }
        guard sxx > 0, syy > 0 else { return nil }
        return Swift.min(1, Swift.max(-1, sxy / (sxx * syy).squareRoot()))
    }

    /// Spearman's correlation: Pearson's on ranks, ties given their average rank.
    public static func spearman(_ x: [Double], _ y: [Double]) -> Double? {
        pearson(averageRanks(x), averageRanks(y))
    }

    /// Ranks 1…n from the smallest, ties sharing the mean of the ranks they span.
    public static func averageRanks(_ values: [Double]) -> [Double] {
        let order = values.indices.sorted { values[$0] != values[$1] ? values[$0] < values[$1] : $0 < $1 }
        var ranks = [Double](repeating: 0, count: values.count)
        var start = 0
        while start < order.count {
            var end = start
            while end + 1 < order.count, values[order[end + 1]] == values[order[start]] { end += 1 }
            let average = Double(start + end) / 2 + 1
            for position in start...end { ranks[order[position]] = average }
            start = end + 1
        }
        return ranks
    }

    /// Cronbach's alpha of items (columns, each one value per unit): k/(k − 1) · (1 − Σ var(item)
    /// / var(Σ items)), sample variances; `nil` for fewer than two items or a total without spread.
    public static func cronbachAlpha(_ items: [[Double]]) -> Double? {
        guard items.count >= 2, let count = items.first?.count, count >= 2, items.allSatisfy({ $0.count == count }) else { return nil }
        func variance(_ values: [Double]) -> Double {
            let s = standardDeviation(values) ?? 0
            return s * s
        }
        let totals = (0..<count).map { row in items.reduce(0) { $0 + $1[row] } }
        let totalVariance = variance(totals)
        guard totalVariance > 0 else { return nil }
        let k = Double(items.count)
        return k / (k - 1) * (1 - items.reduce(0) { $0 + variance($1) } / totalVariance)
    }

    /// The nearest-rank percentile of sorted integer values: the smallest value with at least
    /// `fraction` of all at or below it.
    public static func percentile(counts: [Int], total: Int, fraction: Double) -> Int {
        percentile(counts: counts, within: counts.indices, total: total, fraction: fraction)
    }

    /// `percentile(counts:total:fraction:)` when every count outside `span` is 0: only the span is read.
    public static func percentile(counts: [Int], within span: Range<Int>, total: Int, fraction: Double) -> Int {
        let needed = Swift.max(1, Int((fraction * Double(total)).rounded(.up)))
        var cumulative = 0
        for value in span {
            cumulative += counts[value]
            if cumulative >= needed { return value }
        }
        return span.upperBound - 1
    }
}
