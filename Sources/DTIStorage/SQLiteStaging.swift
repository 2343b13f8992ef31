import DTICore

/// Values read but not yet stored, beyond `ObservationStaging.memoryLimit`: kept in a private
/// temporary SQLite database rather than in memory, so that reading any number of values, and
/// finding the ones given twice, takes memory for a batch, not for the file.
///
/// The database is SQLite's own temporary file: created on first use, unlinked from the folder
/// at once, so nothing is left behind even when the process is killed. It never touches the
/// history database, which an import opens only once every file has been read without error.
final class SQLiteStaging {
    private let connection: SQLiteConnection
    private let insert: SQLiteStatement
    private let findFirst: SQLiteStatement
    private let insertFile: SQLiteStatement
    private var fileIDs: [String: Int64] = [:]
    private var files: [Int64: (file: String, sha256: String?)] = [:]

    /// How many values are staged.
    private(set) var count = 0
    /// The editions of the values staged.
    private(set) var years: Set<Int> = []
    /// The unit sets the staged values are keyed in.
    private(set) var unitSetIDs: Set<String> = []

    /// An empty staging area.
    init() throws(StorageError) {
        connection = try SQLiteConnection(path: "")
        // A scratch database: nothing to recover after a crash, so no journal and no syncing.
        try connection.execute(
            """
            PRAGMA journal_mode = OFF;
            PRAGMA synchronous = OFF;
            PRAGMA cache_size = -16384;
            CREATE TABLE stagedFile (id INTEGER PRIMARY KEY, file TEXT NOT NULL, sha256 TEXT);
            CREATE TABLE staged (
                seq INTEGER PRIMARY KEY,
                unitSet TEXT NOT NULL, year INTEGER NOT NULL, unitCode TEXT NOT NULL, indicatorID TEXT NOT NULL, value REAL NOT NULL,
                fileID INTEGER NOT NULL, line INTEGER NOT NULL, valueColumn INTEGER, sheet TEXT,
                source TEXT, note TEXT, status TEXT
            );
            CREATE UNIQUE INDEX stagedKey ON staged(unitSet, year, unitCode, indicatorID);
            BEGIN;
            """)
        insert = try connection.prepare(
            """
            INSERT INTO staged (unitSet, year, unitCode, indicatorID, value, fileID, line, valueColumn, sheet, source, note, status)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING
            """)
        findFirst = try connection.prepare("SELECT \(Self.columns) FROM staged WHERE unitSet = ? AND year = ? AND unitCode = ? AND indicatorID = ?")
        insertFile = try connection.prepare("INSERT INTO stagedFile (file, sha256) VALUES (?, ?) RETURNING id")
    }

    /// Stages `observations` (in file order); returns those whose edition, unit and entry were
    /// already staged, with the first, which stays.
    func add(_ observations: [Observation]) throws(StorageError) -> [ObservationStaging.Repeat] {
        var repeats: [ObservationStaging.Repeat] = []
        for observation in observations {
            let provenance = observation.provenance
            let fileID = try fileID(provenance.file, sha256: provenance.sha256)
            try insert.run([
                .text(observation.unitSetID), .integer(Int64(observation.year)), .text(observation.unitCode), .text(observation.indicatorID),
                .real(observation.value),
                .integer(fileID), .integer(Int64(provenance.line)), provenance.column.map { .integer(Int64($0)) } ?? .null,
                .optional(provenance.sheet), .optional(provenance.source), .optional(provenance.note),
                .optional(provenance.status?.rawValue),
            ])
            if connection.changes > 0 {
                count += 1
                years.insert(observation.year)
                unitSetIDs.insert(observation.unitSetID)
                continue
            }
            try findFirst.query([
                .text(observation.unitSetID), .integer(Int64(observation.year)), .text(observation.unitCode), .text(observation.indicatorID),
            ]) { row in
                repeats.append(ObservationStaging.Repeat(first: self.decode(row), again: observation))
            }
        }
        return repeats
    }

    /// Hands every staged value to `body` in the order it was read, `batchSize` at a time.
    func forEachBatch(
        size batchSize: Int = 10_000, _ body: ([Observation]) throws(StorageError) -> Void
    ) throws(StorageError) {
        let select = try connection.prepare("SELECT \(Self.columns) FROM staged WHERE seq > ? ORDER BY seq LIMIT ?")
        var last: Int64 = 0
        while true {
            var batch: [Observation] = []
            try select.query([.integer(last), .integer(Int64(batchSize))]) { row in
                batch.append(self.decode(row))
                last = Int64(row.int(11))
            }
            guard !batch.isEmpty else { return }
            try body(batch)
        }
    }

