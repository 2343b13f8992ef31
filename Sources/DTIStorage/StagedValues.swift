import DTICore

/// Values read but not yet stored, held in memory as columns: each name (unit set and unit,
/// entry, file, sheet with source and note) once, and per value a few integers and the number,
/// about 31 bytes, so ten million values take about 320 MB, not the gigabytes of as many
/// `Observation`s. A value given twice is found without a table while each unit's values in an
/// edition come as one run of lines (as files list them): only the entries of the current run
/// are remembered. The first time a unit and edition come back after another's, an
/// open-addressing table of every value (4 bytes a slot) is built and used from then on.
final class StagedValues {
    // Interned names.
    private(set) var unitKeys: [(unitSet: String, code: String)] = []
    private var unitIndex: [String: [String: Int32]] = [:]
    private(set) var entries: [String] = []
    private var entryIndex: [String: Int32] = [:]
    private(set) var files: [(file: String, sha256: String?)] = []
    private var fileIndex: [String: Int32] = [:]
    private(set) var extras: [(sheet: String?, source: String?, note: String?)] = []
    private var extraIndex: [String: Int32] = [:]

    // One element per value, in the order read.
    private(set) var unit: [Int32] = []
    private(set) var entry: [Int32] = []
    private(set) var year: [Int32] = []
    private(set) var value: [Double] = []
    private(set) var file: [Int32] = []
    private(set) var line: [Int32] = []
    private(set) var column: [Int32] = []
    private(set) var extra: [Int32] = []
    private(set) var status: [UInt8] = []

    /// Value indices by key hash; -1 is an empty slot. Its size is a power of two, at most three
    /// quarters full (linear probing stays short at that load, and 10 million values take 64 MB).
    /// Empty until a run breaks (`usesTable`).
    private var slots: [Int32] = []
    private var usesTable = false
    /// The current run's unit and year, and the units and years whose runs have ended.
    private var run: (unit: Int32, year: Int32) = (-1, 0)
    private var endedRuns: Set<UInt64> = []
    /// For each entry, the run that last gave it (a run's number) and the value that did.
    private var runNumber: Int32 = 0
    private var entryRun: [Int32] = []
    private var entryValue: [Int32] = []
    /// The count `reserve` announced, for a table built later.
    private var reserved = 0

    var count: Int { value.count }
    private var lastYear: Int?
    private var lastUnitSetID: String?
    private(set) var years: Set<Int> = []
    private(set) var unitSetIDs: Set<String> = []

    /// Frees the table that finds repeats, once nothing more will be staged (the writing of a
    /// large import needs its memory).
    func releaseRepeatTable() {
        slots = []
        released = true
    }

    private var released = false

    /// Stages `observations`; returns the index of the first value with the same key for each
    /// one that repeats a staged key (and is not staged), with the repeat.
    func add(_ observations: [Observation]) -> [(first: Int, again: Observation)] {
        precondition(!released, "nothing is staged after the repeat table is released")
        var repeats: [(first: Int, again: Observation)] = []
        for observation in observations {
            let unitKey = intern(unit: observation.unitCode, in: observation.unitSetID)
            let entryKey = intern(entry: observation.indicatorID)
            let year = Int32(truncatingIfNeeded: observation.year)
            if let first = repeatOf(unit: unitKey, entry: entryKey, year: year) {
                repeats.append((Int(first), observation))
                continue
            }
            let provenance = observation.provenance
            let index = Int32(value.count)
            unit.append(unitKey)
            entry.append(entryKey)
            self.year.append(year)
            value.append(observation.value)
            file.append(intern(file: provenance.file, sha256: provenance.sha256))
            line.append(Int32(clamping: provenance.line))
            column.append(provenance.column.map { Int32(clamping: $0) } ?? -1)
            extra.append(intern(sheet: provenance.sheet, source: provenance.source, note: provenance.note))
            status.append(ValueBlock.statusCode(provenance.status))
            // Values come edition by edition: the sets are asked only when the edition changes.
            if observation.year != lastYear {
                years.insert(observation.year)
                lastYear = observation.year
            }
            if observation.unitSetID != lastUnitSetID {
                unitSetIDs.insert(observation.unitSetID)
                lastUnitSetID = observation.unitSetID
            }
            if usesTable {
                insertSlot(index)
            } else {
                entryRun[Int(entryKey)] = runNumber
                entryValue[Int(entryKey)] = index
            }
        }
        return repeats
    }

    /// The value at `index` as the observation it was read as.
    func observation(_ index: Int) -> Observation {
        let key = unitKeys[Int(unit[index])]
        let source = files[Int(file[index])]
        let more = extra[index] < 0 ? (sheet: nil, source: nil, note: nil) : extras[Int(extra[index])]
        return Observation(
            unitSetID: key.unitSet, year: Int(year[index]), unitCode: key.code, indicatorID: entries[Int(entry[index])], value: value[index],
            provenance: Provenance(
                file: source.file, line: Int(line[index]), column: column[index] < 0 ? nil : Int(column[index]), sha256: source.sha256,
                source: more.source, note: more.note, status: ValueBlock.status(code: status[index]), sheet: more.sheet))
    }

