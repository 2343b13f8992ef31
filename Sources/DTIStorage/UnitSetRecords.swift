import DTICore

/// The list of units a set had when values were imported with it (`unitSetRecord`,
/// `unitSetMember`): what a unit file read later is compared with.
public struct RecordedUnitSet: Sendable {
    public var id: String
    /// `UnitRecord.fingerprint` of `units`.
    public var fingerprint: String
    /// Where the list came from (a unit file's path, or the built-in data).
    public var source: String
    public var recordedAt: String
    /// The units of the set now.
    public var units: [UnitRecord]
    /// Units a later list dropped: their stored values stay, and keep their names.
    public var retired: [UnitRecord]
    /// The province list the parents were read against (`vn34`, `vn63`); `nil` for a list
    /// recorded before dti recorded it, or a set without parents.
    public var parentSet: String?

    /// How the units read now differ from this list.
    public func change(to current: [UnitRecord], parentSet currentParents: String?) -> UnitSetChange {
        UnitSetChange(recorded: units, retired: retired, current: current, recordedParents: parentSet, currentParents: currentParents)
    }
}

extension HistoryStore {
    /// The recorded list of the set `id`, or `nil` when none was recorded (values stored by a
    /// version before unit sets had an identity, or none at all).
    public func recordedUnitSet(_ id: String) throws(StorageError) -> RecordedUnitSet? {
        var recorded: RecordedUnitSet?
        try connection.prepare("SELECT fingerprint, source, recordedAt, parentSet FROM unitSetRecord WHERE unitSet = ?").query([.text(id)]) {
            row in
            recorded = RecordedUnitSet(
                id: id, fingerprint: row.text(0) ?? "", source: row.text(1) ?? "", recordedAt: row.text(2) ?? "", units: [], retired: [],
                parentSet: row.text(3))
        }
        guard var recorded else { return nil }
        try connection.prepare("SELECT code, name, parent, retired FROM unitSetMember WHERE unitSet = ? ORDER BY code").query([.text(id)]) {
            row in
            let unit = UnitRecord(code: row.text(0) ?? "", name: row.text(1) ?? "", parent: row.text(2))
            if row.int(3) == 0 { recorded.units.append(unit) } else { recorded.retired.append(unit) }
        }
        return recorded
    }

    /// Records `units` as the list of the set `id`, in a transaction of its own (`dti import
    /// --update-units` with no data file).
    public func recordUnitSet(_ record: UnitSetToRecord, at time: String) throws(StorageError) {
        try connection.transaction { () throws(StorageError) in try write(record, at: time) }
    }

    /// Writes the list inside the caller's transaction; nothing when it is the one recorded. Units
    /// of the old list that the new one lacks are kept as retired.
    ///
    /// The list is compared with the recorded one here, inside the write transaction (`BEGIN
    /// IMMEDIATE`), and not only before it: two imports that each checked an empty database would
    /// otherwise both record their own list, and one file's values would stand under the other's
    /// names. A change `record` does not allow is refused, and the transaction rolls back.
    func write(_ record: UnitSetToRecord, at time: String) throws(StorageError) {
        let fingerprint = UnitRecord.fingerprint(record.units)
        let recorded = try recordedUnitSet(record.id)
        if let recorded {
            let change = recorded.change(to: record.units, parentSet: record.parentSet)
            if let file = record.file, !change.isAllowed(accepting: record.accepting, continuing: record.continuing) {
                throw .unitSetRefused(
                    UnitSetRefusal(
                        file: file, setID: record.id, recordedFrom: recorded.source, recordedAt: recorded.recordedAt, change: change,
                        continuing: record.continuing))
            }
            guard recorded.fingerprint != fingerprint || (record.parentSet != nil && recorded.parentSet != record.parentSet) else { return }
        }
        try connection.prepare("UPDATE unitSetMember SET retired = 1 WHERE unitSet = ?").run([.text(record.id)])
        let member = try connection.prepare(
            """
            INSERT INTO unitSetMember (unitSet, code, name, parent, retired) VALUES (?, ?, ?, ?, 0)
            ON CONFLICT (unitSet, code) DO UPDATE SET name = excluded.name, parent = excluded.parent, retired = 0
            """)
        for unit in record.units { try member.run([.text(record.id), .text(unit.code), .text(unit.name), .optional(unit.parent)]) }
        try connection.prepare(
            "INSERT OR REPLACE INTO unitSetRecord (unitSet, fingerprint, source, recordedAt, parentSet) VALUES (?, ?, ?, ?, ?)"
        ).run([.text(record.id), .text(fingerprint), .text(record.source), .text(time), .optional(record.parentSet)])
    }
}

/// A unit set's list to record with an import, and which changes from the recorded list the
/// user allowed.
public struct UnitSetToRecord: Sendable {
    public var id: String
    public var units: [UnitRecord]
    public var source: String
    /// The province list the parents were read against.
    public var parentSet: String?
    /// The unit file the list was read from; `nil` for the built-in sets, which are not checked.
    public var file: String?
    /// The user's `--update-units`: units removed, renamed or moved may be recorded.
    public var accepting: Bool
    /// The user's `--continues`: codes of retired units that a new unit continues.
    public var continuing: Set<String>

    public init(
        id: String, units: [UnitRecord], source: String, parentSet: String? = nil, file: String? = nil, accepting: Bool = false,
        continuing: Set<String> = []
    ) {
        self.id = id
        self.units = units
        self.source = source
        self.parentSet = parentSet
        self.file = file
        self.accepting = accepting
        self.continuing = continuing
    }
}
