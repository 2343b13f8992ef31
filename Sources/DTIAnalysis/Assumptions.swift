/// How the index's elements are combined in a run.
public enum Aggregation: String, Sendable, Hashable, CaseIterable {
    /// The official method: the points-weighted sum of shares.
    case sum
    /// The weighted geometric mean of shares, Π shareᵢ^wᵢ (weights summing to 1), with a share
    /// below `GeometricMean.floor` taken as that floor: a weak element cannot be made up for by a
    /// strong one, and a zero lowers the index sharply without erasing the rest.
    case geometric
}

/// What a missing value becomes in a run.
public enum Imputation: String, Sendable, Hashable, CaseIterable {
    /// The official method: 0 points.
    case zero
    /// The mean of the units of the same region that have it (the national mean when none does).
    case regionMean = "region-mean"
    /// The national median of the units that have it.
    case median
}

extension Imputation {
    /// The value a missing share takes for a unit of `region`, from the shares `given` by the
    /// units that have one; `nil` for `zero` (it stays 0) or when no unit gave one.
    public func value(region: String?, given: [(region: String?, value: Double)]) -> Double? {
        guard self != .zero, !given.isEmpty else { return nil }
        func mean(_ values: [(region: String?, value: Double)]) -> Double { values.reduce(0) { $0 + $1.value } / Double(values.count) }
        switch self {
        case .zero: return nil
        case .median: return Statistics.median(given.map(\.value))
        case .regionMean:
            let sameRegion = given.filter { $0.region != nil && $0.region == region }
            return mean(sameRegion.isEmpty ? given : sameRegion)
        }
    }
}

/// The assumptions varied from run to run.
public struct Assumptions: Sendable, Hashable {
    /// Each element's weight is multiplied by a factor drawn uniformly in [1 − spread, 1 + spread],
    /// then all are rescaled to the same total; 0 keeps the official weights.
    public var weightSpread: Double
    /// The aggregations a run picks from, uniformly.
    public var aggregations: [Aggregation]
    /// The treatments of missing values a run picks from, uniformly.
    public var imputations: [Imputation]
    /// The normalisations a run picks from, uniformly.
    public var normalisations: [Normalisation]

    /// The assumptions varied unless told otherwise, by `dti sensitivity` and by `dti report
    /// --uncertainty` alike, so the command and the report never give two intervals for one rank:
    /// each main indicator's weight within ±25 % (rescaled to the same total), the official sum or a
    /// weighted geometric mean, missing values as the official method counts them.
    public static let standard = Assumptions(weightSpread: 0.25, aggregations: [.sum, .geometric])

    /// The assumptions; with the defaults, every run is the official method.
    public init(
        weightSpread: Double = 0, aggregations: [Aggregation] = [.sum], imputations: [Imputation] = [.zero],
        normalisations: [Normalisation] = [.official]
    ) {
        self.weightSpread = weightSpread
        self.aggregations = aggregations.isEmpty ? [.sum] : aggregations
        self.imputations = imputations.isEmpty ? [.zero] : imputations
        self.normalisations = normalisations.isEmpty ? [.official] : normalisations
    }

    /// The uncertain inputs, as a sensitivity analysis names them: one factor per element, then
    /// the aggregation and the imputation when there is a choice.
    public func inputNames(elements: [String]) -> [String] {
        var names = weightSpread > 0 ? elements.map { "weight:\($0)" } : []
        if aggregations.count > 1 { names.append("aggregation") }
        if imputations.count > 1 { names.append("imputation") }
        if normalisations.count > 1 { names.append("normalisation") }
        return names
    }
}

/// The parameters of one run.
public struct RunParameters: Sendable, Hashable {
    /// The factor each element's weight was multiplied by (before rescaling).
    public var factors: [Double]
    /// The aggregation used.
    public var aggregation: Aggregation
    /// The treatment of missing values used.
    public var imputation: Imputation
    /// The normalisation used.
    public var normalisation: Normalisation

    /// Parameters given outright (a scenario of one's own).
    public init(factors: [Double], aggregation: Aggregation, imputation: Imputation = .zero, normalisation: Normalisation = .official) {
        self.factors = factors
        self.aggregation = aggregation
        self.imputation = imputation
        self.normalisation = normalisation
    }

    /// The parameters that points `u` (one number in [0, 1) per uncertain input, in the order of
    /// `Assumptions.inputNames`) stand for.
    public init(_ u: [Double], assumptions: Assumptions, elementCount: Int) {
        var next = 0
        if assumptions.weightSpread > 0 {
            factors = (0..<elementCount).map { 1 - assumptions.weightSpread + 2 * assumptions.weightSpread * u[$0] }
            next = elementCount
        } else {
            factors = [Double](repeating: 1, count: elementCount)
        }
        func pick<T>(_ options: [T]) -> T {
            guard options.count > 1 else { return options[0] }
            let chosen = options[min(Int(u[next] * Double(options.count)), options.count - 1)]
            next += 1
            return chosen
        }
        aggregation = pick(assumptions.aggregations)
        imputation = pick(assumptions.imputations)
        normalisation = pick(assumptions.normalisations)
    }
}

/// The lower bound of a share in a geometric mean.
public enum GeometricMean {
    /// A share below one thousandth counts as one thousandth.
    public static let floor = 0.001
}
