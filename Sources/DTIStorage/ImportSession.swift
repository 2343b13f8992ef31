import DTICore

/// One import's writing, inside its transaction: values are handed over as columns (the whole
/// staging, or one batch at a time), compared with the values stored before (one range scan per
/// edition met), and written, or counted as conflicts; `finish` ends it. Each staged unit, entry
/// and file is keyed once per hand-over, and a value becomes an `Observation` only when a
/// conflict or a replacement describes it.
final class ImportSession {
    private let store: HistoryStore
    private let importedAt: String
    private let replace: Bool
    private let keys: StoredKeys
    private let writer: StoredValueWriter
    private let insertBatch: SQLiteStatement
    private var summary = HistoryStore.ImportSummary()
    private var conflicts: [StoredConflict] = []
    private var conflictCount = 0
    /// The values stored before, by edition met, keyed by `StoredValueWriter.Key.packed`.
    private var stored: [HistoryStore.EditionKey: [UInt64: Double]] = [:]
    /// The `importBatch` row of each file, by name and fingerprint, made when its first value is written.
    private var batchOfFile: [String: Int64] = [:]
    private static let statusText = (0...3).map { StagedValues.status(UInt8($0))?.rawValue }
    /// The keys this import gives a value, by edition, kept only when it also has empty cells:
    /// a blank in one file beside a value in another is no difference with the store.
    private let tracksGiven: Bool
    private var given: [HistoryStore.EditionKey: Set<UInt64>] = [:]
    /// Each file's fingerprint, as its values gave it.
    private var sha256OfFile: [String: String] = [:]

    init(_ store: HistoryStore, importedAt: String, replace: Bool, tracksGiven: Bool = false) throws(StorageError) {
        self.store = store
        self.importedAt = importedAt
        self.replace = replace
        self.tracksGiven = tracksGiven
        keys = try StoredKeys(store.connection)
        writer = try StoredValueWriter(store.connection)
        insertBatch = try store.connection.prepare("INSERT INTO importBatch (file, importedAt, sha256) VALUES (?, ?, ?) RETURNING id")
    }

    /// Compares and writes every value of `values`, in their order.
    func take(_ values: StagedValues) throws(StorageError) {
        var setOfUnit: [Int64] = []
        var unitIDs: [Int64] = []
        for key in values.unitKeys {
            let setID = try keys.set(key.unitSet)
            setOfUnit.append(setID)
            unitIDs.append(try keys.unit(key.code, set: setID))
        }
        var entryIDs: [Int64] = []
        for id in values.entries { entryIDs.append(try keys.entry(id)) }
        var batchOfFileIndex = [Int64?](repeating: nil, count: values.files.count)
        for source in values.files { if let sha = source.sha256 { sha256OfFile[source.file] = sha } }
        var edition = HistoryStore.EditionKey(setID: -1, year: 0)
        var storedInEdition: [UInt64: Double] = [:]

        for index in 0..<values.count {
            let unit = Int(values.unit[index])
            let key = StoredValueWriter.Key(
                setID: setOfUnit[unit], year: Int64(values.year[index]), unitID: unitIDs[unit], entryID: entryIDs[Int(values.entry[index])])
            if key.setID != edition.setID || key.year != Int64(edition.year) {
                edition = HistoryStore.EditionKey(setID: key.setID, year: Int(key.year))
                if stored[edition] == nil { stored[edition] = try store.storedValues(of: edition) }
                storedInEdition = stored[edition] ?? [:]
            }
            let value = values.value[index]
            if tracksGiven { given[edition, default: []].insert(key.packed) }
            let storedValue = storedInEdition.isEmpty ? nil : storedInEdition[key.packed]
            if let storedValue {
                if storedValue == value {
                    summary.unchanged += 1
                    continue
                }
                guard replace else {
                    // Counted and, for the first ones, described; nothing is written, so go on looking.
                    conflictCount += 1
                    if conflicts.count < HistoryStore.conflictsListed {
                        conflicts.append(try conflict(values.observation(index), with: storedValue, at: key))
                    }
                    continue
                }
            }
            guard conflictCount == 0 else { continue }

            let fileIndex = Int(values.file[index])
            let batch: Int64
            if let known = batchOfFileIndex[fileIndex] {
                batch = known
            } else {
                batch = try self.batch(of: values.files[fileIndex])
                batchOfFileIndex[fileIndex] = batch
            }
            if let storedValue {
                let observation = values.observation(index)
                try writer.replace(key, with: observation, batch: batch)
                summary.replaced += 1
                summary.replacedPerYear[observation.year, default: 0] += 1
                if summary.replacements.count < HistoryStore.conflictsListed {
                    summary.replacements.append(HistoryStore.Replacement(key: observation.key, before: storedValue, after: value))
                }
            } else {
                let extra = values.extra[index]
                let more = extra < 0 ? (sheet: nil, source: nil, note: nil) : values.extras[Int(extra)]
                let column = values.column[index]
                try writer.insert(
                    StoredValueWriter.Row(
                        key: key, value: value, batch: batch, line: Int64(values.line[index]), column: column < 0 ? nil : Int64(column),
                        sheet: more.sheet, source: more.source, note: more.note, status: Self.statusText[Int(values.status[index])]))
                summary.inserted += 1
            }
        }
    }