    /// The indices of the values grouped by unit set, edition and unit (names in byte order), each
    /// group in the order read: a counting sort over the groups, no comparison of values.
    func unitEditionOrder() -> [[Int32]] {
        var groupOf: [UInt64: Int] = [:]
        var groups: [(unit: Int32, year: Int32)] = []
        var groupIndex = [Int32](repeating: 0, count: count)
        for index in 0..<count {
            let key = UInt64(UInt32(bitPattern: unit[index])) << 32 | UInt64(UInt32(bitPattern: year[index]))
            let group =
                groupOf[key]
                ?? {
                    groups.append((unit[index], year[index]))
                    groupOf[key] = groups.count - 1
                    return groups.count - 1
                }()
            groupIndex[index] = Int32(group)
        }
        var members = [[Int32]](repeating: [], count: groups.count)
        for index in 0..<count { members[Int(groupIndex[index])].append(Int32(index)) }
        let order = groups.indices.sorted { left, right in
            let a = unitKeys[Int(groups[left].unit)]
            let b = unitKeys[Int(groups[right].unit)]
            if a.unitSet != b.unitSet { return Array(a.unitSet.utf8).lexicographicallyPrecedes(Array(b.unitSet.utf8)) }
            if groups[left].year != groups[right].year { return groups[left].year < groups[right].year }
            return Array(a.code.utf8).lexicographicallyPrecedes(Array(b.code.utf8))
        }
        return order.map { members[$0] }
    }

    /// For each file and edition (file order, then edition), how many values and the first one.
    func editionsByFile() -> [(file: String, year: Int, count: Int, first: Provenance)] {
        var found: [UInt64: (count: Int, first: Int)] = [:]
        for index in 0..<count {
            let key = UInt64(UInt32(bitPattern: file[index])) << 32 | UInt64(UInt32(bitPattern: year[index]))
            if let seen = found[key] { found[key] = (seen.count + 1, seen.first) } else { found[key] = (1, index) }
        }
        return found.sorted { $0.key < $1.key }.map { key, summary in
            let first = observation(summary.first).provenance
            return (
                first.file, Int(Int32(bitPattern: UInt32(truncatingIfNeeded: key))), summary.count,
                Provenance(file: first.file, line: first.line, column: first.column, sheet: first.sheet)
            )
        }
    }

    /// The entries given, edition by edition.
    func entriesByYear() -> [Int: Set<String>] {
        var pairs = Set<UInt64>()
        for index in 0..<count { pairs.insert(UInt64(UInt32(bitPattern: year[index])) << 32 | UInt64(UInt32(bitPattern: entry[index]))) }
        var result: [Int: Set<String>] = [:]
        for pair in pairs {
            result[Int(Int32(bitPattern: UInt32(pair >> 32))), default: []].insert(entries[Int(UInt32(truncatingIfNeeded: pair))])
        }
        return result
    }

    /// The units given a value for `year` in `unitSetID`.
    func unitCodes(year wanted: Int, unitSetID: String) -> Set<String> {
        var codes: Set<String> = []
        var seen = Set<Int32>()
        for index in 0..<count where Int(year[index]) == wanted && seen.insert(unit[index]).inserted {
            let key = unitKeys[Int(unit[index])]
            if key.unitSet == unitSetID { codes.insert(key.code) }
        }
        return codes
    }

    /// The file of the first value of `year` in `unitSetID`.
    func firstFile(year wanted: Int, unitSetID: String) -> String? {
        for index in 0..<count where Int(year[index]) == wanted && unitKeys[Int(unit[index])].unitSet == unitSetID {
            return files[Int(file[index])].file
        }
        return nil
    }

    // MARK: - Keys

    /// The first value with this key, if one is staged: from the current run's entries while runs
    /// hold, else from the table (built when a run breaks).
    private func repeatOf(unit: Int32, entry: Int32, year: Int32) -> Int32? {
        if !usesTable {
            if run.unit != unit || run.year != year {
                if run.unit >= 0 { endedRuns.insert(Self.runKey(run.unit, run.year)) }
                if endedRuns.contains(Self.runKey(unit, year)) {
                    buildTable()
                    return find(unit: unit, entry: entry, year: year)
                }
                run = (unit, year)
                runNumber += 1
            }
            if Int(entry) >= entryRun.count {
                entryRun.append(contentsOf: repeatElement(0, count: Int(entry) + 1 - entryRun.count))
                entryValue.append(contentsOf: repeatElement(-1, count: Int(entry) + 1 - entryValue.count))
            }
            return entryRun[Int(entry)] == runNumber ? entryValue[Int(entry)] : nil
        }
        return find(unit: unit, entry: entry, year: year)
    }

    private static func runKey(_ unit: Int32, _ year: Int32) -> UInt64 {
        UInt64(UInt32(bitPattern: unit)) << 32 | UInt64(UInt32(bitPattern: year))
    }

