import DTICore
import Dispatch

/// Monte Carlo over the method's assumptions: each run draws its weights, aggregation and
/// treatment of missing values, rescores and reranks every unit; each unit's ranks over the runs
/// give its interval.
public struct UncertaintyAnalysis: Sendable {
    /// One unit's ranks over the runs.
    public struct UnitInterval: Sendable, Hashable {
        /// The official rank.
        public var nominal: Int
        /// The median rank over the runs (nearest rank).
        public var median: Int
        /// The 5th percentile (the better end of the interval).
        public var p05: Int
        /// The 95th percentile (the worse end).
        public var p95: Int
        /// The mean rank.
        public var mean: Double
    }

    /// The assumptions varied.
    public let assumptions: Assumptions
    /// The number of runs.
    public let runs: Int
    /// The seed.
    public let seed: UInt64
    /// Per unit, in the matrix's order.
    public let intervals: [UnitInterval]
    /// Every run's rank of every unit, run by run (`runs × units`).
    public let ranks: [Int32]
    /// Every run's parameters.
    public let parameters: [RunParameters]
    /// The groups whose order is not meaningful, by the 10 % rule (`groups(reversal:)`).
    public private(set) var groups: [[Int]] = []

    /// The runs and the seed of the standard analysis (with `Assumptions.standard`), for the
    /// command and the report alike.
    public static let standardRuns = 10_000
    public static let standardSeed: UInt64 = 1

    /// The most runs, whatever the units.
    public static let maxRuns = 10_000_000

    /// The most ranks kept (runs × units, 4 bytes each, with each run's parameters beside them):
    /// 200 million, about 1 GB in all, so the analysis stays within a laptop's memory.
    public static let maxRanksKept = 200_000_000

    /// Why `runs` runs over `units` units are too many, as the sentence `--runs` is refused with;
    /// `nil` when they are within `maxRuns(units:)`.
    public static func runsRefusal(_ runs: Int, units: Int) -> Wording? {
        let allowed = maxRuns(units: units)
        guard runs > allowed else { return nil }
        return Messages.Analysis.runsMustBeAtMost(allowed: allowed, units: units, maxRanksKept: maxRanksKept, runs: runs)
    }

    /// The most runs for `units` units: `maxRuns`, or fewer so that the ranks kept stay within
    /// `maxRanksKept` (3,174,603 runs for 63 units, 60,222 for the 3,321 communes).
    public static func maxRuns(units: Int) -> Int {
        Swift.max(1, Swift.min(maxRuns, maxRanksKept / Swift.max(units, 1)))
    }

