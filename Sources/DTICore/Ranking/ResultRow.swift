/// One unit's scored and ranked line of an edition: a view of one row of a `ResultColumns`.
///
/// Readers read it as they read a record (`row.values["dti"]`, `row.ranks["government"]`); the
/// lookups by id resolve a column each time, so a reader of many rows resolves its columns once
/// on the table (`ResultColumns.column(of:)`) and reads `table.value(row, column)`.
public struct ResultRow: Sendable, Hashable {
    /// The table the row belongs to.
    public let table: ResultColumns
    /// The row's position in its table.
    public let index: Int

    /// A view of `table`'s row `index`.
    public init(table: ResultColumns, index: Int) {
        self.table = table
        self.index = index
    }

    /// The unit, lent rather than copied (`row.unit.code` in a loop over 10,000 rows would
    /// otherwise copy every name of the unit each time).
    public var unit: AdministrativeUnit {
        _read { yield table.units[index] }
    }
    /// Every catalogue entry's value at full precision, by entry id (the index under its id,
    /// usually `dti`).
    public var values: EntryValues { EntryValues(table: table, row: index) }
    /// Ranks of the index, each pillar and each main indicator; none for an unranked unit.
    public var ranks: EntryRanks { EntryRanks(table: table, row: index) }
    /// What a reader must know about this line.
    public var flags: [UnitFlag] {
        _read { yield table.flags[index] }
    }
    /// The least trustworthy status among the values used (synthetic before provisional before
    /// official), `nil` when the data did not say.
    public var status: DataStatus? { table.status[index] }

    /// Whether the unit had data and so has ranks.
    public var isRanked: Bool { table.isRanked(index) }

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

    /// Rows are equal when they say the same: unit, values, ranks, flags and status.
    public static func == (lhs: ResultRow, rhs: ResultRow) -> Bool {
        lhs.unit == rhs.unit && lhs.values == rhs.values && lhs.ranks == rhs.ranks && lhs.flags == rhs.flags && lhs.status == rhs.status
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(unit.code)
    }
}

/// A row's values by entry id.
public struct EntryValues: Sendable, Equatable {
    let table: ResultColumns
    let row: Int

    /// The value of `entryID`, or nil when the unit has none.
    public subscript(entryID: String) -> Double? {
        guard let column = table.column(of: entryID) else { return nil }
        return table.value(row, column)
    }

    /// The value of `entryID`, or `defaultValue` when the unit has none.
    public subscript(entryID: String, default defaultValue: Double) -> Double { self[entryID] ?? defaultValue }

    /// The entries with a value, and their values, in column order.
    public var all: [(id: String, value: Double)] {
        table.entryIDs.indices.compactMap { column in table.value(row, column).map { (table.entryIDs[column], $0) } }
    }

    /// Equal when the same entries have the same values.
    public static func == (lhs: EntryValues, rhs: EntryValues) -> Bool {
        let left = lhs.all
        let right = rhs.all
        return left.count == right.count && zip(left, right).allSatisfy { $0.id == $1.id && $0.value == $1.value }
    }
}

/// A row's ranks by entry id.
public struct EntryRanks: Sendable, Equatable {
    let table: ResultColumns
    let row: Int

    /// The rank of `entryID`, or nil when the unit has none there.
    public subscript(entryID: String) -> Int? {
        guard let column = table.rankColumn(of: entryID) else { return nil }
        return table.rank(row, column)
    }

    /// The ranked entries and their ranks, in rank-column order.
    public var all: [(id: String, rank: Int)] {
        table.rankedIDs.indices.compactMap { column in table.rank(row, column).map { (table.rankedIDs[column], $0) } }
    }

    /// Equal when the same entries have the same ranks.
    public static func == (lhs: EntryRanks, rhs: EntryRanks) -> Bool {
        let left = lhs.all
        let right = rhs.all
        return left.count == right.count && zip(left, right).allSatisfy { $0.id == $1.id && $0.rank == $1.rank }
    }
}
