/// The integer keys of unit sets, units and entries in the history (`unitSetKey`, `unitKey`,
/// `entryKey`): each name is looked up, or added, once per import, not once per value.
final class StoredKeys {
    private let connection: SQLiteConnection
    private var setIDs: [String: Int64] = [:]
    private var entryIDs: [String: Int64] = [:]
    private var unitIDs: [Int64: [String: Int64]] = [:]

    /// The keys stored so far (units are read set by set, when first asked for).
    init(_ connection: SQLiteConnection) throws(StorageError) {
        self.connection = connection
        try connection.prepare("SELECT id, unitSet FROM unitSetKey").query { row in setIDs[row.text(1) ?? ""] = Int64(row.int(0)) }
        try connection.prepare("SELECT id, indicatorID FROM entryKey").query { row in entryIDs[row.text(1) ?? ""] = Int64(row.int(0)) }
    }

    /// The id of the set `unitSet`, or `nil` when nothing was ever stored in it.
    func existingSet(_ unitSet: String) -> Int64? { setIDs[unitSet] }

    /// The id of the set `unitSet`, added when new.
    func set(_ unitSet: String) throws(StorageError) -> Int64 {
        if let id = setIDs[unitSet] { return id }
        let id = try insert("INSERT INTO unitSetKey (unitSet) VALUES (?) RETURNING id", [.text(unitSet)])
        setIDs[unitSet] = id
        return id
    }

    /// The id of the entry `indicatorID`, added when new.
    func entry(_ indicatorID: String) throws(StorageError) -> Int64 {
        if let id = entryIDs[indicatorID] { return id }
        let id = try insert("INSERT INTO entryKey (indicatorID) VALUES (?) RETURNING id", [.text(indicatorID)])
        entryIDs[indicatorID] = id
        return id
    }

    /// The id of the unit `code` of the set `setID`, or `nil` when nothing was ever stored for it.
    func existingUnit(_ code: String, set setID: Int64) throws(StorageError) -> Int64? {
        var id: Int64?
        try connection.prepare("SELECT id FROM unitKey WHERE setID = ? AND code = ?").query([.integer(setID), .text(code)]) { row in
            id = Int64(row.int(0))
        }
        return id
    }

    /// The id of the unit `code` of the set `setID`, added when new.
    func unit(_ code: String, set setID: Int64) throws(StorageError) -> Int64 {
        if let id = unitIDs[setID]?[code] { return id }
        if unitIDs[setID] == nil {
            var units: [String: Int64] = [:]
            try connection.prepare("SELECT id, code FROM unitKey WHERE setID = ?").query([.integer(setID)]) { row in
                units[row.text(1) ?? ""] = Int64(row.int(0))
            }
            unitIDs[setID] = units
            if let id = units[code] { return id }
        }
        let id = try insert("INSERT INTO unitKey (setID, code) VALUES (?, ?) RETURNING id", [.integer(setID), .text(code)])
        unitIDs[setID, default: [:]][code] = id
        return id
    }

    private func insert(_ sql: String, _ values: [SQLiteStatement.Value]) throws(StorageError) -> Int64 {
        var id: Int64 = 0
        try connection.prepare(sql).query(values) { row in id = Int64(row.int(0)) }
        return id
    }
}
