/// Summary figures of a set of values: what a report's headline shows.
public struct Distribution: Sendable, Hashable {
    /// How many values.
    public let count: Int
    /// Arithmetic mean.
    public let mean: Double
    /// Median (mean of the two middle values for an even count).
    public let median: Double
    /// Smallest and largest.
    public let minimum: Double
    public let maximum: Double

    /// The summary of `values`, or `nil` when there are none.
    public init?(_ values: [Double]) {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        count = sorted.count
        mean = sorted.reduce(0, +) / Double(sorted.count)
        let middle = sorted.count / 2
        median = sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
        minimum = sorted[0]
        maximum = sorted[sorted.count - 1]
    }

    /// Largest minus smallest.
    public var spread: Double { maximum - minimum }
}

/// A unit's movement between two editions of the same unit set.
public struct Movement: Sendable, Hashable {
    /// Value now minus value before.
    public let valueChange: Double
    /// Rank before minus rank now: positive means the unit climbed.
    public let rankChange: Int

    /// Compares `row` with the same unit in `previous` on `entryID`.
    public init?(_ row: ResultRow, previous: EditionResult?, entryID: String) {
        guard let previous, let before = previous.row(code: row.unit.code),
            let valueNow = row.values[entryID], let valueBefore = before.values[entryID],
            let rankNow = row.ranks[entryID], let rankBefore = before.ranks[entryID]
        else { return nil }
        valueChange = valueNow - valueBefore
        rankChange = rankBefore - rankNow
    }
}

extension EditionResult {
    /// The index values of the ranked units.
    public var indexDistribution: Distribution? {
        Distribution(rows.filter(\.isRanked).compactMap { $0.values[catalogue.index.id] })
    }

    /// Points a unit left on the table per main indicator (maximum points − points earned),
    /// largest first: where it loses most.
    public func pointsLeft(for row: ResultRow) -> [(indicator: CatalogueNode, left: Double, earned: Double)] {
        catalogue.indicators.filter { $0.points > 0 }.compactMap { indicator in
            guard let value = row.values[indicator.id] else { return nil }
            let earned = value * indicator.points
            return (indicator, indicator.points - earned, earned)
        }.sorted { $0.left != $1.left ? $0.left > $1.left : $0.indicator.id < $1.indicator.id }
    }
}