    /// Hands the staged values to `body` one edition and unit at a time, in edition and unit
    /// order, each group in the order it was read: for checks across a unit's values.
    func forEachUnitEdition(_ body: ([Observation]) throws -> Void) throws {
        let select = try connection.prepare("SELECT \(Self.columns) FROM staged ORDER BY unitSet, year, unitCode, seq")
        var group: [Observation] = []
        var failure: (any Error)?
        try select.query { row in
            guard failure == nil else { return }
            let observation = self.decode(row)
            if let first = group.first,
                first.year != observation.year || first.unitCode != observation.unitCode || first.unitSetID != observation.unitSetID
            {
                do { try body(group) } catch { failure = error }
                group.removeAll(keepingCapacity: true)
            }
            group.append(observation)
        }
        if let failure { throw failure }
        if !group.isEmpty { try body(group) }
    }

    /// How many values each file gives for each edition, with the first place of each: what a
    /// file spanning several editions is told about. In file order, then edition order.
    func editionsByFile() throws(StorageError) -> [(file: String, year: Int, count: Int, first: Provenance)] {
        var result: [(String, Int, Int, Provenance)] = []
        // SQLite gives the bare columns of the row that holds MIN(seq): the first value's place.
        try connection.prepare(
            "SELECT fileID, year, COUNT(*), MIN(seq), line, valueColumn, sheet FROM staged GROUP BY fileID, year ORDER BY fileID, year"
        ).query { row in
            let file = files[Int64(row.int(0))]
            result.append(
                (
                    file?.file ?? "", row.int(1), row.int(2),
                    Provenance(file: file?.file ?? "", line: row.int(4), column: row.isNull(5) ? nil : row.int(5), sheet: row.text(6))
                ))
        }
        return result
    }

    /// The entries given, edition by edition.
    func entriesByYear() throws(StorageError) -> [Int: Set<String>] {
        var result: [Int: Set<String>] = [:]
        try connection.prepare("SELECT DISTINCT year, indicatorID FROM staged").query { row in
            result[row.int(0), default: []].insert(row.text(1) ?? "")
        }
        return result
    }

    /// The units given at least one value for `year` in the set `unitSetID`.
    func unitCodes(year: Int, unitSetID: String) throws(StorageError) -> Set<String> {
        var codes: Set<String> = []
        try connection.prepare("SELECT DISTINCT unitCode FROM staged WHERE unitSet = ? AND year = ?")
            .query([.text(unitSetID), .integer(Int64(year))]) { row in codes.insert(row.text(0) ?? "") }
        return codes
    }

    /// The file that gives the first value of `year` in `unitSetID`.
    func firstFile(year: Int, unitSetID: String) throws(StorageError) -> String? {
        var file: String?
        try connection.prepare("SELECT fileID FROM staged WHERE unitSet = ? AND year = ? ORDER BY seq LIMIT 1")
            .query([.text(unitSetID), .integer(Int64(year))]) { row in file = files[Int64(row.int(0))]?.file }
        return file
    }

    /// Every staged value, in the order read: for commands that need them all at once.
    func all() throws(StorageError) -> [Observation] {
        var result: [Observation] = []
        try forEachBatch { batch throws(StorageError) in result += batch }
        return result
    }

    private static let columns = "year, unitCode, indicatorID, value, fileID, line, valueColumn, sheet, source, note, status, seq, unitSet"

    private func decode(_ row: SQLiteStatement) -> Observation {
        let file = files[Int64(row.int(4))]
        return Observation(
            unitSetID: row.text(12) ?? "", year: row.int(0), unitCode: row.text(1) ?? "", indicatorID: row.text(2) ?? "", value: row.double(3),
            provenance: Provenance(
                file: file?.file ?? "", line: row.int(5), column: row.isNull(6) ? nil : row.int(6), sha256: file?.sha256,
                source: row.text(8), note: row.text(9), status: row.text(10).flatMap(DataStatus.init(rawValue:)), sheet: row.text(7)))
    }

    private func fileID(_ file: String, sha256: String?) throws(StorageError) -> Int64 {
        let key = file + "\u{0}" + (sha256 ?? "")
        if let id = fileIDs[key] { return id }
        var id: Int64 = 0
        try insertFile.query([.text(file), .optional(sha256)]) { row in id = Int64(row.int(0)) }
        fileIDs[key] = id
        files[id] = (file, sha256)
        return id
    }
}
