/// How each main indicator (each pillar for 2020) is rescaled across the ranked units before it is
/// aggregated. The official method takes the shares as they are; the others are the usual choices
/// of composite indicators (COINr's `n_minmax`, `n_zscore`, `n_prank`), offered to see what a
/// ranking owes to that choice. Statistics are taken over the units that have a value; a missing
/// value, which the official method counts as 0, is rescaled as a 0 would be and never above the
/// scale's bottom (0 for min-max and percentile ranks).
public enum Normalisation: String, Sendable, Hashable, CaseIterable {
    /// The shares as they are (0…1 of each indicator's points).
    case official
    /// (share − min) / (max − min), in [0, 1]; every unit 1 when all have the same value.
    case minmax
    /// (share − mean) / standard deviation (n − 1); every unit 0 when all have the same value.
    /// Negative values: sum aggregation only.
    case zscore
    /// Percentile ranks: (r − 1) / (n − 1), r the unit's rank from the bottom with ties at the
    /// lowest (COINr's `n_prank`), in [0, 1]; 1 when only one unit has a value.
    case rank

    /// The shares of `matrix` rescaled, row by row as `matrix.shares`.
    public func normalised(_ matrix: IndexMatrix) -> [Double] {
        guard self != .official else { return matrix.shares }
        let columns = matrix.elements.count
        var result = matrix.shares
        for element in 0..<columns {
            var given: [Double] = []
            for unit in matrix.units.indices where !matrix.missing[unit * columns + element] {
                given.append(matrix.shares[unit * columns + element])
            }
            let column = ColumnScale(self, given: given)
            for unit in matrix.units.indices {
                let index = unit * columns + element
                result[index] = matrix.missing[index] ? column.missingValue : column.value(matrix.shares[index])
            }
        }
        return result
    }
}

/// One column's statistics, worked out once, and the rescaling they define (the report's script
/// does the same arithmetic in the same order, so the page and `dti rank` agree to the last bit).
struct ColumnScale {
    let normalisation: Normalisation
    let count: Int
    var low = 0.0
    var high = 0.0
    var mean = 0.0
    var deviation = 0.0
    /// The given values, ascending, for percentile ranks.
    var sorted: [Double] = []

    init(_ normalisation: Normalisation, given: [Double]) {
        self.normalisation = normalisation
        count = given.count
        guard !given.isEmpty else { return }
        switch normalisation {
        case .official:
            break
        case .minmax:
            low = given.min() ?? 0
            high = given.max() ?? 0
        case .zscore:
            var sum = 0.0
            for value in given { sum += value }
            mean = sum / Double(given.count)
            guard given.count > 1 else { return }
            var squares = 0.0
            for value in given { squares += (value - mean) * (value - mean) }
            deviation = (squares / Double(given.count - 1)).squareRoot()
        case .rank:
            sorted = given.sorted()
        }
    }

    /// A given value rescaled.
    func value(_ share: Double) -> Double {
        guard count > 0 else { return 0 }
        switch normalisation {
        case .official:
            return share
        case .minmax:
            guard high > low else { return 1 }
            return (share - low) / (high - low)
        case .zscore:
            guard deviation > 0 else { return 0 }
            return (share - mean) / deviation
        case .rank:
            guard count > 1 else { return 1 }
            // Values strictly below: the first index holding `share` or more.
            var lower = 0
            var upper = sorted.count
            while lower < upper {
                let middle = (lower + upper) / 2
                if sorted[middle] < share { lower = middle + 1 } else { upper = middle }
            }
            return Double(lower) / Double(count - 1)
        }
    }

    /// What a missing value (0 points officially) becomes: a 0 rescaled, never above the bottom of
    /// a bounded scale.
    var missingValue: Double {
        switch normalisation {
        case .official: return 0
        case .minmax, .rank: return 0
        case .zscore: return count > 0 && deviation > 0 ? (0 - mean) / deviation : 0
        }
    }
}