    /// Switches to the table: every staged value placed in it.
    private func buildTable() {
        usesTable = true
        endedRuns = []
        entryRun = []
        entryValue = []
        var size = 1 << 12
        while max(count + 1, reserved) * 4 > size * 3 { size *= 2 }
        slots = Array(repeating: -1, count: size)
        for existing in 0..<Int32(count) { place(existing) }
    }

    private func find(unit wantedUnit: Int32, entry wantedEntry: Int32, year wantedYear: Int32) -> Int32? {
        let start = Self.hash(wantedUnit, wantedEntry, wantedYear)
        // Through buffers: one exclusivity check per lookup, not one per probe and array.
        return slots.withUnsafeBufferPointer { slots in
            unit.withUnsafeBufferPointer { unit in
                entry.withUnsafeBufferPointer { entry in
                    year.withUnsafeBufferPointer { year in
                        let mask = slots.count - 1
                        var slot = start & mask
                        while true {
                            let index = slots[slot]
                            if index < 0 { return nil }
                            if unit[Int(index)] == wantedUnit, entry[Int(index)] == wantedEntry, year[Int(index)] == wantedYear { return index }
                            slot = (slot + 1) & mask
                        }
                    }
                }
            }
        }
    }

    /// Makes room for `count` values in all, so the table that finds repeats is not rebuilt as
    /// it fills (a national file's size announces millions).
    func reserve(_ count: Int) {
        reserved = max(reserved, count)
        for column in [\StagedValues.unit, \.entry, \.year, \.file, \.line, \.column, \.extra] as [ReferenceWritableKeyPath<StagedValues, [Int32]>] {
            self[keyPath: column].reserveCapacity(count)
        }
        value.reserveCapacity(count)
        status.reserveCapacity(count)
    }

    private func insertSlot(_ index: Int32) {
        if count * 4 > slots.count * 3 {
            slots = Array(repeating: -1, count: slots.count * 2)
            for existing in 0..<Int32(count - 1) { place(existing) }
        }
        place(index)
    }

    private func place(_ index: Int32) {
        let start = Self.hash(unit[Int(index)], entry[Int(index)], year[Int(index)])
        slots.withUnsafeMutableBufferPointer { slots in
            let mask = slots.count - 1
            var slot = start & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = index
        }
    }

    /// A 64-bit mix (splitmix64's finaliser) of the three key parts.
    private static func hash(_ unit: Int32, _ entry: Int32, _ year: Int32) -> Int {
        var mixed = UInt64(UInt32(bitPattern: unit)) << 32 ^ UInt64(UInt32(bitPattern: entry)) << 12 ^ UInt64(UInt32(bitPattern: year))
        mixed = (mixed ^ (mixed >> 30)) &* 0xbf58_476d_1ce4_e5b9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94d0_49bb_1331_11eb
        mixed ^= mixed >> 31
        return Int(truncatingIfNeeded: mixed & 0x7fff_ffff_ffff_ffff)
    }

    /// The last unit and file interned: values come unit by unit and file by file.
    private var lastUnit: (unitSet: String, code: String, index: Int32)?
    private var lastFile: (file: String, sha256: String?, index: Int32)?

    private func intern(unit code: String, in unitSet: String) -> Int32 {
        if let last = lastUnit, last.code == code, last.unitSet == unitSet { return last.index }
        let index = internNew(unit: code, in: unitSet)
        lastUnit = (unitSet, code, index)
        return index
    }

    private func internNew(unit code: String, in unitSet: String) -> Int32 {
        if let found = unitIndex[unitSet]?[code] { return found }
        unitKeys.append((unitSet, code))
        let index = Int32(unitKeys.count - 1)
        unitIndex[unitSet, default: [:]][code] = index
        return index
    }

    private func intern(entry id: String) -> Int32 {
        if let found = entryIndex[id] { return found }
        entries.append(id)
        entryIndex[id] = Int32(entries.count - 1)
        return Int32(entries.count - 1)
    }

    private func intern(file name: String, sha256: String?) -> Int32 {
        if let last = lastFile, last.file == name, last.sha256 == sha256 { return last.index }
        let index = internNew(file: name, sha256: sha256)
        lastFile = (name, sha256, index)
        return index
    }

    private func internNew(file name: String, sha256: String?) -> Int32 {
        let key = name + "\u{0}" + (sha256 ?? "")
        if let found = fileIndex[key] { return found }
        files.append((name, sha256))
        fileIndex[key] = Int32(files.count - 1)
        return Int32(files.count - 1)
    }

    private func intern(sheet: String?, source: String?, note: String?) -> Int32 {
        guard sheet != nil || source != nil || note != nil else { return -1 }
        let key = ValueExtras.name((sheet, source, note))
        if let found = extraIndex[key] { return found }
        extras.append((sheet, source, note))
        extraIndex[key] = Int32(extras.count - 1)
        return Int32(extras.count - 1)
    }
}
