/// Something a reader must know about one unit's result; shown in every output, never dropped.
public enum UnitFlag: Sendable, Hashable, Codable {
    /// No value for this entry: it earned 0 points.
    case missingValue(indicatorID: String)
    /// A merged unit's member had no value for this entry: it counted as 0 in the mean.
    case memberMissingValue(indicatorID: String, memberCode: String, memberName: String)
    /// The unit was computed from the mean of its members' values (the official merger rule).
    case merged(memberCodes: [String], memberNames: [String])
    /// No value at all for this edition: listed, not ranked.
    case noData
    /// The main indicator was given directly and through components: the given value was used.
    case componentsOverridden(indicatorID: String)
    /// The value was missing and imputed by `method` (`dti rank --impute`): not the official method.
    case imputed(indicatorID: String, method: String)
    /// Scored from values stored for the unit itself in `unitSetID` (its own file for the 34),
    /// where the other units of the edition are merged from their members.
    case ownValues(unitSetID: String)

    /// A stable machine-readable code.
    public var code: String {
        switch self {
        case .missingValue: "missing-value"
        case .memberMissingValue: "member-missing-value"
        case .merged: "merged"
        case .noData: "no-data"
        case .componentsOverridden: "components-overridden"
        case .imputed: "imputed"
        case .ownValues: "own-values"
        }
    }

    /// The entry concerned, if any.
    public var indicatorID: String? {
        switch self {
        case let .missingValue(id), let .memberMissingValue(id, _, _), let .componentsOverridden(id), let .imputed(id, _): id
        case .merged, .noData, .ownValues: nil
        }
    }

    /// Whether the flag warns about the value (as opposed to explaining how it was formed).
    public var isWarning: Bool {
        switch self {
        case .merged, .ownValues: false
        case .missingValue, .memberMissingValue, .noData, .componentsOverridden, .imputed: true
        }
    }

    /// Whether a row shows the flag beside its values (a table's flags cell, a profile's notes):
    /// every warning, and own values, which tell the unit apart from its merged neighbours. A
    /// merge is shown in a column of its own ("formed from").
    public var isShownWithTheRow: Bool {
        if case .ownValues = self { return true }
        return isWarning
    }

    /// A one-line English explanation.
    public var message: String { wording().text(.en) }

    /// The flag's explanation in every language: an entry by its id in English, by its name with
    /// the id after in Vietnamese when `catalogue` knows it ("Thể chế số (institutions)").
    public func wording(catalogue: IndicatorCatalogue? = nil) -> Wording {
        func entry(_ id: String) -> Wording {
            Wording.name(en: id, vi: catalogue?.node(id).map { "\($0.nameVI) (\(id))" } ?? "'\(id)'")
        }
        switch self {
        case let .missingValue(id): return Messages.Flag.missingValue(entry: entry(id))
        case let .memberMissingValue(id, _, name): return Messages.Flag.memberMissingValue(member: name, entry: entry(id))
        case let .merged(_, names): return Messages.Flag.merged(members: names.joined(separator: ", "))
        case .noData: return Messages.Flag.noData
        case let .componentsOverridden(id): return Messages.Flag.componentsOverridden(entry: entry(id))
        case let .imputed(id, method): return Messages.Flag.imputed(entry: entry(id), method: method)
        case .ownValues: return Messages.Flag.ownValues
        }
    }

    /// The short form for a narrow table cell: in English the stable code scripts see
    /// (`missing:institutions@93`); in Vietnamese, which a reader reads, the entry and the member by
    /// their names when `catalogue` knows them ("thiếu: Thể chế số (Hậu Giang)").
    public func shortWording(catalogue: IndicatorCatalogue? = nil) -> Wording {
        func entry(_ id: String) -> Wording { Wording.name(en: id, vi: catalogue?.node(id)?.nameVI ?? id) }
        switch self {
        case let .missingValue(id): return Messages.Flag.missingValueShort(entry: entry(id))
        case let .memberMissingValue(id, code, name):
            return Messages.Flag.memberMissingValueShort(entry: entry(id), member: Wording.name(en: code, vi: name))
        case let .merged(codes, names):
            return Messages.Flag.mergedShort(members: Wording.name(en: codes.joined(separator: "+"), vi: names.joined(separator: " + ")))
        case .noData: return Messages.Flag.noDataShort
        case let .componentsOverridden(id): return Messages.Flag.componentsOverriddenShort(entry: entry(id))
        case let .imputed(id, method): return Messages.Flag.imputedShort(entry: entry(id), method: method)
        case .ownValues: return Messages.Flag.ownValuesShort
        }
    }

    /// A short form for narrow table cells, e.g. `missing:society_activity`.
    public var shortForm: String { shortWording().text(.en) }
}
