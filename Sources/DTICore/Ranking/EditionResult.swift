/// A scored and ranked edition: what every output (table, JSON, reports) is rendered from.
public struct EditionResult: Sendable {
    /// The edition.
    public let edition: Edition
    /// The framework it was scored with.
    public let catalogue: IndicatorCatalogue
    /// The units ranked (the edition's own set, or the merged set for `--units 34`).
    public let unitSet: UnitSet
    /// Every unit's values, ranks, flags and status, in the order they were scored (`rows` are
    /// views of it in rank order).
    public let table: ResultColumns
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

    /// Creates a result from a scored table; its rows are put in index-rank order.
    public init(
        edition: Edition, catalogue: IndicatorCatalogue, unitSet: UnitSet, table: ResultColumns, imputation: String? = nil,
        customMethod: String? = nil
    ) {
        self.edition = edition
        self.catalogue = catalogue
        self.unitSet = unitSet
        self.table = table
        // Views in rank order over the table as scored: no value is moved.
        self.rows = Self.order(table, by: catalogue.index.id).map { ResultRow(table: table, index: $0) }
        self.imputation = imputation
        self.customMethod = customMethod
    }

    /// Creates a result of `rows` (views of one or more tables of this catalogue's columns),
    /// gathered into a table of their own and put in index-rank order.
    public init(
        edition: Edition, catalogue: IndicatorCatalogue, unitSet: UnitSet, rows: [ResultRow], imputation: String? = nil, customMethod: String? = nil
    ) {
        let first = rows.first?.table
        var builder = ResultColumns.Builder(
            entryIDs: first?.entryIDs ?? catalogue.nodes.map(\.id), rankedIDs: first?.rankedIDs ?? Self.rankedIDs(of: catalogue),
            capacity: rows.count)
        for row in rows { builder.append(copying: row.index, of: row.table) }
        self.init(
            edition: edition, catalogue: catalogue, unitSet: unitSet, table: builder.finish(), imputation: imputation, customMethod: customMethod)
    }

    /// The row of the unit with `code`, found through the table's index rather than a search.
    public func row(code: String) -> ResultRow? {
        table.row(code: code).map { ResultRow(table: table, index: $0) }
    }

    /// The ids of the entries a result ranks: the index, the pillars, then the main indicators.
    public static func rankedIDs(of catalogue: IndicatorCatalogue) -> [String] {
        ([catalogue.index] + catalogue.pillars + catalogue.indicators).map(\.id)
    }

    /// The entries that are ranked: the index, the pillars, then the main indicators.
    public var rankedEntries: [CatalogueNode] {
        [catalogue.index] + catalogue.pillars + catalogue.indicators
    }

    /// The rows ordered by the rank of `entryID`, ties by code, unranked last.
    public func rows(orderedBy entryID: String) -> [ResultRow] {
        guard entryID != catalogue.index.id else { return rows }
        return Self.order(table, by: entryID).map { ResultRow(table: table, index: $0) }
    }

    /// The positions of `table`'s rows ordered by the rank of `entryID`, ties by code, unranked last.
    private static func order(_ table: ResultColumns, by entryID: String) -> [Int] {
        let column = table.rankColumn(of: entryID)
        let ranks = (0..<table.count).map { row in column.flatMap { table.rank(row, $0) } ?? Int.max }
        return (0..<table.count).sorted { left, right in
            ranks[left] != ranks[right] ? ranks[left] < ranks[right] : table.units[left].code < table.units[right].code
        }
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
