/// How a component indicator's raw value (a count, a share, yes/no) becomes points.
///
/// The rules are the kinds the ministry's guidance uses for the 98 components of Decision 922;
/// each is defined so that it can be computed by hand and checked in a test.
public enum ComponentRule: Sendable, Hashable {
    /// `min(value ÷ target, 1) × points`: e.g. a share of documents signed against a 100 % target.
    case ratio(target: Double)
    /// The points of the highest step whose threshold the value reaches, 0 below the first.
    case steps([Step])
    /// 1 earns all the points, 0.5 half, 0 none (cells may say yes, half, no, có, một phần, không).
    case yesHalfNo
    /// `value ÷ best value among the units of the edition × points` (0 for all when the best is 0).
    case relativeToBest

    /// One threshold of a `steps` rule.
    public struct Step: Sendable, Hashable {
        /// The smallest value that earns `points`.
        public var atLeast: Double
        /// Points earned from `atLeast` up to the next step.
        public var points: Double

        /// Creates a step.
        public init(atLeast: Double, points: Double) {
            self.atLeast = atLeast
            self.points = points
        }
    }

    /// The rule's name in catalogue files.
    public var name: String {
        switch self {
        case .ratio: "ratio"
        case .steps: "steps"
        case .yesHalfNo: "yes_half_no"
        case .relativeToBest: "relative_to_best"
        }
    }

    /// The names catalogue files may use.
    public static let names = ["ratio", "steps", "yes_half_no", "relative_to_best"]

    /// Points earned by `value` out of `maximum`; `best` is the best value among the units of the
    /// edition (used by `relativeToBest` only).
    public func points(for value: Double, maximum: Double, best: Double) -> Double {
        switch self {
        case let .ratio(target):
            guard target > 0 else { return 0 }
            return min(max(value / target, 0), 1) * maximum
        case let .steps(steps):
            var earned = 0.0
            for step in steps where value >= step.atLeast { earned = step.points }
            return min(earned, maximum)
        case .yesHalfNo:
            if value >= 1 { return maximum }
            if value >= 0.5 { return maximum / 2 }
            return 0
        case .relativeToBest:
            guard best > 0 else { return 0 }
            return min(max(value / best, 0), 1) * maximum
        }
    }

    /// What is wrong with the rule's parameters for a component worth `maximum` points, if anything.
    public func problem(maximum: Double) -> Wording? {
        switch self {
        case let .ratio(target):
            return target.isFinite && target > 0
                ? nil : Messages.Core.ratioRuleNeedsTarget0(target: target)
        case let .steps(steps):
            if steps.isEmpty { return Messages.Core.stepsRuleNeedsAtLeast }
            for (previous, next) in zip(steps, steps.dropFirst()) where next.atLeast <= previous.atLeast {
                return Messages.Core.stepThresholdsMustIncreaseBut(atLeast: next.atLeast, atLeast2: previous.atLeast)
            }
            if let tooMany = steps.first(where: { $0.points > maximum || $0.points < 0 }) {
                return Messages.Core.stepEarnsPointsOutside0(points: tooMany.points, maximum: maximum)
            }
            return nil
        case .yesHalfNo, .relativeToBest:
            return nil
        }
    }
}

/// What a component's raw value is, for reading cells and checking ranges.
public enum ComponentMeasure: String, Sendable, Hashable, CaseIterable {
    /// A share in [0, 1]; cells may be written `97%` or `a/b`.
    case share
    /// A count or amount ≥ 0.
    case count
    /// 1 (yes), 0.5 (half) or 0 (no).
    case yesHalfNo = "yes_half_no"

    /// The values allowed unless the catalogue declares a narrower range.
    public var defaultRange: ClosedRange<Double> {
        switch self {
        case .share, .yesHalfNo: 0...1
        case .count: 0...Double.greatestFiniteMagnitude
        }
    }
}

/// The scoring part of a component entry: its rule, what its values measure and their range.
public struct ComponentScoringRule: Sendable, Hashable {
    /// How the raw value becomes points.
    public var rule: ComponentRule
    /// What the raw value is.
    public var measure: ComponentMeasure
    /// The values a data file may give.
    public var range: ClosedRange<Double>

    /// Creates a component's scoring rule; `range` defaults to the measure's.
    public init(rule: ComponentRule, measure: ComponentMeasure, range: ClosedRange<Double>? = nil) {
        self.rule = rule
        self.measure = measure
        self.range = range ?? measure.defaultRange
    }
}
