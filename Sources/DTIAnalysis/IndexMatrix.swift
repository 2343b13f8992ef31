import DTICore

/// An edition's ranked units as a flat matrix over the elements the index is built from (the main
/// indicators; the pillars for 2020), with the catalogue's linear weights: what every Monte Carlo
/// run rescores, without going back through the scoring core.
///
/// The weights are taken from the scoring core itself (`ScoringPlan`): the index of a unit with
/// 1 for one element and 0 for the rest is that element's weight. So the index is exactly
/// Σ weight × share, as `EditionScoring` computes it.
public struct IndexMatrix: Sendable {
    /// The ranked units, in the result's order (by nominal rank).
    public let units: [AdministrativeUnit]
    /// The elements the index is built from, in catalogue order.
    public let elements: [CatalogueNode]
    /// Each element's weight in the index (they sum to the index's maximum, 1).
    public let weights: [Double]
    /// Shares (0…1), `units.count` rows of `elements.count`, row by row.
    public let shares: [Double]
    /// Whether each share was missing (it earned 0, as the official method scores it).
    public let missing: [Bool]
    /// The official index of each unit.
    public let nominalIndex: [Double]
    /// The official rank of each unit.
    public let nominalRanks: [Int]

    /// Why an edition cannot be analysed.
    public enum Failure: Error, Sendable, Hashable, CustomStringConvertible, WordedError {
        /// Fewer than two units were ranked.
        case tooFewUnits(Int)
        /// The index is built from fewer than two weighted elements.
        case tooFewElements(Int)

        public var description: String { wording.text(.en) }

        /// The same sentence in every language.
        public var wording: Wording {
            switch self {
            case let .tooFewUnits(count): count == 1 ? Messages.Analysis.tooFewUnitsOne : Messages.Analysis.tooFewUnits(count: count)
            case let .tooFewElements(count): count == 1 ? Messages.Analysis.tooFewElementsOne : Messages.Analysis.tooFewElements(count: count)
            }
        }
    }

    /// The matrix of `result`'s ranked units.
    public init(_ result: EditionResult) throws(Failure) {
        let catalogue = result.catalogue
        let plan = ScoringPlan(catalogue)
        let candidates = catalogue.mergeLevel
        var elements: [CatalogueNode] = []
        var weights: [Double] = []
        for element in candidates {
            var inputs = [Double?](repeating: nil, count: plan.ids.count)
            for other in candidates { inputs[plan.position(of: other.id) ?? 0] = other.id == element.id ? 1 : 0 }
            let weight = plan.score(inputs).values[plan.position(of: catalogue.index.id) ?? 0]
            guard weight > 0 else { continue }
            elements.append(element)
            weights.append(weight)
        }
        guard elements.count >= 2 else { throw .tooFewElements(elements.count) }
        let rows = result.rows.filter(\.isRanked)
        guard rows.count >= 2 else { throw .tooFewUnits(rows.count) }
        units = rows.map(\.unit)
        self.elements = elements
        self.weights = weights
        shares = rows.flatMap { row in elements.map { row.values[$0.id] ?? 0 } }
        missing = rows.flatMap { row in elements.map { row.lacksValue($0.id) } }
        nominalIndex = rows.map { $0.values[catalogue.index.id] ?? 0 }
        nominalRanks = rows.map { $0.ranks[catalogue.index.id] ?? 0 }
    }

    /// The same matrix with other shares (imputed or normalised ones), row by row as `shares`, and
    /// other missing flags when given.
    public func replacingShares(_ shares: [Double], missing: [Bool]? = nil) -> IndexMatrix {
        IndexMatrix(
            units: units, elements: elements, weights: weights, shares: shares, missing: missing ?? self.missing, nominalIndex: nominalIndex,
            nominalRanks: nominalRanks)
    }

    /// A matrix given whole: for `replacingShares`, and for tests that set cases of their own
    /// (a constant column, one value, ties) without a catalogue and an edition around them.
    init(
        units: [AdministrativeUnit], elements: [CatalogueNode], weights: [Double], shares: [Double], missing: [Bool], nominalIndex: [Double],
        nominalRanks: [Int]
    ) {
        self.units = units
        self.elements = elements
        self.weights = weights
        self.shares = shares
        self.missing = missing
        self.nominalIndex = nominalIndex
        self.nominalRanks = nominalRanks
    }

    /// The share of `element` for `unit`.
    public func share(unit: Int, element: Int) -> Double { shares[unit * elements.count + element] }
}
