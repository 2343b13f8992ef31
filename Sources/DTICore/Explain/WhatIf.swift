/// A unit's score and rank recomputed with some of its values changed, the others as they are.
///
/// The whole edition is scored again from the changed observations, by the same path as an import
/// followed by `rank` (component rules, the merge rule, `relative_to_best` components that depend
/// on the other units), so the answer is exactly what importing the changed values would give.
public struct WhatIf: Sendable {
    /// One changed value and what it brought.
    public struct Change: Sendable, Hashable {
        /// The entry changed.
        public let node: CatalogueNode
        /// The value given for it (as the input files give it), and the stored one it replaces.
        public let value: Double
        public let previousValue: Double?
        /// The index points it brought, with the changes before it applied (in the order given):
        /// the points of all changes add up to the change of the index.
        public let points: Double
    }

    /// The unit.
    public let unit: AdministrativeUnit
    /// The edition as stored, and with the changes.
    public let before: EditionResult
    public let after: EditionResult
    /// The changes, in the order given.
    public let changes: [Change]

    /// The index and its rank before and after.
    public var previousValue: Double? { row(in: before)?.values[before.catalogue.index.id] }
    public var value: Double? { row(in: after)?.values[after.catalogue.index.id] }
    public var previousRank: Int? { row(in: before)?.ranks[before.catalogue.index.id] }
    public var rank: Int? { row(in: after)?.ranks[after.catalogue.index.id] }

    /// Units ranked ahead of the unit before and behind it after, best rank before first.
    public var passed: [AdministrativeUnit] {
        guard let rankBefore = previousRank, let rankAfter = rank else { return [] }
        let index = before.catalogue.index.id
        return before.rows.compactMap { other -> (AdministrativeUnit, Int)? in
            guard other.unit.code != unit.code, let otherBefore = other.ranks[index], otherBefore < rankBefore,
                let otherAfter = after.row(code: other.unit.code)?.ranks[index], otherAfter > rankAfter
            else { return nil }
            return (other.unit, otherBefore)
        }.sorted { ($0.1, $0.0.code) < ($1.1, $1.0.code) }.map(\.0)
    }

    private func row(in result: EditionResult) -> ResultRow? { result.row(code: unit.code) }

    /// Scores `observations` as stored and with `replacements` (observations of one unit and the
    /// edition's year) in place of the stored values of the same entries.
    public init(
        unit: AdministrativeUnit, observations: [Observation], replacements: [Observation], edition: Edition,
        catalogue: IndicatorCatalogue, registry: UnitRegistry
    ) throws(ScoringError) {
        func score(_ observations: [Observation]) throws(ScoringError) -> EditionResult {
            try EditionScoring.score(observations, edition: edition, catalogue: catalogue, registry: registry, in: edition.unitSet)
        }
        let stored = observations.filter { $0.year == edition.year }
        let before = try score(stored)
        var current = stored
        var currentIndex = before.row(code: unit.code)?.values[catalogue.index.id] ?? 0
        var changes: [Change] = []
        var after = before
        for replacement in replacements {
            let isReplaced = { (observation: Observation) in
                observation.unitCode == unit.code && observation.indicatorID == replacement.indicatorID
            }
            let previous = current.last(where: isReplaced)?.value
            current.removeAll(where: isReplaced)
            current.append(replacement)
            after = try score(current)
            let index = after.row(code: unit.code)?.values[catalogue.index.id] ?? 0
            if let node = catalogue.node(replacement.indicatorID) {
                changes.append(
                    Change(node: node, value: replacement.value, previousValue: previous, points: (index - currentIndex) * catalogue.index.points))
            }
            currentIndex = index
        }
        self.unit = unit
        self.before = before
        self.after = after
        self.changes = changes
    }
}
