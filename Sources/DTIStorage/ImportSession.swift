import DTICore

/// One import's writing, inside its transaction: values are handed over as columns (the whole
/// staging, or one batch at a time), compared in the order read with the values stored before
/// (one range scan per edition met), counted as conflicts or marked for writing; then each unit's
/// block that gains or changes a value is written once, in key order. `finish` ends it. Each
/// staged unit, entry and file is keyed once per hand-over, and a value becomes an `Observation`
/// only when a conflict or a replacement describes it.
final class ImportSession {
    private let store: HistoryStore
    private let importedAt: String
    private let replace: Bool
    private let keys: StoredKeys
    private let blocks: StoredBlocks
    private let extras: ValueExtras
    private let replaced: ReplacedValues
    private let insertBatch: SQLiteStatement
    private var summary = HistoryStore.ImportSummary()
    private var conflicts: [StoredConflict] = []
    private var conflictCount = 0
    /// The values stored before, by edition met, keyed by `StoredBlocks.pack`.
    private var stored: [HistoryStore.EditionKey: [UInt64: Double]] = [:]
    /// The blocks this import wrote: read again, not assumed absent, when a later batch adds to one.
    private var written: Set<StoredBlocks.Key> = []
    /// The `importBatch` row of each file, by name and fingerprint, made when its first value is written.
    private var batchOfFile: [String: Int64] = [:]
    /// The keys this import gives a value, by edition, kept only when it also has empty cells:
    /// a blank in one file beside a value in another is no difference with the store.
    private let tracksGiven: Bool
    private var given: [HistoryStore.EditionKey: Set<UInt64>] = [:]
    /// Each file's fingerprint, as its values gave it.
    private var sha256OfFile: [String: String] = [:]

    /// What becomes of a staged value.
    private enum Action: UInt8 {
        case none, insert, replace
    }

    init(_ store: HistoryStore, importedAt: String, replace: Bool, tracksGiven: Bool = false) throws(StorageError) {
        self.store = store
        self.importedAt = importedAt
        self.replace = replace
        self.tracksGiven = tracksGiven
        keys = try StoredKeys(store.connection)
        blocks = try StoredBlocks(store.connection)
        extras = try ValueExtras(store.connection)
        replaced = try ReplacedValues(store, extras: extras)
        insertBatch = try store.connection.prepare("INSERT INTO importBatch (file, importedAt, sha256) VALUES (?, ?, ?) RETURNING id")
    }

