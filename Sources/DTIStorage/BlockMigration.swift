import DTICore

/// Moves the values of a database with a row per value (`storedValue`) into blocks
/// (`storedBlock`), inside the migration's transaction: every number, status and provenance
/// kept, then the old table and its view dropped.
enum BlockMigration {
    static func run(_ connection: SQLiteConnection) throws(StorageError) {
        let blocks = try StoredBlocks(connection)
        let extras = try ValueExtras(connection)
        var current: StoredBlocks.Key?
        var block = ValueBlock()
        try connection.prepare(
            """
            SELECT setID, year, unitID, entryID, value, importBatchID, line, valueColumn, sheet, source, note, status
            FROM storedValue ORDER BY setID, year, unitID, entryID
            """
        ).query { (row: SQLiteStatement) throws(StorageError) in
            let key = StoredBlocks.Key(setID: Int64(row.int(0)), year: Int64(row.int(1)), unitID: Int64(row.int(2)))
            if key != current {
                if let current { try blocks.write(block, at: current) }
                current = key
                block = ValueBlock()
            }
            block.append(
                ValueBlock.Value(
                    entryID: Int64(row.int(3)), value: row.double(4),
                    status: ValueBlock.statusCode(row.text(11).flatMap(DataStatus.init(rawValue:))), batch: Int64(row.int(5)),
                    line: Int64(row.int(6)), column: row.isNull(7) ? -1 : Int64(row.int(7)),
                    extra: try extras.id((row.text(8), row.text(9), row.text(10)))))
        }
        if let current { try blocks.write(block, at: current) }
        try connection.execute("DROP VIEW observation; DROP TABLE storedValue;")
    }
}
