import DTICore

/// The SQLite history of imported values: one row per edition, unit and entry, with where it came
/// from. The database engine is an implementation detail of this type.
public final class HistoryStore {
    private let connection: SQLiteConnection

    /// Opens (creating if needed) and migrates the database at `path`.
    public init(path: String) throws(StorageError) {
        connection = try SQLiteConnection(path: path)
        try Migrations.migrate(connection)
    }

    /// What an import did.
    public struct ImportSummary: Sendable, Hashable {
        /// New values stored.
        public var inserted = 0
        /// Values already stored with the same value: left alone.
        public var unchanged = 0
        /// Stored values overwritten (`replace`).
        public var replaced = 0
    }

    /// Stores `observations` in one transaction: all of them, or, on any error, none.
    ///
    /// A value already stored with the same value is left alone, so importing a file twice changes
    /// nothing. A different value is a conflict: unless `replace` is set, nothing is written and
    /// every conflict is reported.
    public func store(_ observations: [Observation], importedAt: String, replace: Bool = false) throws(StorageError) -> ImportSummary {
        try connection.transaction { () throws(StorageError) -> ImportSummary in
            let lookup = try connection.prepare(
                "SELECT o.value, b.file, o.line FROM observation o JOIN importBatch b ON b.id = o.importBatchID WHERE o.year = ? AND o.unitCode = ? AND o.indicatorID = ?"
            )
            var summary = ImportSummary()
            var pending: [(Observation, isReplacement: Bool)] = []
            var conflicts: [StoredConflict] = []
            for observation in observations {
                var stored: (value: Double, source: String)?
                try lookup.query([.integer(Int64(observation.year)), .text(observation.unitCode), .text(observation.indicatorID)]) { row in
                    stored = (row.double(0), "\(row.text(1) ?? "?"):\(row.int(2))")
                }
                guard let stored else {
                    pending.append((observation, false))
                    continue
                }
                if stored.value == observation.value {
                    summary.unchanged += 1
                } else if replace {
                    pending.append((observation, true))
                } else {
                    conflicts.append(StoredConflict(
                        key: observation.key.description, newValue: observation.value,
                        newSource: "\(observation.provenance.file):\(observation.provenance.line)",
                        storedValue: stored.value, storedSource: stored.source))
                }
            }
            guard conflicts.isEmpty else { throw .conflicts(conflicts) }

            var batchByFile: [String: Int64] = [:]
            let insertBatch = try connection.prepare("INSERT INTO importBatch (file, importedAt) VALUES (?, ?) RETURNING id")
            let upsert = try connection.prepare(
                """
                INSERT INTO observation (year, unitCode, indicatorID, value, importBatchID, line, source, note, status)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (year, unitCode, indicatorID) DO UPDATE SET
                    value = excluded.value, importBatchID = excluded.importBatchID, line = excluded.line,
                    source = excluded.source, note = excluded.note, status = excluded.status
                """)
            for (observation, isReplacement) in pending {
                let file = observation.provenance.file
                if batchByFile[file] == nil {
                    try insertBatch.query([.text(file), .text(importedAt)]) { row in batchByFile[file] = Int64(row.int(0)) }
                }
                try upsert.run([
                    .integer(Int64(observation.year)), .text(observation.unitCode), .text(observation.indicatorID),
                    .real(observation.value), .integer(batchByFile[file] ?? 0), .integer(Int64(observation.provenance.line)),
                    .optional(observation.provenance.source), .optional(observation.provenance.note),
                    .optional(observation.provenance.status?.rawValue),
                ])
                if isReplacement { summary.replaced += 1 } else { summary.inserted += 1 }
            }
            return summary
        }
    }

    /// Every stored value of an edition, ordered by unit and entry.
    public func observations(year: Int) throws(StorageError) -> [Observation] {
        var result: [Observation] = []
        try connection.prepare(
            """
            SELECT o.year, o.unitCode, o.indicatorID, o.value, b.file, o.line, o.source, o.note, o.status
            FROM observation o JOIN importBatch b ON b.id = o.importBatchID
            WHERE o.year = ? ORDER BY o.unitCode, o.indicatorID
            """
        ).query([.integer(Int64(year))]) { row in
            result.append(Observation(
                year: row.int(0), unitCode: row.text(1) ?? "", indicatorID: row.text(2) ?? "", value: row.double(3),
                provenance: Provenance(
                    file: row.text(4) ?? "", line: row.int(5), source: row.text(6), note: row.text(7),
                    status: row.text(8).flatMap(DataStatus.init(rawValue:)))))
        }
        return result
    }

    /// The editions with stored values, and how many values each has.
    public func storedYears() throws(StorageError) -> [(year: Int, count: Int)] {
        var result: [(Int, Int)] = []
        try connection.prepare("SELECT year, COUNT(*) FROM observation GROUP BY year ORDER BY year").query { row in
            result.append((row.int(0), row.int(1)))
        }
        return result
    }
}
