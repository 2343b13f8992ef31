/// Why a unit's index changed between two editions: each part's points gained or lost, the rank
/// movement, and the units it passed or fell behind with the part that decided each.
///
/// The contributions are differences of index shares (`IndexShares`), so at full precision they
/// add up to the change of the index: `Σ contributions = index now − index then`. A part is
/// comparable when both editions' frameworks have it as a part of the index with the same points
/// (and the same total); other parts are listed as not comparable, with what they gave or took.
public struct ChangeExplanation: Sendable {
    /// A part's contribution to the change.
    public struct Contribution: Sendable, Hashable {
        /// The catalogue entry (the newer edition's, when it has one).
        public let node: CatalogueNode
        /// Its value in each edition; `nil` where the framework has no such part or no value.
        public let valueNow: Double?
        public let valueThen: Double?
        /// Its share of the index now minus then, in index units (0.0123 of a DTI of 1).
        public let change: Double
        /// The same in the index's points (of 1,000): points gained (+) or lost (−).
        public let points: Double
        /// Whether the part is the same in both frameworks (same id and points).
        public let isComparable: Bool
        /// The components' contributions, largest first, where both editions derive the part from
        /// the same components; they add up to `change`.
        public let components: [Contribution]
        /// Whether the unit gave no value in that edition (0 points, flagged): `valueNow` or
        /// `valueThen` is then nil, and outputs say "missing" rather than show a 0.
        public var isMissingNow = false
        public var isMissingThen = false
    }

    /// A unit whose order against the explained unit changed.
    public struct Overtake: Sendable, Hashable {
        /// The other unit.
        public let unit: AdministrativeUnit
        /// Its rank then and now.
        public let rankThen: Int
        public let rankNow: Int
        /// The part whose contribution moved the gap between the two units most in the direction
        /// of the overtake; `nil` when that part is not comparable across a framework change (a
        /// move decided by it is not claimed).
        public let decidingPartID: String?
    }

    /// The unit explained.
    public let unit: AdministrativeUnit
    /// The two editions' years.
    public let yearNow: Int
    public let yearThen: Int
    /// The frameworks, equal when nothing changed.
    public let frameworkNow: String
    public let frameworkThen: String
    /// The index then and now.
    public let valueNow: Double
    public let valueThen: Double
    /// The index rank then and now.
    public let rankNow: Int
    public let rankThen: Int
    /// Every part of either framework's index, largest absolute contribution first.
    public let contributions: [Contribution]
    /// Units ahead then and behind now, best rank then first.
    public let passed: [Overtake]
    /// Units behind then and ahead now, best rank now first.
    public let fellBehind: [Overtake]

    /// The index now minus then.
    public var change: Double { valueNow - valueThen }
    /// Ranks climbed (positive) or lost.
    public var rankChange: Int { rankThen - rankNow }
    /// Whether the two editions use different frameworks.
    public var frameworkChanged: Bool { frameworkNow != frameworkThen }
    /// The parts that cannot be compared across the framework change.
    public var notComparable: [Contribution] { contributions.filter { !$0.isComparable } }
    /// What the parts that cannot be compared gave or took together, in index units: the part of
    /// the change that belongs to the framework change, not to any one indicator.
    public var notComparableChange: Double { notComparable.reduce(0) { $0 + $1.change } }
    /// The same in the index's points.
    public var notComparablePoints: Double { notComparable.reduce(0) { $0 + $1.points } }

    /// Why it failed.
    public enum Failure: Error, Sendable, Hashable {
        /// The unit has no ranked value in that edition.
        case notRanked(unitName: String, year: Int)
        /// The two results rank different unit sets.
        case differentUnitSets(String, String)
    }

