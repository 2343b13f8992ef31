/// The mean of an entry over units: the one definition every output uses (the report's national
/// means, `dti show`, the audit's statistics), documented in Methodology.md.
///
/// It is the mean over the ranked units that have a value for the entry: a missing value is left
/// out, not counted as 0. The 0 points a missing value earns belong to the unit's score, not to
/// what the units that reported achieved; how many units the mean is over is kept beside it, so
/// an output can say so when some lack the value.
public struct UnitMean: Sendable, Hashable {
    /// The mean.
    public let value: Double
    /// The units with a value, and all the ranked units.
    public let units: Int
    public let ranked: Int

    /// Whether every ranked unit has a value (then nothing need be said of missing values).
    public var isComplete: Bool { units == ranked }

    /// The mean of `entryID` over the ranked `rows` that have a value for it; `nil` when none has.
    public init?(of entryID: String, in rows: [ResultRow]) {
        let ranked = rows.filter(\.isRanked)
        let values = ranked.compactMap { $0.isMissing(entryID) ? nil : $0.values[entryID] }
        guard !values.isEmpty else { return nil }
        value = values.reduce(0, +) / Double(values.count)
        units = values.count
        self.ranked = ranked.count
    }
}
