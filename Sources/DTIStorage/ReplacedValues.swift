import DTICore

/// Keeps a stored value that an import replaces or removes in `observationHistory`, with its
/// names spelt out and linked to the import batch that replaced it, and describes where a stored
/// value came from for a conflict.
final class ReplacedValues {
    private let connection: SQLiteConnection
    private let extras: ValueExtras
    private let insert: SQLiteStatement
    private let batchQuery: SQLiteStatement
    private var entryNames: [Int64: String]

    init(_ store: HistoryStore, extras: ValueExtras) throws(StorageError) {
        let connection = store.connection
        self.connection = connection
        self.extras = extras
        insert = try connection.prepare(
            """
            INSERT INTO observationHistory
                (unitSet, year, unitCode, indicatorID, value, importBatchID, line, valueColumn, source, note, status, sheet, replacedByBatchID)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        batchQuery = try connection.prepare("SELECT file, sha256, importedAt FROM importBatch WHERE id = ?")
        entryNames = try store.entryNames()
    }

    /// Keeps `old`, the value of the unit `unitCode` of `unitSet` in `year`, as replaced by `batch`.
    func keep(_ old: ValueBlock.Value, unitSet: String, year: Int64, unitCode: String, replacedBy batch: Int64) throws(StorageError) {
        let extra = extras.extra(old.extra)
        try insert.run([
            .text(unitSet), .integer(year), .text(unitCode), .text(try entryName(old.entryID)), .real(old.value), .integer(old.batch),
            .integer(old.line), old.column < 0 ? .null : .integer(old.column), .optional(extra.source), .optional(extra.note),
            .optional(ValueBlock.status(code: old.status)?.rawValue), .optional(extra.sheet), .integer(batch),
        ])
    }

    /// Where the stored value `value` came from, as a conflict describes it:
    /// `file:line (sha256 …, imported …)`.
    func source(of value: ValueBlock.Value) throws(StorageError) -> String {
        var source = ""
        try batchQuery.query([.integer(value.batch)]) { row in
            let location = HistoryStore.location(
                file: row.text(0), line: Int(value.line), column: value.column < 0 ? nil : Int(value.column),
                sheet: extras.extra(value.extra).sheet)
            source = HistoryStore.describeSource(location, sha256: row.text(1), importedAt: row.text(2))
        }
        return source
    }

    /// An entry's id by key (entries added by this import are read when first met).
    private func entryName(_ id: Int64) throws(StorageError) -> String {
        if let known = entryNames[id] { return known }
        var name = ""
        try connection.prepare("SELECT indicatorID FROM entryKey WHERE id = ?").query([.integer(id)]) { row in name = row.text(0) ?? "" }
        entryNames[id] = name
        return name
    }
}
