import DTICore

/// The SQLite history of imported values: one current row per edition, unit and entry, with
/// where it came from, and every value it replaced. The database engine is an implementation
/// detail of this type.
public final class HistoryStore {
    let connection: SQLiteConnection

    /// Opens (creating if needed) and migrates the database at `path`; `unitSetOfYear` gives
    /// each edition's own unit set, which values stored by a version before unit sets were part
    /// of the key belong to (the 63 provinces for a year it does not list).
    public init(path: String, unitSetOfYear: [Int: String] = [:]) throws(StorageError) {
        connection = try SQLiteConnection(path: path)
        try Migrations.migrate(connection, unitSetOfYear: unitSetOfYear)
    }

    /// Writes a consistent copy of the whole history to a new file at `destination` (which must
    /// not exist), even while imports run; restoring is putting that file where `--db` points.
    public func backup(to destination: String) throws(StorageError) {
        try connection.backup(to: destination)
    }

    /// Whether the file at `path` is a dti history database (one that a backup may replace).
    public static func isHistoryDatabase(at path: String) -> Bool {
        guard let connection = try? SQLiteConnection(path: path, readOnly: true),
            let tables = try? Migrations.tableNames(connection)
        else { return false }
        return tables.contains("schemaMigration")
    }

    /// What an import did.
    public struct ImportSummary: Sendable, Hashable {
        /// New values stored.
        public var inserted = 0
        /// Values already stored with the same value: left alone.
        public var unchanged = 0
        /// Stored values replaced (`replace`); the old values stay in the history.
        public var replaced = 0
        /// How many values were replaced in each edition.
        public var replacedPerYear: [Int: Int] = [:]
        /// The first `conflictsListed` replacements, in the order they were made.
        public var replacements: [Replacement] = []
    }

    /// A stored value that an import replaced.
    public struct Replacement: Sendable, Hashable {
        public var key: ObservationKey
        public var before: Double
        /// `nil`: an empty cell removed the value.
        public var after: Double?
    }

    /// Stores `observations` in one transaction: all of them, or, on any error, none.
    public func store(_ observations: [Observation], importedAt: String, replace: Bool = false) throws(StorageError) -> ImportSummary {
        try store(
            batches: { (take: ([Observation]) throws(StorageError) -> Void) throws(StorageError) in try take(observations) },
            importedAt: importedAt, replace: replace)
    }

    /// Stores everything `staging` holds, in the order it was read, in one transaction, with the
    /// lists of the unit sets the values are keyed in.
    ///
    /// `blanks` are the value cells the files left empty: where a value is stored and no file
    /// gives one, the blank is a difference like any other (a conflict, or with `replace` the
    /// stored value is removed and kept in the history).
    public func store(
        from staging: ObservationStaging, importedAt: String, replace: Bool = false, unitSets: [UnitSetToRecord] = [],
        blanks: [BlankCell] = []
    ) throws(StorageError) -> ImportSummary {
        if let values = staging.memoryValues {
            return try store(columns: values, importedAt: importedAt, replace: replace, unitSets: unitSets, blanks: blanks)
        }
        return try store(
            batches: { (take: ([Observation]) throws(StorageError) -> Void) throws(StorageError) in
                try staging.forEachBatch(take)
            }, importedAt: importedAt, replace: replace, unitSets: unitSets, blanks: blanks)
    }

    /// How many conflicts are described; the rest are counted.
    static let conflictsListed = 100