    /// Compares every value of `values` with the store, in their order, then writes the blocks
    /// they change.
    func take(_ values: StagedValues) throws(StorageError) {
        // Units are keyed in code order, so new units' keys ascend as their codes do.
        var setOfUnit = [Int64](repeating: 0, count: values.unitKeys.count)
        var unitIDs = [Int64](repeating: 0, count: values.unitKeys.count)
        let unitOrder = values.unitKeys.indices.sorted { left, right in
            let a = values.unitKeys[left]
            let b = values.unitKeys[right]
            if a.unitSet != b.unitSet { return Array(a.unitSet.utf8).lexicographicallyPrecedes(Array(b.unitSet.utf8)) }
            return Array(a.code.utf8).lexicographicallyPrecedes(Array(b.code.utf8))
        }
        for unit in unitOrder {
            let key = values.unitKeys[unit]
            setOfUnit[unit] = try keys.set(key.unitSet)
            unitIDs[unit] = try keys.unit(key.code, set: setOfUnit[unit])
        }
        var entryIDs: [Int64] = []
        for id in values.entries { entryIDs.append(try keys.entry(id)) }
        var batchOfFileIndex = [Int64?](repeating: nil, count: values.files.count)
        for source in values.files { if let sha = source.sha256 { sha256OfFile[source.file] = sha } }
        var actions = [Action](repeating: .none, count: values.count)
        var edition = HistoryStore.EditionKey(setID: -1, year: 0)
        var storedInEdition: [UInt64: Double] = [:]

        for index in 0..<values.count {
            let unit = Int(values.unit[index])
            let blockKey = StoredBlocks.Key(setID: setOfUnit[unit], year: Int64(values.year[index]), unitID: unitIDs[unit])
            let entryID = entryIDs[Int(values.entry[index])]
            let packed = StoredBlocks.pack(unitID: blockKey.unitID, entryID: entryID)
            if blockKey.setID != edition.setID || blockKey.year != Int64(edition.year) {
                edition = HistoryStore.EditionKey(setID: blockKey.setID, year: Int(blockKey.year))
                if stored[edition] == nil { stored[edition] = try store.storedValues(of: edition) }
                storedInEdition = stored[edition] ?? [:]
            }
            let value = values.value[index]
            if tracksGiven { given[edition, default: []].insert(packed) }
            let storedValue = storedInEdition.isEmpty ? nil : storedInEdition[packed]
            if let storedValue {
                if storedValue == value {
                    summary.unchanged += 1
                    continue
                }
                guard replace else {
                    // Counted and, for the first ones, described; nothing is written, so go on looking.
                    conflictCount += 1
                    if conflicts.count < HistoryStore.conflictsListed {
                        conflicts.append(try conflict(values.observation(index), with: storedValue, at: blockKey, entryID: entryID))
                    }
                    continue
                }
            }
            guard conflictCount == 0 else { continue }
            // The file's batch is made in the order values are read, as the history always numbered them.
            let fileIndex = Int(values.file[index])
            let batch: Int64
            if let known = batchOfFileIndex[fileIndex] {
                batch = known
            } else {
                batch = try self.batch(of: values.files[fileIndex])
                batchOfFileIndex[fileIndex] = batch
            }
            if let storedValue {
                // The old value goes to the history now, in the order read; its block is written below.
                guard var block = try blocks.block(at: blockKey), let old = block.remove(entryID: entryID) else { continue }
                try replaced.keep(
                    old, unitSet: values.unitKeys[unit].unitSet, year: blockKey.year, unitCode: values.unitKeys[unit].code, replacedBy: batch)
                actions[index] = .replace
                summary.replaced += 1
                summary.replacedPerYear[Int(values.year[index]), default: 0] += 1
                if summary.replacements.count < HistoryStore.conflictsListed {
                    summary.replacements.append(
                        HistoryStore.Replacement(key: values.observation(index).key, before: storedValue, after: value))
                }
            } else {
                actions[index] = .insert
                summary.inserted += 1
            }
        }
        guard conflictCount == 0 else { return }
        try write(values, actions: actions, setOfUnit: setOfUnit, unitIDs: unitIDs, entryIDs: entryIDs, batchOfFileIndex: batchOfFileIndex)
    }

    /// Writes each block that `actions` changes, once, in key order, merged into the block
    /// stored before (when there was one). A unit's values in one edition usually come as one run
    /// of lines, and are then taken where they lie; otherwise a counting sort gathers them.
    private func write(
        _ values: StagedValues, actions: [Action], setOfUnit: [Int64], unitIDs: [Int64], entryIDs: [Int64], batchOfFileIndex: [Int64?]
    ) throws(StorageError) {
        var groups = ValueGroups()
        for index in 0..<values.count where actions[index] != .none {
            groups.meet(index, unit: values.unit[index], year: values.year[index])
        }
        guard !groups.isEmpty else { return }
        let members =
            groups.allContiguous ? nil : groups.members(of: values.count) { actions[$0] != .none ? (values.unit[$0], values.year[$0]) : nil }
        // The repeat table is not needed any more: its memory goes before the blocks are built.
        values.releaseRepeatTable()
        var extraIDs = [Int64?](repeating: nil, count: values.extras.count)
        func key(of group: Int) -> StoredBlocks.Key {
            let unit = Int(groups.unit[group])
            return StoredBlocks.Key(setID: setOfUnit[unit], year: Int64(groups.year[group]), unitID: unitIDs[unit])
        }
        let keys = (0..<groups.count).map(key(of:))
        let order = keys.indices.sorted { keys[$0] < keys[$1] }
        var slice: [Int32] = []
        for group in order {
            let key = keys[group]
            let edition = HistoryStore.EditionKey(setID: key.setID, year: Int(key.year))
            let storedBefore = !(stored[edition]?.isEmpty ?? true)
            var block = storedBefore || written.contains(key) ? try blocks.block(at: key) ?? ValueBlock() : ValueBlock()
            slice.removeAll(keepingCapacity: true)
            if let members {
                slice.append(contentsOf: members.values[members.starts[group]..<members.starts[group + 1]])
            } else {
                for index in groups.first[group]...groups.last[group] where actions[Int(index)] != .none { slice.append(index) }
            }
            func entryID(_ member: Int32) -> Int64 { entryIDs[Int(values.entry[Int(member)])] }
            if !slice.indices.dropFirst().allSatisfy({ entryID(slice[$0 - 1]) < entryID(slice[$0]) }) {
                slice.sort { entryID($0) < entryID($1) }
            }
            let appending = block.count == 0
            for member in slice {
                let index = Int(member)
                let extraIndex = Int(values.extra[index])
                var extra: Int64 = -1
                if extraIndex >= 0 {
                    if let known = extraIDs[extraIndex] {
                        extra = known
                    } else {
                        extra = try extras.id(values.extras[extraIndex])
                        extraIDs[extraIndex] = extra
                    }
                }
                let value = ValueBlock.Value(
                    entryID: entryID(member), value: values.value[index], status: values.status[index],
                    batch: batchOfFileIndex[Int(values.file[index])] ?? 0, line: Int64(values.line[index]),
                    column: Int64(values.column[index]), extra: extra)
                if appending { block.append(value) } else { block.set(value) }
            }
            try blocks.write(block, at: key)
            written.insert(key)
        }
    }

