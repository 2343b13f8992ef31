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
    public var message: String {
        switch self {
        case let .missingValue(id): "no value for '\(id)': counted as 0 points"
        case let .memberMissingValue(id, _, name): "\(name) has no value for '\(id)': counted as 0 in the mean"
        case let .merged(_, names): "mean of the main indicators of \(names.joined(separator: ", "))"
        case .noData: "no data for this edition: not ranked"
        case let .componentsOverridden(id):
            "'\(id)' was given directly and through components: the given value was used, the components ignored"
        case let .imputed(id, method): "no value for '\(id)': imputed (\(method)), NOT the official method (0 points)"
        case .ownValues: "scored from its own values for this unit set, not merged from its members"
        }
    }

    /// A short form for narrow table cells, e.g. `missing:society_activity`.
    public var shortForm: String {
        switch self {
        case let .missingValue(id): "missing:\(id)"
        case let .memberMissingValue(id, code, _): "missing:\(id)@\(code)"
        case let .merged(codes, _): "merged:\(codes.joined(separator: "+"))"
        case .noData: "no-data"
        case let .componentsOverridden(id): "given:\(id)"
        case let .imputed(id, method): "imputed:\(id)(\(method))"
        case .ownValues: "own-values"
        }
    }
}
