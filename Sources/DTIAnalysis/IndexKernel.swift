import DTICore

/// Rescores and reranks every unit of an `IndexMatrix` under a run's parameters: a flat loop over
/// the matrix with the weights of the run, the shares (or their logarithms) prepared once per
/// treatment of missing values. This is what makes ten thousand runs take milliseconds.
public struct IndexKernel: Sendable {
    /// The matrix rescored.
    public let matrix: IndexMatrix
    /// A treatment of missing values and a normalisation: what the shares are prepared for.
    struct Preparation: Hashable {
        var imputation: Imputation
        var normalisation: Normalisation
    }
    /// Shares by preparation, row by row.
    private let sharesByPreparation: [Preparation: [Double]]
    /// Natural logarithms of the floored shares, by preparation.
    private let logsByPreparation: [Preparation: [Double]]

    /// A kernel over `matrix` for the treatments of missing values in `imputations` and the
    /// normalisations in `normalisations`: each pair's shares are prepared once. Missing values are
    /// imputed first; an imputed value then counts as given when the column is normalised.
    public init(_ matrix: IndexMatrix, imputations: [Imputation], normalisations: [Normalisation] = [.official]) {
        self.matrix = matrix
        var shares: [Preparation: [Double]] = [:]
        var logs: [Preparation: [Double]] = [:]
        for imputation in Set(imputations + [.zero]) {
            let imputed = Self.impute(matrix, imputation)
            let missing = imputation == .zero ? matrix.missing : [Bool](repeating: false, count: matrix.missing.count)
            for normalisation in Set(normalisations + [.official]) {
                let prepared = normalisation.normalised(matrix.replacingShares(imputed, missing: missing))
                let key = Preparation(imputation: imputation, normalisation: normalisation)
                shares[key] = prepared
                logs[key] = prepared.map { Elementary.naturalLog(Swift.max($0, GeometricMean.floor)) }
            }
        }
        sharesByPreparation = shares
        logsByPreparation = logs
    }

    /// The shares with missing values treated by `imputation`.
    static func impute(_ matrix: IndexMatrix, _ imputation: Imputation) -> [Double] {
        var shares = matrix.shares
        guard imputation != .zero, matrix.missing.contains(true) else { return shares }
        let columns = matrix.elements.count
        for element in 0..<columns {
            var given: [(region: String?, value: Double)] = []
            for unit in matrix.units.indices where !matrix.missing[unit * columns + element] {
                given.append((matrix.units[unit].regionID, matrix.shares[unit * columns + element]))
            }
            for unit in matrix.units.indices where matrix.missing[unit * columns + element] {
                if let value = imputation.value(region: matrix.units[unit].regionID, given: given) { shares[unit * columns + element] = value }
            }
        }
        return shares
    }

    /// The run's weights: the official ones times `factors`, rescaled to the official total.
    public func weights(_ factors: [Double]) -> [Double] {
        var scaled = [Double](repeating: 0, count: factors.count)
        var total = 0.0
        var official = 0.0
        for index in factors.indices {
            scaled[index] = matrix.weights[index] * factors[index]
            total += scaled[index]
            official += matrix.weights[index]
        }
        guard total > 0 else { return matrix.weights }
        let ratio = official / total
        for index in scaled.indices { scaled[index] *= ratio }
        return scaled
    }

    /// Each unit's index under `parameters`, into `scores`.
    public func scores(_ parameters: RunParameters, into scores: inout [Double]) {
        let weights = weights(parameters.factors)
        let columns = weights.count
        let total = weights.reduce(0, +)
        switch parameters.aggregation {
        case .sum:
            let shares = sharesByPreparation[Preparation(imputation: parameters.imputation, normalisation: parameters.normalisation)] ?? matrix.shares
            shares.withUnsafeBufferPointer { shares in
                for unit in 0..<matrix.units.count {
                    var sum = 0.0
                    let row = unit * columns
                    for element in 0..<columns { sum += weights[element] * shares[row + element] }
                    scores[unit] = sum
                }
            }
        case .geometric:
            let logs = logsByPreparation[Preparation(imputation: parameters.imputation, normalisation: parameters.normalisation)] ?? []
            logs.withUnsafeBufferPointer { logs in
                for unit in 0..<matrix.units.count {
                    var sum = 0.0
                    let row = unit * columns
                    for element in 0..<columns { sum += weights[element] * logs[row + element] }
                    // A geometric mean on the same 0…total scale as the sum.
                    scores[unit] = total * Elementary.exponential(sum / total)
                }
            }
        }
    }

    /// Competition ranks ("1, 2, 2, 4") of `scores` at published precision, into `ranks`.
    public static func rank(_ scores: [Double], order: inout [Int], into ranks: inout [Int]) {
        let keys = scores.map(PublishedPrecision.key)
        order.sort { keys[$0] != keys[$1] ? keys[$0] > keys[$1] : $0 < $1 }
        var previous = Int64.min
        var rank = 0
        for (offset, unit) in order.enumerated() {
            if keys[unit] != previous {
                rank = offset + 1
                previous = keys[unit]
            }
            ranks[unit] = rank
        }
    }
}
