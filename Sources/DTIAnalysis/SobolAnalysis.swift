import DTICore

/// Which assumption matters: first-order and total Sobol indices of each uncertain input, for the
/// mean absolute rank shift and for each unit's rank.
///
/// Saltelli's design: two matrices A and B of N points in [0, 1)^d, and for each input i the
/// matrix A_B(i), A with its column i taken from B; N·(d + 2) runs in all. With V the variance of
/// the outputs of A and B together (over 2N), the first-order index is
/// Sᵢ = mean(y_B · (y_AB(i) − y_A)) / V (Saltelli 2010) and the total index
/// STᵢ = mean((y_A − y_AB(i))²) / (2V) (Jansen 1999). Intervals are the 2.5th and 97.5th
/// percentiles over bootstrap resamples of the N rows.
public struct SobolAnalysis: Sendable {
    /// An index with its bootstrap interval; `nil` throughout when the output does not vary.
    public struct Estimate: Sendable, Hashable {
        public var value: Double
        public var low: Double
        public var high: Double
    }

    /// The indices of one input.
    public struct InputIndices: Sendable, Hashable {
        /// The input (`weight:<id>`, `aggregation`, `imputation`).
        public var input: String
        /// First-order index.
        public var first: Estimate?
        /// Total index.
        public var total: Estimate?
    }

    /// The uncertain inputs, in design order.
    public let inputs: [String]
    /// N, the rows of A and B.
    public let baseRuns: Int
    /// Runs made: N·(d + 2).
    public var runs: Int { baseRuns * (inputs.count + 2) }
    /// The indices for the mean absolute rank shift.
    public let overall: [InputIndices]
    /// The indices for each unit's rank, in the matrix's order.
    public let perUnit: [[InputIndices]]

    /// Bootstrap resamples.
    public static let resamples = 200

    /// The fewest rows N of the design: with fewer, the estimators stray far outside [0, 1]
    /// (S = −23 was printed for 20 runs), which reads as a result but is noise.
    public static let minimumBaseRuns = 100

    /// The fewest runs that give `minimumBaseRuns` rows for `inputs` uncertain inputs.
    public static func minimumRuns(inputs: Int) -> Int { minimumBaseRuns * (inputs + 2) }

    /// Runs the design with about `runs` runs (N = runs / (d + 2), at least 2); `nil` when no
    /// input is uncertain.
    public init?(kernel: IndexKernel, assumptions: Assumptions, runs: Int, seed: UInt64) {
        let matrix = kernel.matrix
        let inputs = assumptions.inputNames(elements: matrix.elements.map(\.id))
        guard !inputs.isEmpty else { return nil }
        let d = inputs.count
        let n = Swift.max(2, runs / (d + 2))
        self.inputs = inputs
        baseRuns = n
        let unitCount = matrix.units.count

        var scores = [Double](repeating: 0, count: unitCount)
        var order = Array(0..<unitCount)
        var runRanks = [Int](repeating: 0, count: unitCount)
        /// Ranks of a point, and the mean absolute shift from the official ranks.
        func evaluate(_ u: [Double]) -> (ranks: [Double], shift: Double) {
            let parameters = RunParameters(u, assumptions: assumptions, elementCount: matrix.elements.count)
            kernel.scores(parameters, into: &scores)
            IndexKernel.rank(scores, order: &order, into: &runRanks)
            var shift = 0.0
            for unit in 0..<unitCount { shift += Double(abs(runRanks[unit] - matrix.nominalRanks[unit])) }
            return (runRanks.map(Double.init), shift / Double(unitCount))
        }

        // Outputs: index 0 is the mean shift, 1…units each unit's rank.
        let outputs = unitCount + 1
        var yA = [[Double]](repeating: [], count: outputs)
        var yB = [[Double]](repeating: [], count: outputs)
        var yAB = [[[Double]]](repeating: [[Double]](repeating: [], count: outputs), count: d)
        for row in 0..<n {
            var stream = RandomStream(seed: seed, run: UInt64(row))
            let a = (0..<d).map { _ in stream.uniform() }
            let b = (0..<d).map { _ in stream.uniform() }
            func record(_ result: (ranks: [Double], shift: Double), into target: inout [[Double]]) {
                target[0].append(result.shift)
                for unit in 0..<unitCount { target[unit + 1].append(result.ranks[unit]) }
            }
            record(evaluate(a), into: &yA)
            record(evaluate(b), into: &yB)
            for input in 0..<d {
                var mixed = a
                mixed[input] = b[input]
                record(evaluate(mixed), into: &yAB[input])
            }
        }

        var bootstrap = RandomStream(seed: seed ^ 0xB007_5742, run: 0)
        let samples = (0..<Self.resamples).map { _ in (0..<n).map { _ in Int(bootstrap.next() % UInt64(n)) } }
        func indices(output: Int) -> [InputIndices] {
            (0..<d).map { input in
                let point = Self.estimate(yA[output], yB[output], yAB[input][output], rows: Array(0..<n))
                guard let point else { return InputIndices(input: inputs[input], first: nil, total: nil) }
                let resampled = samples.compactMap { Self.estimate(yA[output], yB[output], yAB[input][output], rows: $0) }
                func interval(_ value: Double, _ pick: ((first: Double, total: Double)) -> Double) -> Estimate {
                    let sorted = resampled.map(pick).sorted()
                    guard !sorted.isEmpty else { return Estimate(value: value, low: value, high: value) }
                    let low = sorted[Swift.min(sorted.count - 1, Int(0.025 * Double(sorted.count)))]
                    let high = sorted[Swift.min(sorted.count - 1, Int(0.975 * Double(sorted.count)))]
                    return Estimate(value: value, low: low, high: high)
                }
                return InputIndices(input: inputs[input], first: interval(point.first, \.first), total: interval(point.total, \.total))
            }
        }
        overall = indices(output: 0)
        perUnit = (0..<unitCount).map { indices(output: $0 + 1) }
    }

    /// First-order and total index from the rows `rows` of the design; `nil` without variance.
    static func estimate(_ yA: [Double], _ yB: [Double], _ yAB: [Double], rows: [Int]) -> (first: Double, total: Double)? {
        let count = Double(rows.count)
        var sum = 0.0
        var sumSquares = 0.0
        for row in rows {
            sum += yA[row] + yB[row]
            sumSquares += yA[row] * yA[row] + yB[row] * yB[row]
        }
        let mean = sum / (2 * count)
        let variance = sumSquares / (2 * count) - mean * mean
        guard variance > 1e-12 else { return nil }
        var first = 0.0
        var total = 0.0
        for row in rows {
            first += yB[row] * (yAB[row] - yA[row])
            total += (yA[row] - yAB[row]) * (yA[row] - yAB[row])
        }
        return (first / count / variance, total / (2 * count) / variance)
    }
}