    /// Runs the analysis on `threads` threads, each taking a contiguous share of the runs; run `r`
    /// always draws from its own stream, so the output is the same whatever the number of threads.
    /// `progress` hears the number of runs done now and then.
    public init(
        kernel: IndexKernel, assumptions: Assumptions, runs: Int, seed: UInt64, threads: Int = 1,
        progress: (@Sendable (Int) -> Void)? = nil
    ) {
        self.assumptions = assumptions
        self.runs = runs
        self.seed = seed
        let matrix = kernel.matrix
        let unitCount = matrix.units.count
        let elementCount = matrix.elements.count
        let inputCount = assumptions.inputNames(elements: matrix.elements.map(\.id)).count
        var ranks = [Int32](repeating: 0, count: runs * unitCount)
        var parameters = [RunParameters](
            repeating: RunParameters([], assumptions: Assumptions(), elementCount: elementCount), count: runs)
        let chunks = Swift.max(1, Swift.min(threads, runs / 256 + 1))
        ranks.withUnsafeMutableBufferPointer { rankBuffer in
            parameters.withUnsafeMutableBufferPointer { parameterBuffer in
                nonisolated(unsafe) let rankSlots = rankBuffer
                nonisolated(unsafe) let parameterSlots = parameterBuffer
                DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                    let start = runs * chunk / chunks
                    let end = runs * (chunk + 1) / chunks
                    var scores = [Double](repeating: 0, count: unitCount)
                    var runRanks = [Int](repeating: 0, count: unitCount)
                    var order = Array(0..<unitCount)
                    for run in start..<end {
                        var stream = RandomStream(seed: seed, run: UInt64(run))
                        let u = (0..<inputCount).map { _ in stream.uniform() }
                        let drawn = RunParameters(u, assumptions: assumptions, elementCount: elementCount)
                        kernel.scores(drawn, into: &scores)
                        IndexKernel.rank(scores, order: &order, into: &runRanks)
                        for unit in 0..<unitCount { rankSlots[run * unitCount + unit] = Int32(runRanks[unit]) }
                        parameterSlots[run] = drawn
                        // The first share speaks for all: they advance at the same pace.
                        if chunk == 0, let progress, (run + 1) % 1_000 == 0 { progress((run + 1) * chunks) }
                    }
                }
            }
        }
        self.ranks = ranks
        self.parameters = parameters
        intervals = Self.intervals(ranks: ranks, runs: runs, nominal: matrix.nominalRanks)
        groups = groups(reversal: 0.10)
    }

    /// Each unit's interval from its ranks over the runs (`ranks` run by run). One histogram of
    /// ranks, cleared between units over the span that unit's ranks took, serves them all: the
    /// memory is the units, not units × units (20,000 units once took 3.2 GB here).
    static func intervals(ranks: [Int32], runs: Int, nominal: [Int]) -> [UnitInterval] {
        let unitCount = nominal.count
        var counts = [Int](repeating: 0, count: unitCount + 1)
        return (0..<unitCount).map { unit in
            var lowest = Int.max
            var highest = 0
            var sum = 0.0
            for run in 0..<runs {
                let rank = Int(ranks[run * unitCount + unit])
                counts[rank] += 1
                sum += Double(rank)
                lowest = Swift.min(lowest, rank)
                highest = Swift.max(highest, rank)
            }
            let span = lowest <= highest ? lowest..<(highest + 1) : 0..<1
            defer { for rank in span { counts[rank] = 0 } }
            return UnitInterval(
                nominal: nominal[unit],
                median: Statistics.percentile(counts: counts, within: span, total: runs, fraction: 0.5),
                p05: Statistics.percentile(counts: counts, within: span, total: runs, fraction: 0.05),
                p95: Statistics.percentile(counts: counts, within: span, total: runs, fraction: 0.95),
                mean: sum / Double(Swift.max(runs, 1)))
        }
    }

    /// Groups of units whose order is not meaningful: the connected components of the relation
    /// "tie officially, or their order is reversed in at least `reversal` (10 %) of the runs",
    /// over every pair, not only neighbours in the official order (An Giang and Hậu Giang, two
    /// apart, reverse in two runs of three). Each group is in nominal order, groups by their
    /// best member; units alone are left out.
    ///
    /// Only pairs that can reverse that often are counted: with `lo` the rank a unit reaches or
    /// betters in at least `reversal / 2` of the runs and `hi` the rank it is worse than in less
    /// than `reversal / 2`, a pair whose better unit's `hi` is below the other's `lo` reverses in
    /// less than `reversal` of the runs (the union bound), so it is left out exactly, not guessed.
    public func groups(reversal: Double) -> [[Int]] {
        Self.groups(ranks: ranks, runs: runs, nominal: intervals.map(\.nominal), reversal: reversal)
    }

    /// `groups(reversal:)` of the ranks `ranks` (run by run) of units whose official ranks are `nominal`.
    static func groups(ranks: [Int32], runs: Int, nominal: [Int], reversal: Double) -> [[Int]] {
        let unitCount = nominal.count
        guard unitCount > 1, runs > 0 else { return [] }
        let threshold = reversal * Double(runs)
        let (lo, hi) = Self.tails(ranks: ranks, runs: runs, units: unitCount, share: reversal / 2)
        // Candidate pairs (better, worse) in nominal order: those where the better unit's `hi`
        // reaches the worse one's `lo`. Scanning the worse units in nominal order stops where no
        // later unit's `lo` is within reach (the least `lo` of each suffix), so the work is the
        // ranks' spread, not the square of the units.
        let nominalOrder = (0..<unitCount).sorted {
            nominal[$0] != nominal[$1] ? nominal[$0] < nominal[$1] : $0 < $1
        }
        var leastLoFrom = [Int](repeating: Int.max, count: unitCount + 1)
        for index in stride(from: unitCount - 1, through: 0, by: -1) {
            leastLoFrom[index] = Swift.min(leastLoFrom[index + 1], lo[nominalOrder[index]])
        }
        var pairs: [(Int32, Int32)] = []
        for (index, better) in nominalOrder.enumerated() {
            var next = index + 1
            while next < unitCount, leastLoFrom[next] <= hi[better] {
                let worse = nominalOrder[next]
                if lo[worse] <= hi[better] { pairs.append((Int32(better), Int32(worse))) }
                next += 1
            }
        }
        var sets = DisjointSets(count: unitCount)
        // A pair whose units are already in one component cannot change the components: it is
        // not counted. Nearest neighbours come first, so most of a wide block joins early and
        // its farther pairs are skipped; the components are those of every pair counted.
        let needed = Int32(threshold.rounded(.up))
        // Each pair is counted along its two units' runs: from a unit-major copy (16-bit when the
        // ranks fit), read in sequence, where the run-major ranks would cost a cache miss a run.
        let byUnit = unitCount <= Int(Int16.max) ? Self.unitMajor(ranks, runs: runs, units: unitCount) : nil
        ranks.withUnsafeBufferPointer { all in
            for pair in pairs {
                let (better, worse) = (Int(pair.0), Int(pair.1))
                guard sets.root(better) != sets.root(worse) else { continue }
                var reversed: Int32 = 0
                if let byUnit {
                    byUnit.withUnsafeBufferPointer { units in
                        let (b, w) = (better * runs, worse * runs)
                        for run in 0..<runs where units[b + run] > units[w + run] { reversed += 1 }
                    }
                } else {
                    var row = 0
                    for _ in 0..<runs {
                        if all[row + better] > all[row + worse] { reversed += 1 }
                        row += unitCount
                    }
                }
                if reversed >= needed { sets.join(better, worse) }
            }
        }
        // Official ties: units of one nominal rank.
        let byNominal = Dictionary(grouping: 0..<unitCount, by: { nominal[$0] })
        for tied in byNominal.values where tied.count > 1 { for unit in tied.dropFirst() { sets.join(tied[0], unit) } }
        var members: [Int: [Int]] = [:]
        var firstSeen: [Int] = []
        for unit in nominalOrder {
            let group = sets.root(unit)
            if members[group] == nil { firstSeen.append(group) }
            members[group, default: []].append(unit)
        }
        return firstSeen.compactMap { group in members[group].flatMap { $0.count > 1 ? $0 : nil } }
    }

    /// `ranks` (run by run) rearranged unit by unit, as 16-bit ranks; transposed in tiles so
    /// that both sides stay in cache.
    static func unitMajor(_ ranks: [Int32], runs: Int, units: Int) -> [Int16] {
        var byUnit = [Int16](repeating: 0, count: runs * units)
        let tile = 64
        ranks.withUnsafeBufferPointer { source in
            byUnit.withUnsafeMutableBufferPointer { target in
                for runStart in stride(from: 0, to: runs, by: tile) {
                    let runEnd = Swift.min(runStart + tile, runs)
                    for unitStart in stride(from: 0, to: units, by: tile) {
                        let unitEnd = Swift.min(unitStart + tile, units)
                        for run in runStart..<runEnd {
                            for unit in unitStart..<unitEnd { target[unit * runs + run] = Int16(truncatingIfNeeded: source[run * units + unit]) }
                        }
                    }
                }
            }
        }
        return byUnit
    }

    /// Per unit, `lo`: the best rank it takes in at least `share` of the runs counted from the
    /// top (the smallest rank r with P(rank ≤ r) ≥ share), and `hi`: the smallest rank r with
    /// P(rank > r) < share.
    static func tails(ranks: [Int32], runs: Int, units: Int, share: Double) -> (lo: [Int], hi: [Int]) {
        var counts = [Int](repeating: 0, count: units + 2)
        var lo = [Int](repeating: 0, count: units)
        var hi = [Int](repeating: 0, count: units)
        let needed = share * Double(runs)
        for unit in 0..<units {
            var lowest = Int.max
            var highest = 0
            for run in 0..<runs {
                let rank = Int(ranks[run * units + unit])
                counts[rank] += 1
                lowest = Swift.min(lowest, rank)
                highest = Swift.max(highest, rank)
            }
            var below = 0
            lo[unit] = highest
            for rank in lowest...highest {
                below += counts[rank]
                if Double(below) >= needed {
                    lo[unit] = rank
                    break
                }
            }
            var above = 0
            hi[unit] = highest
            for rank in stride(from: highest, through: lowest, by: -1) {
                // `above` counts the runs with a rank worse than `rank`.
                if Double(above + counts[rank]) >= needed {
                    hi[unit] = rank
                    break
                }
                above += counts[rank]
            }
            for rank in lowest...highest { counts[rank] = 0 }
        }
        return (lo, hi)
    }
}
