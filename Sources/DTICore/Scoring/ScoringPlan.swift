/// A catalogue compiled for fast, repeated scoring: entries by position, parts with their points,
/// and an evaluation order in which every part comes before the aggregates it counts in.
///
/// Scoring a unit is then one pass over arrays, which keeps what-if and uncertainty runs (many
/// thousands of scorings) cheap.
public struct ScoringPlan: Sendable {
    /// The catalogue compiled.
    public let catalogue: IndicatorCatalogue
    /// Entry ids by position.
    public let ids: [String]
    let positionByID: [String: Int]
    let parts: [[(position: Int, points: Double)]]
    let totalPoints: [Double]
    let points: [Double]
    /// Parts before aggregates.
    let bottomUp: [Int]
    /// Whether each entry is a main indicator broken into components.
    let hasComponentParts: [Bool]
    /// Entries no other entry counts in (the index, and pillars in frameworks whose index is
    /// built from main indicators): the entries every score card must have.
    let roots: [Int]
    /// The leaves that weigh something, the leaves that weigh nothing, and the main indicators
    /// with components: what the per-unit checks look at, found once instead of for every unit.
    let scoredLeaves: [Int]
    let unscoredLeaves: [Int]
    let componentParents: [Int]

    /// Compiles `catalogue`.
    public init(_ catalogue: IndicatorCatalogue) {
        self.catalogue = catalogue
        let nodes = catalogue.nodes
        ids = nodes.map(\.id)
        positionByID = Dictionary(uniqueKeysWithValues: nodes.enumerated().map { ($1.id, $0) })
        points = nodes.map(\.points)
        var parts = [[(position: Int, points: Double)]](repeating: [], count: nodes.count)
        for (position, node) in nodes.enumerated() {
            for parent in Set(node.countsIn) {
                if let parentPosition = positionByID[parent] { parts[parentPosition].append((position, node.points)) }
            }
        }
        for index in parts.indices { parts[index].sort { $0.position < $1.position } }
        self.parts = parts
        totalPoints = parts.map { $0.reduce(0) { $0 + $1.points } }
        // Depth-first post-order over `parts` gives parts before aggregates; the catalogue is acyclic.
        var order: [Int] = []
        var seen = [Bool](repeating: false, count: nodes.count)
        func visit(_ position: Int) {
            if seen[position] { return }
            seen[position] = true
            for part in parts[position] { visit(part.position) }
            order.append(position)
        }
        for position in nodes.indices { visit(position) }
        bottomUp = order
        let hasComponentParts = parts.map { entryParts in entryParts.contains { nodes[$0.position].kind == .component } }
        self.hasComponentParts = hasComponentParts
        roots = nodes.indices.filter { nodes[$0].countsIn.isEmpty }
        scoredLeaves = nodes.indices.filter { parts[$0].isEmpty && nodes[$0].points > 0 }
        unscoredLeaves = nodes.indices.filter { parts[$0].isEmpty && nodes[$0].points == 0 }
        componentParents = nodes.indices.filter { hasComponentParts[$0] }
    }

    /// The position of an entry.
    public func position(of id: String) -> Int? { positionByID[id] }

    /// Scores one unit from the values given for it (`inputs[position]`, `nil` when not given).
    ///
    /// A given value is used as it is; an aggregate without a given value is the points-weighted
    /// mean of its parts; a needed leaf without a value earns 0 and is reported as missing
    /// (unless it weighs nothing anywhere, like the unscored smart-city indicator).
    public func score(_ inputs: [Double?]) -> ScoreCard {
        precondition(inputs.count == ids.count, "inputs must have one slot per catalogue entry")
        var values = [Double](repeating: 0, count: ids.count)
        for position in bottomUp {
            if let given = inputs[position] {
                values[position] = given
            } else if !parts[position].isEmpty, totalPoints[position] > 0 {
                var sum = 0.0
                for part in parts[position] { sum += part.points * values[part.position] }
                values[position] = sum / totalPoints[position]
            }
        }
        let unvalued = unscoredLeaves.filter { inputs[$0] == nil }
        return ScoreCard(values: values, missing: missingLeaves(inputs), unvalued: unvalued)
    }

    /// Whether the entry at `position` is a leaf that weighs nothing (like the smart-city
    /// indicator): collected and shown when given, but never needed and never counted as 0.
    public func isUnscored(_ position: Int) -> Bool { parts[position].isEmpty && points[position] == 0 }

    /// Scores a unit from values keyed by entry id; unknown ids are ignored (ingest reports them).
    public func score(_ inputs: [String: Double]) -> ScoreCard {
        var slots = [Double?](repeating: nil, count: ids.count)
        for (id, value) in inputs {
            if let position = positionByID[id] { slots[position] = value }
        }
        return score(slots)
    }

    /// The leaves whose values are needed but not given, in declaration order.
    ///
    /// A main indicator with components counts as the missing leaf itself when neither it nor any
    /// of its components is given: the data simply lack that indicator.
    private func missingLeaves(_ inputs: [Double?]) -> [Int] {
        // Every leaf that weighs something given: nothing can be missing (the common case).
        if scoredLeaves.allSatisfy({ inputs[$0] != nil }) { return [] }
        var needed = [Bool](repeating: false, count: ids.count)
        var missing = [Bool](repeating: false, count: ids.count)
        for root in roots { needed[root] = true }
        // Top-down: reverse of bottom-up order visits aggregates before their parts.
        for position in bottomUp.reversed() where needed[position] && inputs[position] == nil {
            if hasComponentParts[position], !parts[position].contains(where: { inputs[$0.position] != nil }) {
                missing[position] = points[position] > 0
                continue
            }
            for part in parts[position] { needed[part.position] = true }
        }
        return ids.indices.filter { position in
            missing[position]
                || (needed[position] && inputs[position] == nil && parts[position].isEmpty && points[position] > 0)
        }
    }

    /// The main indicators given directly while some of their components are given too: the
    /// given main value wins.
    public func overriddenComponents(_ inputs: [Double?]) -> [Int] {
        componentParents.filter { position in
            inputs[position] != nil && parts[position].contains { inputs[$0.position] != nil }
        }
    }
}

/// The values of every catalogue entry for one unit, at full precision.
public struct ScoreCard: Sendable, Hashable {
    /// Values by catalogue position.
    public var values: [Double]
    /// Positions of needed leaves that had no value and earned 0.
    public var missing: [Int]
    /// Positions of unscored leaves (0 points, e.g. smart city) that had no value: they have no
    /// value to show or rank, and cost nothing.
    public var unvalued: [Int]
}