    /// Explains the change of `unitCode` from `then` to `now`, two results of the same unit set.
    public init(unitCode: String, now: EditionResult, then: EditionResult) throws(Failure) {
        guard now.unitSet.id == then.unitSet.id else { throw .differentUnitSets(now.unitSet.id, then.unitSet.id) }
        let indexNow = now.catalogue.index.id
        let indexThen = then.catalogue.index.id
        guard let rowNow = now.row(code: unitCode), let valueNow = rowNow.values[indexNow],
            let rankNow = rowNow.ranks[indexNow]
        else { throw .notRanked(unitName: now.unitSet.unit(code: unitCode)?.name ?? unitCode, year: now.edition.year) }
        guard let rowThen = then.row(code: unitCode), let valueThen = rowThen.values[indexThen],
            let rankThen = rowThen.ranks[indexThen]
        else { throw .notRanked(unitName: rowNow.unit.name, year: then.edition.year) }

        let comparer = ShareComparer(now: IndexShares(now.catalogue), then: IndexShares(then.catalogue))
        unit = rowNow.unit
        yearNow = now.edition.year
        yearThen = then.edition.year
        frameworkNow = now.catalogue.framework
        frameworkThen = then.catalogue.framework
        self.valueNow = valueNow
        self.valueThen = valueThen
        self.rankNow = rankNow
        self.rankThen = rankThen
        contributions = comparer.contributions(now: rowNow, then: rowThen)

        // Overtakes: order changed against a unit ranked in both editions.
        var passed: [Overtake] = []
        var fellBehind: [Overtake] = []
        for otherNow in now.rows where otherNow.unit.code != unitCode {
            guard let otherRankNow = otherNow.ranks[indexNow],
                let otherThen = then.row(code: otherNow.unit.code),
                let otherRankThen = otherThen.ranks[indexThen]
            else { continue }
            let wasAhead = otherRankThen < rankThen
            let wasBehind = otherRankThen > rankThen
            let isAhead = otherRankNow < rankNow
            let isBehind = otherRankNow > rankNow
            guard (wasAhead && isBehind) || (wasBehind && isAhead) else { continue }
            // How each part moved the gap (explained unit minus other): the decider moved it most
            // towards the overtake.
            let own = Dictionary(uniqueKeysWithValues: contributions.map { ($0.node.id, $0.change) })
            let theirs = comparer.contributions(now: otherNow, then: otherThen)
            let gap = theirs.map { (id: $0.node.id, moved: (own[$0.node.id] ?? 0) - $0.change) }
                .sorted { $0.moved != $1.moved ? $0.moved > $1.moved : $0.id < $1.id }
            guard let decider = wasAhead ? gap.first : gap.last else { continue }
            let isComparable = contributions.first { $0.node.id == decider.id }?.isComparable ?? false
            let overtake = Overtake(
                unit: otherNow.unit, rankThen: otherRankThen, rankNow: otherRankNow, decidingPartID: isComparable ? decider.id : nil)
            if wasAhead { passed.append(overtake) } else { fellBehind.append(overtake) }
        }
        self.passed = passed.sorted { ($0.rankThen, $0.unit.code) < ($1.rankThen, $1.unit.code) }
        self.fellBehind = fellBehind.sorted { ($0.rankNow, $0.unit.code) < ($1.rankNow, $1.unit.code) }
    }
}

/// Differences of index shares between two editions, part by part.
struct ShareComparer {
    let now: IndexShares
    let then: IndexShares

    /// Every part of either index with its contribution, largest absolute first (ties by id).
    func contributions(now rowNow: ResultRow, then rowThen: ResultRow) -> [ChangeExplanation.Contribution] {
        let indexPoints = now.catalogue.index.points
        var ids = now.parts.map(\.id)
        for part in then.parts where !ids.contains(part.id) { ids.append(part.id) }
        let result = ids.compactMap { id -> ChangeExplanation.Contribution? in
            let partNow = now.parts.first { $0.id == id }
            let partThen = then.parts.first { $0.id == id }
            // A part that weighs nothing in either framework (smart city) can explain nothing.
            guard let node = partNow ?? partThen, (partNow?.points ?? 0) > 0 || (partThen?.points ?? 0) > 0 else { return nil }
            let comparable = partNow != nil && partThen != nil && partNow?.points == partThen?.points && now.totalPoints == then.totalPoints
            let change = (partNow == nil ? 0 : now.share(of: id, in: rowNow)) - (partThen == nil ? 0 : then.share(of: id, in: rowThen))
            return ChangeExplanation.Contribution(
                node: node, valueNow: partNow == nil || rowNow.isMissing(id) ? nil : rowNow.values[id],
                valueThen: partThen == nil || rowThen.isMissing(id) ? nil : rowThen.values[id],
                change: change, points: change * indexPoints, isComparable: comparable,
                components: comparable ? components(of: id, now: rowNow, then: rowThen, indexPoints: indexPoints) : [],
                isMissingNow: rowNow.isMissing(id), isMissingThen: rowThen.isMissing(id))
        }
        return Self.largestFirst(result)
    }

    /// Component contributions of part `id`, when both editions derive it from the same components.
    private func components(of id: String, now rowNow: ResultRow, then rowThen: ResultRow, indexPoints: Double)
        -> [ChangeExplanation.Contribution]
    {
        let componentsNow = now.catalogue.components(of: id)
        guard !componentsNow.isEmpty,
            componentsNow.map(\.id) == then.catalogue.components(of: id).map(\.id),
            componentsNow.map(\.points) == then.catalogue.components(of: id).map(\.points),
            let sharesNow = now.componentShares(of: id, in: rowNow), let sharesThen = then.componentShares(of: id, in: rowThen)
        else { return [] }
        return Self.largestFirst(
            componentsNow.map { component in
                let change = (sharesNow[component.id] ?? 0) - (sharesThen[component.id] ?? 0)
                return ChangeExplanation.Contribution(
                    node: component, valueNow: rowNow.isMissing(component.id) ? nil : rowNow.values[component.id],
                    valueThen: rowThen.isMissing(component.id) ? nil : rowThen.values[component.id], change: change,
                    points: change * indexPoints, isComparable: true, components: [], isMissingNow: rowNow.isMissing(component.id),
                    isMissingThen: rowThen.isMissing(component.id))
            })
    }

    static func largestFirst(_ contributions: [ChangeExplanation.Contribution]) -> [ChangeExplanation.Contribution] {
        contributions.sorted { abs($0.change) != abs($1.change) ? abs($0.change) > abs($1.change) : $0.node.id < $1.node.id }
    }
}
