/// The schema as named, append-only migrations. Never edit or reorder one that has shipped: add a
/// new one. Each runs in its own transaction and is recorded in `schemaMigration`.
enum Migrations {
    /// The table `keyByUnitSet` reads each stored edition's unit set from, filled from the caller's
    /// editions before the migrations run (a temporary table, gone with the connection).
    static let editionUnitSetTable = "temp.migrationEditionUnitSet"

    static let all: [(name: String, sql: String)] = [
        (
            "createImportBatchAndObservation",
            """
            CREATE TABLE importBatch (
                id INTEGER PRIMARY KEY,
                file TEXT NOT NULL,
                importedAt TEXT NOT NULL
            );
            CREATE TABLE observation (
                id INTEGER PRIMARY KEY,
                year INTEGER NOT NULL,
                unitCode TEXT NOT NULL,
                indicatorID TEXT NOT NULL,
                value REAL NOT NULL,
                importBatchID INTEGER NOT NULL REFERENCES importBatch(id),
                line INTEGER NOT NULL,
                source TEXT,
                note TEXT,
                status TEXT
            );
            CREATE UNIQUE INDEX observationNaturalKey ON observation(year, unitCode, indicatorID);
            """
        ),
        (
            // Provenance: the file's SHA-256 and the value's column; replaced values are kept.
            "addFingerprintAndObservationHistory",
            """
            ALTER TABLE importBatch ADD COLUMN sha256 TEXT;
            ALTER TABLE observation ADD COLUMN valueColumn INTEGER;
            CREATE TABLE observationHistory (
                id INTEGER PRIMARY KEY,
                year INTEGER NOT NULL,
                unitCode TEXT NOT NULL,
                indicatorID TEXT NOT NULL,
                value REAL NOT NULL,
                importBatchID INTEGER NOT NULL REFERENCES importBatch(id),
                line INTEGER NOT NULL,
                valueColumn INTEGER,
                source TEXT,
                note TEXT,
                status TEXT,
                replacedByBatchID INTEGER NOT NULL REFERENCES importBatch(id)
            );
            CREATE INDEX observationHistoryKey ON observationHistory(year, unitCode, indicatorID);
            """
        ),
        (
            // Provenance from workbooks: the sheet a value's cell is on (its row is `line`).
            "addSheet",
            """
            ALTER TABLE observation ADD COLUMN sheet TEXT;
            ALTER TABLE observationHistory ADD COLUMN sheet TEXT;
            """
        ),
        (
            // Codes repeat across unit sets (24 is Bắc Giang among the 63, Bắc Ninh among the 34),
            // so the unit set joins the key. A value stored before was in its edition's own set,
            // as the editions said when it was read (the 63 provinces for a year they do not list).
            "keyByUnitSet",
            """
            ALTER TABLE observation ADD COLUMN unitSet TEXT NOT NULL DEFAULT 'vn63';
            ALTER TABLE observationHistory ADD COLUMN unitSet TEXT NOT NULL DEFAULT 'vn63';
            UPDATE observation SET unitSet = e.unitSet FROM \(editionUnitSetTable) e WHERE e.year = observation.year;
            UPDATE observationHistory SET unitSet = e.unitSet FROM \(editionUnitSetTable) e WHERE e.year = observationHistory.year;
            DROP INDEX observationNaturalKey;
            CREATE UNIQUE INDEX observationNaturalKey ON observation(unitSet, year, unitCode, indicatorID);
            DROP INDEX observationHistoryKey;
            CREATE INDEX observationHistoryKey ON observationHistory(unitSet, year, unitCode, indicatorID);
            """
        ),
        (
            // A unit set's identity: the units (code, name, parent) it had when values were
            // imported with it, and their fingerprint, so a different or edited unit file of the
            // same name is noticed. Units a later list dropped stay, retired, so their values keep
            // a name. Values stored before have no record yet; the next import records one.
            "recordUnitSets",
            """
            CREATE TABLE unitSetRecord (
                unitSet TEXT PRIMARY KEY NOT NULL,
                fingerprint TEXT NOT NULL,
                source TEXT NOT NULL,
                recordedAt TEXT NOT NULL
            );
            CREATE TABLE unitSetMember (
                unitSet TEXT NOT NULL,
                code TEXT NOT NULL,
                name TEXT NOT NULL,
                parent TEXT,
                retired INTEGER NOT NULL DEFAULT 0,
                PRIMARY KEY (unitSet, code)
            ) WITHOUT ROWID;
            """
        ),
        (
            // Values keyed by small integers: the set, unit and entry names are stored once, in
            // `unitSetKey`, `unitKey` and `entryKey`, and each value is one row of a table
            // clustered on its key (no rowid, no second index), in the order ranking reads it.
            // 10 million values took 1,011 MB as text keys with an index. `storedEdition` counts each
            // edition's values, so listing editions reads no values. `observation` stays,
            // as a view, for every query that reads values with their names.
            "keyValuesByNumber",
            """
            CREATE TABLE unitSetKey (id INTEGER PRIMARY KEY, unitSet TEXT NOT NULL UNIQUE);
            CREATE TABLE unitKey (
                id INTEGER PRIMARY KEY,
                setID INTEGER NOT NULL REFERENCES unitSetKey(id),
                code TEXT NOT NULL,
                UNIQUE (setID, code)
            );
            CREATE TABLE entryKey (id INTEGER PRIMARY KEY, indicatorID TEXT NOT NULL UNIQUE);
            CREATE TABLE storedValue (
                setID INTEGER NOT NULL,
                year INTEGER NOT NULL,
                unitID INTEGER NOT NULL,
                entryID INTEGER NOT NULL,
                value REAL NOT NULL,
                importBatchID INTEGER NOT NULL,
                line INTEGER NOT NULL,
                valueColumn INTEGER,
                sheet TEXT,
                source TEXT,
                note TEXT,
                status TEXT,
                PRIMARY KEY (setID, year, unitID, entryID)
            ) WITHOUT ROWID;
            INSERT INTO unitSetKey (unitSet) SELECT DISTINCT unitSet FROM observation ORDER BY unitSet;
            INSERT INTO unitKey (setID, code)
                SELECT DISTINCT s.id, o.unitCode FROM observation o JOIN unitSetKey s ON s.unitSet = o.unitSet ORDER BY s.id, o.unitCode;
            INSERT INTO entryKey (indicatorID) SELECT DISTINCT indicatorID FROM observation ORDER BY indicatorID;
            INSERT INTO storedValue
                SELECT s.id, o.year, u.id, e.id, o.value, o.importBatchID, o.line, o.valueColumn, o.sheet, o.source, o.note, o.status
                FROM observation o
                JOIN unitSetKey s ON s.unitSet = o.unitSet
                JOIN unitKey u ON u.setID = s.id AND u.code = o.unitCode
                JOIN entryKey e ON e.indicatorID = o.indicatorID
                ORDER BY s.id, o.year, u.id, e.id;
            CREATE TABLE storedEdition (
                setID INTEGER NOT NULL REFERENCES unitSetKey(id),
                year INTEGER NOT NULL,
                valueCount INTEGER NOT NULL,
                PRIMARY KEY (setID, year)
            ) WITHOUT ROWID;
            INSERT INTO storedEdition SELECT setID, year, COUNT(*) FROM storedValue GROUP BY setID, year;
            DROP TABLE observation;
            CREATE VIEW observation AS
                SELECT s.unitSet, v.year, u.code AS unitCode, e.indicatorID, v.value, v.importBatchID, v.line, v.valueColumn,
                    v.sheet, v.source, v.note, v.status
                FROM storedValue v
                JOIN unitSetKey s ON s.id = v.setID
                JOIN unitKey u ON u.id = v.unitID
                JOIN entryKey e ON e.id = v.entryID;
            """
        ),
        (
            // The province list a unit file's parents were read against (the 34 or the 63): the
            // same code means another province in each, so a change of list moves every unit.
            // Lists recorded before have none; the next import records it.
            "recordParentSets",
            """
            ALTER TABLE unitSetRecord ADD COLUMN parentSet TEXT;
            """
        ),
        (
            // Each unit's values in one edition as one row (`ValueBlock`): ranking reads ten
            // thousand rows for a year of ten thousand units, not a million, and ten million values
            // take about 13 bytes each, not 36. A value's sheet, source and note are stored once
            // per combination in `valueExtra`. `BlockMigration` moves the values, then the view
            // and the table of a row per value go.
            "valuesInBlocks",
            """
            CREATE TABLE valueExtra (id INTEGER PRIMARY KEY, sheet TEXT, source TEXT, note TEXT);
            CREATE TABLE storedBlock (
                setID INTEGER NOT NULL,
                year INTEGER NOT NULL,
                unitID INTEGER NOT NULL,
                valueCount INTEGER NOT NULL,
                valueBytes BLOB NOT NULL,
                provenanceBytes BLOB NOT NULL,
                PRIMARY KEY (setID, year, unitID)
            );
            """
        ),
    ]