    /// Stores the observations `batches` hands over, a batch at a time, in one transaction: all of
    /// them, or, on any error, none. A batch does not repeat an edition, unit and entry that
    /// another batch gives (the staging has left out values given twice).
    ///
    /// A value already stored with the same value is left alone, so importing a file twice changes
    /// nothing. A different value is a conflict: unless `replace` is set, nothing is written and
    /// the conflicts are reported with both sources (the first hundred, and how many in all); with
    /// `replace`, the old value moves to the history table, linked to the import that replaced it.
    private func store(
        batches: (_ take: ([Observation]) throws(StorageError) -> Void) throws(StorageError) -> Void, importedAt: String, replace: Bool,
        unitSets: [UnitSetToRecord] = [], blanks: [BlankCell] = []
    ) throws(StorageError) -> ImportSummary {
        try connection.transaction { () throws(StorageError) -> ImportSummary in
            for record in unitSets { try write(record, at: importedAt) }
            let session = try ImportSession(self, importedAt: importedAt, replace: replace, tracksGiven: !blanks.isEmpty)
            try batches { (observations: [Observation]) throws(StorageError) in
                let values = StagedValues()
                _ = values.add(observations)
                try session.take(values)
            }
            try session.take(blanks: blanks)
            return try session.finish()
        }
    }

    /// `store(batches:…)` for values already held as columns, taken whole.
    private func store(
        columns values: StagedValues, importedAt: String, replace: Bool, unitSets: [UnitSetToRecord], blanks: [BlankCell]
    ) throws(StorageError) -> ImportSummary {
        try connection.transaction { () throws(StorageError) -> ImportSummary in
            for record in unitSets { try write(record, at: importedAt) }
            let session = try ImportSession(self, importedAt: importedAt, replace: replace, tracksGiven: !blanks.isEmpty)
            try session.take(values)
            try session.take(blanks: blanks)
            return try session.finish()
        }
    }

    /// Brings `storedEdition` up to date for the editions an import wrote to.
    func countValues(in editions: some Collection<EditionKey>) throws(StorageError) {
        let count = try connection.prepare(
            "INSERT OR REPLACE INTO storedEdition SELECT ?1, ?2, COALESCE(SUM(valueCount), 0) FROM storedBlock WHERE setID = ?1 AND year = ?2")
        for edition in editions.sorted(by: { ($0.setID, $0.year) < ($1.setID, $1.year) }) {
            try count.run([.integer(edition.setID), .integer(Int64(edition.year))])
        }
        try connection.prepare("DELETE FROM storedEdition WHERE valueCount = 0").run()
    }

    /// One edition of one unit set, by the set's integer key.
    struct EditionKey: Hashable {
        var setID: Int64
        var year: Int
    }

    /// The values stored for `edition`, by `StoredBlocks.pack`: one range scan.
    func storedValues(of edition: EditionKey) throws(StorageError) -> [UInt64: Double] {
        var values: [UInt64: Double] = [:]
        try StoredBlocks(connection).forEachValue(setID: edition.setID, year: edition.year) { unitID, entryID, value, _ in
            values[StoredBlocks.pack(unitID: unitID, entryID: entryID)] = value
        }
        return values
    }

