/// The fewest index points that would lift a unit to rank N, and a plan a province can act on:
/// each part of the index (main indicators; pillars in 2020) raised at most to a cap (by default
/// the best value any unit reached in the edition: no plan asks for a value nobody has), the
/// points taken first where they are cheapest (the heaviest parts, where a point needs the least
/// rise of the value), and rank N reached outright, ahead of the unit now N-th, unless a shared
/// rank is allowed. Other units' values stay as they are; whether rank N can be reached at all
/// under the cap is said, with the shortfall.
public struct RankTarget: Sendable {
    /// How high a part may be raised.
    public enum Cap: Sendable, Hashable {
        /// To the best value any ranked unit reached for that part in the edition.
        case best
        /// To this value (a share, 0 to 1).
        case value(Double)
        /// To full points.
        case none
    }

    /// Raise one part.
    public struct Step: Sendable, Hashable {
        /// The part raised.
        public let node: CatalogueNode
        /// Index points added (of 1,000).
        public let points: Double
        /// Its value now, and the value (as input files give main indicators, 0 to 1) that earns them.
        public let previousValue: Double
        public let value: Double
    }

    /// Why no target could be computed.
    public enum Failure: Error, Sendable, Hashable {
        case notRanked(unitName: String)
        case rankOutOfRange(rank: Int, units: Int)
    }

    /// The unit.
    public let unit: AdministrativeUnit
    /// Its rank now and the rank asked for.
    public let currentRank: Int
    public let targetRank: Int
    /// Its index now.
    public let currentValue: Double
    /// The smallest index that ranks N (`nil` when the rank is held already).
    public let neededValue: Double?
    /// Whether the plan reaches rank N.
    public let isReachable: Bool
    /// The steps, largest first; empty when the rank is held or unreachable.
    public let plan: [Step]
    /// The index after the plan, and the points it adds in all.
    public var value: Double { currentValue + plan.reduce(0) { $0 + $1.points } / indexPoints }
    public var points: Double { plan.reduce(0) { $0 + $1.points } }
    /// The points short of rank N with every part at its cap (0 when reachable).
    public let shortfall: Double
    /// The cap the plan kept to, and whether a shared rank N counts as reaching it.
    public let cap: Cap
    public let allowsTie: Bool
    let indexPoints: Double

    /// Plans rank `rank` for `unitCode` in `result`; `parts` limits the plan to those part ids,
    /// `cap` bounds each part, and `allowingTie` lets a rank shared at four decimals count.
    public init(
        unitCode: String, rank: Int, in result: EditionResult, parts allowed: Set<String>? = nil, cap: Cap = .best, allowingTie: Bool = false
    ) throws(Failure) {
        let indexID = result.catalogue.index.id
        let ranked = result.rows.filter { $0.ranks[indexID] != nil }
        guard (1...max(ranked.count, 1)).contains(rank), !ranked.isEmpty else {
            throw .rankOutOfRange(rank: rank, units: ranked.count)
        }
        guard let row = ranked.first(where: { $0.unit.code == unitCode }), let current = row.values[indexID],
            let currentRank = row.ranks[indexID]
        else { throw .notRanked(unitName: result.unitSet.unit(code: unitCode)?.name ?? unitCode) }
        unit = row.unit
        self.currentRank = currentRank
        targetRank = rank
        currentValue = current
        indexPoints = result.catalogue.index.points
        self.cap = cap
        allowsTie = allowingTie

        let others = ranked.filter { $0.unit.code != unitCode }.compactMap { $0.values[indexID] }.sorted(by: >)
        guard currentRank > rank, rank - 1 < others.count else {
            neededValue = nil
            isReachable = true
            plan = []
            shortfall = 0
            return
        }
        // The smallest value that rounds above the N-th other's four decimals (or to them, when a
        // shared rank counts), with a hair of margin so that summing the plan's points in floating
        // point cannot land just below it.
        let threshold = PublishedPrecision.key(others[rank - 1])
        let needed = (Double(threshold) + (allowingTie ? -0.5 : 0.5)) / Double(PublishedPrecision.key(1)) + 1e-12
        neededValue = needed
        var remaining = (needed - current) * indexPoints

        let shares = IndexShares(result.catalogue)
        typealias OpenPart = (node: CatalogueNode, value: Double, ceiling: Double, left: Double)
        var open: [OpenPart] = []
        for part in shares.parts where part.points > 0 && (allowed?.contains(part.id) ?? true) {
            let value: Double = row.values[part.id] ?? 0
            let ceiling = Self.ceiling(of: part.id, cap: cap, ranked: ranked)
            let left: Double = part.points * (ceiling - value) / shares.totalPoints * indexPoints
            if left > 0 { open.append((part, value, ceiling, left)) }
        }
        // Cheapest first: a point of the index needs the least rise where the part weighs most.
        open.sort { $0.node.points != $1.node.points ? $0.node.points > $1.node.points : $0.node.id < $1.node.id }
        let available = open.reduce(0) { $0 + $1.left }
        guard available >= remaining else {
            isReachable = false
            plan = []
            shortfall = remaining - available
            return
        }
        var steps: [Step] = []
        for part in open where remaining > 0 {
            let points = min(part.left, remaining)
            remaining -= points
            let raised: Double = points / indexPoints * shares.totalPoints / part.node.points
            let value = min(part.ceiling, part.value + raised)
            steps.append(Step(node: part.node, points: points, previousValue: part.value, value: value))
        }
        isReachable = true
        plan = steps
        shortfall = 0
    }

    /// The highest value the plan may give `partID`: the best any ranked unit has, the given
    /// value, or 1.
    static func ceiling(of partID: String, cap: Cap, ranked: [ResultRow]) -> Double {
        switch cap {
        case .best: ranked.compactMap { $0.isMissing(partID) ? nil : $0.values[partID] }.max() ?? 1
        case let .value(value): value
        case .none: 1
        }
    }
}
