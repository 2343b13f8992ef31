/// The fewest index points that would lift a unit to rank N, spread greedily over the parts of the
/// index where it leaves the most points on the table, and whether rank N can be reached at all.
///
/// Ranks are shared at four decimals, so rank N is reached when the unit's index, rounded, is at
/// least the rounded index of the unit now N-th among the others. The plan raises parts of the
/// index (main indicators; pillars in 2020), each at most to its full points; other units' values
/// stay as they are.
public struct RankTarget: Sendable {
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
    /// The points short of rank N with every part at full points (0 when reachable).
    public let shortfall: Double
    let indexPoints: Double

    /// Plans rank `rank` for `unitCode` in `result`; `parts` limits the plan to those part ids.
    public init(unitCode: String, rank: Int, in result: EditionResult, parts allowed: Set<String>? = nil) throws(Failure) {
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

        let others = ranked.filter { $0.unit.code != unitCode }.compactMap { $0.values[indexID] }.sorted(by: >)
        guard currentRank > rank, rank - 1 < others.count else {
            neededValue = nil
            isReachable = true
            plan = []
            shortfall = 0
            return
        }
        // The smallest value that rounds to the N-th other's four decimals, with a hair of margin so
        // that summing the plan's points in floating point cannot land just below it.
        let threshold = PublishedPrecision.key(others[rank - 1])
        let needed = (Double(threshold) - 0.5) / Double(PublishedPrecision.key(1)) + 1e-12
        neededValue = needed
        var remaining = (needed - current) * indexPoints

        let shares = IndexShares(result.catalogue)
        typealias OpenPart = (node: CatalogueNode, value: Double, left: Double)
        var open: [OpenPart] = []
        for part in shares.parts where part.points > 0 && (allowed?.contains(part.id) ?? true) {
            let value: Double = row.values[part.id] ?? 0
            let left: Double = part.points * (1 - value) / shares.totalPoints * indexPoints
            if left > 0 { open.append((part, value, left)) }
        }
        open.sort { $0.left != $1.left ? $0.left > $1.left : $0.node.id < $1.node.id }
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
            let value = min(1, part.value + raised)
            steps.append(Step(node: part.node, points: points, previousValue: part.value, value: value))
        }
        isReachable = true
        plan = steps
        shortfall = 0
    }
}