    /// Compares the cells the files left empty with the store: a blank where a value was stored
    /// (and no file of this import gives one) is a difference. It is a conflict, or, with
    /// `replace`, the stored value is removed and kept in the history, so the value is then
    /// missing, as the import said.
    func take(blanks: [BlankCell]) throws(StorageError) {
        for blank in blanks {
            let setID = try keys.set(blank.key.unitSetID)
            let full = StoredValueWriter.Key(
                setID: setID, year: Int64(blank.key.year), unitID: try keys.unit(blank.key.unitCode, set: setID),
                entryID: try keys.entry(blank.key.indicatorID))
            let edition = HistoryStore.EditionKey(setID: full.setID, year: blank.key.year)
            if stored[edition] == nil { stored[edition] = try store.storedValues(of: edition) }
            guard let storedValue = stored[edition]?[full.packed], given[edition]?.contains(full.packed) != true else { continue }
            let observationKey = blank.key
            guard replace else {
                conflictCount += 1
                if conflicts.count < HistoryStore.conflictsListed {
                    conflicts.append(
                        StoredConflict(
                            key: observationKey.description, newValue: nil, newSource: blank.location.description,
                            storedValue: storedValue, storedSource: try writer.storedSource(full)))
                }
                continue
            }
            guard conflictCount == 0 else { continue }
            let file = blank.file
            let batch = try self.batch(of: (file, sha256OfFile[file]))
            try writer.remove(full, batch: batch)
            summary.replaced += 1
            summary.replacedPerYear[observationKey.year, default: 0] += 1
            if summary.replacements.count < HistoryStore.conflictsListed {
                summary.replacements.append(HistoryStore.Replacement(key: observationKey, before: storedValue, after: nil))
            }
        }
    }

    /// Ends the import: the conflicts, if any, as the error; else the last rows and the
    /// editions' counts written, and what was done.
    func finish() throws(StorageError) -> HistoryStore.ImportSummary {
        guard conflictCount == 0 else { throw .conflicts(conflicts, total: conflictCount) }
        try writer.flush()
        try store.countValues(in: stored.keys)
        return summary
    }

    /// The `importBatch` row of a file, made the first time one of its values is written.
    private func batch(of source: (file: String, sha256: String?)) throws(StorageError) -> Int64 {
        let name = source.file + "\u{0}" + (source.sha256 ?? "")
        if let known = batchOfFile[name] { return known }
        var created: Int64 = 0
        try insertBatch.query([.text(source.file), .text(importedAt), .optional(source.sha256)]) { row in created = Int64(row.int(0)) }
        batchOfFile[name] = created
        return created
    }

    /// A value that differs from the stored one, with both sources.
    private func conflict(_ observation: Observation, with storedValue: Double, at key: StoredValueWriter.Key) throws(StorageError)
        -> StoredConflict
    {
        let provenance = observation.provenance
        return StoredConflict(
            key: observation.key.description, newValue: observation.value,
            newSource: HistoryStore.describeSource(
                HistoryStore.location(file: provenance.file, line: provenance.line, column: provenance.column, sheet: provenance.sheet),
                sha256: provenance.sha256, importedAt: nil),
            storedValue: storedValue, storedSource: try writer.storedSource(key))
    }
}
