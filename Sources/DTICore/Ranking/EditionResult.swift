/// One unit's scored and ranked line of an edition.
public struct ResultRow: Sendable, Hashable {
    /// The unit.
    public var unit: AdministrativeUnit
    /// Every catalogue entry's value at full precision, keyed by entry id (the index under its id,
    /// usually `dti`).
    public var values: [String: Double]
    /// Ranks of the index, each pillar and each main indicator; empty for an unranked unit.
    public var ranks: [String: Int]
    /// What a reader must know about this line.
    public var flags: [UnitFlag]
    /// The least trustworthy status among the values used (synthetic before provisional before
    /// official), `nil` when the data did not say.
    public var status: DataStatus?

    /// Whether the unit had data and so has ranks.
    public var isRanked: Bool { !flags.contains(.noData) }

    /// Whether the entry had no value for this unit: it earned 0 points, and outputs show "—"
    /// with the reason rather than a 0 that reads like a measured value.
    public func isMissing(_ entryID: String) -> Bool { flags.contains(.missingValue(indicatorID: entryID)) }

    /// Whether the entry lacked a value here or, for a merged unit, in any of its members.
    public func lacksValue(_ entryID: String) -> Bool {
        flags.contains { flag in
            switch flag {
            case let .missingValue(id), let .memberMissingValue(id, _, _): id == entryID
            default: false
            }
        }
    }
}

/// A scored and ranked edition: what every output (table, JSON, reports) is rendered from.
public struct EditionResult: Sendable {
    /// The edition.
    public let edition: Edition
    /// The framework it was scored with.
    public let catalogue: IndicatorCatalogue
    /// The units ranked (the edition's own set, or the merged set for `--units 34`).
    public let unitSet: UnitSet
    /// All units: ranked ones by index rank then code, then the unranked ones by code.
    public let rows: [ResultRow]
    /// How missing values were imputed, when not by the official method (`dti rank --impute`).
    public let imputation: String?
    /// The method of one's own the index was scored with (weights, aggregation, normalisation),
    /// when not the official one: every output then says so.
    public let customMethod: String?
    /// What the stored data say of the result beyond the scores: values stored for units the set
    /// no longer lists (`Notice.valuesOutsideUnitSet`).
    public var dataNotices: [Notice] = []

    /// Creates a result; rows are put in index-rank order.
    public init(
        edition: Edition, catalogue: IndicatorCatalogue, unitSet: UnitSet, rows: [ResultRow], imputation: String? = nil, customMethod: String? = nil
    ) {
        self.edition = edition
        self.catalogue = catalogue
        self.unitSet = unitSet
        self.rows = Self.order(rows, by: catalogue.index.id)
        self.imputation = imputation
        self.customMethod = customMethod
    }

    /// The entries that are ranked: the index, the pillars, then the main indicators.
    public var rankedEntries: [CatalogueNode] {
        [catalogue.index] + catalogue.pillars + catalogue.indicators
    }

    /// The rows ordered by the rank of `entryID`, ties by code, unranked last.
    public func rows(orderedBy entryID: String) -> [ResultRow] {
        Self.order(rows, by: entryID)
    }

    private static func order(_ rows: [ResultRow], by entryID: String) -> [ResultRow] {
        // Each row's rank looked up once, and positions sorted rather than whole rows.
        let ranks = rows.map { $0.ranks[entryID] ?? Int.max }
        let positions = rows.indices.sorted { left, right in
            ranks[left] != ranks[right] ? ranks[left] < ranks[right] : rows[left].unit.code < rows[right].unit.code
        }
        return positions.map { rows[$0] }
    }

    /// Whether any value used is marked synthetic.
    public var containsSyntheticData: Bool { rows.contains { $0.status == .synthetic } }

    /// Statements every output must carry: synthetic data, provisional framework.
    public var notices: [Notice] {
        var notices: [Notice] = []
        if containsSyntheticData { notices.append(.syntheticData) }
        notices += catalogue.notices
        if unitSet.id != edition.unitSet {
            let own = rows.filter { $0.flags.contains(.ownValues(unitSetID: unitSet.id)) }
            if own.isEmpty {
                notices.append(.mergedUnits(from: edition.unitSet, to: unitSet.id))
            } else {
                notices.append(
                    .ownAndMergedUnits(
                        from: edition.unitSet, to: unitSet.id, own: own.prefix(5).map { "\($0.unit.name) (\($0.unit.code))" }, ownCount: own.count,
                        mergedCount: rows.count - own.count))
            }
        }
        if let imputation { notices.insert(.imputedValues(method: imputation), at: 0) }
        if let customMethod { notices.insert(.customMethod(customMethod), at: 0) }
        let ranked = rows.count { $0.isRanked }
        if ranked * 2 < rows.count { notices.append(.fewUnitsWithValues(ranked: ranked, units: rows.count)) }
        return notices + dataNotices
    }
}

extension IndicatorCatalogue {
    /// What every output built on this catalogue must say of it: provisional points, or an
    /// illustrative (not official) catalogue.
    public var notices: [Notice] {
        var notices: [Notice] = []
        if isProvisional {
            notices.append(.provisionalFramework(provisionalNote ?? "the framework's points are assumptions", vi: provisionalNoteVI))
        }
        if let note = illustrativeNote { notices.append(.illustrativeCatalogue(note, vi: illustrativeNoteVI)) }
        return notices
    }
}

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
            "ONLY \(ranked) OF \(units) UNITS HAVE VALUES for this edition: the ranking is of those \(ranked) alone, and the others are unranked; check that every file was imported."
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
