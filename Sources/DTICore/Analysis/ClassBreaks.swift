/// Quantile classes for a choropleth map: about the same number of units in each class, so the
/// colours tell the ranking apart even when most values lie close together. Classes are half-open
/// `[lower, upper)` and the last is closed, compared on published-precision keys as the histogram
/// is, so a value shown as `0,6000` sits in the class whose bounds read `0,6000–…`.
public struct ClassBreaks: Sendable, Hashable {
    /// The class bounds in ascending order: `bounds[i]..<bounds[i + 1]`, the last one closed.
    public let bounds: [Double]

    /// At most `count` classes over `values` (fewer when values repeat); none without values.
    public init(_ values: [Double], count: Int) {
        let sorted = values.filter(\.isFinite).sorted()
        guard let first = sorted.first, let last = sorted.last, count > 0 else {
            bounds = []
            return
        }
        // Each class starts at a quantile that is above the previous start; the last closes at the
        // maximum, so with few values the highest may form a class of its own ([max, max]).
        var starts = [first]
        for step in 1..<max(count, 1) {
            let candidate = sorted[step * sorted.count / count]
            if PublishedPrecision.key(candidate) > PublishedPrecision.key(starts[starts.count - 1]) { starts.append(candidate) }
        }
        self.bounds = starts + [last]
    }

    /// The number of classes.
    public var count: Int { max(bounds.count - 1, 0) }

    /// The class of `value` (0-based), or nil outside every class.
    public func index(of value: Double) -> Int? {
        guard count > 0 else { return nil }
        let key = PublishedPrecision.key(value)
        guard key >= PublishedPrecision.key(bounds[0]), key <= PublishedPrecision.key(bounds[count]) else { return nil }
        for index in 0..<count where key < PublishedPrecision.key(bounds[index + 1]) { return index }
        return count - 1
    }
}
