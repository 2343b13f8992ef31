/// The rows of `storedBlock`: each unit's values in one edition of one set, read and written as
/// `ValueBlock`s, by the set's, unit's and entry's integer keys.
final class StoredBlocks {
    /// A block's place: one edition of one set, one unit.
    struct Key: Hashable, Comparable {
        var setID: Int64
        var year: Int64
        var unitID: Int64

        static func < (left: Key, right: Key) -> Bool {
            (left.setID, left.year, left.unitID) < (right.setID, right.year, right.unitID)
        }
    }

    /// Unit and entry in one integer: a value's key within one edition of one set.
    static func pack(unitID: Int64, entryID: Int64) -> UInt64 { UInt64(unitID) << 32 | UInt64(entryID) }

    private let connection: SQLiteConnection
    private let readOne: SQLiteStatement
    private let writeOne: SQLiteStatement
    private let deleteOne: SQLiteStatement

    init(_ connection: SQLiteConnection) throws(StorageError) {
        self.connection = connection
        readOne = try connection.prepare(
            "SELECT valueBytes, provenanceBytes FROM storedBlock WHERE setID = ? AND year = ? AND unitID = ?")
        writeOne = try connection.prepare(
            "INSERT OR REPLACE INTO storedBlock (setID, year, unitID, valueCount, valueBytes, provenanceBytes) VALUES (?, ?, ?, ?, ?, ?)")
        deleteOne = try connection.prepare("DELETE FROM storedBlock WHERE setID = ? AND year = ? AND unitID = ?")
    }

    /// The block stored at `key`, or `nil`.
    func block(at key: Key) throws(StorageError) -> ValueBlock? {
        var found: ValueBlock?
        var damaged = false
        try readOne.query([.integer(key.setID), .integer(key.year), .integer(key.unitID)]) { row in
            do { found = try ValueBlock(values: row.blob(0), provenance: row.blob(1)) } catch { damaged = true }
        }
        if damaged { throw Self.damaged(connection) }
        return found
    }

    /// Stores `block` at `key`, in place of the block there; an empty block removes the row.
    func write(_ block: ValueBlock, at key: Key) throws(StorageError) {
        guard block.count > 0 else {
            try deleteOne.run([.integer(key.setID), .integer(key.year), .integer(key.unitID)])
            return
        }
        // A row per value refused NaN through its NOT NULL column (SQLite stores NaN as NULL); a
        // block would keep its bits, so it is refused here. Ingest never reads one.
        guard !block.values.contains(where: \.isNaN) else {
            throw .sqlite(path: connection.path, reason: "a value is not a number (NaN) and cannot be stored")
        }
        try writeOne.run([
            .integer(key.setID), .integer(key.year), .integer(key.unitID), .integer(Int64(block.count)), .blob(block.valueBytes()),
            .blob(block.provenanceBytes()),
        ])
    }

    /// Calls `body` with each unit's block of one edition, in unit key order.
    func forEachBlock(setID: Int64, year: Int, _ body: (_ unitID: Int64, _ block: ValueBlock) throws(StorageError) -> Void)
        throws(StorageError)
    {
        try connection.prepare(
            "SELECT unitID, valueBytes, provenanceBytes FROM storedBlock WHERE setID = ? AND year = ? ORDER BY unitID"
        ).query([.integer(setID), .integer(Int64(year))]) { (row: SQLiteStatement) throws(StorageError) in
            let block: ValueBlock
            do { block = try ValueBlock(values: row.blob(1), provenance: row.blob(2)) } catch { throw Self.damaged(connection) }
            try body(Int64(row.int(0)), block)
        }
    }

    /// Calls `body` with each value of one edition (unit key, entry key, number, status code),
    /// unit by unit in key order and entry by entry: what scoring reads, provenance left unread.
    func forEachValue(
        setID: Int64, year: Int, _ body: (_ unitID: Int64, _ entryID: Int64, _ value: Double, _ status: UInt8) -> Void
    ) throws(StorageError) {
        try connection.prepare("SELECT unitID, valueBytes FROM storedBlock WHERE setID = ? AND year = ? ORDER BY unitID").query([
            .integer(setID), .integer(Int64(year)),
        ]) { (row: SQLiteStatement) throws(StorageError) in
            let unitID = Int64(row.int(0))
            do {
                try ValueBlock.forEachValue(in: row.blob(1)) { entryID, value, status in body(unitID, entryID, value, status) }
            } catch {
                throw Self.damaged(connection)
            }
        }
    }

    /// Calls `body` with each unit's `values` bytes of the edition `year` in the set `setID`, in
    /// unit order, and their layout: for a reader that takes a block's values at once.
    func forEachBlock(
        setID: Int64, year: Int,
        _ body: (_ unitID: Int64, _ bytes: UnsafeRawBufferPointer, _ layout: ValueBlock.Layout) throws(ValueBlock.BlockError) -> Void
    ) throws(StorageError) {
        try connection.prepare("SELECT unitID, valueBytes FROM storedBlock WHERE setID = ? AND year = ? ORDER BY unitID").query([
            .integer(setID), .integer(Int64(year)),
        ]) { (row: SQLiteStatement) throws(StorageError) in
            let bytes = row.blob(1)
            do {
                try body(Int64(row.int(0)), bytes, try ValueBlock.Layout(bytes))
            } catch {
                throw Self.damaged(connection)
            }
        }
    }

    private static func damaged(_ connection: SQLiteConnection) -> StorageError {
        .damagedBlock(path: connection.path)
    }
}

/// The sheet, source and note of values (`valueExtra`), each combination stored once: most
/// values have none, and a file's values share one.
final class ValueExtras {
    typealias Extra = (sheet: String?, source: String?, note: String?)
    private let connection: SQLiteConnection
    private var idOf: [String: Int64] = [:]
    private(set) var byID: [Int64: Extra] = [:]

    init(_ connection: SQLiteConnection) throws(StorageError) {
        self.connection = connection
        try connection.prepare("SELECT id, sheet, source, note FROM valueExtra").query { row in
            let extra: Extra = (row.text(1), row.text(2), row.text(3))
            let id = Int64(row.int(0))
            byID[id] = extra
            idOf[Self.name(extra)] = id
        }
    }

    /// The key of `extra`, stored when new; -1 when it has nothing.
    func id(_ extra: Extra) throws(StorageError) -> Int64 {
        guard extra.sheet != nil || extra.source != nil || extra.note != nil else { return -1 }
        let name = Self.name(extra)
        if let known = idOf[name] { return known }
        var id: Int64 = 0
        try connection.prepare("INSERT INTO valueExtra (sheet, source, note) VALUES (?, ?, ?) RETURNING id").query([
            .optional(extra.sheet), .optional(extra.source), .optional(extra.note),
        ]) { row in id = Int64(row.int(0)) }
        idOf[name] = id
        byID[id] = extra
        return id
    }

    /// The extra with key `id` (nothing for -1).
    func extra(_ id: Int64) -> Extra {
        byID[id] ?? (nil, nil, nil)
    }

    /// The combination as one dictionary key: each part with a presence mark, so nil and "" differ.
    static func name(_ extra: Extra) -> String {
        [extra.sheet, extra.source, extra.note].map { $0.map { "+" + $0 } ?? "-" }.joined(separator: "\u{0}")
    }
}