    /// Steps that SQL alone cannot take, run after the migration of the same name.
    static func programmed(_ name: String, _ connection: SQLiteConnection) throws(StorageError) {
        switch name {
        case "valuesInBlocks": try BlockMigration.run(connection)
        default: break
        }
    }

    /// Applies the migrations this database lacks, all in one transaction (an older database is
    /// upgraded whole or not at all); refuses a database written by a newer dti, another program's
    /// database and a file that is not a database. A database that needs nothing takes no lock.
    ///
    /// `unitSetOfYear` gives each edition's own unit set, for values stored before the unit set
    /// was part of their key.
    static func migrate(_ connection: SQLiteConnection, unitSetOfYear: [Int: String] = [:]) throws(StorageError) {
        let tables = try tableNames(connection)
        if !tables.isEmpty, !tables.contains("schemaMigration") {
            throw .notDTIDatabase(path: connection.path, tables: tables)
        }
        let applied = tables.contains("schemaMigration") ? try appliedNames(connection) : []
        try refuseNewer(applied, path: connection.path)
        guard all.contains(where: { !applied.contains($0.name) }) else { return }
        try connection.transaction { () throws(StorageError) in
            try connection.execute("CREATE TABLE IF NOT EXISTS schemaMigration (name TEXT PRIMARY KEY NOT NULL)")
            // Another process may have migrated between the look and the lock.
            let applied = try appliedNames(connection)
            try refuseNewer(applied, path: connection.path)
            try connection.execute("CREATE TEMP TABLE IF NOT EXISTS migrationEditionUnitSet (year INTEGER PRIMARY KEY, unitSet TEXT NOT NULL)")
            let insertEdition = try connection.prepare("INSERT OR REPLACE INTO \(editionUnitSetTable) (year, unitSet) VALUES (?, ?)")
            for (year, unitSet) in unitSetOfYear.sorted(by: { $0.key < $1.key }) {
                try insertEdition.run([.integer(Int64(year)), .text(unitSet)])
            }
            for migration in all where !applied.contains(migration.name) {
                try connection.execute(migration.sql)
                try programmed(migration.name, connection)
                try connection.prepare("INSERT INTO schemaMigration (name) VALUES (?)").run([.text(migration.name)])
            }
            try connection.execute("DROP TABLE \(editionUnitSetTable)")
        }
        if !applied.contains("valuesInBlocks") { compactAfterMovingValues(connection) }
    }