    /// Every stored value of an edition in `unitSetID` (every set when `nil`), ordered by unit
    /// set, unit and entry (their names' bytes), with its provenance.
    public func observations(year: Int, unitSetID: String? = nil) throws(StorageError) -> [Observation] {
        var sets: [(id: Int64, name: String)] = []
        try connection.prepare(
            "SELECT s.id, s.unitSet FROM unitSetKey s JOIN storedEdition e ON e.setID = s.id WHERE e.year = ?1 AND (?2 IS NULL OR s.unitSet = ?2)"
        ).query([.integer(Int64(year)), .optional(unitSetID)]) { row in sets.append((Int64(row.int(0)), row.text(1) ?? "")) }
        sets.sort { Array($0.name.utf8).lexicographicallyPrecedes(Array($1.name.utf8)) }
        guard !sets.isEmpty else { return [] }
        // A file's name and fingerprint are read once and shared by all its values.
        var batches: [Int64: (file: String, sha256: String?)] = [:]
        try connection.prepare("SELECT id, file, sha256 FROM importBatch").query { row in
            batches[Int64(row.int(0))] = (row.text(1) ?? "", row.text(2))
        }
        let entryIDs = try entryNames()
        let extras = try ValueExtras(connection)
        let blocks = try StoredBlocks(connection)
        var result: [Observation] = []
        for set in sets {
            let unitCodes = try unitCodes(setID: set.id)
            var units: [(code: String, block: ValueBlock)] = []
            try blocks.forEachBlock(setID: set.id, year: year) { unitID, block in units.append((unitCodes[unitID] ?? "", block)) }
            units.sort { Array($0.code.utf8).lexicographicallyPrecedes(Array($1.code.utf8)) }
            for (code, block) in units {
                var observations: [Observation] = []
                for index in 0..<block.count {
                    let value = block[index]
                    let batch = batches[value.batch]
                    let extra = extras.extra(value.extra)
                    observations.append(
                        Observation(
                            unitSetID: set.name, year: year, unitCode: code, indicatorID: entryIDs[value.entryID] ?? "", value: value.value,
                            provenance: Provenance(
                                file: batch?.file ?? "", line: Int(value.line), column: value.column < 0 ? nil : Int(value.column),
                                sha256: batch?.sha256, source: extra.source, note: extra.note, status: ValueBlock.status(code: value.status),
                                sheet: extra.sheet)))
                }
                observations.sort { Array($0.indicatorID.utf8).lexicographicallyPrecedes(Array($1.indicatorID.utf8)) }
                result += observations
            }
        }
        return result
    }

    /// The codes of the units of the set `setID`, by key.
    func unitCodes(setID: Int64) throws(StorageError) -> [Int64: String] {
        var codes: [Int64: String] = [:]
        try connection.prepare("SELECT id, code FROM unitKey WHERE setID = ?").query([.integer(setID)]) { row in
            codes[Int64(row.int(0))] = row.text(1) ?? ""
        }
        return codes
    }

    /// The ids of the entries, by key.
    func entryNames() throws(StorageError) -> [Int64: String] {
        var names: [Int64: String] = [:]
        try connection.prepare("SELECT id, indicatorID FROM entryKey").query { row in names[Int64(row.int(0))] = row.text(1) ?? "" }
        return names
    }