    /// Compares the cells the files left empty with the store: a blank where a value was stored
    /// (and no file of this import gives one) is a difference. It is a conflict, or, with
    /// `replace`, the stored value is removed and kept in the history, so the value is then
    /// missing, as the import said.
    func take(blanks: [BlankCell]) throws(StorageError) {
        for blank in blanks {
            let setID = try keys.set(blank.key.unitSetID)
            let key = StoredBlocks.Key(setID: setID, year: Int64(blank.key.year), unitID: try keys.unit(blank.key.unitCode, set: setID))
            let entryID = try keys.entry(blank.key.indicatorID)
            let packed = StoredBlocks.pack(unitID: key.unitID, entryID: entryID)
            let edition = HistoryStore.EditionKey(setID: setID, year: blank.key.year)
            if stored[edition] == nil { stored[edition] = try store.storedValues(of: edition) }
            guard let storedValue = stored[edition]?[packed], given[edition]?.contains(packed) != true else { continue }
            let observationKey = blank.key
            guard replace else {
                conflictCount += 1
                if conflicts.count < HistoryStore.conflictsListed {
                    conflicts.append(
                        StoredConflict(
                            key: observationKey.description, newValue: nil, newSource: blank.location.description,
                            storedValue: storedValue, storedSource: try storedSource(at: key, entryID: entryID)))
                }
                continue
            }
            guard conflictCount == 0, var block = try blocks.block(at: key), let old = block.remove(entryID: entryID) else { continue }
            let batch = try self.batch(of: (blank.file, sha256OfFile[blank.file]))
            try replaced.keep(old, unitSet: blank.key.unitSetID, year: key.year, unitCode: blank.key.unitCode, replacedBy: batch)
            try blocks.write(block, at: key)
            written.insert(key)
            summary.replaced += 1
            summary.replacedPerYear[observationKey.year, default: 0] += 1
            if summary.replacements.count < HistoryStore.conflictsListed {
                summary.replacements.append(HistoryStore.Replacement(key: observationKey, before: storedValue, after: nil))
            }
        }
    }

    /// Ends the import: the conflicts, if any, as the error; else the editions' counts written,
    /// and what was done.
    func finish() throws(StorageError) -> HistoryStore.ImportSummary {
        guard conflictCount == 0 else { throw .conflicts(conflicts, total: conflictCount) }
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

    /// Where the value stored at `key` for `entryID` came from.
    private func storedSource(at key: StoredBlocks.Key, entryID: Int64) throws(StorageError) -> String {
        guard let block = try blocks.block(at: key) else { return "" }
        let (index, found) = block.position(of: entryID)
        return found ? try replaced.source(of: block[index]) : ""
    }

    /// A value that differs from the stored one, with both sources.
    private func conflict(_ observation: Observation, with storedValue: Double, at key: StoredBlocks.Key, entryID: Int64) throws(StorageError)
        -> StoredConflict
    {
        let provenance = observation.provenance
        return StoredConflict(
            key: observation.key.description, newValue: observation.value,
            newSource: HistoryStore.describeSource(
                HistoryStore.location(file: provenance.file, line: provenance.line, column: provenance.column, sheet: provenance.sheet),
                sha256: provenance.sha256, importedAt: nil),
            storedValue: storedValue, storedSource: try storedSource(at: key, entryID: entryID))
    }
}