    /// Gives back the pages the rows of values took once they are blocks (a database of ten
    /// million values shrinks from 517 MB to about 140 MB). Best effort, after the migration has
    /// committed: VACUUM is itself one transaction, and when it cannot run (another process
    /// reading, no room for its copy) the history is whole and only larger than it need be.
    private static func compactAfterMovingValues(_ connection: SQLiteConnection) {
        var pages = 0
        var free = 0
        try? connection.prepare("PRAGMA page_count").query { row in pages = row.int(0) }
        try? connection.prepare("PRAGMA freelist_count").query { row in free = row.int(0) }
        guard free > 256, free * 4 > pages else { return }
        try? connection.execute("VACUUM")
    }

    /// The tables of the database (SQLite's own left out); the first read, so a file that is not
    /// a database is named as such here.
    static func tableNames(_ connection: SQLiteConnection) throws(StorageError) -> [String] {
        var names: [String] = []
        do {
            try connection.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").query { row in
                if let name = row.text(0) { names.append(name) }
            }
        } catch {
            if case let .sqlite(_, reason) = error, reason.contains("not a database") { throw .notADatabase(path: connection.path) }
            throw error
        }
        return names
    }

    private static func appliedNames(_ connection: SQLiteConnection) throws(StorageError) -> [String] {
        var applied: [String] = []
        try connection.prepare("SELECT name FROM schemaMigration ORDER BY rowid").query { row in
            if let name = row.text(0) { applied.append(name) }
        }
        return applied
    }

    private static func refuseNewer(_ applied: [String], path: String) throws(StorageError) {
        let known = Set(all.map(\.name))
        let unknown = applied.filter { !known.contains($0) }
        guard unknown.isEmpty else { throw .newerSchema(path: path, unknownMigrations: unknown) }
    }
}
