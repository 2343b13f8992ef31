import DTICore

/// Writes values into `storedValue` for an import: new values many rows to a statement, a
/// replaced value one at a time, after the value it replaces is copied to `observationHistory`.
final class StoredValueWriter {
    /// A value's place in `storedValue`.
    struct Key {
        var setID: Int64
        var year: Int64
        var unitID: Int64
        var entryID: Int64

        /// Unit and entry in one integer: the key within one edition of one set.
        var packed: UInt64 { Self.pack(unitID: unitID, entryID: entryID) }

        static func pack(unitID: Int64, entryID: Int64) -> UInt64 { UInt64(unitID) << 32 | UInt64(entryID) }
    }

    /// How many rows one INSERT carries: 12 parameters each, well within SQLite's 32,766.
    static let rowsPerStatement = 256
    private static let columns = "setID, year, unitID, entryID, value, importBatchID, line, valueColumn, sheet, source, note, status"

    private let connection: SQLiteConnection
    private let insertMany: SQLiteStatement
    private let insertOne: SQLiteStatement
    private let keepOld: SQLiteStatement
    private let replaceOne: SQLiteStatement
    private let removeOne: SQLiteStatement
    /// A row waiting for the next many-row statement.
    struct Row {
        var key: Key
        var value: Double
        var batch: Int64
        var line: Int64
        var column: Int64?
        var sheet: String?
        var source: String?
        var note: String?
        var status: String?
    }

    private var pending: [Row] = []

    init(_ connection: SQLiteConnection) throws(StorageError) {
        self.connection = connection
        let row = "(" + Array(repeating: "?", count: 12).joined(separator: ", ") + ")"
        insertMany = try connection.prepare(
            "INSERT INTO storedValue (\(Self.columns)) VALUES " + Array(repeating: row, count: Self.rowsPerStatement).joined(separator: ", "))
        insertOne = try connection.prepare("INSERT INTO storedValue (\(Self.columns)) VALUES \(row)")
        replaceOne = try connection.prepare("INSERT OR REPLACE INTO storedValue (\(Self.columns)) VALUES \(row)")
        removeOne = try connection.prepare("DELETE FROM storedValue WHERE setID = ? AND year = ? AND unitID = ? AND entryID = ?")
        keepOld = try connection.prepare(
            """
            INSERT INTO observationHistory
                (unitSet, year, unitCode, indicatorID, value, importBatchID, line, valueColumn, source, note, status, sheet, replacedByBatchID)
            SELECT s.unitSet, v.year, u.code, e.indicatorID, v.value, v.importBatchID, v.line, v.valueColumn, v.source, v.note, v.status,
                v.sheet, ?5
            FROM storedValue v JOIN unitSetKey s ON s.id = v.setID JOIN unitKey u ON u.id = v.unitID JOIN entryKey e ON e.id = v.entryID
            WHERE v.setID = ?1 AND v.year = ?2 AND v.unitID = ?3 AND v.entryID = ?4
            """)
        pending.reserveCapacity(Self.rowsPerStatement)
    }

    /// Adds a new row (written with the next full statement, or at `flush`).
    func insert(_ row: Row) throws(StorageError) {
        pending.append(row)
        guard pending.count == Self.rowsPerStatement else { return }
        for (offset, row) in pending.enumerated() { Self.bind(row, to: insertMany, from: Int32(offset * 12 + 1)) }
        try insertMany.execute()
        pending.removeAll(keepingCapacity: true)
    }

    /// Writes the new values still waiting.
    func flush() throws(StorageError) {
        for row in pending {
            Self.bind(row, to: insertOne, from: 1)
            try insertOne.execute()
        }
        pending.removeAll(keepingCapacity: true)
    }

    /// Binds the twelve columns of `row` from parameter `first` on.
    private static func bind(_ row: Row, to statement: SQLiteStatement, from first: Int32) {
        statement.bind(first, row.key.setID)
        statement.bind(first + 1, row.key.year)
        statement.bind(first + 2, row.key.unitID)
        statement.bind(first + 3, row.key.entryID)
        statement.bind(first + 4, row.value)
        statement.bind(first + 5, row.batch)
        statement.bind(first + 6, row.line)
        statement.bind(first + 7, row.column)
        statement.bind(first + 8, row.sheet)
        statement.bind(first + 9, row.source)
        statement.bind(first + 10, row.note)
        statement.bind(first + 11, row.status)
    }

    /// Replaces the stored value at `key`, keeping the old one in the history, linked to `batch`.
    func replace(_ key: Key, with observation: Observation, batch: Int64) throws(StorageError) {
        try keepOld.run([.integer(key.setID), .integer(key.year), .integer(key.unitID), .integer(key.entryID), .integer(batch)])
        try replaceOne.run(Self.row(key, observation, batch: batch))
    }

    /// Removes the stored value at `key` (an empty cell imported with `--replace`), keeping it
    /// in the history, linked to `batch`.
    func remove(_ key: Key, batch: Int64) throws(StorageError) {
        try keepOld.run([.integer(key.setID), .integer(key.year), .integer(key.unitID), .integer(key.entryID), .integer(batch)])
        try removeOne.run([
            .integer(key.setID), .integer(key.year), .integer(key.unitID), .integer(key.entryID),
        ])
    }

    /// Where the value stored at `key` came from, as a conflict describes it.
    func storedSource(_ key: Key) throws(StorageError) -> String {
        var source = ""
        try connection.prepare(
            """
            SELECT b.file, v.line, b.sha256, b.importedAt, v.valueColumn, v.sheet
            FROM storedValue v JOIN importBatch b ON b.id = v.importBatchID
            WHERE v.setID = ? AND v.year = ? AND v.unitID = ? AND v.entryID = ?
            """
        ).query([.integer(key.setID), .integer(key.year), .integer(key.unitID), .integer(key.entryID)]) { row in
            let location = HistoryStore.location(
                file: row.text(0), line: row.int(1), column: row.isNull(4) ? nil : row.int(4), sheet: row.text(5))
            source = HistoryStore.describeSource(location, sha256: row.text(2), importedAt: row.text(3))
        }
        return source
    }

    private static func row(_ key: Key, _ observation: Observation, batch: Int64) -> [SQLiteStatement.Value] {
        let provenance = observation.provenance
        return [
            .integer(key.setID), .integer(key.year), .integer(key.unitID), .integer(key.entryID), .real(observation.value), .integer(batch),
            .integer(Int64(provenance.line)), provenance.column.map { .integer(Int64($0)) } ?? .null, .optional(provenance.sheet),
            .optional(provenance.source), .optional(provenance.note), .optional(provenance.status?.rawValue),
        ]
    }
}
