import DTICore

/// Drops each element of the index in turn (its weight spread over the rest, the official method
/// otherwise) and says how far each unit's rank moves: how much the ranking leans on each one.
public struct RemoveOneAnalysis: Sendable {
    /// The ranking without one element.
    public struct Removal: Sendable, Hashable {
        /// The element dropped.
        public var elementID: String
        /// Each unit's rank without it, in the matrix's order.
        public var ranks: [Int]
        /// Each unit's shift: rank without it − official rank (positive: further down).
        public var shifts: [Int]
        /// The mean absolute shift.
        public var meanAbsoluteShift: Double
        /// The largest absolute shift.
        public var maxAbsoluteShift: Int
    }

    /// One removal per element, in catalogue order.
    public let removals: [Removal]

    /// Removes each element of `kernel`'s matrix in turn.
    public init(kernel: IndexKernel) {
        let matrix = kernel.matrix
        let unitCount = matrix.units.count
        var scores = [Double](repeating: 0, count: unitCount)
        var order = Array(0..<unitCount)
        removals = matrix.elements.indices.map { removed in
            var factors = [Double](repeating: 1, count: matrix.elements.count)
            factors[removed] = 0
            var parameters = RunParameters([], assumptions: Assumptions(), elementCount: matrix.elements.count)
            parameters.factors = factors
            kernel.scores(parameters, into: &scores)
            var ranks = [Int](repeating: 0, count: unitCount)
            IndexKernel.rank(scores, order: &order, into: &ranks)
            let shifts = (0..<unitCount).map { ranks[$0] - matrix.nominalRanks[$0] }
            return Removal(
                elementID: matrix.elements[removed].id, ranks: ranks, shifts: shifts,
                meanAbsoluteShift: Double(shifts.reduce(0) { $0 + abs($1) }) / Double(unitCount),
                maxAbsoluteShift: shifts.map(abs).max() ?? 0)
        }
    }
}
