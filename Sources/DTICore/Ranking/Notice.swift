/// A statement about a whole result that must be shown with it.
public enum Notice: Sendable, Hashable {
    /// Some values are synthetic sample data.
    case syntheticData
    /// The framework is provisional, with the reason.
    case provisionalFramework(String, vi: String? = nil)
    /// Units were merged from one set into another by the mean rule.
    case mergedUnits(from: String, to: String)
    /// The catalogue (e.g. its components) is illustrative, not the official framework.
    case illustrativeCatalogue(String, vi: String? = nil)
    /// Missing values were imputed by a method other than the official 0 points.
    case imputedValues(method: String)
    /// The index was scored with a method of one's own (weights, aggregation, normalisation).
    case customMethod(String)
    /// Fewer than half the units have values: the ranking is of the few that do.
    case fewUnitsWithValues(ranked: Int, units: Int)
    /// Values are stored for units the set does not list (a unit file changed): `units` names
    /// the first of them as `code name`; they are not ranked.
    case valuesOutsideUnitSet(values: Int, unitCount: Int, units: [String])
    /// Some units have values stored for the set itself (`own` names the first, as `name (code)`);
    /// the other `mergedCount` were merged from `from` by the mean rule.
    case ownAndMergedUnits(from: String, to: String, own: [String], ownCount: Int, mergedCount: Int)

    /// A stable machine-readable code.
    public var code: String {
        switch self {
        case .syntheticData: "synthetic-data"
        case .provisionalFramework: "provisional-framework"
        case .mergedUnits: "merged-units"
        case .illustrativeCatalogue: "illustrative-catalogue"
        case .imputedValues: "imputed-values"
        case .customMethod: "custom-method"
        case .fewUnitsWithValues: "few-units-with-values"
        case .valuesOutsideUnitSet: "values-outside-unit-set"
        case .ownAndMergedUnits: "own-and-merged-units"
        }
    }

    /// The English statement.
    public var message: String {
        switch self {
        case .syntheticData:
            "SAMPLE DATA: these values are synthetic, made for demonstration; they are not official DTI results."
        case let .provisionalFramework(reason, _):
            "PROVISIONAL FRAMEWORK: \(reason)"
        case let .mergedUnits(from, to):
            "Units of \(from) merged into \(to): each merged unit's main indicators are the unweighted mean of its members' values, then scored (the official 2024 rule)."
        case let .illustrativeCatalogue(reason, _):
            "ILLUSTRATIVE CATALOGUE: \(reason)"
        case let .imputedValues(method):
            "NOT THE OFFICIAL METHOD: missing values were imputed (\(method)); the official method gives a missing value 0 points."
        case let .customMethod(method):
            "NOT THE OFFICIAL METHOD: the DTI and its ranks here are scored with your own method (\(method)); the pillars and indicators are the official figures, and the published DTI uses the official points, the weighted sum and the shares as they are."
        case let .fewUnitsWithValues(ranked, units):
            "ONLY \(NumberText.grouped(ranked, separator: ",")) OF \(NumberText.grouped(units, separator: ",")) UNITS HAVE VALUES for this edition: the ranking is of those \(NumberText.grouped(ranked, separator: ",")) alone, and the others are unranked; check that every file was imported."
        case let .ownAndMergedUnits(from, to, own, ownCount, mergedCount):
            "\(ownCount) unit\(ownCount == 1 ? " is" : "s are") scored from \(ownCount == 1 ? "its" : "their") own values for \(to) (\(Self.listed(own, of: ownCount)), flagged own-values); the other \(mergedCount) are merged from the units of \(from): each merged unit's main indicators are the unweighted mean of its members' values, then scored (the official 2024 rule)."
        case let .valuesOutsideUnitSet(values, unitCount, units):
            "\(values) stored value\(values == 1 ? "" : "s") belong\(values == 1 ? "s" : "") to \(unitCount) unit\(unitCount == 1 ? "" : "s") that the unit set no longer lists (\(Self.listed(units, of: unitCount))): not ranked; 'dti history CODE --units FILE --year YEAR' shows them."
        }
    }

    /// `a, b, c and 4 more`.
    static func listed(_ names: [String], of count: Int) -> String {
        names.joined(separator: ", ") + (count > names.count ? " and \(count - names.count) more" : "")
    }
}
