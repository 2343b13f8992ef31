/// Every unit's scored values and ranks of one edition, as flat columns: the values unit by unit
/// (`entryIDs.count` to a unit) with a presence bit each, the ranks of the ranked entries likewise
/// (0: no rank), and each unit's flags and status. Entries are resolved to columns once; a
/// `ResultRow` is a view of one unit of it.
///
/// Scoring builds it once (`Builder`) and nothing changes it after: a result that differs (a
/// scenario's index, imputed flags) is a new table.
public final class ResultColumns: Sendable {
    /// The entries whose values are kept, in column order (the catalogue's order).
    public let entryIDs: [String]
    /// The entries that are ranked (index, pillars, main indicators), in rank-column order.
    public let rankedIDs: [String]
    private let entryColumns: [String: Int]
    private let rankColumns: [String: Int]
    private let rowOfCode: [String: Int]
    /// The units, one per row.
    public let units: [AdministrativeUnit]
    // Read by the inlinable accessors below: a ranking's renderer reads 280,000 cells, and a call
    // across modules for each was a third of writing its CSV.
    @usableFromInline let values: [Double]
    @usableFromInline let present: PresenceBits
    @usableFromInline let ranks: [Int32]
    @usableFromInline let width: Int
    @usableFromInline let rankWidth: Int
    /// Each unit's flags.
    public let flags: [[UnitFlag]]
    /// Each unit's weakest status.
    public let status: [DataStatus?]

    init(builder: Builder) {
        entryIDs = builder.entryIDs
        rankedIDs = builder.rankedIDs
        entryColumns = Dictionary(builder.entryIDs.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        rankColumns = Dictionary(builder.rankedIDs.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        units = builder.units
        rowOfCode = Dictionary(builder.units.enumerated().map { ($1.code, $0) }, uniquingKeysWith: { first, _ in first })
        values = builder.values
        present = builder.present
        ranks = builder.ranks
        width = builder.entryIDs.count
        rankWidth = builder.rankedIDs.count
        flags = builder.flags
        status = builder.status
    }

    /// The number of units.
    public var count: Int { units.count }

    /// The row of the unit with `code`, if the table has it.
    public func row(code: String) -> Int? { rowOfCode[code] }

    /// The value column of an entry, when the table keeps its values.
    public func column(of entryID: String) -> Int? { entryColumns[entryID] }

    /// The rank column of an entry, when it is ranked.
    public func rankColumn(of entryID: String) -> Int? { rankColumns[entryID] }

    /// The value of `row` in `column`, or nil when it has none.
    @inlinable public func value(_ row: Int, _ column: Int) -> Double? {
        let slot = row * width + column
        return present[slot] ? values[slot] : nil
    }

    /// The rank of `row` in rank column `column`, or nil when it has none.
    @inlinable public func rank(_ row: Int, _ column: Int) -> Int? {
        let rank = ranks[row * rankWidth + column]
        return rank == 0 ? nil : Int(rank)
    }

    /// Whether the unit of `row` had data, and so has ranks.
    public func isRanked(_ row: Int) -> Bool { !flags[row].contains(.noData) }

    /// Builds a table row by row.
    public struct Builder: Sendable {
        public let entryIDs: [String]
        public let rankedIDs: [String]
        var units: [AdministrativeUnit] = []
        var values: [Double] = []
        var present = PresenceBits(count: 0)
        var ranks: [Int32] = []
        var flags: [[UnitFlag]] = []
        var status: [DataStatus?] = []

        /// An empty table of these columns, with room for `capacity` units.
        public init(entryIDs: [String], rankedIDs: [String], capacity: Int = 0) {
            self.entryIDs = entryIDs
            self.rankedIDs = rankedIDs
            units.reserveCapacity(capacity)
            values.reserveCapacity(capacity * entryIDs.count)
            ranks.reserveCapacity(capacity * rankedIDs.count)
            flags.reserveCapacity(capacity)
            status.reserveCapacity(capacity)
            present = PresenceBits(count: capacity * entryIDs.count)
        }

        /// The number of units added.
        public var count: Int { units.count }

        /// Adds a unit with no values and no ranks; returns its row.
        @discardableResult
        public mutating func append(_ unit: AdministrativeUnit, flags: [UnitFlag], status: DataStatus?) -> Int {
            let row = units.count
            units.append(unit)
            values.append(contentsOf: repeatElement(0, count: entryIDs.count))
            ranks.append(contentsOf: repeatElement(0, count: rankedIDs.count))
            self.flags.append(flags)
            self.status.append(status)
            present.extend(to: (row + 1) * entryIDs.count)
            return row
        }

        /// Adds the rows of `other`, a builder of the same columns, after these. This builder's
        /// values must end on a whole word of presence bits (a multiple of 64 units does).
        public mutating func append(contentsOf other: Builder) {
            precondition(other.entryIDs == entryIDs && other.rankedIDs == rankedIDs, "joined builders have different columns")
            precondition(values.count % 64 == 0, "joined builders must split at a whole word of presence bits")
            units += other.units
            values += other.values
            present.append(other.present, at: values.count - other.values.count)
            ranks += other.ranks
            flags += other.flags
            status += other.status
        }

        /// Adds row `row` of `table` as it is, its entries matched to these columns by id.
        public mutating func append(copying row: Int, of table: ResultColumns) {
            let map = columnMap(for: table)
            let new = append(table.units[row], flags: table.flags[row], status: table.status[row])
            for (column, source) in map.values.enumerated() {
                guard let source, let value = table.value(row, source) else { continue }
                setValue(value, row: new, column: column)
            }
            for (column, source) in map.ranks.enumerated() {
                guard let source, let rank = table.rank(row, source) else { continue }
                setRank(rank, row: new, column: column)
            }
        }

        /// Where each of these columns is in the table last copied from (held, so it is that
        /// table and not another at its address), worked out once per table.
        private var lastMap: (table: ResultColumns, values: [Int?], ranks: [Int?])?

        private mutating func columnMap(for table: ResultColumns) -> (values: [Int?], ranks: [Int?]) {
            if let lastMap, lastMap.table === table { return (lastMap.values, lastMap.ranks) }
            let values = entryIDs.map { table.column(of: $0) }
            let ranks = rankedIDs.map { table.rankColumn(of: $0) }
            lastMap = (table, values, ranks)
            return (values, ranks)
        }

        /// Sets the value of `row` in `column`.
        @inline(__always) public mutating func setValue(_ value: Double, row: Int, column: Int) {
            let slot = row * entryIDs.count + column
            values[slot] = value
            present[slot] = true
        }

        /// Clears the value of `row` in `column`.
        public mutating func clearValue(row: Int, column: Int) {
            present[row * entryIDs.count + column] = false
        }

        /// The value of `row` in `column`, if set.
        public func value(row: Int, column: Int) -> Double? {
            let slot = row * entryIDs.count + column
            return present[slot] ? values[slot] : nil
        }

        /// Sets the rank of `row` in rank column `column`.
        @inline(__always) public mutating func setRank(_ rank: Int, row: Int, column: Int) {
            ranks[row * rankedIDs.count + column] = Int32(rank)
        }

        /// Adds flags to `row`.
        public mutating func addFlags(_ added: [UnitFlag], row: Int) {
            flags[row] += added
        }

        /// Whether the unit of `row` had data.
        public func isRanked(_ row: Int) -> Bool { !flags[row].contains(.noData) }

        /// The finished table.
        public func finish() -> ResultColumns { ResultColumns(builder: self) }
    }
}
