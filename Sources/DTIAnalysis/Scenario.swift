import DTICore

/// A method of one's own: other points for some main indicators (pillars for 2020), another
/// aggregation, another normalisation. Scored with the same kernel as `dti sensitivity` (the
/// catalogue's linear weights, the same weight rescaling, the same geometric mean with its 0.001
/// floor), so `dti rank --weights …`, the report's sandbox and a sensitivity run agree exactly.
/// Never the official method: every output that shows it says so.
public struct Scenario: Sendable, Hashable {
    /// Points by element id (or its Vietnamese or English name, with or without diacritics), for
    /// the elements given; the others keep their official points.
    public var points: [String: Double]
    public var aggregation: Aggregation
    public var normalisation: Normalisation

    public init(points: [String: Double] = [:], aggregation: Aggregation = .sum, normalisation: Normalisation = .official) {
        self.points = points
        self.aggregation = aggregation
        self.normalisation = normalisation
    }

    /// Whether it is the official method (then nothing is rescored).
    public var isOfficial: Bool { points.isEmpty && aggregation == .sum && normalisation == .official }

    /// Why a scenario cannot be scored, as one sentence for the option that set it.
    public enum Problem: Error, Sendable, Hashable, CustomStringConvertible, WordedError {
        case unknownElement(String, known: [String])
        case negativePoints(String, Double)
        case noPoints
        /// The points add up to a number the arithmetic cannot divide by (too small: subnormal;
        /// too large: infinite).
        case unusableTotal(Double)
        case zscoreWithGeometric
        case givenTwice(String)

        public var description: String { wording.text(.en) }

        /// What is wrong with the scenario and how to fix it.
        public var wording: Wording {
            switch self {
            case let .unknownElement(id, known):
                Messages.Analysis.weightsUnknownElement(
                    known: known.joined(separator: ", "), id: id, hint: Suggestions.sentence(for: id, among: known))
            case let .negativePoints(id, points):
                Messages.Analysis.weightsNegative(points: ExactNumber(points), id: id)
            case .noPoints:
                Messages.Analysis.weightsAllZero
            case let .unusableTotal(total):
                total.isInfinite
                    ? Messages.Analysis.weightsTotalTooLarge(total: total) : Messages.Analysis.weightsTotalTooSmall(total: total)
            case .zscoreWithGeometric:
                Messages.Analysis.zscoreWithGeometric
            case let .givenTwice(id):
                Messages.Analysis.weightsGivenTwice(id: id)
            }
        }
    }

    /// The scenario with every element given by its id, whether it was given by id or by name
    /// ("Hoạt động chính quyền số", "hoat dong chinh quyen so", "Digital-government activity"),
    /// and without the elements given their official points: official points everywhere, the sum
    /// and the shares are the official method, scored and ranked as the official DTI (so the
    /// report's sandbox, which drops them from its link, and `dti rank` agree).
    public func resolved(for matrix: IndexMatrix) throws(Problem) -> Scenario {
        let ids = matrix.elements.map(\.id)
        var seen: Set<String> = []
        var byID: [String: Double] = [:]
        for (key, value) in points.sorted(by: { $0.key < $1.key }) {
            let folded = TextFolding.fold(key)
            guard
                let element = matrix.elements.first(where: { $0.id == key })
                    ?? matrix.elements.first(where: { TextFolding.fold($0.nameVI) == folded || TextFolding.fold($0.nameEN) == folded })
            else { throw .unknownElement(key, known: ids) }
            guard value >= 0, value.isFinite else { throw .negativePoints(key, value) }
            guard seen.insert(element.id).inserted else { throw .givenTwice(element.id) }
            if value != element.points { byID[element.id] = value }
        }
        return Scenario(points: byID, aggregation: aggregation, normalisation: normalisation)
    }

    /// The factor of each element of `matrix` (given points ÷ official points), or the problem.
    public func factors(for matrix: IndexMatrix) throws(Problem) -> [Double] {
        let points = try resolved(for: matrix).points
        if aggregation == .geometric, normalisation == .zscore { throw .zscoreWithGeometric }
        let factors = matrix.elements.map { element in points[element.id].map { $0 / element.points } ?? 1 }
        guard factors.contains(where: { $0 > 0 }) else { throw .noPoints }
        // Shares are points over their total: a total that is not a normal number (1e-320, or
        // past the largest double) would divide into infinities and NaNs.
        let total = matrix.elements.reduce(0.0) { $0 + (points[$1.id] ?? $1.points) }
        guard total.isNormal, total > 0 else { throw .unusableTotal(total) }
        return factors
    }

    /// Each ranked unit's index under the scenario, in the matrix's order.
    public func scores(_ matrix: IndexMatrix) throws(Problem) -> [Double] {
        let factors = try factors(for: matrix)
        var scores = [Double](repeating: 0, count: matrix.units.count)
        IndexKernel(matrix, imputations: [.zero], normalisations: [normalisation]).scores(
            RunParameters(factors: factors, aggregation: aggregation, normalisation: normalisation), into: &scores)
        return scores
    }

    /// The scenario as the options that give it (`--weights government_activity=400 --aggregation
    /// geometric`): the same in every language, and what a reader types to get it again.
    public var options: String {
        var parts: [String] = []
        if !points.isEmpty {
            parts.append("--weights " + points.keys.sorted().map { "\($0)=\(NumberText.exact(points[$0] ?? 0))" }.joined(separator: ","))
        }
        if aggregation != .sum { parts.append("--aggregation \(aggregation.rawValue)") }
        if normalisation != .official { parts.append("--normalise \(normalisation.rawValue)") }
        return parts.joined(separator: " ")
    }
}

extension Scenario {
    /// `result` with each ranked unit's index and its rank as the scenario gives them; every other
    /// figure stays official, and the result carries the notice that this is not the official method.
    public func apply(to result: EditionResult) throws -> EditionResult {
        guard !isOfficial else { return result }
        let matrix = try IndexMatrix(result)
        let scenario = try resolved(for: matrix)
        // Official points everywhere, the sum and the shares: nothing to rescore (and no problem
        // to find, since every factor is 1).
        guard !scenario.isOfficial else { return result }
        let scores = try scenario.scores(matrix)
        var ranks = [Int](repeating: 0, count: scores.count)
        var order = Array(scores.indices)
        IndexKernel.rank(scores, order: &order, into: &ranks)
        var byCode: [String: (score: Double, rank: Int)] = [:]
        for (unit, unitInfo) in matrix.units.enumerated() { byCode[unitInfo.code] = (scores[unit], ranks[unit]) }
        return result.replacingIndex(byCode, customMethod: scenario.options)
    }
}