    /// The stored values of one edition in `unitSetID` as columns, in key order: what scoring
    /// reads, without names repeated or provenance. One range scan of the blocks.
    public func columns(year: Int, unitSetID: String) throws(StorageError) -> EditionColumns {
        var values = EditionColumns(unitCodes: [], entryIDs: [], unit: [], entry: [], value: [], status: [])
        var setID: Int64?
        var expected = 0
        try connection.prepare(
            "SELECT s.id, e.valueCount FROM unitSetKey s JOIN storedEdition e ON e.setID = s.id WHERE s.unitSet = ? AND e.year = ?"
        ).query([.text(unitSetID), .integer(Int64(year))]) { row in
            setID = Int64(row.int(0))
            expected = row.int(1)
        }
        guard let setID else { return values }
        // Unit and entry keys become dense indices, in the order the values meet them. Units come
        // one block at a time; entry keys are small numbers (one per indicator id ever stored), so
        // they index an array rather than a dictionary: a lookup for each of a million values.
        var entryIndexByKey: [Int32] = []
        var entryIndex: [Int64: Int32] = [:]
        var unitKeys: [Int64] = []
        var entryKeys: [Int64] = []
        values.unit.reserveCapacity(expected)
        values.entry.reserveCapacity(expected)
        values.value.reserveCapacity(expected)
        values.status.reserveCapacity(expected)
        // A block is taken whole: its numbers and statuses (usually one for all) are read in place.
        // Most units have the same entries as the unit before (every component of the framework):
        // when a block's entry bytes are the previous block's, their indices are too, and the
        // million keys are not decoded one by one.
        var previousEntryBytes: [UInt8] = []
        var previousEntries: [Int32] = []
        try StoredBlocks(connection).forEachBlock(setID: setID, year: year) { (unitKey, bytes, layout) throws(ValueBlock.BlockError) in
            let unit = Int32(unitKeys.count)
            unitKeys.append(unitKey)
            let entryBytes = UnsafeRawBufferPointer(rebasing: bytes[layout.entriesStart..<layout.numbersStart])
            if entryBytes.elementsEqual(previousEntryBytes) {
                values.entry += previousEntries
            } else {
                previousEntries.removeAll(keepingCapacity: true)
                var reader = ByteReader(bytes, at: layout.entriesStart)
                var entryKey: Int64 = 0
                for _ in 0..<layout.count {
                    entryKey &+= Int64(truncatingIfNeeded: try reader.unsigned())
                    var entry: Int32
                    if entryKey >= 0, entryKey < 1 << 16 {
                        let slot = Int(entryKey)
                        if slot >= entryIndexByKey.count {
                            entryIndexByKey.append(contentsOf: repeatElement(-1, count: slot + 1 - entryIndexByKey.count))
                        }
                        entry = entryIndexByKey[slot]
                    } else {
                        entry = entryIndex[entryKey] ?? -1
                    }
                    if entry < 0 {
                        entry = Int32(entryKeys.count)
                        if entryKey >= 0, entryKey < 1 << 16 { entryIndexByKey[Int(entryKey)] = entry } else { entryIndex[entryKey] = entry }
                        entryKeys.append(entryKey)
                    }
                    previousEntries.append(entry)
                }
                values.entry += previousEntries
                previousEntryBytes = Array(entryBytes)
            }
            // Plain appends into reserved room: appending a `repeatElement` took three times as long.
            for index in 0..<layout.count {
                values.unit.append(unit)
                values.value.append(layout.number(index, in: bytes))
            }
            if let same = layout.sameStatus {
                let status = ValueBlock.status(code: same)
                for _ in 0..<layout.count { values.status.append(status) }
            } else {
                for index in 0..<layout.count { values.status.append(ValueBlock.status(code: layout.status(index, in: bytes))) }
            }
        }
        let unitCodes = try unitCodes(setID: setID)
        let entryIDs = try entryNames()
        values.unitCodes = unitKeys.map { unitCodes[$0] ?? "" }
        values.entryIDs = entryKeys.map { entryIDs[$0] ?? "" }
        return values
    }

    /// The editions with stored values in `unitSetID` (in any set when `nil`), and how many
    /// values each has.
    public func storedYears(unitSetID: String? = nil) throws(StorageError) -> [(year: Int, count: Int)] {
        var result: [(Int, Int)] = []
        try connection.prepare(
            """
            SELECT e.year, SUM(e.valueCount) FROM storedEdition e JOIN unitSetKey s ON s.id = e.setID
            WHERE ?1 IS NULL OR s.unitSet = ?1 GROUP BY e.year ORDER BY e.year
            """
        )
        .query([.optional(unitSetID)]) { row in
            result.append((row.int(0), row.int(1)))
        }
        return result
    }

    /// Every unit set and edition with stored values, and how many values each has.
    public func storedEditions() throws(StorageError) -> [(unitSetID: String, year: Int, count: Int)] {
        var result: [(String, Int, Int)] = []
        try connection.prepare(
            "SELECT s.unitSet, e.year, e.valueCount FROM storedEdition e JOIN unitSetKey s ON s.id = e.setID ORDER BY s.unitSet, e.year"
        ).query { row in
            result.append((row.text(0) ?? "", row.int(1), row.int(2)))
        }
        return result
    }

    /// One value a unit had for an entry, current or replaced.
    public struct HistoryEntry: Sendable, Hashable {
        public var indicatorID: String
        public var value: Double
        public var file: String
        public var line: Int
        /// The sheet and column, for a value read from a workbook.
        public var sheet: String?
        public var column: Int?
        public var sha256: String?
        public var importedAt: String
        /// When and by which file the value was replaced; `nil` for the current value.
        public var replacedAt: String?
        public var replacedBy: String?
    }

