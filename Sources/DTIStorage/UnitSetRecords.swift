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
}

extension HistoryStore {
    /// The recorded list of the set `id`, or `nil` when none was recorded (values stored by a
    /// version before unit sets had an identity, or none at all).
    public func recordedUnitSet(_ id: String) throws(StorageError) -> RecordedUnitSet? {
        var recorded: RecordedUnitSet?
        try connection.prepare("SELECT fingerprint, source, recordedAt FROM unitSetRecord WHERE unitSet = ?").query([.text(id)]) { row in
            recorded = RecordedUnitSet(
                id: id, fingerprint: row.text(0) ?? "", source: row.text(1) ?? "", recordedAt: row.text(2) ?? "", units: [], retired: [])
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
    func write(_ record: UnitSetToRecord, at time: String) throws(StorageError) {
        let fingerprint = UnitRecord.fingerprint(record.units)
        var stored: String?
        try connection.prepare("SELECT fingerprint FROM unitSetRecord WHERE unitSet = ?").query([.text(record.id)]) { row in
            stored = row.text(0)
        }
        guard stored != fingerprint else { return }
        try connection.prepare("UPDATE unitSetMember SET retired = 1 WHERE unitSet = ?").run([.text(record.id)])
        let member = try connection.prepare(
            """
            INSERT INTO unitSetMember (unitSet, code, name, parent, retired) VALUES (?, ?, ?, ?, 0)
            ON CONFLICT (unitSet, code) DO UPDATE SET name = excluded.name, parent = excluded.parent, retired = 0
            """)
        for unit in record.units { try member.run([.text(record.id), .text(unit.code), .text(unit.name), .optional(unit.parent)]) }
        try connection.prepare("INSERT OR REPLACE INTO unitSetRecord (unitSet, fingerprint, source, recordedAt) VALUES (?, ?, ?, ?)")
            .run([.text(record.id), .text(fingerprint), .text(record.source), .text(time)])
    }
}

/// A unit set's list to record with an import.
public struct UnitSetToRecord: Sendable {
    public var id: String
    public var units: [UnitRecord]
    public var source: String

    public init(id: String, units: [UnitRecord], source: String) {
        self.id = id
        self.units = units
        self.source = source
    }
}
