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
    public var message: String { wording.text(.en) }

    /// The statement in every language (the message catalogue's `notice.…`).
    public var wording: Wording {
        switch self {
        case .syntheticData:
            return Messages.Page.sampleBanner
        case let .provisionalFramework(reason, vi):
            return Messages.Notice.provisionalFramework(reason: Wording.name(en: reason, vi: vi ?? reason))
        case let .mergedUnits(from, to):
            return Messages.Notice.mergedUnits(from: UnitSetChange.listName(from), to: UnitSetChange.listName(to))
        case let .illustrativeCatalogue(reason, vi):
            return Messages.Notice.illustrativeCatalogue(reason: Wording.name(en: reason, vi: vi ?? reason))
        case let .imputedValues(method):
            return Messages.Notice.imputedValues(method: method)
        case let .customMethod(method):
            return Messages.Notice.customMethod(method: method)
        case let .fewUnitsWithValues(ranked, units):
            return Messages.Notice.fewUnitsWithValues(ranked: GroupedCount(ranked), units: GroupedCount(units))
        case let .ownAndMergedUnits(from, to, own, ownCount, mergedCount):
            let named = Self.listed(own, of: ownCount)
            let (from, to) = (UnitSetChange.listName(from), UnitSetChange.listName(to))
            return ownCount == 1
                ? Messages.Notice.ownAndMergedUnitsOne(to: to, own: named, merged: mergedCount, from: from)
                : Messages.Notice.ownAndMergedUnits(count: ownCount, to: to, own: named, merged: mergedCount, from: from)
        case let .valuesOutsideUnitSet(values, unitCount, units):
            let named = Self.listed(units, of: unitCount)
            if values == 1 { return Messages.Notice.valueOutsideUnitSet(units: named) }
            return unitCount == 1
                ? Messages.Notice.valuesOutsideOneUnit(values: values, units: named)
                : Messages.Notice.valuesOutsideUnitSet(values: values, unitCount: unitCount, units: named)
        }
    }

    /// `a, b, c and 4 more`.
    static func listed(_ names: [String], of count: Int) -> Wording {
        let shown = names.joined(separator: ", ")
        return count > names.count ? Messages.Notice.listedAndMore(names: shown, count: count - names.count) : Wording.same(shown)
    }
}