    /// Every value the unit `unitCode` of `unitSetID` had in `year`, by entry, oldest first.
    public func history(unitCode: String, year: Int, unitSetID: String = UnitSet.provinces63ID) throws(StorageError) -> [HistoryEntry] {
        var entries: [(entry: HistoryEntry, ordering: Int64)] = []
        try connection.prepare(
            """
            SELECT h.indicatorID, h.value, b.file, h.line, b.sha256, b.importedAt, r.importedAt, r.file, h.id, h.sheet, h.valueColumn
            FROM observationHistory h
            JOIN importBatch b ON b.id = h.importBatchID JOIN importBatch r ON r.id = h.replacedByBatchID
            WHERE h.year = ?1 AND h.unitCode = ?2 AND h.unitSet = ?3
            """
        ).query([.integer(Int64(year)), .text(unitCode), .text(unitSetID)]) { row in
            entries.append(
                (
                    HistoryEntry(
                        indicatorID: row.text(0) ?? "", value: row.double(1), file: row.text(2) ?? "", line: row.int(3), sheet: row.text(9),
                        column: row.isNull(10) ? nil : row.int(10), sha256: row.text(4), importedAt: row.text(5) ?? "",
                        replacedAt: row.text(6), replacedBy: row.text(7)), Int64(row.int(8))
                ))
        }
        // The current values, after every value they replaced.
        let keys = try StoredKeys(connection)
        if let setID = keys.existingSet(unitSetID), let unitID = try keys.existingUnit(unitCode, set: setID),
            let block = try StoredBlocks(connection).block(at: StoredBlocks.Key(setID: setID, year: Int64(year), unitID: unitID))
        {
            let names = try entryNames()
            let extras = try ValueExtras(connection)
            var batches: [Int64: (file: String, sha256: String?, importedAt: String)] = [:]
            let batchQuery = try connection.prepare("SELECT file, sha256, importedAt FROM importBatch WHERE id = ?")
            for index in 0..<block.count {
                let value = block[index]
                if batches[value.batch] == nil {
                    try batchQuery.query([.integer(value.batch)]) { row in batches[value.batch] = (row.text(0) ?? "", row.text(1), row.text(2) ?? "")
                    }
                }
                let batch = batches[value.batch]
                entries.append(
                    (
                        HistoryEntry(
                            indicatorID: names[value.entryID] ?? "", value: value.value, file: batch?.file ?? "", line: Int(value.line),
                            sheet: extras.extra(value.extra).sheet, column: value.column < 0 ? nil : Int(value.column), sha256: batch?.sha256,
                            importedAt: batch?.importedAt ?? "", replacedAt: nil, replacedBy: nil), Int64.max
                    ))
            }
        }
        entries.sort { left, right in
            if left.entry.indicatorID != right.entry.indicatorID {
                return Array(left.entry.indicatorID.utf8).lexicographicallyPrecedes(Array(right.entry.indicatorID.utf8))
            }
            return left.ordering < right.ordering
        }
        return entries.map(\.entry)
    }

    /// `file:line (sha256 1a2b3c4d…, imported …)`, leaving out what is unknown.
    /// Where a stored value came from, as messages give it: `file:line` for text files (the
    /// column is left out, as it always was), `file:Sheet!C12` for workbooks.
    static func location(file: String?, line: Int, column: Int?, sheet: String?) -> SourceLocation {
        SourceLocation(file: file ?? "?", line: line, column: sheet == nil ? nil : column, sheet: sheet)
    }

    /// `file:line (sha256 1a2b3c4d…, imported …)`, leaving out what is unknown.
    static func describeSource(_ location: SourceLocation, sha256: String?, importedAt: String?) -> String {
        var details: [String] = []
        if let sha256 { details.append("sha256 \(sha256.prefix(12))") }
        if let importedAt { details.append("imported \(importedAt)") }
        return "\(location)" + (details.isEmpty ? "" : " (\(details.joined(separator: ", ")))")
    }

}
